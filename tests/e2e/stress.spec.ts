import type { Page } from 'playwright-core';
import type { ExportFile } from '../../lib/export/schema';
import { ask, launchWithExtension, openExtensionPage, stopServiceWorker, tempProfile, until, waitForCaptureRegistration } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

/**
 * No data loss under stress, in real Chromium with the built extension. Real trusted
 * input is slow (a CDP click is a few milliseconds), so volume comes from `cs:batch`
 * messages sent from extension pages exactly as the content script sends them, with
 * overlapping re-sends; real clicks in real content scripts run alongside.
 */

const FEATURES = ['create-project', 'add-task', 'invite-teammate', 'build-report', 'share-report'];

interface SendPlan {
  user: string;
  total: number;
  batch: number;
  /** Events of the previous batch sent again at the start of the next (a re-send after a lost acknowledgement). */
  overlap: number;
  features: string[];
  t0: number;
}

/**
 * Runs in an extension page: sends `total` events as cs:batch messages, each batch
 * repeating the last `overlap` events of the one before and every fourth batch sent
 * twice at once; retries a batch until every id is acknowledged (the worker may be
 * stopped mid-flight). Sends only up to `window.__allowed` events, so the test paces
 * it alongside the real clicks; progress is published on `window.__sent`.
 */
async function sendEvents(plan: SendPlan): Promise<{ messages: number; failures: number }> {
  const w = window as unknown as { __sent: number; __allowed?: number };
  w.__sent = 0;
  let messages = 0;
  let failures = 0;
  const send = async (events: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      messages++;
      try {
        const msg = { type: 'cs:batch', app: 'tasklane', identity: { account: 'stress', user: plan.user }, events, meters: [] };
        const reply = (await chrome.runtime.sendMessage(msg)) as { ok: boolean; data?: { ack: string[] } } | undefined;
        if (reply?.ok && reply.data?.ack.length === events.length) return;
      } catch {
        // "Could not establish connection" while the worker restarts: retried below.
      }
      failures++;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  };
  for (let start = 0, n = 0; start < plan.total; start += plan.batch, n++) {
    while ((w.__allowed ?? 0) < Math.min(plan.total, start + plan.batch)) await new Promise((r) => setTimeout(r, 5));
    const events = [];
    for (let i = Math.max(0, start - plan.overlap); i < Math.min(plan.total, start + plan.batch); i++) {
      events.push({ id: `${plan.user}:${i}`, feature: plan.features[i % plan.features.length], kind: 'click', ts: plan.t0 + i, path: '/stress' });
    }
    await Promise.all(n % 4 === 0 ? [send(events), send(events)] : [send(events)]);
    w.__sent = Math.min(plan.total, start + plan.batch);
  }
  return { messages, failures };
}

const sent = (page: Page) => page.evaluate(() => (window as unknown as { __sent?: number }).__sent ?? 0);

/** Feature counts per user ("account/user") from the export of every user: the rollups, as a CSM would see them. */
async function countsByUser(extPage: Page): Promise<Record<string, Record<string, number>>> {
  const { file } = (await ask<'ui:export'>(extPage, { type: 'ui:export', scope: 'all', hashIdentities: false })) as { file: ExportFile | null };
  const out: Record<string, Record<string, number>> = {};
  for (const r of file?.records ?? []) out[`${r.account}/${r.user}`] = Object.fromEntries(r.features.filter((f) => f.count > 0).map((f) => [f.id, f.count]));
  return out;
}

/** Expected counts of `total` events spread over `features` in turn. */
function spread(total: number, features: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < total; i++) out[features[i % features.length]!] = (out[features[i % features.length]!] ?? 0) + 1;
  return out;
}

test('10,000 events across 3 tabs, worker stopped 3 times, each stored exactly once: 300 real clicks in 3 demo tabs + 9,697 cs:batch events with overlapping re-sends from 3 extension pages', async ({
  context,
  extPage,
  demo,
}) => {
  test.setTimeout(90_000);
  const REAL_TABS = 3;
  const CLICKS_PER_ROUND = 25;
  const ROUNDS = 4;
  const real = REAL_TABS * CLICKS_PER_ROUND * ROUNDS; // 300 clicks, plus one route view per tab
  const synthetic = 10_000 - real - REAL_TABS;
  const users = ['s1', 's2', 's3'];
  const share = (i: number) => Math.floor(synthetic / 3) + (i < synthetic % 3 ? 1 : 0);

  const senders = [extPage, await openExtensionPage(context), await openExtensionPage(context)];
  const tabs: Page[] = [];
  for (let i = 0; i < REAL_TABS; i++) {
    const tab = await context.newPage();
    await tab.bringToFront();
    await tab.goto(`${demo.url}/reports`);
    await tab.waitForSelector('#export-csv');
    tabs.push(tab);
  }

  const t0 = Date.now() - 3_600_000;
  const sending = senders.map((page, i) =>
    page.evaluate(sendEvents, { user: users[i]!, total: share(i), batch: 100, overlap: 30, features: FEATURES, t0 }),
  );
  const progress = async () => (await Promise.all(senders.map(sent))).reduce((a, b) => a + b, 0);
  let stops = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // A quarter of the volume per round, sent while real, trusted clicks go to three tabs (a tab must be in front to get input)…
    await Promise.all(senders.map((page, i) => page.evaluate((n) => Object.assign(window, { __allowed: n }), Math.ceil((share(i) * (round + 1)) / ROUNDS))));
    // …and the worker is stopped halfway through the first three rounds: batches and acknowledgements are in flight.
    const stop =
      round < ROUNDS - 1
        ? (async () => {
            // Polled tightly: a round's share is sent in well under a second.
            while ((await progress()) < ((round + 0.5) / ROUNDS) * synthetic) await new Promise((r) => setTimeout(r, 5));
            await stopServiceWorker(extPage);
            stops++;
          })()
        : Promise.resolve();
    for (const tab of tabs) {
      await tab.bringToFront();
      for (let i = 0; i < CLICKS_PER_ROUND; i++) await tab.click('#export-csv');
    }
    await stop;
  }
  const results = await Promise.all(sending);
  expect(stops).toBe(3);
  // Re-sends really happened: the overlap and the doubled batches alone make more messages than batches.
  for (const r of results) expect(r.messages).toBeGreaterThan(Math.ceil(share(0) / 100));

  const expected: Record<string, Record<string, number>> = { 'acme/maria': { 'view-reports': REAL_TABS, 'export-csv': real } };
  users.forEach((u, i) => {
    expected[`stress/${u}`] = spread(share(i), FEATURES);
  });
  const want = JSON.stringify(sortDeep(expected));
  const got = await until(() => countsByUser(extPage), (c) => JSON.stringify(sortDeep(c)) === want, 45_000, `counts ${want}`);
  expect(sortDeep(got)).toEqual(sortDeep(expected));
  const stats = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
  expect(stats.events).toBe(10_000);
});

function sortDeep<T>(v: T): T {
  if (Array.isArray(v) || v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => [k, sortDeep(x)]),
  ) as T;
}

test('a browser restart mid-session keeps every acknowledged event, and capture carries on after it', async ({ demo }) => {
  test.setTimeout(90_000);
  const profile = await tempProfile('uptake-restart-');
  const open = async () => {
    const context = await launchWithExtension({ userDataDir: profile });
    await waitForCaptureRegistration(context);
    const extPage = await openExtensionPage(context);
    const app = await context.newPage();
    await app.bringToFront();
    await app.goto(`${demo.url}/reports`);
    await app.waitForSelector('#export-csv');
    return { context, extPage, app };
  };
  const stored = async (extPage: Page) => {
    const counts = (await countsByUser(extPage))['acme/maria'] ?? {};
    const stats = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
    return { clicks: counts['export-csv'] ?? 0, views: counts['view-reports'] ?? 0, events: stats.events };
  };

  let { context, extPage, app } = await open();
  for (let i = 0; i < 60; i++) await app.click('#export-csv');
  // Acknowledged: stored by the background, which answers only after the transaction committed.
  const acked = await until(() => stored(extPage), (s) => s.clicks === 60, 20_000, '60 clicks stored');
  // More clicks, and the browser closes before they can be sent: these may be lost, never counted twice.
  for (let i = 0; i < 15; i++) await app.click('#export-csv');
  await context.close();

  ({ context, extPage, app } = await open());
  try {
    // The new page load's route view arrives within a flush interval.
    const after = await until(() => stored(extPage), (s) => s.views === 2, 20_000, 'the second page view stored');
    expect(after.clicks).toBeGreaterThanOrEqual(acked.clicks);
    expect(after.clicks).toBeLessThanOrEqual(75);
    // Raw events and rollups agree: nothing stored twice (the two page loads are the two route views).
    expect(after.events).toBe(after.clicks + after.views);

    for (let i = 0; i < 20; i++) await app.click('#export-csv');
    const resumed = await until(() => stored(extPage), (s) => s.clicks === after.clicks + 20, 20_000, '20 more clicks stored');
    expect(resumed.events).toBe(after.events + 20);
  } finally {
    await context.close();
  }
});
