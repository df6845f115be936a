import { ask } from '../../scripts/lib/browser';
import { DEMO_TEXT } from './console-helpers';
import { countsOf, expect, summary, test, waitForCounts } from './fixtures';

test('pausing capture stops recording from the next page load; resuming starts it again', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/reports`);
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });

  await extPage.goto(`${extPage.url().replace(/#.*$/, '')}#settings`);
  await extPage.getByLabel('Pause capture').check();
  await expect(extPage.getByTestId('settings-status')).toContainText('Capture paused');
  expect(await ask<'ui:get-settings'>(extPage, { type: 'ui:get-settings' })).toEqual({ paused: true });

  await app.bringToFront();
  await app.reload();
  await app.click('#export-csv');
  await app.click('#export-csv');
  // Longer than the capture queue's flush interval (1 s): had capture run, the clicks would be stored by now.
  await app.waitForTimeout(2500);
  expect(countsOf(await summary(extPage, demo.url))).toEqual({ 'view-reports': 1, 'export-csv': 1 });

  await extPage.bringToFront();
  await extPage.reload();
  await extPage.getByLabel('Pause capture').uncheck();
  await expect(extPage.getByTestId('settings-status')).toContainText('Capture resumed');
  await app.bringToFront();
  await app.reload();
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 2, 'export-csv': 2 });
});

test('reset deletes all recorded data behind a confirmation, and keeps the saved playbook', async ({ app, extPage, demo }) => {
  const renamed = JSON.parse(DEMO_TEXT);
  renamed.app.name = 'Tasklane EU';
  expect(await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(renamed) })).toMatchObject({ ok: true });
  await app.goto(`${demo.url}/reports`);
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });

  await extPage.bringToFront();
  await extPage.goto(`${extPage.url().replace(/#.*$/, '')}#settings`);
  await expect(extPage.getByTestId('stored')).toContainText('2 events');
  await extPage.getByRole('button', { name: 'Reset all data…' }).click();
  // Cancelling deletes nothing.
  await extPage.getByRole('button', { name: 'Cancel' }).click();
  expect((await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).events).toBe(2);

  await extPage.getByRole('button', { name: 'Reset all data…' }).click();
  await expect(extPage.getByText('Delete everything Uptake recorded in this browser?')).toBeVisible();
  await extPage.getByRole('button', { name: 'Delete all recorded data' }).click();
  await expect(extPage.getByTestId('settings-status')).toContainText('All recorded data was deleted');
  await expect(extPage.getByTestId('stored')).toContainText('0 events, 0 daily counts, 0 milestones, 0 meter readings, 0 daily scores');
  expect(await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).toEqual({ events: 0, rollups: 0, milestones: 0, meters: 0, scores: 0 });
  expect(await ask<'ui:get-playbook'>(extPage, { type: 'ui:get-playbook' })).toMatchObject({ source: 'saved', app: { name: 'Tasklane EU' } });
  expect((await summary(extPage, demo.url))).toBeNull();

  // Capture carries on under the kept playbook.
  await app.bringToFront();
  await app.reload();
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });
});

test('a moved clock shows its real offset after a reload, and every page offers a one-click reset', async ({ context, extPage }) => {
  await extPage.goto(`${extPage.url().replace(/#.*$/, '')}#settings`);
  await expect(extPage.getByTestId('clock-now')).toHaveText('Uptake runs on real time.');
  await expect(extPage.getByTestId('clock-banner')).toHaveCount(0);
  await extPage.getByLabel('Preview a later day: days ahead').fill('3');
  await extPage.getByRole('button', { name: 'Apply' }).click();
  await expect(extPage.getByTestId('clock-banner')).toContainText('3 days ahead');

  // After a reload the settings show the clock the background runs on, not 0.
  await extPage.reload();
  await expect(extPage.getByLabel('Preview a later day: days ahead')).toHaveValue('3');
  await expect(extPage.getByTestId('clock-now')).toContainText('3 days ahead');
  await expect(extPage.getByTestId('clock-banner')).toContainText('3 days ahead');

  // The popup says so too, and resets it in one click.
  const id = new URL(extPage.url()).host;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?url=${encodeURIComponent('https://news.example.org/')}`);
  await expect(popup.getByTestId('clock-banner')).toContainText('3 days ahead');
  await popup.getByRole('button', { name: 'Back to real time' }).click();
  await expect(popup.getByTestId('clock-banner')).toHaveCount(0);
  expect(await ask<'ui:get-clock'>(popup, { type: 'ui:get-clock' })).toEqual({ offsetMs: 0 });

  await extPage.bringToFront();
  await extPage.reload();
  await expect(extPage.getByTestId('clock-banner')).toHaveCount(0);
  await expect(extPage.getByLabel('Preview a later day: days ahead')).toHaveValue('0');
});
