import { ask, stopServiceWorker, until } from '../../scripts/lib/browser';
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
