import { expect, test } from '@playwright/test';
import { benchBrowser, crashBrowser } from '../../scripts/lib/bench-browser';
import { stepGuard } from '../../scripts/lib/bench-step';

test("a bench step that finds Chromium crashed relaunches it (fresh profile, extension loaded) and measures; figures from the crashed try are dropped", async () => {
  test.setTimeout(120_000);
  const browser = benchBrowser();
  const { step, notMeasured, retried } = stepGuard();
  const figures: string[] = [];
  let tries = 0;
  try {
    const first = await browser.get();
    const run = async () => {
      tries++;
      const { context, extPage } = await browser.get();
      figures.push(`try ${tries}`);
      // The first try crashes the browser under the step, as Chromium did under load in "host overhead".
      if (tries === 1) await crashBrowser(extPage);
      const page = await context.newPage();
      await page.goto('about:blank');
      await page.close();
      figures.push(`measured in try ${tries}, ${(await context.serviceWorkers()).length} extension worker(s)`);
    };
    let mark = 0;
    const tryOnce = () => {
      mark = figures.length;
      return run();
    };
    const ok = await step('crashing step', tryOnce, { recover: () => browser.recover(), beforeRetry: () => void figures.splice(mark) });
    expect(ok).toBe(true);
    expect(notMeasured).toEqual([]);
    expect(retried).toEqual([{ step: 'crashing step', why: expect.stringContaining('Chromium was gone: relaunched it') }]);
    expect(figures).toEqual(['try 2', 'measured in try 2, 1 extension worker(s)']);
    expect(browser.launches()).toBe(2);
    expect((await browser.get()).context).not.toBe(first.context);
    // A live browser is not relaunched: a step that fails for another reason is not measured, once.
    expect(await step('failing step', () => Promise.reject(new Error('no card')), { recover: () => browser.recover() })).toBe(false);
    expect(notMeasured).toEqual([{ step: 'failing step', why: 'no card' }]);
    expect(browser.launches()).toBe(2);
  } finally {
    await browser.close();
  }
});
