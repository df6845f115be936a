import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { ask } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';
import { exposeWidgetRoot, expectNextTo, showMe, stepCard, widget } from './widget-helpers';
import { pageState, servePages } from './widget-lab';

// A tour as its user meets it (tests/fixtures/widget/tour.html): the spotlight, progress, Back and Skip on
// every step, the waiting card, the completion card, hints that name the action, and the keyboard alone.
const pages = servePages();
const LONG = 'Save <b>and</b> publish the quarterly report to every workspace';

function playbook(): string {
  const pb = JSON.parse(readFileSync('tests/fixtures/widget/playbook.json', 'utf8'));
  pb.features.push({ id: 'publish', name: 'Publish a report', detect: [{ on: 'click', anchor: { selectors: ['#publish'] } }] });
  const at = (selector: string) => ({ anchor: { selectors: [selector] }, placement: 'bottom' });
  pb.guides.push(
    {
      id: 'spot',
      name: 'Spotlight',
      kind: 'tour',
      backdrop: true,
      done: 'Next, **invite** a teammate.',
      steps: [
        { id: 's-name', ...at('#name'), title: 'Your name', body: 'Type it here.' },
        { id: 's-route', ...at('#go-reports'), title: 'Reports', body: 'Open them.', advance: { on: 'route', path: '#/reports' } },
        { id: 's-save', ...at('#save'), title: 'Save', body: 'Save it.', advance: { on: 'click' }, backdrop: false },
        { id: 's-publish', ...at('#publish'), title: 'Publish', body: 'Publish it.', advance: { on: 'feature', feature: 'publish' } },
      ],
    },
    {
      id: 'late',
      name: 'Late element',
      kind: 'tour',
      steps: [
        { id: 'l-late', anchor: { selectors: ['#late'], name: 'Quarterly report' }, title: 'Your report', body: 'It is ready.', missing: { waitMs: 20_000, fallback: 'skip' } },
        { id: 'l-end', title: 'That was it', body: 'All done.' },
      ],
    },
  );
  pb.milestones = [
    { id: 'm-spot', name: 'Spotlight tour', allOf: [{ feature: 'toured' }], guide: 'spot' },
    { id: 'm-late', name: 'Late tour', allOf: [{ feature: 'toured' }], guide: 'late' },
  ];
  return JSON.stringify(pb);
}

test.beforeEach(async ({ extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook() });
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
});

/** The guide's stored status, read from Uptake's database as the background wrote it. */
function guideStatus(extPage: Page, guide: string): Promise<string | undefined> {
  return extPage.evaluate(
    (guide) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('uptake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('guides').objectStore('guides').getAll();
          all.onsuccess = () => resolve((all.result as { guide: string; status: string }[]).find((g) => g.guide === guide)?.status);
        };
      }),
    guide,
  );
}

const center = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
/** What a click at the element's centre lands on: the element itself (true) or something over it. */
const reachable = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s)!;
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
  }, selector);

test('a backdrop dims the page around the target: a click on the dimmed area does nothing, the target takes clicks and keys, and the cut-out follows it', async ({ app }) => {
  await app.goto(`${pages.url()}/tour.html`);
  await showMe(app, 'm-spot');
  await expect(stepCard(app, 's-name')).toHaveAttribute('data-shown-ms', /\d/);
  await expect.poll(() => reachable(app, '#under')).toBe(false);
  await app.mouse.click(...(Object.values(await center(app.locator('#under'))) as [number, number]));
  expect((await pageState<{ underClicks: number }>(app)).underClicks).toBe(0);
  await expect(stepCard(app, 's-name')).toBeVisible();

  // Through the cut-out: the target is clicked and typed into; a click on the dimmed area leaves focus there.
  await app.locator('#name').click();
  await app.keyboard.type('Ada');
  await app.mouse.click(5, 300);
  await app.keyboard.type(' L.');
  await expect(app.locator('#name')).toHaveValue('Ada L.');
  await expect(app.locator('#name')).toBeFocused();

  await app.evaluate(() => scrollBy(0, 60));
  await expect.poll(() => reachable(app, '#name')).toBe(true);
  await expect.poll(() => reachable(app, '#under')).toBe(false);

  // The app's own modal: the backdrop goes, and comes back when it closes.
  await app.evaluate(() => (document.getElementById('app-dialog') as HTMLDialogElement).showModal());
  await expect(widget(app).locator('.ring')).toHaveCount(0);
  await app.click('#close-dialog');
  await expect.poll(() => reachable(app, '#under')).toBe(false);
  await expect(widget(app).locator('.ring.dim')).toHaveCount(1);

  // A step can turn it off: the page is usable around the target again.
  await stepCard(app, 's-name').getByRole('button', { name: 'Next' }).click();
  await app.click('#go-reports');
  await expect(stepCard(app, 's-save')).toHaveAttribute('data-shown-ms', /\d/);
  await app.click('#under');
  expect((await pageState<{ underClicks: number }>(app)).underClicks).toBe(1);
});

test('progress shows as dots, the count stays for screen readers, and each hint names the action as text', async ({ app }) => {
  await app.goto(`${pages.url()}/tour.html`);
  await showMe(app, 'm-spot');
  const first = stepCard(app, 's-name');
  await expect(first.locator('.dots i')).toHaveCount(4);
  await expect(first.locator('.dots')).toHaveAttribute('aria-hidden', 'true');
  await expect(first.locator('.dots i').nth(0)).toHaveClass('on');
  await expect(first.locator('.sr-only')).toHaveText('1 of 4');
  await first.getByRole('button', { name: 'Next' }).click();

  const route = stepCard(app, 's-route');
  await expect(route.locator('.dots i').nth(1)).toHaveClass('on');
  await expect(route).toContainText('2 of 4');
  await expect(route.locator('.note')).toHaveText('Go to Reports to continue.');
  await app.click('#go-reports');

  // The element's accessible name, on one line, cut at 40 characters, and as text: markup in it stays text.
  const save = stepCard(app, 's-save');
  await expect(save.locator('.note')).toHaveText(`Click ${LONG.slice(0, 39)}… to continue.`);
  await expect(save.locator('.note b')).toHaveText(`${LONG.slice(0, 39)}…`);
  expect(await save.locator('.note b').evaluate((b) => b.childElementCount)).toBe(0);
  await app.click('#save');

  await expect(stepCard(app, 's-publish').locator('.note')).toHaveText('To continue: Publish a report.');
});

test('Back and "Skip tour" are on every step, action steps too; Skip ends the tour as dismissed, like the close button', async ({ app, extPage }) => {
  await app.goto(`${pages.url()}/tour.html`);
  await showMe(app, 'm-spot');
  await expect(stepCard(app, 's-name').getByRole('button', { name: 'Skip tour' })).toBeVisible();
  await stepCard(app, 's-name').getByRole('button', { name: 'Next' }).click();
  await app.click('#go-reports');
  const save = stepCard(app, 's-save');
  await expect(save.getByRole('button', { name: 'Skip tour' })).toBeVisible();
  await expect(save.getByRole('button', { name: 'Next' })).toHaveCount(0); // it moves on by a click of its element
  await save.getByRole('button', { name: 'Back' }).click();

  // Back on a route step already reached: it stays, with a Next button, instead of skipping ahead again.
  const route = stepCard(app, 's-route');
  await expect(route).toHaveAttribute('data-shown-ms', /\d/);
  await expect(route.getByRole('button', { name: 'Back' })).toBeVisible();
  await route.getByRole('button', { name: 'Next' }).click();
  await expect(stepCard(app, 's-save')).toBeVisible();
  await stepCard(app, 's-save').getByRole('button', { name: 'Skip tour' }).click();
  await expect(stepCard(app)).toHaveCount(0);
  await expect.poll(() => guideStatus(extPage, 'spot')).toBe('dismissed');
  await app.reload();
  await expect(widget(app).locator('.launcher')).toBeVisible();
  await expect(stepCard(app)).toHaveCount(0);
});

test('while a late element renders, a waiting card names it, with Skip and close; a fast page never shows it', async ({ app, extPage }) => {
  await app.goto(`${pages.url()}/tour.html`);
  await app.evaluate(() => (window as unknown as { renderLate(ms: number): void }).renderLate(2500));
  await showMe(app, 'm-late');
  const card = stepCard(app, 'l-late');
  await expect(card).toBeVisible();
  await expect(card.locator('.note')).toHaveText('Waiting for Quarterly report to appear…');
  await expect(card.getByRole('button', { name: 'Skip tour' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Close tour' })).toBeVisible();
  await expect(card.locator('.primary')).toHaveCount(0); // nothing to go on to before the element is there
  await expectNextTo(card, app.locator('#late'));
  await expect(card.locator('.body')).toHaveText('It is ready.');
  await card.getByRole('button', { name: 'Skip tour' }).click();
  await expect.poll(() => guideStatus(extPage, 'late')).toBe('dismissed');

  // Rendered within 100 ms: the card goes straight to its element, never shown waiting.
  await app.goto(`${pages.url()}/tour.html`);
  await expect(widget(app).locator('.launcher')).toBeVisible();
  const tag = await exposeWidgetRoot(app);
  await app.evaluate((tag) => {
    const root = document.querySelector(tag)!.shadowRoot!;
    const w = window as unknown as { sawWaiting: boolean };
    w.sawWaiting = false;
    const look = () => {
      const c = root.querySelector('.card.waiting');
      if (c?.checkVisibility({ visibilityProperty: true })) w.sawWaiting = true;
      requestAnimationFrame(look);
    };
    look();
  }, tag);
  await showMe(app, 'm-late');
  await app.evaluate(() => (window as unknown as { renderLate(ms: number): void }).renderLate(100));
  await expectNextTo(card, app.locator('#late'));
  expect(await app.evaluate(() => (window as unknown as { sawWaiting: boolean }).sawWaiting)).toBe(false);
});

test('a completed tour says so with its name and next step, is announced, stays while hovered and then closes on its own', async ({ app, extPage }) => {
  await app.goto(`${pages.url()}/tour.html`);
  await showMe(app, 'm-spot');
  await stepCard(app, 's-name').getByRole('button', { name: 'Next' }).click();
  await app.click('#go-reports');
  await app.click('#save');
  await expect(stepCard(app, 's-publish')).toHaveAttribute('data-shown-ms', /\d/);
  await app.click('#publish');
  const done = widget(app).locator('[role="status"]');
  await expect(done).toContainText("You're done");
  await expect(done).toContainText('You finished “Spotlight”. Next, invite a teammate.');
  await expect.poll(() => guideStatus(extPage, 'spot')).toBe('completed');
  await done.hover();
  await app.waitForTimeout(6_000); // longer than the card stays on its own
  await expect(done).toBeVisible();
  await app.mouse.move(5, 5);
  await expect(done).toHaveCount(0, { timeout: 12_000 });
});

/** Presses Tab until `l` has focus (at most `max` times): the keyboard alone, no focus() from the test. */
async function tabTo(page: Page, l: Locator, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await l.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement && (el.getRootNode() === document || document.activeElement === (el.getRootNode() as ShadowRoot).host)))
      return;
    await page.keyboard.press('Tab');
  }
  await expect(l).toBeFocused();
}

test('a whole tour works with Tab, Enter and Escape alone, action steps and Back included', async ({ app, extPage }) => {
  await app.goto(`${pages.url()}/tour.html`);
  const launcher = widget(app).locator('.launcher');
  await expect(launcher).toBeVisible();
  await tabTo(app, launcher, 20);
  await app.keyboard.press('Enter');
  await tabTo(app, widget(app).locator('[data-milestone="m-spot"] .show-me'));
  await app.keyboard.press('Enter');

  await expect(stepCard(app, 's-name')).toBeFocused();
  await tabTo(app, stepCard(app, 's-name').getByRole('button', { name: 'Next' }));
  await app.keyboard.press('Enter');
  // A route step: Tab reaches the link it points at, Enter follows it.
  await expect(stepCard(app, 's-route')).toBeFocused();
  await tabTo(app, app.locator('#go-reports'));
  await app.keyboard.press('Enter');
  await expect(stepCard(app, 's-save')).toBeFocused();
  await tabTo(app, stepCard(app, 's-save').getByRole('button', { name: 'Back' }));
  await app.keyboard.press('Enter');
  await expect(stepCard(app, 's-route')).toBeFocused();
  await tabTo(app, stepCard(app, 's-route').getByRole('button', { name: 'Next' }));
  await app.keyboard.press('Enter');
  // A click step: Enter on its element is the click.
  await tabTo(app, app.locator('#save'));
  await app.keyboard.press('Enter');
  expect((await pageState<{ saveClicks: number }>(app)).saveClicks).toBe(1);
  await expect(stepCard(app, 's-publish')).toBeFocused();
  await tabTo(app, app.locator('#publish'));
  await app.keyboard.press('Enter');
  const done = widget(app).locator('[role="status"]');
  await expect(done).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(done).toHaveCount(0);
  await expect.poll(() => guideStatus(extPage, 'spot')).toBe('completed');
});
