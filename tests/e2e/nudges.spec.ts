import type { Page } from 'playwright-core';
import { ask } from '../../scripts/lib/browser';
import type { CapturedEvent } from '../../lib/types';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, widget } from './widget-helpers';

const DAY = 86_400_000;
const MARIA = { account: 'acme', user: 'maria' };

/** Moves Uptake's clock (options → "preview a later day"); the page and the browser keep real time. */
const setClock = (extPage: Page, days: number) => ask<'ui:set-clock'>(extPage, { type: 'ui:set-clock', offsetMs: Math.round(days * DAY) });

const nudgeCard = (page: Page, id?: string) => widget(page).locator(id ? `.card.nudge[data-nudge="${id}"]` : '.card.nudge');

/** The page asks for a nudge when it loads; this waits until it has asked and been answered. */
async function settle(page: Page) {
  await expect(widget(page).locator('.launcher')).toBeVisible();
  await page.waitForTimeout(1200);
}

/** A month and a half of daily use of every core feature, as a steady, healthy user would have. */
async function seedHealthyHistory(extPage: Page, fromDays: number, toDays: number) {
  const core = ['create-project', 'add-task', 'invite-teammate', 'connect-integration', 'build-report', 'share-report'];
  const events: CapturedEvent[] = [];
  for (let d = fromDays; d <= toDays; d++) {
    core.forEach((feature, i) => {
      for (let k = 0; k < 3; k++) events.push({ id: `seed:${d}:${i}:${k}`, feature, kind: 'click', ts: Date.now() + d * DAY + k * 60_000, path: '/projects' });
    });
  }
  // Milestones are stamped with Uptake's clock: set it to the first seeded day so they were reached back then.
  await setClock(extPage, fromDays);
  for (let i = 0; i < events.length; i += 500) {
    await ask<'cs:batch'>(extPage, { type: 'cs:batch', app: 'tasklane', identity: MARIA, events: events.slice(i, i + 500), meters: [] });
  }
  await setClock(extPage, 0);
}

/** A new user who created one project today: the start of most nudge stories. */
async function firstProject(app: Page, extPage: Page, demoUrl: string) {
  await app.goto(`${demoUrl}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demoUrl, { 'create-project': 1 });
}

/** The Reports tip, four days on, dismissed with its × button. */
async function dismissReportsTip(app: Page, extPage: Page) {
  await setClock(extPage, 4);
  await app.reload();
  await nudgeCard(app, 'reports-tip').getByRole('button', { name: 'Close tip' }).click();
  await expect(nudgeCard(app)).toHaveCount(0);
}

test('a user who has not used Reports after the delay sees the Reports tip, pointing at the Reports navigation item', async ({ app, extPage, demo }) => {
  await firstProject(app, extPage, demo.url);
  await settle(app);
  await expect(nudgeCard(app)).toHaveCount(0); // day 0: too early

  await setClock(extPage, 4);
  await app.reload();
  const tip = nudgeCard(app, 'reports-tip');
  await expectNextTo(tip, app.locator('#main-nav a[href="/reports"]'));
  await expect(tip).toContainText('You have not tried Reports yet');
  // Its call to action starts the Reports tour.
  await tip.getByRole('button', { name: 'Show me' }).click();
  await expect(widget(app).locator('.card[data-step="open-reports"]')).toBeVisible();
});

test('a dismissed tip stays away until its backoff has passed', async ({ app, extPage, demo }) => {
  await firstProject(app, extPage, demo.url);
  await dismissReportsTip(app, extPage);

  for (const day of [4, 10]) {
    await setClock(extPage, day); // 0 and 6 days after the dismissal: inside the 7-day backoff
    await app.reload();
    await settle(app);
    await expect(nudgeCard(app, 'reports-tip')).toHaveCount(0);
  }
  await setClock(extPage, 12); // 8 days after: the backoff has passed
  await app.reload();
  await expect(nudgeCard(app, 'reports-tip')).toBeVisible();
});

test('with two tabs of the app open, only one nudge shows', async ({ context, app, extPage, demo }) => {
  await firstProject(app, extPage, demo.url);
  await setClock(extPage, 6); // both the Reports tip and the invitation tip are due
  const other = await context.newPage();
  await app.reload();
  await expect(nudgeCard(app)).toBeVisible();
  await other.goto(`${demo.url}/team`);
  await settle(other);
  await expect(nudgeCard(other)).toHaveCount(0);
  await expect(nudgeCard(app)).toHaveCount(1);
});

test('the seat count alone prompts no upgrade before the value milestone', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/team`);
  for (const email of ['a@example.com', 'b@example.com']) {
    await app.fill('#invite-form input[name="email"]', email);
    await app.click('#invite');
  }
  await expect(app.locator('#seat-meter')).toHaveText('9 of 10 seats');
  await waitForCounts(extPage, demo.url, { 'invite-teammate': 2 });
  await app.reload();
  await settle(app);
  await expect(nudgeCard(app)).toHaveCount(0);
  const s = (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demo.url}/team` })).summary;
  expect(s?.score?.expansion.ready).toBe(false);
  expect(s?.meters.find((m) => m.id === 'seats')).toMatchObject({ used: 9, limit: 10 });
});

test('a healthy user past the value milestone at 9 of 10 seats sees the upgrade prompt once, not again within 14 days', async ({ app, extPage, demo }) => {
  await seedHealthyHistory(extPage, -40, 16);
  await app.goto(`${demo.url}/team`);
  for (const email of ['a@example.com', 'b@example.com']) {
    await app.fill('#invite-form input[name="email"]', email);
    await app.click('#invite');
  }
  await expect(app.locator('#seat-meter')).toHaveText('9 of 10 seats');
  await expect
    .poll(async () => (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demo.url}/team` })).summary?.meters.find((m) => m.id === 'seats')?.used)
    .toBe(9);
  await app.reload();
  const prompt = nudgeCard(app, 'seats-expansion');
  await expect(prompt).toBeVisible();
  // In the customer's words, never the scoring's (which stay in the CSM's console).
  await expect(prompt).toContainText("You're using 9 of 10 seats");
  await expect(prompt).not.toContainText('widely and deeply');
  await expect(prompt.getByRole('button', { name: 'Close offer' })).toBeVisible();
  await expect(prompt.getByRole('link', { name: 'See plans' })).toHaveAttribute('href', 'https://tasklane.example/upgrade');
  await app.keyboard.press('Tab'); // reachable from the keyboard, without having stolen focus
  await prompt.getByRole('button', { name: 'Remind me tomorrow' }).focus();
  await app.keyboard.press('Escape');
  await expect(prompt).toHaveCount(0);

  for (const day of [0, 13]) {
    await setClock(extPage, day);
    await app.reload();
    await settle(app);
    await expect(nudgeCard(app, 'seats-expansion')).toHaveCount(0);
  }
  const s = (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demo.url}/team` })).summary;
  expect(s?.score?.expansion.ready, 'still ready: only the 14-day cap holds the prompt back').toBe(true);
  await setClock(extPage, 15);
  await app.reload();
  await expect(nudgeCard(app, 'seats-expansion')).toBeVisible();
});

test('the options page shows each nudge shown, dismissed and its conversion', async ({ app, extPage, demo }) => {
  await firstProject(app, extPage, demo.url);
  await dismissReportsTip(app, extPage);

  await extPage.goto(extPage.url().replace(/options\.html.*/, 'options.html#nudges'));
  const row = extPage.getByTestId('nudge-stats').locator('tr[data-nudge="reports-tip"]');
  await expect(row.locator('[data-col="shown"]')).toHaveText('1');
  await expect(row.locator('[data-col="eligible"]')).toHaveText('1');
  await expect(row.locator('[data-col="dismissed"]')).toHaveText('1');
  await expect(row.locator('[data-col="heldout"]')).toHaveText('0');
  await expect(row.locator('[data-col="lift"]')).toHaveText('—'); // no control group yet for this one user
  await expect(extPage.getByTestId('nudge-stats').locator('tr[data-nudge="seats-expansion"] [data-col="shown"]')).toHaveText('0');
});
