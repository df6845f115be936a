import { expect, test } from './fixtures';
import { showMe, stepCard, widget } from './widget-helpers';
import { pageState, servePages, usePlaybook } from './widget-lab';

// Keys and focus: Uptake hears keys only in its own card or on the highlighted element, and takes focus only when the user moved to it.
const pages = servePages();

test.beforeEach(async ({ extPage }) => usePlaybook(extPage));

test("with the app's command palette open, Escape closes the palette and the tour stays", async ({ app }) => {
  await app.goto(`${pages.url()}/keys.html`);
  await showMe(app, 'm-next');
  await expect(stepCard(app, 'first')).toBeVisible();
  await app.click('#open-palette');
  await expect(app.locator('#palette-input')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.locator('#palette')).toBeHidden();
  expect(await pageState<{ paletteClosedBy: string }>(app)).toMatchObject({ paletteClosedBy: 'Escape' });
  await expect(stepCard(app, 'first')).toBeVisible();
  // Escape with focus on the page (not in the card, not on the target) is the page's too.
  await app.locator('h1').click();
  await app.keyboard.press('Escape');
  await expect(stepCard(app, 'first')).toBeVisible();
  // In the card, Escape is Uptake's: the tour closes.
  await stepCard(app, 'first').focus();
  await app.keyboard.press('Escape');
  await expect(stepCard(app)).toHaveCount(0);
});

test('keys in a canvas editor keep working while an action step shows', async ({ app }) => {
  await app.goto(`${pages.url()}/keys.html`);
  await showMe(app, 'm-canvas');
  await expect(stepCard(app, 'draw')).toBeVisible();
  await app.click('#canvas'); // the step's action: the tour moves on to "Pick a tool"
  await expect(stepCard(app, 'tool')).toHaveAttribute('data-shown-ms', /\d/);
  await expect(app.locator('#canvas')).toBeFocused();
  await app.keyboard.press('Delete');
  await app.keyboard.press('Control+z');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  expect((await pageState<{ keys: string[] }>(app)).keys).toEqual(['Delete', 'Ctrl+z', 'Enter', 'Escape']);
  await expect(app.locator('#canvas')).toBeFocused();
  await expect(stepCard(app, 'tool')).toBeVisible();
});

test('a tour resumed after a reload leaves focus in the autofocused input, and typed text lands there', async ({ app }) => {
  await app.goto(`${pages.url()}/autofocus.html`);
  await showMe(app, 'm-next');
  await stepCard(app, 'first').getByRole('button', { name: 'Next' }).click();
  await expect(stepCard(app, 'second')).toBeVisible();
  await app.reload();
  await expect(app.locator('#search')).toBeFocused();
  await expect(stepCard(app, 'second')).toHaveAttribute('data-shown-ms', /\d/);
  await app.keyboard.type('quarterly report');
  await expect(app.locator('#search')).toHaveValue('quarterly report');
  await expect(app.locator('#search')).toBeFocused();
});

test('the checklist and a tour work with the keyboard alone: the opened checklist takes focus, Escape gives it back', async ({ app }) => {
  await app.goto(`${pages.url()}/keys.html`);
  const launcher = widget(app).locator('.launcher');
  await expect(launcher).toBeVisible();
  await launcher.focus();
  await app.keyboard.press('Enter');
  await expect(widget(app).locator('.panel')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(widget(app).locator('.panel')).toHaveCount(0);
  await expect(launcher).toBeFocused();

  await app.keyboard.press('Enter');
  await expect(widget(app).locator('.panel')).toBeFocused();
  await app.keyboard.press('Tab'); // the panel's close button
  await app.keyboard.press('Tab'); // "Show me" of the first milestone
  await expect(widget(app).locator('[data-milestone="m-next"] .show-me')).toBeFocused();
  await app.keyboard.press('Enter');
  // Started with the keyboard: the card takes focus; Tab reaches its Next button, Enter moves on.
  await expect(stepCard(app, 'first')).toBeFocused();
  await app.keyboard.press('Tab'); // the card's close button
  await app.keyboard.press('Tab'); // Skip tour
  await app.keyboard.press('Tab');
  await expect(stepCard(app, 'first').getByRole('button', { name: 'Next' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(stepCard(app, 'second')).toBeFocused();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(stepCard(app, 'second').getByRole('button', { name: 'Back' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(stepCard(app, 'second').getByRole('button', { name: 'Done' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(stepCard(app)).toHaveCount(0);
  await expect(launcher).toContainText('1/5');
});
