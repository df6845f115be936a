/**
 * What Uptake costs the page it runs in: main-thread time its content scripts add per
 * captured interaction (median and p99) and long tasks with its code in them, over
 * 1,000 real (trusted, CDP) clicks on the demo app and on a heavy page (10,000+
 * elements, 100 DOM mutations a second), measured from DevTools traces (scripts/lib/trace.ts).
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

function report(record: Record, where: string, r: TraceResult) {
  record({ name: `Uptake main-thread time per captured interaction, ${where}, median`, value: ms(pct(r.perInteraction, 0.5)), unit: 'ms', budget: { op: '<=', value: PER_INTERACTION_MS } });
  record({ name: `Uptake main-thread time per captured interaction, ${where}, p99`, value: ms(pct(r.perInteraction, 0.99)), unit: 'ms' });
  record({
    name: `long tasks (> 50 ms) with Uptake code in them, ${where}, ${INTERACTIONS} clicks`,
    value: r.longTasksWithUptake,
    unit: 'tasks',
    budget: { op: '<=', value: 0 },
    note: `${r.longTasks} long task(s) in the page altogether`,
  });
}

async function openPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
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
  report(record, 'demo app', traced);

  // Cross-check without attribution: the same clicks with capture paused (the content script loads, does nothing).
  await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused: true });
  await page.bringToFront();
  await page.reload();
  await page.waitForSelector('#export-csv');
  await page.waitForTimeout(1500);
  const paused = await tracedClicks(context, extPage, page, target, false);
  await ask<'ui:set-settings'>(extPage, { type: 'ui:set-settings', paused: false });
  await page.close();
  record({
    name: 'click dispatch time added, demo app, A/B against capture paused, median',
    value: ms(pct(traced.dispatchUs, 0.5) - pct(paused.dispatchUs, 0.5)),
    unit: 'ms',
    note: 'all listeners of the click, Uptake on vs. paused',
  });
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
    report(record, where, await tracedClicks(context, extPage, page, { selector: '#target', user: 'u-1', feature: 'save' }));
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
