import { ask, stopServiceWorker } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

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
