/**
 * What Uptake costs the page it runs in, over 1,000 real (trusted, CDP) clicks on the demo
 * app and on a heavy page (10,000+ elements, 100 DOM mutations a second), measured two ways:
 *
 * - A/B, untraced: a stopwatch in the page times each click's pass through the document's
 *   capture listeners (where Uptake's click listener runs), with Uptake on and with capture
 *   paused. The page is served cross-origin isolated, so its clock has 5 µs resolution.
 *   The difference is the time Uptake adds inside each click, with no profiler in the way.
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
    const w = window as unknown as { uptakeBenchClicks: number[] };
    w.uptakeBenchClicks = [];
    let start = 0;
    const stop = () => w.uptakeBenchClicks.push((performance.now() - start) * 1000);
    addEventListener(
      'click',
      () => {
        start = performance.now();
      },
      { capture: true },
    );
    addEventListener('DOMContentLoaded', () => document.documentElement.addEventListener('click', stop, { capture: true }));
  });
}

/** `INTERACTIONS` real clicks at the centre of `selector`, untraced: the stopwatch's µs per click. */
async function stopwatchClicks(page: Page, selector: string): Promise<number[]> {
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: its clock is too coarse for the stopwatch');
  const box = (await (await page.waitForSelector(selector)).boundingBox())!;
  await page.evaluate(() => {
    (window as unknown as { uptakeBenchClicks: number[] }).uptakeBenchClicks = [];
  });
  for (let i = 0; i < INTERACTIONS; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const times = await page.evaluate(() => (window as unknown as { uptakeBenchClicks: number[] }).uptakeBenchClicks);
  if (times.length !== INTERACTIONS) throw new Error(`the stopwatch saw ${times.length} of ${INTERACTIONS} clicks`);
  return times;
}

/** The user's count of `feature`, or -1 while the background's current user is someone else (an earlier benchmark's). */
async function featureCount(extPage: Page, url: string, user: string, feature: string): Promise<number> {
  const s = (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url })).summary;
  if (s?.identity.user !== user) return -1;
  return s.features.find((f) => f.id === feature)?.count ?? 0;
}

/** `INTERACTIONS` real clicks at the centre of `selector`, traced; fails unless every one was captured and stored. */
async function tracedClicks(context: BrowserContext, extPage: Page, page: Page, target: { selector: string; user: string; feature: string }, expectCapture = true): Promise<TraceResult> {
  const { selector, user, feature } = target;
  const id = await extensionId(context);
  const box = (await (await page.waitForSelector(selector)).boundingBox())!;
  const count = () => featureCount(extPage, page.url(), user, feature);
  const before = expectCapture ? await until(count, (n) => n >= 0, 15_000, `the page's user "${user}" seen`) : 0;
  const result = await traceUptake(
    context,
    page,
    id,
    async () => {
      for (let i = 0; i < INTERACTIONS; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    'click',
  );
  if (result.perInteraction.length !== INTERACTIONS) throw new Error(`the trace holds ${result.perInteraction.length} of ${INTERACTIONS} clicks`);
  if (expectCapture) {
    await page.bringToFront();
    await until(count, (n) => n >= before + INTERACTIONS, 30_000, `${INTERACTIONS} "${feature}" clicks stored`);
  }
  return result;
}

function report(record: Record, where: string, r: TraceResult, ab: { on: number[]; paused: number[] }) {
  const base = pct(ab.paused, 0.5);
  record({
    name: `Uptake main-thread time added per captured interaction, ${where}, median`,
    value: ms(pct(ab.on, 0.5) - base),
    unit: 'ms',
    budget: { op: '<=', value: PER_INTERACTION_MS },
    note: `A/B, untraced: the click's document capture listeners take ${ms(pct(ab.on, 0.5))} ms with Uptake on, ${ms(base)} ms with capture paused`,
  });
  record({ name: `Uptake main-thread time added per captured interaction, ${where}, p99`, value: ms(pct(ab.on, 0.99) - base), unit: 'ms', note: 'A/B, untraced' });
  record({
    name: `Uptake main-thread time per interaction in a DevTools trace, ${where}, median`,
    value: ms(pct(r.perInteraction, 0.5)),
    unit: 'ms',
    note: "every call into Uptake from one click to the next; the tracer's own overhead included",
  });
  record({ name: `Uptake main-thread time per interaction in a DevTools trace, ${where}, p99`, value: ms(pct(r.perInteraction, 0.99)), unit: 'ms', note: 'the periodic flushes to the background fall here' });
  record({
    name: `long tasks (> 50 ms) with Uptake code in them, ${where}, ${INTERACTIONS} clicks`,
    value: r.longTasksWithUptake,
    unit: 'tasks',
    budget: { op: '<=', value: 0 },
    note: `${r.longTasks} long task(s) in the page altogether`,
  });
}

/** The same clicks untraced with Uptake on, then with capture paused (the content script loads and listens to nothing). */
async function abClicks(extPage: Page, page: Page, selector: string): Promise<{ on: number[]; paused: number[] }> {
  const on = await stopwatchClicks(page, selector);
  await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused: true });
  try {
    await page.bringToFront();
    await page.reload();
    await page.waitForSelector(selector);
    await page.waitForTimeout(1500);
    return { on, paused: await stopwatchClicks(page, selector) };
  } finally {
    await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused: false });
  }
}

async function openPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await installStopwatch(page);
  await page.bringToFront();
  await page.goto(url);
  await page.waitForSelector(ready);
  // The widget loads once the page has settled; measure the steady state after it.
  await page.locator('uptake-widget .launcher').waitFor({ timeout: 10_000 });
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
