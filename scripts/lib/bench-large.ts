/**
 * Uptake on a 100,000-element page at rest (tests/fixtures/large: 100 DOM mutations a second,
 * web components among the rows) with a `visible` rule and a text meter whose selectors find
 * nothing: the case where a whole-page walk for shadow roots used to run about once a second.
 * Traced (scripts/lib/trace.ts): the page's load with Uptake's first walk, then 10 s at rest.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { ask, extensionId } from './browser';
import { LONG_TASK_US, traceUptake } from './trace';

type Record = (f: { name: string; value: number; unit: string; budget?: { op: '<=' | '>='; value: number }; note?: string }) => void;

const LARGE = 'tests/fixtures/large';
const REST_MS = 10_000;

export async function largeDomAtRest(record: Record, context: BrowserContext, extPage: Page): Promise<void> {
  const server = await startDemoServer({ root: LARGE });
  const page = await context.newPage();
  try {
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${LARGE}/playbook.json`, 'utf8') });
    if (!saved.ok) throw new Error(`the large page's playbook is invalid: ${JSON.stringify(saved.errors)}`);
    await page.bringToFront();
    const id = await extensionId(context);
    const ms = (us: number) => Math.round(us) / 1000;
    let elements = 0;
    const load = await traceUptake(context, page, id, async () => {
      await page.goto(`${server.url}/?n=100000`);
      elements = await page.evaluate(async () => {
        while (!('built' in window)) await new Promise((r) => setTimeout(r, 50));
        // Uptake's first walk runs in slices after the page is built: let it finish inside the trace.
        await new Promise((r) => setTimeout(r, 3000));
        return (window as unknown as { built: { elements: number } }).built.elements;
      });
    });
    const where = `${elements.toLocaleString('en')}-element page, visible rule and text meter found nowhere`;
    record({
      name: `${where}, page load: Uptake's longest task`,
      value: ms(load.maxUptakeCallUs),
      unit: 'ms',
      budget: { op: '<=', value: LONG_TASK_US / 1000 },
      note: `its first walk for shadow roots, in slices; ${ms(load.uptakeUs)} ms of Uptake's in all`,
    });
    const rest = await traceUptake(context, page, id, () => page.waitForTimeout(REST_MS));
    record({
      name: `${where}, at rest: Uptake main-thread time per second`,
      value: Math.round(rest.uptakeUs / (rest.spanUs / 1e6)) / 1000,
      unit: 'ms/s',
      budget: { op: '<=', value: 5 },
      note: 'mutation records read as they come, 100 mutations a second',
    });
    record({ name: `${where}, at rest: Uptake's longest task`, value: ms(rest.maxUptakeCallUs), unit: 'ms', budget: { op: '<=', value: LONG_TASK_US / 1000 } });
    record({
      name: `${where}, at rest: long tasks (> 50 ms) made long by Uptake`,
      value: rest.longTasksByUptake + load.longTasksByUptake,
      unit: 'tasks',
      budget: { op: '<=', value: 0 },
      note: `page load and ${REST_MS / 1000} s at rest; ${rest.longTasks + load.longTasks} long task(s) in the page altogether`,
    });
    await bodyClassFlips(record, context, extPage, id);
  } finally {
    await page.close();
    await ask<'ui:reset-playbook'>(extPage, { type: 'ui:reset-playbook' });
    await server.close();
  }
}

const FLIPS = 'tests/fixtures/attack';

/** A class on <body> of a 100,000-element page flipped 10 times a second, under a visible rule: each flip asks what it shows. */
export async function bodyClassFlips(record: Record, context: BrowserContext, extPage: Page, id: string): Promise<void> {
  const server = await startDemoServer({ root: FLIPS });
  const page = await context.newPage();
  try {
    const pb = {
      version: 1,
      app: { id: 'flips', name: 'Flips', matches: ['http://127.0.0.1/*'], identity: { account: { from: 'constant', value: 'lab' }, user: { from: 'constant', value: 'bench' } } },
      features: [{ id: 'done', name: 'Done notice', detect: [{ on: 'visible', anchor: { selectors: ['[data-toast] span'] } }] }],
    };
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(pb) });
    if (!saved.ok) throw new Error(`the flip page's playbook is invalid: ${JSON.stringify(saved.errors)}`);
    await page.goto(`${server.url}/?n=100000&body=1`);
    await page.waitForFunction(() => 'built' in window, undefined, { timeout: 60_000 });
    await page.waitForTimeout(2000);
    const rest = await traceUptake(context, page, id, () => page.waitForTimeout(REST_MS));
    record({
      name: "100,000-element page, <body> class flipped 10×/s under a visible rule: Uptake main-thread time per second",
      value: Math.round(rest.uptakeUs / (rest.spanUs / 1e6)) / 1000,
      unit: 'ms/s',
      budget: { op: '<=', value: 5 },
      note: `longest task of Uptake's ${Math.round(rest.maxUptakeCallUs) / 1000} ms; each heavy re-query waits 200× its cost`,
    });
  } finally {
    await page.close();
    await server.close();
  }
}
