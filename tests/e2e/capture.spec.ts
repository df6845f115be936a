import { walkthrough } from '../../scripts/lib/walkthrough';
import { expect, summary, test, waitForCounts } from './fixtures';

test('real use of every demo feature is recorded with the right counts, milestones and seat meter', async ({ app, extPage, demo }) => {
  const started = Date.now();
  const used = await walkthrough(app, demo.url);
  const s = await waitForCounts(extPage, demo.url, used);

  expect(s?.identity).toEqual({ account: 'acme', user: 'maria' });
  const reached = Object.fromEntries(s!.milestones.map((m) => [m.id, m.reachedAt]));
  // Two projects and three tasks, a teammate, a shared report, a connected tool: five milestones.
  for (const id of ['first-project', 'plan-work', 'invite-team', 'first-report-shared', 'connected']) {
    expect(reached[id], `milestone ${id}`).toBeGreaterThanOrEqual(started);
    expect(reached[id]!).toBeLessThanOrEqual(Date.now());
  }
  const seats = s!.meters.find((m) => m.id === 'seats');
  expect(seats).toMatchObject({ used: 8, limit: 10 });
  expect(s!.meters.find((m) => m.id === 'reports-built')).toMatchObject({ used: 1, limit: 50 });
});

test('clicks made by page script (element.click, dispatchEvent) are not counted', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/reports`);
  await app.waitForSelector('#export-csv');
  await app.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('#export-csv')!;
    for (let i = 0; i < 5; i++) button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.querySelector('tl-integration-card')?.shadowRoot?.querySelector<HTMLButtonElement>('button.connect')?.click();
  });
  // A real click afterwards, so the recorded count proves the synthetic ones were seen and ignored.
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });
});

test('single-page route changes are recorded as views, back and forward included', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.click('#main-nav a[href="/reports"]');
  await app.waitForURL('**/reports');
  await app.click('#main-nav a[href="/team"]');
  await app.waitForURL('**/team');
  await app.goBack();
  await app.waitForURL('**/reports');
  await waitForCounts(extPage, demo.url, { 'view-reports': 2 });
  const loads = await app.evaluate(() => performance.getEntriesByType('navigation').length);
  expect(loads).toBe(1);
});

test('the popup data stays empty for a page that is not the playbook app', async ({ extPage }) => {
  const reply = await summary(extPage, 'https://example.com');
  expect(reply).toBeNull();
});
