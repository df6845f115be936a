import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

// Real input (page.mouse, page.keyboard, page.dragAndDrop) on tests/fixtures/gestures; each test
// ends with a real click on #marker, recorded after everything before it: the counts are final.
let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: 'tests/fixtures/gestures' });
});
test.afterAll(async () => pages.close());

async function open(app: Page, extPage: Page, only: string[]) {
  const pb = JSON.parse(readFileSync('tests/fixtures/gestures/playbook.json', 'utf8')) as { features: { id: string }[] };
  pb.features = pb.features.filter((f) => only.includes(f.id) || f.id === 'marker');
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(pb) });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  await app.goto(`${pages.url}/`);
}
const log = (app: Page) => app.evaluate(() => (window as unknown as { log: Record<string, number> }).log);
const centre = async (app: Page, sel: string) => {
  const b = (await app.locator(sel).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

test('one real click lets page script count at most one submit (requestSubmit five times in the click, twice more after a real submit)', async ({ app, extPage }) => {
  await open(app, extPage, ['search']);
  await app.click('#amplify');
  await app.click('#go');
  // The page acted on all eight submits.
  await expect.poll(async () => (await log(app)).submits).toBe(8);
  await app.click('#marker');
  await waitForCounts(extPage, pages.url, { search: 2, marker: 1 });
});

test('double-click: a real double-click counts once', async ({ app, extPage }) => {
  await open(app, extPage, ['open-cell']);
  await app.dblclick('#cell');
  await app.click('#marker');
  await waitForCounts(extPage, pages.url, { 'open-cell': 1, marker: 1 });
});

test('drag and drop: HTML5 (dragstart, drop) and made of pointer events onto a canvas (with pointer capture), each counted once; a drag that ends elsewhere and a plain click on the source do not count', async ({ app, extPage }) => {
  await open(app, extPage, ['move-card', 'place-node']);
  await app.dragAndDrop('#card', '#lane');
  await expect.poll(async () => (await log(app)).drops).toBe(1);
  const node = await centre(app, '#palette-node');
  const canvas = await centre(app, '#canvas');
  await app.mouse.move(node.x, node.y);
  await app.mouse.down();
  await app.mouse.move(canvas.x, canvas.y, { steps: 8 });
  await app.mouse.up();
  await expect.poll(async () => (await log(app)).placed).toBe(1);
  // Released where it started (a click), and dragged onto the marker instead of the canvas.
  await app.mouse.click(node.x, node.y);
  await app.mouse.move(node.x, node.y);
  await app.mouse.down();
  await app.mouse.move(node.x + 60, node.y + 80, { steps: 4 });
  await app.mouse.up();
  await app.click('#marker');
  await waitForCounts(extPage, pages.url, { 'move-card': 1, 'place-node': 1, marker: 1 });
});

test('changed a field: typing counts once per visit to the field, not per key; a value set by page script does not count', async ({ app, extPage }) => {
  await open(app, extPage, ['edit-title']);
  await app.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#title')!;
    input.value = 'scripted';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await app.click('#title');
  await app.keyboard.type('Quarterly plan');
  await app.keyboard.press('Tab');
  // A second visit.
  await app.click('#title');
  await app.keyboard.press('Backspace');
  await app.click('#marker');
  await waitForCounts(extPage, pages.url, { 'edit-title': 2, marker: 1 });
});

test('a click rule counts a real press whose click never came (the app acts on mouseup and re-renders the row); a label click counts once', async ({ app, extPage }) => {
  await open(app, extPage, ['open-row', 'consent', 'agree']);
  const row = await centre(app, '#row-1');
  await app.mouse.click(row.x, row.y);
  await expect.poll(async () => (await log(app)).opened).toBe(1);
  // The browser forwards the label's click to the checkbox: "consent" (around both) counts once,
  // "agree" (the checkbox) once.
  await app.click('label[for="agree"]');
  await expect(app.locator('#agree')).toBeChecked();
  await app.click('#marker');
  await waitForCounts(extPage, pages.url, { 'open-row': 1, consent: 1, agree: 1, marker: 1 });
});
