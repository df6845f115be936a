import { extensionId } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

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
