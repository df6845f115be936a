import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, showMe, stepCard, widget } from './widget-helpers';
import { nudgeStats, pageState } from './widget-lab';
import { expectSameAsWithout, withoutUptake } from './without-uptake';

// Real-app pages (tests/fixtures/hostile) where the widget must do its job while the page, its focus,
// scroll and console stay exactly what they are without Uptake.
const FIXTURES = 'tests/fixtures/hostile';
let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: FIXTURES });
});
test.afterAll(async () => pages.close());
const plain = withoutUptake();

test.beforeEach(async ({ extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: readFileSync(`${FIXTURES}/matrix.json`, 'utf8') });
  expect(saved.ok).toBe(true);
});

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

test('a modal dialog opened after a nudge shows: the nudge waits hidden and can then be closed; the dialog, its focus and Escape, DOM, scroll and console are as without Uptake', async ({ app, extPage }) => {
  const nudge = widget(app).locator('.card.nudge[data-nudge="plans-tip"]');
  const { withUptake } = await expectSameAsWithout(await plain(), app, `${pages.url}/dialog.html`, async (page, uptake) => {
    const plans = page.locator('#tip-target');
    if (uptake) await expectNextTo(nudge, plans);
    await page.click('#open-modal');
    await expect(page.locator('#modal')).toBeVisible();
    if (uptake) await expect(nudge).toBeHidden();
    const opened = await activeId(page);
    await page.keyboard.type('Ada');
    await page.keyboard.press('Escape');
    await expect(page.locator('#modal')).toBeHidden();
    const closed = await activeId(page);
    if (uptake) await expectNextTo(nudge, plans);
    await page.click('#open-modal');
    await page.keyboard.type('Ada Lovelace');
    await page.click('#dialog-save');
    await expect(page.locator('#holder')).toHaveText('Ada Lovelace');
    if (uptake) await expectNextTo(nudge, plans);
    return { opened, closed, state: await pageState(page) };
  });
  // The dialog's own focus and Escape: into its autofocused field, Escape cancels, focus back to the opener.
  expect(withUptake.result).toMatchObject({ opened: 'card-name', closed: 'open-modal' });
  expect(withUptake.result.state).toMatchObject({ saves: 1, log: expect.arrayContaining(['key Escape', 'cancel', 'close ', 'close save']) });

  await waitForCounts(extPage, pages.url, { 'open-dialog': 2, 'dialog-save': 1 });
  await nudge.getByRole('button', { name: 'Close tip' }).click();
  await expect(nudge).toHaveCount(0);
  await expect.poll(async () => (await nudgeStats(extPage, 'plans-tip'))?.dismissed).toBe(1);
});

test('a click-to-advance step whose target the app re-renders advances on a click of the new element; app state, DOM, focus, scroll and console are as without Uptake', async ({ app, extPage }) => {
  const card = stepCard(app, 'add');
  const { withUptake } = await expectSameAsWithout(await plain(), app, `${pages.url}/rerender.html`, async (page, uptake) => {
    const add = page.locator('#add-task');
    if (uptake) {
      await showMe(page, 'm-add');
      await expectNextTo(card, add);
    }
    const first = await add.elementHandle();
    await page.click('#refresh');
    // Every element of the view is new: the card follows the new button.
    expect(await first!.evaluate((el) => el.isConnected)).toBe(false);
    if (uptake) await expectNextTo(card, add);
    await page.click('#add-task');
    await expect(page.locator('#tasks li')).toHaveCount(3);
    // The step moved on, to a button the same render made anew; its click ends the tour.
    if (uptake) {
      await expect(card).toHaveCount(0);
      await expectNextTo(stepCard(page, 'sync'), page.locator('#refresh'));
    }
    await page.click('#refresh');
    if (uptake) await expect(stepCard(page)).toHaveCount(0);
    return pageState(page);
  });
  expect(withUptake.result).toMatchObject({ renders: 4, synced: 2, errors: [] });

  await waitForCounts(extPage, pages.url, { refresh: 2, 'add-task': 1 });
  await widget(app).locator('.launcher').click();
  await expect(widget(app).locator('[data-milestone="m-add"]')).toHaveAttribute('data-reached', 'true');
});

test('in a virtual list the card follows its row, not the element the list recycles; the list’s scroll, DOM, focus and console are as without Uptake', async ({ app, extPage }) => {
  const card = stepCard(app, 'row');
  const { withUptake } = await expectSameAsWithout(await plain(), app, `${pages.url}/vlist.html`, async (page, uptake) => {
    const row3 = page.locator('[data-row="3"]');
    const list = page.locator('#vlist');
    if (uptake) {
      await showMe(page, 'm-row');
      await expectNextTo(card, row3);
    }
    const element = () => row3.evaluate((el) => [...el.parentElement!.children].indexOf(el));
    const before = await element();
    // The user's own wheel over the list: the pool's elements now show other rows.
    const wheel = async (dy: number, top: number) => {
      await list.hover();
      await page.mouse.wheel(0, dy);
      await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(top);
    };
    await wheel(60, 60);
    expect(await element()).not.toBe(before);
    if (uptake) {
      await expectNextTo(card, row3);
      await expect(async () => {
        const c = (await card.boundingBox())!;
        const r = (await row3.boundingBox())!;
        expect(Math.abs(c.y + c.height / 2 - (r.y + r.height / 2))).toBeLessThan(6);
      }).toPass({ timeout: 5_000 });
    }
    await row3.click();
    await wheel(600, 660);
    await expect(row3).toHaveCount(0);
    if (uptake) await expect(card).toBeHidden();
    await wheel(-660, 0);
    if (uptake) await expectNextTo(card, row3);
    return pageState(page);
  });
  expect(withUptake.result).toEqual({ selected: 3, errors: [] });

  await waitForCounts(extPage, pages.url, { contact: 1 });
});

test('on a 100,000-element page with 100 mutations a second, capture is exact, the page’s timers and its own observer see no change, and DOM, focus, scroll and console are as without Uptake', async ({ app, extPage }) => {
  // Two loads of a 100,000-element page: some 5 s on a quiet machine, many times that on a loaded one.
  test.setTimeout(180_000);
  const gaps: Record<string, number> = {};
  const { withUptake } = await expectSameAsWithout(await plain(), app, `${pages.url}/large.html?ticks=100`, async (page, uptake) => {
    expect(await page.evaluate(() => (window as unknown as { built: number }).built)).toBeGreaterThanOrEqual(100_000);
    // Real clicks from the start, while the page still builds its rows' styles and Uptake its index.
    for (let i = 1; i <= 3; i++) {
      await page.click('#save');
      await expect(page.locator('.done-toast')).toHaveCount(i);
    }
    // The grid stops changing after its 100th tick: from then on it depends on the tick count only.
    await page.waitForFunction(() => (window as unknown as { pageState: { ticks: number } }).pageState.ticks === 100, null, { timeout: 60_000 });
    // The checklist's launcher is there (the widget loads after the page's 100,000 elements: slow on a busy machine).
    if (uptake) await expect(widget(page).locator('.launcher')).toBeVisible({ timeout: 30_000 });
    const { worstGap, ...state } = await pageState<{ worstGap: number }>(page);
    gaps[uptake ? 'with' : 'without'] = worstGap;
    return state;
  });
  // The page's observer of its body saw the same records with Uptake (compared above): its ticks, its notices, nothing of Uptake's.
  expect(withUptake.result).toMatchObject({ ticks: 100, saves: 3, errors: [] });
  expect((withUptake.result as { records: number }).records).toBeGreaterThanOrEqual(2 * 100 + 3);
  console.log(`worst gap between the page's 10 ms ticks: ${gaps.without?.toFixed(1)} ms without Uptake, ${gaps.with?.toFixed(1)} ms with`);

  await waitForCounts(extPage, pages.url, { save: 3, saved: 3 });
});
