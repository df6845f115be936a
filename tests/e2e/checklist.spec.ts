import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionId, serviceWorker } from '../../scripts/lib/browser';
import { loadPlaybook } from '../../scripts/lib/widget-states';
import { expect, test, waitForCounts } from './fixtures';
import { widget } from './widget-helpers';
import { servePages, usePlaybook } from './widget-lab';

/** The checklist as a user meets it: what each item says and offers, the 100% moment, hiding and reopening it, and where it opens. */

// biome-ignore lint/suspicious/noExplicitAny: a JSON draft, checked by the playbook schema when loaded.
type Draft = Record<string, any>;
/** The demo playbook, changed for one test. */
function demoWith(change: (pb: Draft) => void): string {
  const pb = JSON.parse(readFileSync('demo/playbook.json', 'utf8'));
  change(pb);
  return JSON.stringify(pb);
}

/** The popup for `app`'s tab, as the toolbar button opens it. */
async function popupFor(context: BrowserContext, app: Page): Promise<Page> {
  const sw = await serviceWorker(context);
  const tab = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, app.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(app.url())}&tab=${tab}`);
  return popup;
}

/** Where the ring of "Go there" is drawn, against the element it should surround. */
async function expectRinged(app: Page, selector: string) {
  const ring = widget(app).locator('.ring[data-point]');
  await expect(ring).toBeVisible();
  await expect(async () => {
    const r = (await ring.boundingBox())!;
    const t = (await app.locator(selector).boundingBox())!;
    expect(r.x <= t.x && r.y <= t.y && r.x + r.width >= t.x + t.width && r.y + r.height >= t.y + t.height, `ring ${JSON.stringify(r)} around ${JSON.stringify(t)}`).toBe(true);
    expect(t.y >= 0 && t.y + t.height <= app.viewportSize()!.height, 'scrolled into view').toBe(true);
  }).toPass({ timeout: 5_000 });
}

test('each item shows its description as text and offers Show me for a tour, Go there for a feature: pointing here, or going to its page and pointing there', async ({ app, extPage, demo }) => {
  await loadPlaybook(
    extPage,
    demoWith((pb) => {
      pb.milestones[0].description = 'Name it after what you are shipping. <b>Not bold</b>';
      pb.features.push({ id: 'reports-page', name: 'Reports page', detect: [{ on: 'route', path: '/reports' }], anchor: { selectors: ['#build-report'] } });
      pb.milestones.push({ id: 'see-reports', name: 'Look at your reports', allOf: [{ feature: 'reports-page' }] });
    }),
  );
  await app.goto(`${demo.url}/projects`);
  const w = widget(app);
  await w.locator('.launcher').click();
  const first = w.locator('[data-milestone="first-project"]');
  await expect(first.locator('.desc')).toHaveText('Name it after what you are shipping. <b>Not bold</b>');
  await expect(first.locator('b')).toHaveCount(0);
  // Every open item offers an action, named for what it does.
  await expect(w.locator('[data-milestone="invite-team"] .show-me')).toHaveText('Show me');
  await expect(first.getByRole('button', { name: 'Go there: Create your first project' })).toBeVisible();
  for (const li of await w.locator('.panel li[data-reached="false"]').all()) await expect(li.locator('button')).toHaveCount(1);

  // The element is on this page: ringed where it is.
  await first.locator('.show-me').click();
  await expect(w.locator('.panel')).toHaveCount(0);
  await expectRinged(app, '#create-project');

  // On another page: go there, then point.
  await w.locator('.launcher').click();
  await w.locator('[data-milestone="see-reports"] .show-me').click();
  await expect(app).toHaveURL(/\/reports$/);
  await expectRinged(app, '#build-report');
});

test('at 100% the panel celebrates, then the checklist hides itself for good; the popup reopens it', async ({ context, app, extPage, demo }) => {
  await loadPlaybook(
    extPage,
    demoWith((pb) => {
      pb.milestones = pb.milestones.slice(0, 1);
      pb.nudges = [];
    }),
  );
  await app.goto(`${demo.url}/projects`);
  const w = widget(app);
  await expect(w.locator('.launcher')).toContainText('0/1');
  await app.fill('#project-form input[name="name"]', 'Launch');
  await app.click('#create-project');
  await expect(w.locator('.panel .party')).toContainText('All done');
  await expect(w.locator('.launcher')).toContainText('1/1');
  // Then it goes by itself, and stays gone after a reload.
  await expect(w.locator('.checklist')).toHaveCount(0, { timeout: 15_000 });
  await app.reload();
  await waitForCounts(extPage, demo.url, { 'create-project': 1 });
  await expect(w.locator('.checklist')).toHaveCount(0);

  const popup = await popupFor(context, app);
  await popup.getByRole('button', { name: 'Open the checklist' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await app.bringToFront();
  await expect(w.locator('.panel')).toBeFocused();
  await expect(w.locator('.panel .party')).toHaveCount(0);
  await app.reload();
  await expect(w.locator('.launcher')).toBeVisible();
});

test('the user can hide the checklist at any time; it stays hidden across reloads until the popup reopens it', async ({ context, app, demo }) => {
  await app.goto(`${demo.url}/projects`);
  const w = widget(app);
  await w.locator('.launcher').click();
  await w.getByRole('button', { name: 'Hide checklist' }).click();
  await expect(w.locator('.checklist')).toHaveCount(0);
  await app.reload();
  await expect(w.locator('.checklist')).toHaveCount(0);
  await app.waitForFunction(() => document.querySelector('#view h1')); // the app rendered; the widget had its chance

  const popup = await popupFor(context, app);
  await popup.getByRole('button', { name: 'Open the checklist' }).click();
  await app.bringToFront();
  await expect(w.locator('.panel')).toBeFocused();
  await app.reload();
  await expect(w.locator('.launcher')).toBeVisible();
});

test.describe('on a page whose primary action sits where the panel opens', () => {
  const pages = servePages();
  test('the panel opens where it leaves the primary action clear and clickable', async ({ app, extPage }) => {
    await usePlaybook(extPage);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 375, height: 667 },
    ]) {
      await app.setViewportSize(size);
      await app.goto(`${pages.url()}/primary.html`);
      const w = widget(app);
      await w.locator('.launcher').click();
      const panel = w.locator('.panel');
      await expect(panel).toBeVisible();
      const p = (await panel.boundingBox())!;
      const b = (await app.locator('#save').boundingBox())!;
      const where = `${size.width}px: panel ${JSON.stringify(p)}, Save ${JSON.stringify(b)}`;
      expect(p.x + p.width <= b.x || b.x + b.width <= p.x || p.y + p.height <= b.y || b.y + b.height <= p.y, where).toBe(true);
      expect(p.x >= 0 && p.y >= 0 && p.x + p.width <= size.width && p.y + p.height <= size.height, `inside the viewport: ${where}`).toBe(true);
      await app.click('#save');
      await expect(app.locator('#saved')).toHaveText('Saved');
    }
  });
});
