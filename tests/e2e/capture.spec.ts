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
  // Each use carries the time it happened: capture keeps the event's own clock until the flush.
  for (const f of s!.features.filter((x) => x.count > 0)) {
    expect(f.firstUsed, `first use of ${f.id}`).toBeGreaterThanOrEqual(started);
    expect(f.lastUsed!, `last use of ${f.id}`).toBeLessThanOrEqual(Date.now());
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

test('submits and key presses made by page script (requestSubmit, a scripted submit click, dispatchEvent) are not counted', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await app.waitForSelector('#project-form');
  const before = await app.locator('#project-list li').count();
  const seen = await app.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('#project-form')!;
    const input = form.querySelector<HTMLInputElement>('input[name="name"]')!;
    // requestSubmit() and a scripted click on a submit button make the browser fire a submit event whose
    // isTrusted is true, although no user did anything: capture must not count them.
    for (let i = 0; i < 3; i++) {
      input.value = `Scripted ${i}`;
      form.requestSubmit();
    }
    input.value = 'Scripted click';
    document.querySelector<HTMLButtonElement>('#create-project')!.click();
    input.value = 'Dispatched';
    form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    const key = { key: 'k', bubbles: true, composed: true, cancelable: true };
    document.body.dispatchEvent(new KeyboardEvent('keydown', { ...key, ctrlKey: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { ...key, metaKey: true }));
    return { palette: document.querySelector('#command-palette') !== null };
  });
  // The app itself acted on every one of them: the events reached the page.
  expect(seen.palette).toBe(true);
  await expect(app.locator('#project-list li')).toHaveCount(before + 5);
  await app.keyboard.press('Escape');

  // Real input afterwards, so the recorded counts prove the synthetic events were seen and ignored.
  await app.fill('#project-form input[name="name"]', 'Typed by a person');
  await app.click('#create-project');
  await app.keyboard.press('Control+k');
  await app.waitForSelector('#command-palette');
  await waitForCounts(extPage, demo.url, { 'create-project': 1, 'command-palette': 1 });
});
