import { expect, test } from './fixtures';
import { expectNextTo, showMe, stepCard, widget } from './widget-helpers';
import { nudgeStats, servePages, usePlaybook } from './widget-lab';

// The app's modal dialogs: the widget waits while one is open, unless its target is inside it.
const pages = servePages();

test.beforeEach(async ({ extPage }) => usePlaybook(extPage));

test('a modal dialog opened after a nudge shows: the nudge waits hidden, then is back and can be closed', async ({ app, extPage }) => {
  await app.goto(`${pages.url()}/modal.html`);
  const card = widget(app).locator('.card.nudge[data-nudge="modal-tip"]');
  await expectNextTo(card, app.locator('#tip-target'));
  await app.click('#open-modal');
  await expect(app.locator('#modal')).toBeVisible();
  await expect(card).toBeHidden();
  await expect(widget(app).locator('.launcher')).toBeHidden();
  await app.click('#close-modal'); // the app's dialog works as without Uptake
  await expect(app.locator('#modal')).toBeHidden();
  await expectNextTo(card, app.locator('#tip-target'));
  await card.getByRole('button', { name: 'Close tip' }).click();
  await expect(card).toHaveCount(0);
  await expect.poll(async () => (await nudgeStats(extPage, 'modal-tip'))?.dismissed).toBe(1);
});

test('a step whose target is inside a modal dialog shows above the dialog and its buttons work', async ({ app }) => {
  await app.goto(`${pages.url()}/modal.html`);
  await showMe(app, 'm-modal');
  await expectNextTo(stepCard(app, 'open'), app.locator('#open-modal'));
  await app.click('#open-modal');
  const card = stepCard(app, 'inside');
  await expectNextTo(card, app.locator('#in-modal'));
  const box = (await card.boundingBox())!;
  const topmost = await app.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('dialog') ?? document.elementFromPoint(x, y)?.localName, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(topmost).not.toBe('dialog'); // the card, not the dialog's backdrop
  await card.getByRole('button', { name: 'Done' }).click({ timeout: 10_000 });
  await expect(card).toHaveCount(0);
  // The app's dialog is untouched and still works; once it closes the checklist is back.
  await expect(app.locator('#modal')).toBeVisible();
  await app.click('#close-modal');
  await expect(widget(app).locator('.launcher')).toBeVisible();
});

test('a step inside a dialog that the app closes waits, hidden, instead of staying over the page', async ({ app }) => {
  await app.goto(`${pages.url()}/modal.html`);
  await showMe(app, 'm-modal');
  await app.click('#open-modal');
  const card = stepCard(app, 'inside');
  await expectNextTo(card, app.locator('#in-modal'));
  await app.click('#close-modal');
  await expect(app.locator('#modal')).toBeHidden();
  await expect(card).toBeHidden();
  await expect(widget(app).locator('.launcher')).toBeVisible();
});
