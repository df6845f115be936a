import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import type { NudgeStats } from '../../lib/nudges/stats';
import { ask } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

/** Pages for the widget's behaviour (tests/fixtures/widget), served on 127.0.0.1, and their playbook. */
const FIXTURES = 'tests/fixtures/widget';

export function servePages(): { url: () => string } {
  let pages: DemoServer;
  test.beforeAll(async () => {
    pages = await startDemoServer({ root: FIXTURES });
  });
  test.afterAll(async () => pages.close());
  return { url: () => pages.url };
}

export async function usePlaybook(extPage: Page): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${FIXTURES}/playbook.json`, 'utf8') });
  expect(saved.ok).toBe(true);
}

export async function nudgeStats(extPage: Page, nudge: string): Promise<NudgeStats | undefined> {
  return (await ask<'ui:nudge-stats'>(extPage, { type: 'ui:nudge-stats' })).stats.find((s) => s.nudge === nudge);
}

/** What page script recorded (window.pageState). */
export const pageState = <T>(page: Page) => page.evaluate(() => (window as unknown as { pageState: unknown }).pageState) as Promise<T>;
