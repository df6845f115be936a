import { readFileSync } from 'node:fs';
import { EXTENSION_DIR, ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { stepCard, widget } from './widget-helpers';

test('the built manifest asks for no all-URLs host permission and only allowed API permissions', () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
  const broad = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
  for (const p of manifest.host_permissions ?? []) expect(broad, `host permission ${p}`).not.toContain(p);
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  const allowed = ['storage', 'scripting', 'alarms', 'unlimitedStorage'];
  for (const p of manifest.permissions) expect(allowed, `API permission ${p}`).toContain(p);
  // Other origins only on request, origin by origin, when a saved playbook matches them.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.optional_permissions).toBeUndefined();
  // No web page (nor another extension) may open a channel to Uptake.
  expect(manifest.externally_connectable).toBeUndefined();
});

test("a page's own scripts cannot message Uptake: its world has no extension messaging, while the capture script beside it does", async ({ app, demo, context }) => {
  await app.goto(`${demo.url}/projects`);
  const [sw] = context.serviceWorkers();
  const id = new URL(sw!.url()).host;
  const fromPage = await app.evaluate(async (extId) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no sendMessage';
    return runtime.sendMessage(extId, { type: 'cs:state', app: 'tasklane', identity: { account: 'acme', user: 'maria' } }).then(
      (r) => `answered ${JSON.stringify(r)}`,
      (e: Error) => `failed ${e.message}`,
    );
  }, id);
  expect(fromPage).toBe('no sendMessage');
  // Positive control: the same message from the capture script's isolated world in that tab is answered.
  const tabId = await sw!.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]?.id);
  const fromContentScript = await sw!.evaluate(async (tab) => {
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: tab! },
      world: 'ISOLATED',
      func: () => chrome.runtime.sendMessage({ type: 'cs:state', app: 'tasklane', identity: { account: 'acme', user: 'maria' } }),
    });
    return res?.result;
  }, tabId);
  expect(fromContentScript).toMatchObject({ ok: true });
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

test('a content script asking for export data is refused; the same request from the options page is answered', async ({ app, demo, context, extPage }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Something to export');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  const request = { type: 'ui:export', scope: 'all', hashIdentities: false } as const;

  const [sw] = context.serviceWorkers();
  const tabId = await sw!.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]?.id);
  const fromContentScript = await sw!.evaluate(
    async ({ id, msg }) => {
      const [res] = await chrome.scripting.executeScript({
        target: { tabId: id! },
        world: 'ISOLATED',
        func: (m) => chrome.runtime.sendMessage(m),
        args: [msg],
      });
      return res?.result;
    },
    { id: tabId, msg: request },
  );
  expect(fromContentScript).toEqual({ ok: false, error: 'refused: "ui:export" is only accepted from Uptake\'s own pages' });

  // The message itself is well formed: from an extension page it returns the data the content script did not get.
  const fromOptions = await ask<'ui:export'>(extPage, request);
  expect(fromOptions.file?.records.map((r) => r.user)).toEqual(['maria']);
});

test('playbook text with HTML and script renders as inert text in the widget', async ({ app, extPage, demo }) => {
  const payload = `<img src=x onerror="window.__uptakePwned='img'"><script>window.__uptakePwned='script'</script>`;
  const pb = JSON.parse(readFileSync('demo/playbook.json', 'utf8'));
  pb.guides[0].steps[0].title = `Open <b onmouseover="window.__uptakePwned='b'">Reports</b>`;
  pb.guides[0].steps[0].body = `Click **Reports**. ${payload}`;
  pb.milestones.find((m: { id: string }) => m.id === 'first-report-shared').name = `Share <svg onload="__uptakePwned='svg'">`;
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(pb) });
  expect(saved.ok).toBe(true);

  await app.goto(`${demo.url}/projects`);
  await widget(app).locator('.launcher').click();
  const item = widget(app).locator('[data-milestone="first-report-shared"]');
  // Shown literally, as the author wrote it…
  await expect(item).toContainText(`Share <svg onload="__uptakePwned='svg'">`);
  await item.locator('.show-me').click();
  const card = stepCard(app, 'open-reports');
  await expect(card).toContainText(payload);
  await expect(card).toContainText('Open <b onmouseover=');
  // …with the safe markdown subset still applied, and no element made from the text.
  await expect(card.locator('strong')).toHaveText('Reports');
  await expect(widget(app).locator('img, script, svg[onload], b[onmouseover]')).toHaveCount(0);
  await card.hover();
  await app.waitForTimeout(500);
  expect(await app.evaluate(() => (window as { __uptakePwned?: string }).__uptakePwned)).toBeUndefined();

  // The check can fail: the same text parsed as HTML in this page runs and sets the flag.
  await app.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    document.body.append(div);
  }, payload);
  await app.waitForFunction(() => (window as { __uptakePwned?: string }).__uptakePwned === 'img');
});
