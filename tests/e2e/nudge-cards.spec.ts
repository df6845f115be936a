import type { Page } from 'playwright-core';
import { ask } from '../../scripts/lib/browser';
import { loadPlaybook, NUDGE_ROUTES, statesPlaybook } from '../../scripts/lib/widget-states';
import { expect, test, waitForCounts } from './fixtures';
import { widget } from './widget-helpers';
import { nudgeStats } from './widget-lab';

/** Each nudge kind's card as the user sees it: what it offers, and what its controls say they close. */

const DAY = 86_400_000;
const nudgeCard = (page: Page, id: string) => widget(page).locator(`.card.nudge[data-nudge="${id}"]`);

test('a celebration has no snooze or pause and offers the next step as a button, which starts it', async ({ app, extPage, demo }) => {
  await loadPlaybook(extPage, statesPlaybook({ dir: 'ltr', brandColor: '#2b59c3' }));
  await app.goto(`${demo.url}${NUDGE_ROUTES.celebrate}`);
  const card = nudgeCard(app, 'celebrate');
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: 'Close message' })).toBeVisible();
  for (const gone of ['Remind me tomorrow', 'Pause tips for today', "Don't show this again"]) await expect(card.getByRole('button', { name: gone })).toHaveCount(0);
  // The first open milestone with a tour: "Invite a teammate".
  const next = card.getByRole('button', { name: 'Next: Invite a teammate' });
  await expect(next).toBeVisible();
  await next.click();
  await expect(widget(app).locator('.card[data-step]')).toBeVisible();
  await expect.poll(async () => (await nudgeStats(extPage, 'celebrate'))?.clicked).toBe(1);
});

test('each kind’s close control says what it closes', async ({ app, extPage, demo }) => {
  await loadPlaybook(extPage, statesPlaybook({ dir: 'ltr', brandColor: '#2b59c3' }));
  for (const [id, label] of [
    ['tip', 'Close tip'],
    ['tour-invite', 'Close invitation'],
  ] as const) {
    await app.goto(`${demo.url}${NUDGE_ROUTES[id]}`);
    await expect(nudgeCard(app, id).getByRole('button', { name: label, exact: true })).toBeVisible();
  }
});

test('"Don\'t show this again" retires that tip for this user for good, recorded as a dismissal', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await ask<'ui:set-clock'>(extPage, { type: 'ui:set-clock', offsetMs: 4 * DAY });
  await app.reload();
  const tip = nudgeCard(app, 'reports-tip');
  await tip.getByRole('button', { name: "Don't show this again" }).click();
  await expect(tip).toHaveCount(0);
  await expect.poll(async () => (await nudgeStats(extPage, 'reports-tip'))?.dismissed).toBe(1);

  // Long past every dismissal backoff (7 and 21 days), with its trigger still holding: never again. The next
  // due nudge (the invitation, lower in priority) showing instead proves the decision was made.
  for (const day of [12, 30, 60]) {
    await ask<'ui:set-clock'>(extPage, { type: 'ui:set-clock', offsetMs: day * DAY });
    await app.reload();
    await expect(nudgeCard(app, 'invite-tip')).toBeVisible();
    await expect(nudgeCard(app, 'reports-tip')).toHaveCount(0);
  }
  const stats = await nudgeStats(extPage, 'reports-tip');
  expect(stats).toMatchObject({ shown: 1, dismissed: 1, clicked: 0 });
});
