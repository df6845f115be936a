import { readFileSync } from 'node:fs';
import { EXTENSION_DIR } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

test('the built manifest asks for no all-URLs host permission and only allowed API permissions', () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
  const broad = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
  for (const p of manifest.host_permissions ?? []) expect(broad, `host permission ${p}`).not.toContain(p);
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  const allowed = ['storage', 'scripting', 'alarms', 'unlimitedStorage'];
  for (const p of manifest.permissions) expect(allowed, `API permission ${p}`).toContain(p);
});

test('a content script asking for stored data is refused', async ({ app, demo, context }) => {
  await app.goto(`${demo.url}/projects`);
  // Run code in the capture script's isolated world, as a compromised content script would.
  const [sw] = context.serviceWorkers();
  const tabId = await sw!.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]?.id);
  const reply = await sw!.evaluate(async (id) => {
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: id! },
      world: 'ISOLATED',
      func: () => chrome.runtime.sendMessage({ type: 'ui:summary' }),
    });
    return res?.result;
  }, tabId);
  expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('refused') });
});
