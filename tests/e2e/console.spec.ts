import type { Locator, Page } from 'playwright-core';
import { writeRecordsCsv } from '../../lib/export/csv-record';
import { ask, extensionId } from '../../scripts/lib/browser';
import { DEMO_TEXT, downloadOf, expectedRow, imported, jsonFile, otherUsers, textFile } from './console-helpers';
import { expect, test, waitForCounts } from './fixtures';

/** Uses Tasklane as Maria (the demo's default user at Acme): a project, three tasks, a shared report. */
async function useTheDemo(app: Page, extPage: Page, demoUrl: string) {
  await app.goto(`${demoUrl}/projects`);
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await app.click('#main-nav a[href="/reports"]');
  await app.click('#build-report');
  await app.waitForSelector('#report-ready', { state: 'visible' });
  await app.click('#share-report');
  await waitForCounts(extPage, demoUrl, { 'create-project': 1, 'view-reports': 1, 'build-report': 1, 'share-report': 1 });
}

const cell = (row: Locator, col: string) => row.locator(`[data-col="${col}"]`);

async function expectAccountRow(table: Locator, account: string, want: ReturnType<typeof expectedRow>) {
  const row = table.locator(`tr[data-account="${account}"]`);
  for (const [col, value] of Object.entries(want)) await expect(cell(row, col), `${account}: ${col}`).toHaveText(value);
}

test('export from the popup and the options page, then review three users: the account table shows the right numbers', async ({ context, app, extPage, demo }) => {
  await useTheDemo(app, extPage, demo.url);

  // The popup's "Share my progress" downloads the current user's export.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
  const shared = await downloadOf(popup, () => popup.getByRole('button', { name: 'Share my progress' }).click());
  expect(shared.name).toMatch(/^uptake-progress-tasklane-maria-\d{4}-\d{2}-\d{2}\.json$/);
  const [fromPopup] = imported(shared.name, shared.text);
  expect(fromPopup).toMatchObject({ account: 'acme', user: 'maria', identityHashed: false, playbook: { appId: 'tasklane', version: 1 } });
  expect(fromPopup!.features.find((f) => f.id === 'share-report')?.count).toBe(1);
  expect(fromPopup!.milestones.find((m) => m.id === 'first-report-shared')?.reachedAt).not.toBeNull();
  await expect(popup.getByRole('status')).toContainText('Send it to your customer-success manager');

  // The options page exports the same user as JSON and as CSV.
  await extPage.goto(`chrome-extension://${await extensionId(context)}/options.html#export`);
  const json = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download JSON' }).click());
  const csv = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download CSV' }).click());
  expect(json.name).toMatch(/^uptake-tasklane-\d{4}-\d{2}-\d{2}\.json$/);
  expect(csv.name).toMatch(/\.csv$/);
  const [maria] = imported(json.name, json.text);
  const [mariaCsv] = imported(csv.name, csv.text);
  expect({ ...mariaCsv, exportedAt: '' }).toEqual({ ...maria, exportedAt: '' });
  expect(maria).toMatchObject({ account: 'acme', user: 'maria', score: fromPopup!.score, scoringVersion: '1.0.0' });
  await expect(extPage.getByTestId('export-status')).toContainText('with 1 record');
  await extPage.getByLabel('Hash identities in this export').check();
  const hashed = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download JSON' }).click());
  expect(imported(hashed.name, hashed.text)[0]).toMatchObject({ account: expect.stringMatching(/^[0-9a-f]{32}$/), user: expect.stringMatching(/^[0-9a-f]{32}$/), identityHashed: true, score: maria!.score });

  // A CSM loads Maria's exports (the popup's too: an older export of the same user) and two other users'.
  const { li, sam } = await otherUsers();
  await extPage.getByRole('tab', { name: 'Review' }).click();
  await extPage.getByLabel('Choose export files').setInputFiles([
    { name: shared.name, mimeType: 'application/json', buffer: Buffer.from(shared.text) },
    { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) },
    textFile('li.csv', writeRecordsCsv([li])),
    jsonFile('sam.json', [sam]),
  ]);
  const table = extPage.getByTestId('account-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(extPage.getByTestId('review-summary')).toHaveText('3 users in 2 accounts; 1 older export replaced by a newer one.');
  await expectAccountRow(table, 'acme', expectedRow([maria!, li]));
  await expectAccountRow(table, 'globex', expectedRow([sam]));
  // The numbers are not all trivially equal: the two Acme users differ, Sam is ready for expansion.
  expect(li.score).not.toBe(maria!.score);
  expect(sam.expansion.ready).toBe(true);
  await expect(cell(table.locator('tr[data-account="globex"]'), 'ready')).toHaveText('1');
  await expect(extPage.getByRole('alert')).toHaveCount(0);
});

test('a bad file among good ones: its message names it, the good ones load, nothing loaded before is lost', async ({ extPage }) => {
  const { li, sam } = await otherUsers();
  await extPage.goto(`${extPage.url().replace(/#.*$/, '')}#review`);
  const input = extPage.getByLabel('Choose export files');
  await input.setInputFiles([jsonFile('acme.json', [li])]);
  await expect(extPage.getByTestId('account-table').locator('tbody tr')).toHaveCount(1);

  const good = jsonFile('globex.json', [sam]);
  const truncated = { ...good, name: 'truncated.json', buffer: good.buffer.subarray(0, good.buffer.length / 2) };
  const hostile = { ...li, account: '=HYPERLINK("https://evil.example","x")', user: '<img src=x onerror="document.title=1">' };
  await input.setInputFiles([
    truncated,
    good,
    textFile('hostile.csv', writeRecordsCsv([hostile])),
    textFile('playbook.json', DEMO_TEXT, 'application/json'),
    textFile('wrong.csv', 'name,email\r\nmaria,maria@acme.test\r\n'),
  ]);

  const problems = extPage.getByTestId('file-problems');
  await expect(problems).toContainText('3 files were not loaded; the other files are loaded');
  await expect(problems.locator('li[data-file="truncated.json"]')).toHaveText('truncated.json is not valid JSON: it ends too early (is the file truncated?)');
  await expect(problems.locator('li[data-file="playbook.json"]')).toContainText('playbook.json is a playbook, not an adoption export');
  await expect(problems.locator('li[data-file="wrong.csv"]')).toContainText('wrong.csv is not an Uptake CSV export: its first column should be "uptake_export_version"');
  const rows = extPage.getByTestId('account-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(extPage.getByTestId('loaded-files').locator('li')).toHaveCount(3);
  // Export contents render as text: the hostile account name shows verbatim and no element is made from it.
  await expect(extPage.locator(`tr[data-account='${hostile.account}'] th`)).toHaveText(hostile.account);
  await extPage.locator(`tr[data-account='${hostile.account}'] th button`).click();
  await expect(extPage.getByTestId('account-users').locator('tbody th')).toHaveText(hostile.user);
  await expect(extPage.locator('img')).toHaveCount(0);
  expect(await extPage.title()).not.toBe('1');
  await extPage.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(extPage.getByRole('dialog')).toHaveCount(0);

  // Dropping files works like choosing them.
  const dropped = await extPage.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, writeRecordsCsv([{ ...sam, account: 'dropped-co' }]));
  await extPage.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(rows).toHaveCount(4);
  await expect(extPage.getByTestId('file-problems')).toHaveCount(0);

  // Switching sections keeps the loaded files.
  await extPage.getByRole('tab', { name: 'Export' }).click();
  await extPage.getByRole('tab', { name: 'Review' }).click();
  await expect(rows).toHaveCount(4);
});

test('the account table sorts, filters, drills down, maps adoption and downloads a formula-safe roll-up', async ({ extPage }) => {
  const { li, sam } = await otherUsers();
  const initech = [{ ...sam, account: 'initech', user: 'ana', score: 35, band: 'red' as const }, { ...li, account: 'initech', user: 'bo', score: 61, band: 'yellow' as const }];
  const acme = { ...li, score: 50, band: 'yellow' as const };
  const evil = { ...li, account: '@SUM(1+1)', user: 'x', score: 20, band: 'red' as const };
  await extPage.goto(`${extPage.url().replace(/#.*$/, '')}#review`);
  await extPage.getByLabel('Choose export files').setInputFiles([jsonFile('book.json', [acme, sam, ...initech, evil])]);
  const table = extPage.getByTestId('account-table');
  const accounts = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')));
  await expect(table.locator('tbody tr')).toHaveCount(4);

  // At a glance: headline figures, the band split, the spread of scores, and who needs attention (reddest first, with why).
  const overview = extPage.getByTestId('review-overview');
  await expect(overview.locator('[data-figure="users"]')).toHaveText('5');
  await expect(overview.locator('[data-figure="accounts"]')).toHaveText('4');
  await expect(overview.locator('[data-figure="mean"]')).toHaveText(String(Math.round((50 + sam.score + 35 + 61 + 20) / 5)));
  await expect(overview.getByTestId('band-split')).toContainText('Red 2 (40%)');
  const bins = await overview.getByTestId('histogram').locator('.count').allInnerTexts();
  expect(bins.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
  expect(Number(bins[2])).toBe(1); // 20
  const attention = overview.getByTestId('attention').locator('li');
  await expect(attention.first()).toHaveAttribute('data-account', '@SUM(1+1)');
  await expect(attention.first()).toContainText('100% of users red');
  await expect(overview.getByTestId('attention').locator('li[data-account="initech"]')).toContainText('50% of users red');

  const mean = table.getByRole('columnheader', { name: 'Mean score' });
  await expect(mean).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: 'Users' }).click();
  await expect(table.getByRole('columnheader', { name: 'Users' })).toHaveAttribute('aria-sort', 'descending');
  await expect(mean).not.toHaveAttribute('aria-sort');
  expect((await accounts())[0]).toBe('initech');
  await table.getByRole('button', { name: 'Account' }).click();
  expect(await accounts()).toEqual(['@SUM(1+1)', 'acme', 'globex', 'initech']);
  await table.getByRole('button', { name: 'Account' }).click();
  await expect(table.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'descending');
  expect(await accounts()).toEqual(['initech', 'globex', 'acme', '@SUM(1+1)']);

  await extPage.getByLabel('Filter accounts').fill('INIT');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await extPage.getByLabel('Filter accounts').fill('');
  await extPage.getByLabel('Users in band').selectOption('red');
  expect(await accounts()).toEqual(['initech', '@SUM(1+1)']);
  await extPage.getByLabel('Users in band').selectOption('green');
  expect(await accounts()).toEqual(['globex']);
  await extPage.getByLabel('Users in band').selectOption('all');

  await table.getByRole('button', { name: 'initech' }).click();
  const drill = extPage.getByTestId('account-users');
  await expect(drill.getByRole('heading')).toBeFocused();
  await expect(drill.locator('tbody tr')).toHaveCount(2);
  await expect(drill.locator('tbody th').first()).toHaveText('ana');
  await expect(drill.locator('td .badge').first()).toHaveText('Red');
  // Its own panel (a modal dialog), closed with Escape; the page is as it was.
  await expect(extPage.getByRole('dialog', { name: /Users of initech/ })).toBeVisible();
  await extPage.keyboard.press('Escape');
  await expect(drill).toHaveCount(0);

  const heat = extPage.getByTestId('heatmap');
  await expect(heat.getByRole('columnheader', { name: 'Share a report' })).toBeVisible();
  await expect(heat.locator('tbody tr')).toHaveCount(4);
  await expect(heat.locator('tbody tr', { hasText: 'globex' }).locator('td[data-feature="create-project"]')).toHaveText('100%');
  // A sequential scale: 0% is a shown, lightest step (not blank), 100% the darkest; the text stays readable on each.
  const zero = heat.locator('td', { hasText: /^0%$/ }).first();
  const full = heat.locator('tbody tr', { hasText: 'globex' }).locator('td[data-feature="create-project"]');
  const bg = (l: typeof zero) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg(zero)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await bg(zero)).not.toBe(await bg(full));

  const rollup = await downloadOf(extPage, () => extPage.getByRole('button', { name: 'Download roll-up (CSV)' }).click());
  const lines = rollup.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('app_id,account,users,mean_score,median_score,green_pct,yellow_pct,red_pct,expansion_ready_users,usage_drop_alerts,median_ttv_days,least_adopted_core_features');
  expect(lines).toHaveLength(5);
  expect(lines.find((l) => l.includes('SUM'))).toMatch(/^tasklane,"'@SUM\(1\+1\)",1,/);
  expect(lines.find((l) => l.startsWith('tasklane,initech,'))).toMatch(/^tasklane,initech,2,48,48,/);
});

test('console tabs work from the keyboard and keep their place in the URL', async ({ extPage }) => {
  const playbook = extPage.getByRole('tab', { name: 'Playbook' });
  await expect(playbook).toHaveAttribute('aria-selected', 'true');
  // Two groups (for you: My data, Settings; for customer success: Playbook … Diagnostics); the arrows run through both.
  await expect(extPage.getByRole('tablist', { name: 'For you' }).getByRole('tab')).toHaveText(['My data', 'Settings']);
  await expect(extPage.getByRole('tablist', { name: 'For customer success' }).getByRole('tab')).toHaveText(['Playbook', 'Review', 'Nudges', 'Export', 'Diagnostics']);
  await playbook.focus();
  await extPage.keyboard.press('ArrowRight');
  await expect(extPage.getByRole('tab', { name: 'Review' })).toBeFocused();
  await expect(extPage.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-review');
  await extPage.keyboard.press('End');
  await expect(extPage.getByRole('tab', { name: 'Diagnostics' })).toHaveAttribute('aria-selected', 'true');
  expect(new URL(extPage.url()).hash).toBe('#diagnostics');
  await extPage.keyboard.press('ArrowRight');
  await expect(extPage.getByRole('tab', { name: 'My data' })).toBeFocused();
  await extPage.keyboard.press('ArrowLeft');
  await expect(extPage.getByRole('tab', { name: 'Diagnostics' })).toBeFocused();
  await extPage.keyboard.press('Home');
  await expect(extPage.getByRole('tab', { name: 'My data' })).toHaveAttribute('aria-selected', 'true');
  expect(new URL(extPage.url()).hash).toBe('#my-data');
  await extPage.keyboard.press('ArrowRight');
  await expect(extPage.getByRole('tab', { name: 'Settings' })).toBeFocused();
  await extPage.keyboard.press('ArrowRight');
  await expect(extPage.getByRole('tab', { name: 'Playbook' })).toBeFocused();
  await extPage.getByRole('tab', { name: 'Diagnostics' }).click();
  await expect(extPage.getByTestId('diagnostics-empty')).toContainText('No problems recorded');
  // A guide step the widget could not show is listed, as text.
  await ask<'cs:guide-failure'>(extPage, { type: 'cs:guide-failure', app: 'tasklane', guide: 'reports-tour', step: 'share', path: '/reports', reason: '<b>#share-report</b> not found after 3 s' });
  await extPage.reload();
  await expect(extPage.getByTestId('diagnostics').locator('tbody tr')).toHaveCount(1);
  await expect(extPage.getByTestId('diagnostics').locator('tbody td').last()).toHaveText('<b>#share-report</b> not found after 3 s');
});

test('My data shows the score over time as a chart with a table alternative', async ({ app, extPage, demo }) => {
  await useTheDemo(app, extPage, demo.url);
  await extPage.bringToFront();
  await extPage.getByRole('tab', { name: 'My data' }).click();
  const chart = extPage.getByRole('img', { name: /Adoption score over time/ });
  await expect(chart).toBeVisible();
  await expect(extPage.getByTestId('score-chart').locator('desc')).toContainText(/One day recorded: \d+ \((green|yellow|red)\)/);
  await extPage.getByText('Score history as a table').click();
  await expect(extPage.getByTestId('history-table').locator('tbody tr')).toHaveCount(1);
  await expect(extPage.getByTestId('score')).toHaveText(await extPage.getByTestId('history-table').locator('tbody td').first().innerText());
});

test('a section chosen in the URL while the console is still starting is the one shown', async ({ extPage }) => {
  // The hash changes after the first render but before the console's effects run: the moment
  // a bookmark, the back button or a quick link lands while the page is still busy starting.
  await extPage.addInitScript(() => {
    if (location.hash === '#race') addEventListener('DOMContentLoaded', () => { location.hash = '#review'; });
  });
  const options = extPage.url().replace(/#.*$/, '');
  await extPage.goto('about:blank');
  await extPage.goto(`${options}#race`);
  await expect(extPage.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
  await expect(extPage.getByLabel('Choose export files')).toBeAttached();
});
