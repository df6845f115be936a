import type { BrowserContext, Page } from 'playwright-core';
import { ask, extensionId, launchWithExtension, openExtensionPage, tempProfile, waitForCaptureRegistration } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

async function openPopup(context: BrowserContext, demoUrl: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demoUrl}/projects`)}`);
  await expect(popup.getByTestId('score')).toBeVisible();
  return popup;
}

const scoreOf = async (popup: Page) => Number(await popup.getByTestId('score').textContent());

test('using the demo app moves the score, and the popup shows the new score and the reason', async ({ context, app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });

  const first = await openPopup(context, demo.url);
  const before = await scoreOf(first);
  await expect(first.getByTestId('reasons')).toContainText('Reached "Create your first project"');
  await expect(first.getByTestId('next-step')).toContainText('Share your first report');
  await first.close();

  await app.bringToFront();
  await app.click('#main-nav a[href="/reports"]');
  await app.click('#build-report');
  await app.waitForSelector('#report-ready', { state: 'visible' });
  await app.click('#share-report');
  await waitForCounts(extPage, demo.url, { 'create-project': 1, 'view-reports': 1, 'build-report': 1, 'share-report': 1 });

  const second = await openPopup(context, demo.url);
  const after = await scoreOf(second);
  expect(after).toBeGreaterThan(before);
  await expect(second.getByTestId('reasons')).toContainText('Share your first report');
  await expect(second.getByTestId('ttv')).toContainText('on your first day');
  await expect(second.getByTestId('band')).toHaveAttribute('data-band', /green|yellow|red/);
});

test('scores survive a browser restart', async ({ demo }) => {
  const profile = await tempProfile('uptake-restart-');
  let context = await launchWithExtension({ userDataDir: profile });
  await waitForCaptureRegistration(context);
  let extPage = await openExtensionPage(context);
  const app = await context.newPage();
  await app.goto(`${demo.url}/team`);
  await app.fill('#invite-form input[name="email"]', 'ana@example.com');
  await app.click('#invite');
  await waitForCounts(extPage, demo.url, { 'invite-teammate': 1 });
  const popup = await openPopup(context, demo.url);
  const score = await scoreOf(popup);
  await context.close();

  context = await launchWithExtension({ userDataDir: profile });
  try {
    extPage = await openExtensionPage(context);
    const stats = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });
    expect(stats.scores).toBeGreaterThanOrEqual(1);
    expect(stats.events).toBe(1);
    const again = await openPopup(context, demo.url);
    expect(await scoreOf(again)).toBe(score);
    await expect(again.locator('[data-milestone="invite-team"]')).toHaveAttribute('data-reached', 'true');
  } finally {
    await context.close();
  }
});
