import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, showMe, stepCard, widget } from './widget-helpers';

test('the checklist reflects real progress', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  const launcher = widget(app).locator('.launcher');
  await expect(launcher).toContainText('0/6');
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await expect(launcher).toContainText('1/6');
  await launcher.click();
  const item = widget(app).locator('[data-milestone="first-project"]');
  await expect(item).toHaveAttribute('data-reached', 'true');
  await expect(item.locator('.when')).toHaveText(/\w+ \d+/);
  await expect(widget(app).locator('[role="progressbar"]')).toHaveAttribute('aria-valuenow', '1');
  await expect(widget(app).locator('[data-milestone="invite-team"] .show-me')).toBeVisible();
});

test('"Show me" runs a three-step tour that advances by a route change and by clicking the target, and completes the milestone', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await showMe(app, 'first-report-shared');
  await expectNextTo(stepCard(app, 'open-reports'), app.locator('#main-nav a[href="/reports"]'));
  await expect(stepCard(app)).toContainText('1 of 3');

  await app.click('#main-nav a[href="/reports"]'); // route change
  await expectNextTo(stepCard(app, 'build'), app.locator('#build-report'));
  await app.click('#build-report'); // click on the target
  await expectNextTo(stepCard(app, 'share'), app.locator('#share-report'));
  await app.click('#share-report');
  await expect(stepCard(app)).toHaveCount(0);

  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'build-report': 1, 'share-report': 1, 'tour-reports': 1 });
  await expect(widget(app).locator('.launcher')).toContainText('1/6');
});

test('a reload mid-tour resumes at the step the user was on', async ({ app, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await showMe(app, 'first-report-shared');
  await app.click('#main-nav a[href="/reports"]');
  await expect(stepCard(app, 'build')).toBeVisible();
  await app.reload();
  await expectNextTo(stepCard(app, 'build'), app.locator('#build-report'));
  await expect(stepCard(app)).toContainText('2 of 3');
});

test('a step whose target appears a second late is shown next to it', async ({ app, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await showMe(app, 'automate');
  await app.click('#main-nav a[href="/automations"]');
  await expect(app.locator('#save-rule')).toHaveCount(0); // not there yet
  await expectNextTo(stepCard(app, 'save-rule'), app.locator('#save-rule'));
  await app.click('#save-rule');
  await expect(stepCard(app, 'rules')).toBeVisible();
});

test('a missing target is skipped after the wait and listed in Diagnostics', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await showMe(app, 'invite-team');
  await app.click('#main-nav a[href="/team"]');
  // "#bulk-invite" never appears: after 1.5 s the tour moves on to the next step.
  await expectNextTo(stepCard(app, 'invite'), app.locator('#invite'));
  const { failures } = await ask<'ui:diagnostics'>(extPage, { type: 'ui:diagnostics' });
  expect(failures).toEqual([expect.objectContaining({ guide: 'invite-team', step: 'bulk-invite', path: '/team', reason: expect.stringContaining('step skipped') })]);
});

test('Escape closes a tour, the page stays usable and focus returns', async ({ app, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await showMe(app, 'first-report-shared');
  // Started with the mouse on a step that waits for an action, the card leaves focus alone: the user moves to it.
  await expect(stepCard(app, 'open-reports')).not.toBeFocused();
  await stepCard(app, 'open-reports').focus();
  await app.keyboard.press('Escape');
  await expect(stepCard(app)).toHaveCount(0);
  await app.fill('#project-form input[name="name"]', 'Still works');
  await app.click('#create-project');
  await expect(app.locator('#project-list')).toContainText('Still works');
});

test('a hotspot opens its tip, whose links are safe', async ({ app, demo }) => {
  await app.goto(`${demo.url}/reports`);
  const dot = widget(app).locator('.hotspot[data-guide="export-hotspot"]');
  await expect(dot).toBeVisible();
  await dot.click();
  const card = stepCard(app, 'export');
  await expectNextTo(card, app.locator('#export-csv'));
  await expect(card.locator('a')).toHaveAttribute('href', 'https://tasklane.example/help/export');
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(dot).toHaveCount(0);
});
