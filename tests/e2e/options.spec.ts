import { readFileSync } from 'node:fs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

const demoPlaybook = JSON.parse(readFileSync('demo/playbook.json', 'utf8'));

test('an invalid playbook shows every error with its path and leaves the active playbook and stored data intact', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/reports`);
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });
  const before = await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' });

  const broken = structuredClone(demoPlaybook);
  broken.features[2].detect[0].on = 'hover';
  broken.milestones[0].allOf[0].feature = 'create-projects';
  broken.app.matches = ['not a url'];
  await extPage.reload();
  await expect(extPage.getByTestId('active-playbook')).toContainText('Tasklane (the built-in demo playbook)');
  await extPage.getByLabel('Playbook JSON').fill(JSON.stringify(broken, null, 2));
  await extPage.getByRole('button', { name: 'Save playbook' }).click();

  const alert = extPage.getByRole('alert');
  await expect(alert).toContainText('features[2].detect[0].on');
  await expect(alert).toContainText('milestones[0].allOf[0].feature: names "create-projects"');
  await expect(alert).toContainText('app.matches[0]');
  await expect(alert.locator('li')).toHaveCount(3);

  // The previous playbook is still the one in force, and capture still uses it.
  await extPage.reload();
  await expect(extPage.getByTestId('active-playbook')).toContainText('Tasklane (the built-in demo playbook)');
  expect(await ask<'ui:storage-stats'>(extPage, { type: 'ui:storage-stats' })).toEqual(before);
  await app.click('#export-csv');
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 2 });
});

test('a JSON syntax error names the line and column', async ({ extPage }) => {
  await extPage.getByLabel('Playbook JSON').fill('{\n  "version": 1,\n  "app": { "id": "x" ,, }\n}');
  await extPage.getByRole('button', { name: 'Save playbook' }).click();
  await expect(extPage.getByRole('alert')).toContainText('line 3');
});

test('a valid playbook picked from a file becomes active and capture follows it', async ({ app, extPage, demo }) => {
  const renamed = structuredClone(demoPlaybook);
  renamed.app.name = 'Tasklane EU';
  renamed.features.find((f: { id: string }) => f.id === 'export-csv').name = 'Download CSV';
  await extPage.locator('input[type=file]').setInputFiles({
    name: 'tasklane-eu.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(renamed)),
  });
  await expect(extPage.getByLabel('Playbook JSON')).toHaveValue(/Tasklane EU/);
  await extPage.getByRole('button', { name: 'Save playbook' }).click();
  await expect(extPage.getByRole('status')).toContainText('Tasklane EU is now active');
  await expect(extPage.getByTestId('active-playbook')).toContainText('Tasklane EU (saved');

  await app.goto(`${demo.url}/reports`);
  await app.click('#export-csv');
  const s = await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'export-csv': 1 });
  expect(s?.app.name).toBe('Tasklane EU');
  expect(s?.features.find((f) => f.id === 'export-csv')?.name).toBe('Download CSV');
});
