import { ask, extensionId, serviceWorker, until } from '../../scripts/lib/browser';
import { walkthrough } from '../../scripts/lib/walkthrough';
import { downloadOf } from './console-helpers';
import { countsOf, expect, summary, test } from './fixtures';

// What the user types and what the URL carries beyond its path must end up nowhere Uptake keeps or writes.
const [QUERY, HASH, TYPED_SECRET] = ['s3cret-token-4417', 'frag-secret-9983', 'typed-secret-5521'];
const SECRETS = [QUERY, HASH, TYPED_SECRET];
// Form values the walkthrough types: never collected either.
const TYPED = ['Website relaunch', 'Draft brief', 'sam@example.com'];

test('a query string, a hash and typed text end up in no IndexedDB store, no extension storage and no export; paths are stored bare', async ({ app, extPage, demo, context }) => {
  test.setTimeout(120_000);
  await walkthrough(app, demo.url);
  await app.goto(`${demo.url}/reports?token=${QUERY}#${HASH}`);
  await app.click('#export-csv');
  await app.click('#main-nav a[href="/projects"]');
  await app.fill('#project-form input[name="name"]', TYPED_SECRET);
  await app.click('#create-project');
  await until(async () => countsOf(await summary(extPage, demo.url)), (c) => c['export-csv'] === 2 && c['create-project'] === 3, 20_000, 'the last clicks stored');

  const stored = await extPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('uptake');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const stores: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      stores[name] = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return { stores, local: await chrome.storage.local.get(null) };
  });
  expect(Object.keys(stored.stores).sort()).toEqual(['diagnostics', 'events', 'guides', 'meta', 'meters', 'milestones', 'nudges', 'rollups', 'scores']);
  const paths = new Set((stored.stores.events as { path: string }[]).map((e) => e.path));
  expect(paths).toContain('/reports');
  for (const p of paths) expect(p, 'a stored path').toMatch(/^\/[a-z0-9/-]*$/);

  await extPage.goto(`chrome-extension://${await extensionId(context)}/options.html#export`);
  const json = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download JSON' }).click());
  const csv = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download CSV' }).click());
  // Positive control: the export is of this session (the identity the playbook reads is in it).
  expect(json.text).toContain('"maria"');
  expect(csv.text).toContain('maria');

  const everything = { idb: JSON.stringify(stored.stores), 'chrome.storage.local': JSON.stringify(stored.local), 'JSON export': json.text, 'CSV export': csv.text };
  for (const [where, text] of Object.entries(everything)) {
    for (const secret of [...SECRETS, ...TYPED]) expect(text.includes(secret), `${JSON.stringify(secret)} in ${where}`).toBe(false);
  }
});

test('a walkthrough of the demo app and both exports send nothing anywhere but the page’s own server', async ({ app, extPage, demo, context }) => {
  test.setTimeout(120_000);
  const id = await extensionId(context);
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));
  // Positive controls: requests made by the service worker and by an extension page are seen here too.
  const fromWorker = `${demo.url}/favicon.svg?from=worker`;
  const fromOptions = `${demo.url}/favicon.svg?from=options`;
  const probes = [fromWorker, fromOptions];
  await (await serviceWorker(context)).evaluate((u) => fetch(u).then((r) => r.status), fromWorker);
  await extPage.evaluate((u) => fetch(u).then((r) => r.status), fromOptions);
  await expect.poll(() => probes.filter((u) => seen.includes(u))).toEqual(probes);

  await walkthrough(app, demo.url);
  await until(async () => countsOf(await summary(extPage, demo.url))['advanced-insights'] ?? 0, (n) => n === 1, 20_000, 'the walkthrough stored');
  await extPage.goto(`chrome-extension://${id}/options.html#export`);
  await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download JSON' }).click());
  await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download CSV' }).click());
  await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demo.url}/projects` });

  const own = [`${demo.url}/`, `chrome-extension://${id}/`, `blob:chrome-extension://${id}/`, 'data:'];
  expect(seen.filter((u) => !own.some((o) => u.startsWith(o)))).toEqual([]);
});
