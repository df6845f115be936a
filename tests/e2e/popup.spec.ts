import type { BrowserContext, Page } from 'playwright-core';
import { extensionId, serviceWorker } from '../../scripts/lib/browser';
import { walkthrough } from '../../scripts/lib/walkthrough';
import { expect, test, waitForCounts } from './fixtures';
import { widget } from './widget-helpers';

test('the popup shows the user\'s recorded features, milestones and seat meter', async ({ context, app, extPage, demo }) => {
  await app.goto(`${demo.url}/team`);
  await app.fill('#invite-form input[name="email"]', 'kim@example.com');
  await app.click('#invite');
  await app.click('#main-nav a[href="/projects"]');
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'invite-teammate': 1, 'create-project': 1 });

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
  await expect(popup.getByTestId('identity')).toHaveText('maria');
  await expect(popup.locator('[data-feature="invite-teammate"] [data-count]')).toHaveText('1');
  await expect(popup.locator('[data-feature="create-project"] [data-count]')).toHaveText('1');
  await expect(popup.locator('[data-feature="share-report"] [data-count]')).toHaveText('0');
  await expect(popup.locator('[data-milestone="first-project"]')).toHaveAttribute('data-reached', 'true');
  await expect(popup.locator('[data-milestone="first-project"]')).toContainText('today');
  await expect(popup.locator('[data-milestone="first-report-shared"]')).toHaveAttribute('data-reached', 'false');
  await expect(popup.locator('[data-meter="seats"] [data-meter-value]')).toHaveText('8 of 10');
  await expect(popup.getByRole('heading', { name: /Milestones/ })).toContainText('2 of 6');
});

test('the popup says plainly when the tab is not a playbook app', async ({ context }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent('https://news.example.org/')}`);
  await expect(popup.getByTestId('empty')).toContainText('not part of Tasklane');
});

test('before any use the popup invites the user to start', async ({ context, demo }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
  await expect(popup.getByTestId('empty')).toContainText('Nothing recorded in Tasklane yet');
});

/** The popup as a page, pointed at the app's tab (as Chrome's popup is at the active tab). */
async function popupFor(context: BrowserContext, app: Page, size = { width: 400, height: 600 }): Promise<Page> {
  const sw = await serviceWorker(context);
  const tab = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, app.url());
  const popup = await context.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(app.url())}&tab=${tab}`);
  return popup;
}

test('with the demo\'s data the popup fits 400 × 600 px, and lists no internal pseudo-feature', async ({ context, app, extPage, demo }) => {
  const used = await walkthrough(app, demo.url);
  await waitForCounts(extPage, demo.url, used);
  const popup = await popupFor(context, app);
  await expect(popup.getByTestId('score')).toBeVisible();
  // Chrome sizes its popup to the body (600 px at most, then it scrolls).
  const box = await popup.evaluate(() => ({ width: document.documentElement.scrollWidth, height: Math.ceil(document.body.getBoundingClientRect().height) }));
  expect(box.width).toBeLessThanOrEqual(400);
  expect(box.height).toBeLessThanOrEqual(600);
  // "Take the Reports tour" counts completed tours (`on: guide`): scoring uses it, people never see it.
  await expect(popup.locator('[data-feature="tour-reports"]')).toHaveCount(0);
  await expect(popup.locator('[data-feature="share-report"]')).toHaveCount(1);
});

test('a brand-new user sees a neutral start, and the next step is a button that starts its tour in the app', async ({ context, app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await expect(widget(app).locator('button.launcher')).toBeVisible();

  const popup = await popupFor(context, app);
  await expect(popup.getByTestId('band')).toHaveText('Just getting started');
  // Onboarding and low: the accent colour, not the red of an account at risk.
  const edge = await popup.locator('section.score').evaluate((el) => getComputedStyle(el).borderLeftColor);
  expect(edge).not.toBe('rgb(240, 68, 56)');
  await expect(popup.getByTestId('next-step')).toContainText('Share your first report');
  await popup.getByRole('button', { name: 'Show me how' }).click();
  await app.bringToFront();
  await expect(widget(app).locator('.card')).toBeVisible();
  await expect(widget(app).locator('.card')).toContainText('Reports');
});

test('the popup reopens the checklist in the app\'s tab', async ({ context, app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await expect(widget(app).locator('button.launcher')).toBeVisible();
  await expect(widget(app).locator('#uptake-checklist')).toHaveCount(0);

  const popup = await popupFor(context, app);
  await popup.getByRole('button', { name: 'Open the checklist' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await app.bringToFront();
  await expect(widget(app).locator('#uptake-checklist')).toBeVisible();
});

test('on a site no playbook covers the popup shows a real empty state with the way to add one', async ({ context }) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent('https://news.example.org/')}`);
  await expect(popup.getByRole('heading', { name: 'Nothing to show on this site' })).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Load a playbook' })).toHaveAttribute('href', /options\.html#playbook$/);
  await expect(popup.getByTestId('score')).toHaveCount(0);
});
