import { expect, test } from './fixtures';
import { expectNextTo, showMe, stepCard } from './widget-helpers';
import { servePages, usePlaybook } from './widget-lab';

// Targets that go away: a card never stays behind over the page; it waits, hidden, and finds its target again.
const pages = servePages();

test.beforeEach(async ({ extPage }) => usePlaybook(extPage));

const run = (page: import('playwright-core').Page, fn: string) => page.evaluate((f) => (window as unknown as Record<string, () => void>)[f]!(), fn);

test('a click-to-advance step follows its re-rendered target and advances on a click of the new element', async ({ app }) => {
  await app.goto(`${pages.url()}/targets.html`);
  await showMe(app, 'm-click');
  const card = stepCard(app, 'target');
  await expectNextTo(card, app.locator('#target'));
  await run(app, 'rerender');
  await expectNextTo(card, app.locator('#target'));
  await app.click('#target');
  await expect(stepCard(app, 'after')).toBeVisible();
});

test('a step whose target is removed or hidden hides, and shows again next to it when it is back', async ({ app }) => {
  await app.goto(`${pages.url()}/targets.html`);
  await showMe(app, 'm-click');
  const card = stepCard(app, 'target');
  await expectNextTo(card, app.locator('#target'));
  await run(app, 'removeTarget');
  await expect(card).toBeHidden();
  await run(app, 'restoreTarget');
  await expectNextTo(card, app.locator('#target'));
  await app.locator('#target').evaluate((el) => {
    (el as HTMLElement).style.display = 'none';
  });
  await expect(card).toBeHidden();
  await app.locator('#target').evaluate((el) => {
    (el as HTMLElement).style.display = '';
  });
  await expectNextTo(card, app.locator('#target'));
  await app.click('#target');
  await expect(stepCard(app, 'after')).toBeVisible();
});

test('in a virtual list the card stays with its row, not with the element the list recycles', async ({ app }) => {
  await app.goto(`${pages.url()}/targets.html`);
  await showMe(app, 'm-row');
  const card = stepCard(app, 'row');
  const row3 = app.locator('[data-row="3"]');
  await expectNextTo(card, row3);
  const recycled = await row3.evaluate((el) => Array.from(el.parentElement!.children).indexOf(el));
  await app.locator('#vlist').evaluate((el) => el.scrollBy(0, 60)); // two rows: every element now shows another row
  await expect.poll(() => row3.evaluate((el) => Array.from(el.parentElement!.children).indexOf(el))).not.toBe(recycled);
  await expectNextTo(card, row3);
  // Centred on row 3 itself (placed right of it), not on the element that showed row 3 before.
  await expect(async () => {
    const c = (await card.boundingBox())!;
    const r = (await row3.boundingBox())!;
    expect(Math.abs(c.y + c.height / 2 - (r.y + r.height / 2))).toBeLessThan(6);
  }).toPass({ timeout: 5_000 });
  await app.locator('#vlist').evaluate((el) => el.scrollBy(0, 600)); // row 3 is no longer rendered
  await expect(row3).toHaveCount(0);
  await expect(card).toBeHidden();
  await app.locator('#vlist').evaluate((el) => el.scrollTo(0, 0));
  await expectNextTo(card, row3);
});
