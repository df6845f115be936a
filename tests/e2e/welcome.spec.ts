import { readFileSync } from 'node:fs';
import { EXTENSION_DIR, ask, extensionId } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

test('installing opens the welcome page: what Uptake does, stores and never collects, and how to load a playbook', async ({ context }) => {
  const id = await extensionId(context);
  const welcomeUrl = `chrome-extension://${id}/welcome.html`;
  const welcome = context.pages().find((p) => p.url() === welcomeUrl) ?? (await context.waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl }));
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Uptake');
  await expect(welcome.getByRole('heading', { name: 'What Uptake does' })).toBeVisible();
  await expect(welcome.getByRole('heading', { name: 'What it stores, and what it never collects' })).toBeVisible();
  await expect(welcome.getByText(/never\s+records the text you type/)).toBeVisible();
  await expect(welcome.getByRole('link', { name: 'Open the console' })).toHaveAttribute('href', `chrome-extension://${id}/options.html#playbook`);
  expect(await welcome.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(14);
  // While the clock is moved, this page says so too.
  await ask<'ui:set-clock'>(welcome, { type: 'ui:set-clock', offsetMs: 2 * 86_400_000 });
  await welcome.reload();
  await expect(welcome.getByTestId('clock-banner')).toContainText('2 days ahead');
});

test('the manifest names icons at 16, 32, 48 and 128 px for the extension and its action', async () => {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(icons as Record<string, string>)) {
      const png = readFileSync(`${EXTENSION_DIR}${path}`);
      // PNG header: the width and height are the named size.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  }
});
