import type { BrowserContext, Page } from 'playwright-core';
import { ask, extensionId, launchWithExtension, openExtensionPage, serviceWorker, tempProfile, until, waitForCaptureRegistration } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { smallDisk } from './small-disk';

/** Click events in the copies pages keep in extension storage until the background acknowledges them. */
const copiedClicks = async (context: BrowserContext) =>
  (await serviceWorker(context)).evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const ids = Object.entries(all)
      .filter(([k]) => k.startsWith('uptake-outbox:'))
      .flatMap(([, v]) => (v as { events: { id: string; feature: string }[] }).events)
      .filter((e) => e.feature === 'export-csv')
      .map((e) => e.id);
    return new Set(ids).size;
  });

const clicks = async (page: Page, n: number) => {
  for (let i = 0; i < n; i++) await page.click('#export-csv');
};

test('a full disk: clicks wait in the outbox, popup and console warn, reset never hits a closing connection, and once space is back each click is stored once without a restart', async ({ demo }) => {
  test.setTimeout(150_000);
  const profile = await tempProfile('uptake-disk-');
  const disk = smallDisk(profile);
  const context = await launchWithExtension({ userDataDir: profile });
  try {
    await waitForCaptureRegistration(context);
    const extPage = await openExtensionPage(context);
    const app = await context.newPage();
    await app.bringToFront();
    await app.goto(`${demo.url}/reports`);
    await app.waitForSelector('#export-csv');
    await clicks(app, 3);
    await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 3 });

    expect(disk.fill()).toBe(0);
    await clicks(app, 10);
    disk.fill();
    // A second tab used and closed while the disk is full: only its copy in extension storage is left.
    const other = await context.newPage();
    await other.bringToFront();
    await other.goto(`${demo.url}/reports`);
    await other.waitForSelector('#export-csv');
    await clicks(other, 5);
    await until(() => copiedClicks(context), (n) => n === 15, 15_000, 'the 15 clicks copied aside');
    await other.close();

    // What the user sees: the popup and the console say storage fails and the activity is kept.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
    await expect(popup.getByTestId('storage-warning')).toContainText("Uptake can't save right now");
    await extPage.reload();
    await expect(extPage.getByTestId('storage-warning')).toContainText('saved once storage works again');

    // Reset on the full disk fails for lack of space (the browser cannot even open the database), never
    // for a stale connection, and failing it deletes nothing, not even the waiting copies.
    const reset = await extPage.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:reset-data', confirm: true }));
    expect(reset.ok).toBe(false);
    expect(reset.error).not.toMatch(/clos/i);
    expect(await copiedClicks(context)).toBe(15);

    disk.free();
    // Every click once: the open tab's outbox and the closed tab's copy, with no restart.
    await waitForCounts(extPage, demo.url, { 'view-reports': 2, 'export-csv': 18 }, 60_000);
    expect((await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).events).toBe(20);
    await until(() => copiedClicks(context), (n) => n === 0, 15_000, 'the copies removed once stored');
    await expect(popup.getByTestId('storage-warning')).toHaveCount(0, { timeout: 10_000 });

    // Full again, then space back: the first reset after it works (the dead connection is reopened).
    // Filled again on each try: the database's compaction frees a few blocks now and then.
    const failing = async () => {
      disk.fill();
      await clicks(app, 5);
      return (await ask<'ui:health'>(extPage, { type: 'ui:health' })).storage;
    };
    await until(failing, (h) => h !== null, 30_000, 'storing failing again');
    await app.close();
    disk.free();
    await ask<'ui:reset-data'>(extPage, { type: 'ui:reset-data', confirm: true });
    expect((await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).events).toBe(0);
  } finally {
    await context.close();
    disk.unmount();
  }
});
