import { readFileSync } from 'node:fs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask, extensionId } from '../../scripts/lib/browser';
import { traceUptake } from '../../scripts/lib/trace';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, showMe, stepCard } from './widget-helpers';

// `visible` rules and text meters read from mutation records (tests/fixtures/gestures, tests/fixtures/large).
let gestures: DemoServer;
let large: DemoServer;
test.beforeAll(async () => {
  gestures = await startDemoServer({ root: 'tests/fixtures/gestures' });
  large = await startDemoServer({ root: 'tests/fixtures/large' });
});
test.afterAll(async () => {
  await gestures.close();
  await large.close();
});

/** Saves the playbook in `file`, with only the features named in `only` if given. */
const usePlaybook = async (extPage: import('playwright-core').Page, file: string, only?: string[]) => {
  const pb = JSON.parse(readFileSync(file, 'utf8')) as { features: { id: string }[] };
  if (only) pb.features = pb.features.filter((f) => only.includes(f.id));
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(pb) });
  expect(saved.ok).toBe(true);
};

test('visible: each toast that appears counts, also two in a row shown 120 ms each, and toasts inside shadow roots (one attached after load) with no change in the main document', async ({ app, extPage }) => {
  await usePlaybook(extPage, 'tests/fixtures/gestures/playbook.json', ['saved', 'synced', 'marker']);
  await app.goto(`${gestures.url}/`);
  const toastsGone = (n: number) => app.waitForFunction((k) => (window as unknown as { log: { toasts: number } }).log.toasts >= k, n);
  await app.click('#two-toasts');
  await toastsGone(2);
  await app.click('#shadow-toast');
  await toastsGone(3);
  await app.click('#late-panel');
  await toastsGone(4);
  // A real click afterwards: recorded after everything before it, so the counts below are final.
  await app.click('#marker');
  await waitForCounts(extPage, gestures.url, { saved: 2, synced: 2, marker: 1 });
});

test('a 100,000-element page with a visible rule and a text meter whose selectors find nothing, mutating 100 times a second: no call into Uptake over 50 ms, clicks answered at once', async ({ app, context, extPage }) => {
  // A trace of a 100,000-element page takes long to record and read on a loaded machine.
  test.setTimeout(240_000);
  await usePlaybook(extPage, 'tests/fixtures/large/playbook.json');
  // Traced from the page's load (Uptake's first walk for shadow roots, in slices) through 5 s at
  // rest: every call into Uptake's scripts (scripts/lib/trace.ts).
  const trace = await traceUptake(context, app, await extensionId(context), async () => {
    await app.goto(`${large.url}/?n=100000`);
    await app.waitForFunction(() => 'built' in window);
    await app.waitForTimeout(5000);
  });
  // In thread time: on a loaded machine (this one shared by many browsers) wall time stretches
  // every task tenfold, the page's own as much as Uptake's.
  expect(trace.maxUptakeCallCpuUs / 1000, `Uptake's longest call ${trace.maxUptakeCallUs / 1000} ms wall time; ${trace.longTasks} long task(s) in the page`).toBeLessThan(50);
  // Input delay, from the click reaching the page to the page's own handler: 5 clicks.
  const box = (await app.locator('#save').boundingBox())!;
  for (let i = 0; i < 5; i++) await app.mouse.click(box.x + 5, box.y + 5);
  const delays = await app.evaluate(() => (window as unknown as { delays: number[] }).delays);
  expect(delays).toHaveLength(5);
  expect(Math.max(...delays), `input delays ${delays.join(', ')} ms`).toBeLessThan(250);
  await waitForCounts(extPage, large.url, { save: 5 });
});

test("a tour step's target rendered late inside a web component's shadow root (nothing changes in the main document) is found when it appears, not at the wait's deadline", async ({ app, extPage }) => {
  await usePlaybook(extPage, 'tests/fixtures/gestures/guide.json');
  await app.goto(`${gestures.url}/`);
  await app.click('#start-late');
  await showMe(app, 'try');
  const card = stepCard(app, 'late-step');
  await expect(card).toHaveAttribute('data-shown-ms', /\d/, { timeout: 10_000 });
  // The target appears 1.5 s after the click above, the step starts after it: well inside the
  // step's 3 s wait, which is where the card showed when only the main document was watched.
  const shownMs = Number(await card.getAttribute('data-shown-ms'));
  expect(shownMs).toBeLessThan(2500);
  await expectNextTo(card, app.locator('#late-target'));
});
