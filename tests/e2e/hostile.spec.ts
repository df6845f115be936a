import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, showMe, stepCard, widget } from './widget-helpers';

const FIXTURES = 'tests/fixtures/hostile';
const playbook = readFileSync(`${FIXTURES}/playbook.json`, 'utf8');

let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: FIXTURES });
});
test.afterAll(async () => pages.close());

interface PageState {
  clicks: number;
  violations: string[];
  errors: string[];
  mutations: number;
}
const pageState = (page: Page) => page.evaluate(() => (window as unknown as { pageState: PageState }).pageState);

const CASES = [
  { file: 'csp.html', what: 'a strict Content-Security-Policy', target: '#target' },
  { file: 'reset.html', what: 'an aggressive CSS reset with !important rules', target: '#target' },
  { file: 'overlay.html', what: 'an overlay at z-index 2147483647', target: '#target' },
  { file: 'scroll.html', what: 'a scrolling container under a sticky header', target: '#target' },
  { file: 'shadow.html', what: 'a target inside an open shadow root', target: 'x-panel #target' },
  { file: 'mutation.html', what: 'a page mutating its DOM 100 times a second', target: '#target' },
];

for (const c of CASES) {
  test(`the widget works on ${c.what}, the page behaves as before, and real clicks there are recorded`, async ({ app, extPage }, info) => {
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
    expect(saved.ok).toBe(true);
    await app.goto(`${pages.url}/${c.file}`);
    await showMe(app, 'try-target');
    const card = stepCard(app, 'target');
    const target = app.locator(c.target);
    const { gap } = await expectNextTo(card, target);
    expect(gap).toBeGreaterThanOrEqual(4);

    // Our styles apply (the shadow root is not reached by the page's CSS, and its CSP does not block them).
    const look = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      return { position: s.position, font: s.fontSize, bg: s.backgroundColor, borderTop: s.borderTopWidth };
    });
    expect(look).toMatchObject({ position: 'fixed', borderTop: '4px' });
    expect(look.bg).not.toBe('rgba(0, 0, 0, 0)');
    // Nothing is drawn above the card: the point at its centre belongs to the widget.
    const box = (await card.boundingBox())!;
    const topmost = await app.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(topmost).toBe('uptake-widget');
    await app.screenshot({ path: info.outputPath(`${c.file.replace('.html', '')}.png`) });

    if (c.file === 'scroll.html') {
      // The card follows its target when the container scrolls.
      await app.locator('#scroller').evaluate((el) => el.scrollBy(0, 40));
      await expectNextTo(card, target);
      // Scrolled out of its container, the target is hidden: the card says so instead of pointing at nothing.
      const where = await app.locator('#scroller').evaluate((el) => el.scrollTop);
      await app.locator('#scroller').evaluate((el) => el.scrollBy(0, 2000));
      await expect(card.locator('.note')).toContainText('Scroll to bring the highlighted item back into view');
      await app.locator('#scroller').evaluate((el, top) => el.scrollTo(0, top), where);
      await expect(card.locator('.note')).toHaveCount(0);
    }

    // The page's own behaviour is unchanged: its button works, no CSP violation, no error.
    const before = await pageState(app);
    await card.getByRole('button', { name: 'Done' }).click();
    await app.click('#page-button');
    const after = await pageState(app);
    expect(after.clicks).toBe(before.clicks + 1);
    expect(after.violations).toEqual([]);
    expect(after.errors).toEqual([]);
    if (c.file === 'mutation.html') {
      await app.waitForTimeout(300);
      expect((await pageState(app)).mutations).toBeGreaterThan(after.mutations + 10);
    }
    await expect(widget(app).locator('.launcher')).toBeVisible();

    // Capture works here too: real clicks on the target (inside the shadow root, under the overlay, in the
    // scrolled container…) and on the page's own button are each recorded once, and nothing else is.
    await app.click(c.target);
    await app.click(c.target);
    await waitForCounts(extPage, pages.url, { target: 2, 'page-button': 1 });
    expect((await pageState(app)).errors).toEqual([]);
  });
}
