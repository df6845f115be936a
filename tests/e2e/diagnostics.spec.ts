import { expect, test, waitForCounts } from './fixtures';
import { showMe, stepCard } from './widget-helpers';

test('Diagnostics lists a guide step whose element never appeared, and what Uptake cost each page', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await showMe(app, 'invite-team');
  await app.click('#main-nav a[href="/team"]');
  await expect(stepCard(app, 'invite')).toBeVisible(); // "#bulk-invite" was skipped after its wait
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await app.goto('about:blank'); // leaving the page makes it report its cost

  await extPage.goto(extPage.url().replace(/#.*$/, '').replace(/options\.html.*/, 'options.html#diagnostics'));
  const failures = extPage.getByTestId('diagnostics');
  await expect(failures).toContainText('invite-team');
  await expect(failures).toContainText('bulk-invite');
  await expect(failures).toContainText('/team');
  await expect(failures).toContainText('step skipped');

  const cost = extPage.getByTestId('self-cost');
  await expect(cost).toContainText('/team');
  await expect(extPage.getByTestId('self-cost-summary')).toContainText(/\d+ handler runs/);
  const runs = Number(await cost.locator('tbody tr').first().locator('td').nth(4).textContent());
  expect(runs).toBeGreaterThan(0);
});
