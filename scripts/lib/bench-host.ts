/**
 * What Uptake costs the page it runs in, over 1,000 real (trusted, CDP) clicks on the demo
 * app and on a heavy page (10,000+ elements, 100 DOM mutations a second), measured two ways:
 *
 * - A/B, untraced: a stopwatch in the page times each click's pass through the document's
 *   capture listeners (where Uptake's click listener runs), and the whole dispatch, with
 *   Uptake on and with capture paused, each run from a fresh page load. The page is served
 *   cross-origin isolated, so its clock has 5 µs resolution. The difference is the time
 *   Uptake adds inside each click, with no profiler in the way.
 * - From a DevTools trace (scripts/lib/trace.ts): every call into Uptake's scripts, summed
 *   from one click to the next, so it also holds the flushes and timers that follow (p99), and
 *   shows whether any long task had Uptake's code in it. A trace adds its own overhead to every
 *   call it records, so its median reads higher than the untraced one.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { ask, extensionId, until } from './browser';
import { type TraceResult, traceUptake } from './trace';
import { widget } from './widget-root';

/** scripts/bench.ts's `record`: prints a figure with its budget and keeps it for bench/results.json. */
type Record = (f: { name: string; value: number; unit: string; budget?: { op: '<=' | '>='; value: number }; note?: string }) => void;

const INTERACTIONS = 1000;
const HEAVY = 'tests/fixtures/heavy';
/** The budgets: per captured interaction, and long tasks of Uptake's making. */
const PER_INTERACTION_MS = 0.05;

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const ms = (us: number) => Math.round(us) / 1000;

/**
 * Prepares `page` (before it navigates): every response gets the headers that make the page
 * cross-origin isolated, so performance.now() ticks in 5 µs rather than 100 µs; and a stopwatch
 * runs from the first listener of each click (window, capture) to the document element's capture
 * listener, so it holds exactly the document's capture listeners — Uptake's among them.
 */
async function installStopwatch(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { uptakeBench: { capture: number[]; dispatch: number[] } };
    w.uptakeBench = { capture: [], dispatch: [] };
    let start = 0;
    addEventListener(
      'click',
      () => {
        start = performance.now();
      },
      { capture: true },
    );
    // The last stop of the dispatch: every listener of the click, the page's own included.
    addEventListener('click', () => w.uptakeBench.dispatch.push((performance.now() - start) * 1000));
    const stop = () => w.uptakeBench.capture.push((performance.now() - start) * 1000);
    addEventListener('DOMContentLoaded', () => document.documentElement.addEventListener('click', stop, { capture: true }));
  });
}

interface Stopwatch {
  /** µs per click in the document's capture listeners (Uptake's click listener among them). */
  capture: number[];
  /** µs per click for the whole dispatch, every listener included. */
  dispatch: number[];
}

/** `n` real (trusted, CDP) clicks at the centre of `selector`. */
async function clickTimes(page: Page, selector: string, n: number): Promise<void> {
  const box = (await (await page.waitForSelector(selector)).boundingBox())!;
  for (let i = 0; i < n; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** `n` real clicks at the centre of `selector`, untraced, timed by the page's stopwatch. */
async function stopwatchClicks(page: Page, selector: string, n: number): Promise<Stopwatch> {
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: its clock is too coarse for the stopwatch');
  await clickTimes(page, selector, n);
  const times = await page.evaluate(() => (window as unknown as { uptakeBench: Stopwatch }).uptakeBench);
  if (times.capture.length !== n || times.dispatch.length !== n) throw new Error(`the stopwatch saw ${times.capture.length} of ${n} clicks`);
  return times;
}

/** The user's count of `feature`, or -1 while the background's current user is someone else (an earlier benchmark's). */
async function featureCount(extPage: Page, url: string, user: string, feature: string): Promise<number> {
  const s = (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url })).summary;
  if (s?.identity.user !== user) return -1;
  return s.features.find((f) => f.id === feature)?.count ?? 0;
}

/** `INTERACTIONS` real clicks at the centre of `selector`, traced; fails unless every one was captured and stored. */
async function tracedClicks(context: BrowserContext, extPage: Page, page: Page, target: { selector: string; user: string; feature: string }): Promise<TraceResult> {
  const { selector, user, feature } = target;
  const id = await extensionId(context);
  const count = () => featureCount(extPage, page.url(), user, feature);
  const before = await until(count, (n) => n >= 0, 15_000, `the page's user "${user}" seen`);
  const result = await traceUptake(context, page, id, () => clickTimes(page, selector, INTERACTIONS), 'click');
  if (result.perInteraction.length !== INTERACTIONS) throw new Error(`the trace holds ${result.perInteraction.length} of ${INTERACTIONS} clicks`);
  await page.bringToFront();
  await until(count, (n) => n >= before + INTERACTIONS, 30_000, `${INTERACTIONS} "${feature}" clicks stored`);
  return result;
}

const median = (xs: number[]) => pct(xs, 0.5);

/** The budgeted figure: the median time Uptake adds to a click, untraced A/B. */
function addedPerInteraction(record: Record, where: string, ab: { on: Stopwatch; paused: Stopwatch }) {
  record({
    name: `Uptake main-thread time added per captured interaction, ${where}, median`,
    value: ms(median(ab.on.capture) - median(ab.paused.capture)),
    unit: 'ms',
    budget: { op: '<=', value: PER_INTERACTION_MS },
    note: `untraced A/B: the document's capture listeners take ${ms(median(ab.on.capture))} ms with Uptake on, ${ms(median(ab.paused.capture))} ms with capture paused`,
  });
}

function report(record: Record, where: string, r: TraceResult, ab: { on: Stopwatch; paused: Stopwatch }) {
  addedPerInteraction(record, where, ab);
  // The first 100 clicks of each of the two runs.
  const first = (xs: number[]) => median([...xs.slice(0, 100), ...xs.slice(INTERACTIONS, INTERACTIONS + 100)]);
  record({
    name: `Uptake main-thread time added per captured interaction, ${where}, first 100 clicks after page load, median`,
    value: ms(first(ab.on.capture) - first(ab.paused.capture)),
    unit: 'ms',
    note: "before the engine has optimised Uptake's code",
  });
  record({
    name: `the whole click dispatch, every listener included, ${where}: added by Uptake, median`,
    value: ms(median(ab.on.dispatch) - median(ab.paused.dispatch)),
    unit: 'ms',
    note: `untraced A/B: ${ms(median(ab.on.dispatch))} ms on, ${ms(median(ab.paused.dispatch))} ms paused; p99 ${ms(pct(ab.on.dispatch, 0.99))} ms on, ${ms(pct(ab.paused.dispatch, 0.99))} ms paused`,
  });
  // The machine's speed at the time: the page's own work per click, with Uptake out of the way.
  // This virtual machine runs at times about twice as slow for tens of minutes; the figures above
  // move with this one.
  record({
    name: `reference: the page's own click dispatch with capture paused, ${where}, median`,
    value: ms(median(ab.paused.dispatch)),
    unit: 'ms',
    note: 'how fast the machine ran during the A/B: compare runs by it',
  });
  record({
    name: `Uptake main-thread time per interaction in a DevTools trace, ${where}, median`,
    value: ms(median(r.perInteraction)),
    unit: 'ms',
    note: "every call into Uptake from one click to the next; the tracer's own overhead included",
  });
  record({
    name: `Uptake main-thread time per interaction in a DevTools trace, ${where}, p99`,
    value: ms(pct(r.perInteraction, 0.99)),
    unit: 'ms',
    note: 'the periodic flushes to the background fall here',
  });
  // A long task is Uptake's when Uptake made it long: the page's own long tasks (a busy machine
  // makes the heavy page catch up on its timers in one task) may hold a call of Uptake's too.
  record({
    name: `long tasks (> 50 ms) made long by Uptake's code, ${where}, ${INTERACTIONS} clicks`,
    value: r.longTasksByUptake,
    unit: 'tasks',
    budget: { op: '<=', value: 0 },
    note: `${r.longTasks} long task(s) in the page altogether, ${r.longTasksWithUptake} with a call of Uptake's in them (at most ${ms(r.maxUptakeUsInLongTask)} ms of Uptake's in one)`,
  });
  record({
    name: `long tasks (> 50 ms) with any Uptake code in them, ${where}, ${INTERACTIONS} clicks`,
    value: r.longTasksWithUptake,
    unit: 'tasks',
    note: `Uptake's time in them: at most ${ms(r.maxUptakeUsInLongTask)} ms in one`,
  });
}

/**
 * The same clicks untraced, each run on a freshly loaded page as a user's session starts:
 * `INTERACTIONS` with Uptake on, as many with capture paused (the content script loads and
 * listens to nothing), then paused and on again: the ABBA order cancels drift, and the page
 * has been loaded twice before so the browser's code cache serves every run alike. The first
 * clicks of a page run before the engine has optimised Uptake's code; the median includes
 * them, and the first 100 are also reported on their own.
 */
async function abClicks(extPage: Page, page: Page, selector: string): Promise<{ on: Stopwatch; paused: Stopwatch }> {
  const load = async (paused: boolean) => {
    await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused });
    await page.bringToFront();
    await page.reload();
    await page.waitForSelector(selector);
    if (!paused) await widget(page).locator('.launcher').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
  };
  const on: Stopwatch = { capture: [], dispatch: [] };
  const paused: Stopwatch = { capture: [], dispatch: [] };
  try {
    for (const off of [false, true, true, false]) {
      await load(off);
      const run = await stopwatchClicks(page, selector, INTERACTIONS);
      const into = off ? paused : on;
      into.capture.push(...run.capture);
      into.dispatch.push(...run.dispatch);
    }
  } finally {
    await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused: false });
  }
  return { on, paused };
}

async function openPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await installStopwatch(page);
  await page.bringToFront();
  // Loaded twice: from the third load on, the browser's code cache serves the page's scripts,
  // so the measured runs compare like with like.
  await page.goto(url);
  await page.reload();
  await page.waitForSelector(ready);
  // The widget loads once the page has settled; measure the steady state after it.
  await widget(page).locator('.launcher').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(1500);
  return page;
}

async function demoApp(record: Record, context: BrowserContext, extPage: Page, demoUrl: string) {
  const page = await openPage(context, `${demoUrl}/reports`, '#export-csv');
  const target = { selector: '#export-csv', user: 'maria', feature: 'export-csv' };
  const traced = await tracedClicks(context, extPage, page, target);
  report(record, 'demo app', traced, await abClicks(extPage, page, target.selector));
  await page.close();
}

async function heavyPage(record: Record, context: BrowserContext, extPage: Page) {
  const server = await startDemoServer({ root: HEAVY });
  try {
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${HEAVY}/playbook.json`, 'utf8') });
    if (!saved.ok) throw new Error(`the heavy page's playbook is invalid: ${JSON.stringify(saved.errors)}`);
    const page = await openPage(context, `${server.url}/grid`, '#target');
    const shape = await page.evaluate(async () => {
      const h = (window as unknown as { heavy: { mutations: number } }).heavy;
      const from = h.mutations;
      await new Promise((r) => setTimeout(r, 1000));
      return { elements: document.getElementsByTagName('*').length, perSecond: h.mutations - from };
    });
    if (shape.elements < 10_000 || shape.perSecond < 90) throw new Error(`the heavy page is not heavy enough: ${JSON.stringify(shape)}`);
    const where = `heavy page (${shape.elements.toLocaleString('en')} elements, ~${shape.perSecond} mutations/s)`;

    const rest = await traceUptake(context, page, await extensionId(context), () => page.waitForTimeout(5000));
    record({ name: 'heavy page at rest: Uptake main-thread time per second', value: Math.round(rest.uptakeUs / (rest.spanUs / 1e6)) / 1000, unit: 'ms/s', note: 'mutation checks (throttled to 4/s), meter reads, flushes' });
    const traced = await tracedClicks(context, extPage, page, { selector: '#target', user: 'u-1', feature: 'save' });
    report(record, where, traced, await abClicks(extPage, page, '#target'));
    // The same page, a control with 34 ancestors: capture walks a click's ancestors.
    const drafts = () => featureCount(extPage, page.url(), 'u-1', 'save-draft');
    const before = await drafts();
    const nested = await abClicks(extPage, page, '#nested-save');
    // Every click of the last run is stored (of the first, those still unsent when capture was
    // paused are dropped, as a pause means).
    await until(drafts, (n) => n >= before + INTERACTIONS, 30_000, `${INTERACTIONS} "save-draft" clicks stored`);
    addedPerInteraction(record, `${where}, a control with 34 ancestors`, nested);
    await page.close();
  } finally {
    await ask<'ui:reset-playbook'>(extPage, { type: 'ui:reset-playbook' });
    await server.close();
  }
}

export async function hostOverhead(record: Record, context: BrowserContext, extPage: Page, demoUrl: string): Promise<void> {
  await demoApp(record, context, extPage, demoUrl);
  await heavyPage(record, context, extPage);
}
