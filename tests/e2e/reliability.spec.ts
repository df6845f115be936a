import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, openExtensionPage, stopServiceWorker, tempProfile, until, waitForCaptureRegistration } from '../../scripts/lib/browser';
import { countsOf, expect, summary, test, waitForCounts } from './fixtures';

test('stopping the service worker during a burst of 200 interactions loses none and counts none twice', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/reports`);
  await app.waitForSelector('#export-csv');
  const BURST = 200;
  for (let i = 1; i <= BURST; i++) {
    await app.click('#export-csv');
    // Stop the worker three times mid-burst, as Chrome does when it idles.
    if (i % 50 === 0 && i < BURST) await stopServiceWorker(extPage);
  }
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': BURST }, 30_000);
  // Raw events stored once each: the burst plus the one route view.
  const stats = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
  expect(stats.events).toBe(BURST + 1);
});

test('a page path over 2,048 characters blocks nothing: the clicks on it and every later click are stored', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/reports`);
  await app.waitForSelector('#export-csv');
  const clicks = async (n: number) => {
    for (let i = 0; i < n; i++) await app.click('#export-csv');
  };
  // The app moves to a very long path (the page's own history call; the view stays the same).
  await app.evaluate((p) => history.pushState({}, '', p), `/reports/${'a'.repeat(3000)}`);
  await clicks(3);
  await app.evaluate(() => history.pushState({}, '', '/reports'));
  await clicks(10);
  const exported = async () => countsOf(await summary(extPage, demo.url))['export-csv'] ?? 0;
  await until(exported, (n) => n === 13, 20_000, '13 clicks stored');
});

/** `n` trusted clicks on the export button, dispatched back to back (CDP input, not awaited one by one): a real burst. */
async function burst(page: Page, n: number): Promise<void> {
  const box = await page.locator('#export-csv').boundingBox();
  if (!box) throw new Error('no export button');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }));
  }
  await Promise.all(sent);
  await cdp.detach();
}

test('closing a tab right after a burst of 300 clicks loses none, 3 times over', async ({ context, extPage, demo }) => {
  test.setTimeout(120_000);
  const ROUNDS = 3;
  for (let round = 1; round <= ROUNDS; round++) {
    const tab = await context.newPage();
    await tab.bringToFront();
    await tab.goto(`${demo.url}/reports`);
    await tab.waitForSelector('#export-csv');
    await burst(tab, 300);
    await tab.close();
    await waitForCounts(extPage, demo.url, { 'view-reports': round, 'export-csv': 300 * round }, 30_000);
  }
  const stats = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
  expect(stats.events).toBe(301 * ROUNDS);
});

test('a normal browser quit right after a burst loses none: every click is stored after a relaunch with the same profile', async ({ demo }) => {
  test.setTimeout(120_000);
  const profile = await tempProfile('uptake-quit-');
  let context = await launchWithExtension({ userDataDir: profile });
  await waitForCaptureRegistration(context);
  const tab = await context.newPage();
  await tab.goto(`${demo.url}/reports`);
  await tab.waitForSelector('#export-csv');
  // Clicks a few milliseconds apart, as a user's fast clicking: the once-a-second send is in flight at some point, and the quit comes at once.
  for (let i = 0; i < 40; i++) await tab.click('#export-csv');
  await context.close();

  context = await launchWithExtension({ userDataDir: profile });
  try {
    const extPage = await openExtensionPage(context);
    await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 40 }, 30_000);
    expect((await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).events).toBe(41);
  } finally {
    await context.close();
  }
});

/** Every live process started with this profile (Linux /proc); the browser process is the one without --type=. */
function profileProcesses(profile: string): { pid: number; browser: boolean }[] {
  const found: { pid: number; browser: boolean }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmd: string;
    try {
      // Chromium's helpers rewrite their argv into one space-separated string: compare as text.
      cmd = `${readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ')} `;
    } catch {
      continue; // exited meanwhile
    }
    if (cmd.includes(`--user-data-dir=${profile} `)) found.push({ pid: Number(name), browser: !cmd.includes('--type=') });
  }
  return found;
}

function browserPid(profile: string): number {
  const browsers = profileProcesses(profile).filter((p) => p.browser);
  expect(browsers, 'one browser process for the profile').toHaveLength(1);
  return browsers[0]!.pid;
}

test('killing Chromium with SIGKILL right after the last of 40 clicks (awaited, or one CDP burst) or 300 ms after loses none of 41 events, 3 kills in a row', async ({ demo }) => {
  test.setTimeout(180_000); // four launches: about 90 s, two minutes on a loaded machine
  const profile = await tempProfile('uptake-kill-');
  let context = await launchWithExtension({ userDataDir: profile });
  const rounds = [
    { style: 'awaited', waitMs: 0 },
    { style: 'burst', waitMs: 0 },
    { style: 'burst', waitMs: 300 },
  ];
  const seen: string[] = [];
  let before = { events: 0, clicks: 0 };
  try {
    for (const { style, waitMs } of rounds) {
      await waitForCaptureRegistration(context);
      const tab = await context.newPage();
      await tab.goto(`${demo.url}/reports`);
      await tab.waitForSelector('#export-csv');
      const pid = browserPid(profile); // found beforehand, so that the kill follows the last click at once
      if (style === 'burst') await burst(tab, 40);
      else for (let n = 0; n < 40; n++) await tab.click('#export-csv');
      if (waitMs) await new Promise((r) => setTimeout(r, waitMs));
      const closed = new Promise((r) => context.once('close', r));
      process.kill(pid, 'SIGKILL');
      await closed;
      // Its helpers (renderers, the storage and network services) go with it; all gone before the relaunch.
      await until(async () => profileProcesses(profile).length, (n) => n === 0, 15_000, 'every process of the killed browser gone');

      // The relaunch stores what the killed browser's pages had copied aside, and is the next round's browser.
      context = await launchWithExtension({ userDataDir: profile });
      const extPage = await openExtensionPage(context);
      const outboxes = () => extPage.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('uptake-outbox:')).length);
      await until(outboxes, (n) => n === 0, 20_000, 'the saved outboxes stored');
      const { events } = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
      const clicks = countsOf(await summary(extPage, demo.url))['export-csv'] ?? 0;
      seen.push(`${style} +${waitMs} ms: ${events - before.events} of 41 events, ${clicks - before.clicks} of 40 clicks`);
      before = { events, clicks };
      await extPage.close();
    }
  } finally {
    await context.close();
  }
  expect(seen).toEqual(rounds.map(({ style, waitMs }) => `${style} +${waitMs} ms: 41 of 41 events, 40 of 40 clicks`));
});

test('a playbook save interrupted by a stopped worker converges: the registered pages always end as the stored playbook says', async ({ extPage }) => {
  test.setTimeout(180_000);
  const base = (await ask<'ui:get-playbook'>(extPage, { type: 'ui:get-playbook' })).text;
  const variant = (i: number) => {
    const pb = JSON.parse(base);
    // Alternating between both demo origins and one: each save changes what must be registered.
    pb.app.matches = i % 2 ? ['http://localhost/*'] : ['http://127.0.0.1/*', 'http://localhost/*'];
    pb.app.name = `Tasklane ${i}`;
    return JSON.stringify(pb);
  };
  const state = () =>
    extPage.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({ type: 'ui:get-playbook' })) as { ok: boolean; data?: { text: string } };
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      const stored = reply.ok && reply.data ? (JSON.parse(reply.data.text).app.matches as string[]) : null;
      return { stored: stored?.sort().join(' '), registered: (scripts[0]?.matches ?? []).sort().join(' ') };
    });
  let interrupted = 0;
  for (let i = 1; i <= 30; i++) {
    // The save, and the worker stopped a little later each time: before, during and after storing and registering.
    const saving = extPage.evaluate((text) => chrome.runtime.sendMessage({ type: 'ui:set-playbook', text }).catch((e: Error) => e.message), variant(i));
    await new Promise((r) => setTimeout(r, (i * 7) % 120));
    await stopServiceWorker(extPage);
    if (typeof (await saving) === 'string') interrupted++;
    await until(state, (s) => s.stored !== undefined && s.stored === s.registered, 10_000, `registration ${i} converged`);
  }
  // The stop really cut saves short (their answer never came).
  expect(interrupted).toBeGreaterThan(0);
});
