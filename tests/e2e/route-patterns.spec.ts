import { readFileSync } from 'node:fs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

// Route patterns (in-segment "*", hashbang, an ignored hash suffix) and a state condition in a
// click rule's selector, on tests/fixtures/routes.
const FIXTURES = 'tests/fixtures/routes';
let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: FIXTURES });
});
test.afterAll(async () => pages.close());

test('route patterns follow hashbang and suffixed hash routes and "*" inside a segment; ":checked" counts only the direction it names', async ({ app, extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${FIXTURES}/playbook.json`, 'utf8') });
  expect(saved.ok).toBe(true);
  await app.goto(`${pages.url}/#/completed`);

  // "#/active#*": the same route with a "#@2" suffix, as a hashbang, and plain; never "#/completed";
  // and "#/active" then "#/active#@2" is one view, not two (the suffix is ignored).
  for (const link of ['#to-active-suffix', '#to-completed', '#to-active-bang', '#to-completed', '#to-active', '#to-active-suffix', '#to-completed']) await app.click(link);
  // "/files/report-*.csv": only a CSV directly under /files.
  for (const button of ['#push-csv', '#push-pdf', '#push-deep']) await app.click(button);

  // The browser toggles a checkbox before the click is dispatched, so the rule sees the new state:
  // checking counts "complete", unchecking "uncomplete"; through the label too.
  await app.click('#done');
  await app.click('#done');
  await app.click('#done-label');
  await expect(app.locator('#done')).toBeChecked();

  await waitForCounts(extPage, pages.url, { 'active-view': 3, 'csv-report': 1, complete: 2, uncomplete: 1 });
});

test('a view counted by a route rule is stored with the path of the page it counts, not the one before', async ({ app, extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${FIXTURES}/playbook.json`, 'utf8') });
  expect(saved.ok).toBe(true);
  await app.goto(`${pages.url}/`);
  await app.click('#push-csv');
  await waitForCounts(extPage, pages.url, { 'csv-report': 1 });
  // The raw event as stored: what Review's per-path figures and the export are built from.
  const paths = await extPage.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('uptake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => resolve((all.result as { feature: string; path: string }[]).filter((e) => e.feature === 'csv-report').map((e) => e.path));
        };
      }),
  );
  expect(paths).toEqual(['/files/report-7.csv']);
});
