import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask, extensionId } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';
import { expectNextTo, showMe, stepCard, widget, widgetHost } from './widget-helpers';
import { expectSameAsWithout, withoutUptake } from './without-uptake';

const FIXTURES = 'tests/fixtures/hostile';
const playbook = readFileSync(`${FIXTURES}/playbook.json`, 'utf8');

let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: FIXTURES });
});
test.afterAll(async () => pages.close());
const plain = withoutUptake();

interface PageState {
  clicks: number;
  violations: string[];
  errors: string[];
  mutations: number;
}
const pageState = (page: Page) => page.evaluate(() => (window as unknown as { pageState: PageState }).pageState);

const CASES = [
  { file: 'csp.html', what: 'a strict Content-Security-Policy', target: '#target' },
  { file: 'reset.html', what: 'an aggressive CSS reset with !important rules', target: '#target' },
  { file: 'overlay.html', what: 'an overlay at z-index 2147483647', target: '#target' },
  { file: 'scroll.html', what: 'a scrolling container under a sticky header', target: '#target' },
  { file: 'shadow.html', what: 'a target inside an open shadow root', target: 'x-panel #target' },
  { file: 'mutation.html', what: 'a page mutating its DOM 100 times a second', target: '#target' },
];

for (const c of CASES) {
  test(`the widget works on ${c.what}, the page behaves as before, and real clicks there are recorded`, async ({ app, extPage }, info) => {
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
    expect(saved.ok).toBe(true);
    await app.goto(`${pages.url}/${c.file}`);
    await showMe(app, 'try-target');
    const card = stepCard(app, 'target');
    const target = app.locator(c.target);
    const { gap } = await expectNextTo(card, target);
    expect(gap).toBeGreaterThanOrEqual(4);

    // Our styles apply (the shadow root is not reached by the page's CSS, and its CSP does not block them).
    const look = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      return { position: s.position, font: s.fontSize, bg: s.backgroundColor, borderTop: s.borderTopWidth };
    });
    expect(look).toMatchObject({ position: 'fixed', borderTop: '4px' });
    expect(look.bg).not.toBe('rgba(0, 0, 0, 0)');
    // Nothing is drawn above the card: the point at its centre belongs to the widget.
    const box = (await card.boundingBox())!;
    const topmost = await widgetHost(app).evaluate((host, { x, y }) => document.elementFromPoint(x, y) === host, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(topmost).toBe(true);
    await app.screenshot({ path: info.outputPath(`${c.file.replace('.html', '')}.png`) });

    if (c.file === 'scroll.html') {
      // The card follows its target when the container scrolls.
      await app.locator('#scroller').evaluate((el) => el.scrollBy(0, 40));
      await expectNextTo(card, target);
      // Scrolled out of its container, the target is hidden: the card says so instead of pointing at nothing.
      const where = await app.locator('#scroller').evaluate((el) => el.scrollTop);
      await app.locator('#scroller').evaluate((el) => el.scrollBy(0, 2000));
      await expect(card.locator('.note')).toContainText('Scroll to bring the highlighted item back into view');
      await app.locator('#scroller').evaluate((el, top) => el.scrollTo(0, top), where);
      await expect(card.locator('.note')).toHaveCount(0);
    }

    // The page's own behaviour is unchanged: its button works, no CSP violation, no error.
    const before = await pageState(app);
    await card.getByRole('button', { name: 'Done' }).click();
    await app.click('#page-button');
    const after = await pageState(app);
    expect(after.clicks).toBe(before.clicks + 1);
    expect(after.violations).toEqual([]);
    expect(after.errors).toEqual([]);
    if (c.file === 'mutation.html') {
      await app.waitForTimeout(300);
      expect((await pageState(app)).mutations).toBeGreaterThan(after.mutations + 10);
    }
    await expect(widget(app).locator('.launcher')).toBeVisible();

    // Capture works here too: real clicks on the target (inside the shadow root, under the overlay, in the
    // scrolled container…) and on the page's own button are each recorded once, and nothing else is.
    await app.click(c.target);
    await app.click(c.target);
    await waitForCounts(extPage, pages.url, { target: 2, 'page-button': 1 });
    expect((await pageState(app)).errors).toEqual([]);
  });
}

interface Replay {
  messages: unknown[];
  stolen: string[];
  heard: string[];
}
const replayed = (page: Page) => page.evaluate(() => (window as unknown as { replay: Replay }).replay);

test('a page replaying Uptake’s messages and every event it listens to cannot stop it, and gets no message from it', async ({ app, extPage, context }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
  expect(saved.ok).toBe(true);
  const id = await extensionId(context);
  await app.goto(`${pages.url}/replay.html?id=${id}`);
  await expect(widget(app).locator('.launcher')).toBeVisible();
  await app.click('#target');
  await waitForCounts(extPage, pages.url, { target: 1 });

  // WXT's "content script started" (by its real name for this extension), every message the page
  // received, and a synthetic copy of every event Uptake listens to.
  await app.evaluate((id) => (window as unknown as { replayAll(id: string): void }).replayAll(id), id);
  await app.click('#target');
  await app.click('#page-button');
  await waitForCounts(extPage, pages.url, { target: 2, 'page-button': 1 });
  // The widget still answers the user.
  await widget(app).locator('.launcher').click();
  await expect(widget(app).locator('[data-milestone="try-target"]')).toBeVisible();

  // The page's message listener, and its listeners for WXT's events, heard nothing from Uptake in the whole session.
  const r = await replayed(app);
  expect(r.messages).toEqual([]);
  expect(r.heard).toEqual([]);
  expect((await pageState(app)).errors).toEqual([]);
});

test('a single-page app leaving the playbook’s pages stops capture and the widget; coming back resumes both', async ({ app, extPage }) => {
  const pb = JSON.parse(playbook);
  pb.app.matches = ['http://127.0.0.1/spa*'];
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(pb) });
  expect(saved.ok).toBe(true);
  // The summary is asked for a URL under the playbook's pages.
  const spaUrl = `${pages.url}/spa`;
  await app.goto(`${pages.url}/spa.html`);
  const launcher = widget(app).locator('.launcher');
  await expect(launcher).toBeVisible();
  await app.click('#target');
  await waitForCounts(extPage, spaUrl, { target: 1 });

  // pushState by the app's own link, then replaceState and a hash change: all outside the playbook's pages.
  await app.click('#to-admin');
  await app.click('#target');
  await app.evaluate(() => history.replaceState({}, '', '/admin/settings'));
  await app.click('#target');
  await app.evaluate(() => {
    location.hash = '#/billing';
  });
  await app.click('#target');
  await expect(launcher).toHaveCount(0);
  await expect(widgetHost(app)).toHaveCount(0);

  // Back to the app (popstate), then its own link: capture and the widget resume.
  await app.evaluate(() => history.pushState({}, '', '/spa.html'));
  await expect(launcher).toBeVisible();
  await app.click('#target');
  await app.click('#to-admin');
  await app.evaluate(() => history.back());
  await expect(app).toHaveURL(/\/spa\.html$/);
  await app.click('#page-button');
  // Page-button last: once it is counted, everything before it is too (one outbox, in order).
  await waitForCounts(extPage, spaUrl, { target: 2, 'page-button': 1 });
  await expect(launcher).toBeVisible();
});

test('the page cannot read the widget, reach into it, claim its element, or remove or hide it (it comes back, up to 50 times per mount)', async ({ app, extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
  expect(saved.ok).toBe(true);
  await app.goto(`${pages.url}/replay.html?claim`);
  await showMe(app, 'try-target');
  const card = stepCard(app, 'target');
  await expect(card).toContainText('Uptake points here');
  // The page defined `uptake-widget` first: its element was never used.
  expect((await replayed(app)).stolen).toEqual([]);

  // What page script sees: a host with no shadowRoot, no text, and no way in.
  const seen = await app.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body)!;
    const w = window as unknown as { peek(): string[]; replay: { internals?: string } };
    let attach = 'attached';
    try {
      host.attachShadow({ mode: 'open' });
    } catch {
      attach = 'refused';
    }
    // Defining the host's name now upgrades it: its constructor still gets no root from ElementInternals.
    customElements.define(
      host.localName,
      class extends HTMLElement {
        constructor() {
          super();
          try {
            w.replay.internals = String(this.attachInternals().shadowRoot);
          } catch {
            w.replay.internals = 'refused';
          }
        }
      },
    );
    return { shadowRoot: String(host.shadowRoot), attach, text: document.documentElement.textContent?.includes('Uptake points here'), peek: w.peek(), internals: w.replay.internals };
  });
  expect(seen).toEqual({ shadowRoot: 'null', attach: 'refused', text: false, peek: [], internals: expect.stringMatching(/^(null|refused)$/) });

  // Removed, hidden from the top layer, restyled: the widget comes back each time.
  const onTop = async () => {
    const box = (await card.boundingBox())!;
    return widgetHost(app).evaluate((host, { x, y }) => document.elementFromPoint(x, y) === host, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  };
  await widgetHost(app).evaluate((host) => host.remove());
  await expect(card).toBeVisible();
  await expect.poll(onTop).toBe(true);
  await widgetHost(app).evaluate((host) => (host as HTMLElement).hidePopover());
  await expect.poll(onTop).toBe(true);
  await widgetHost(app).evaluate((host) => {
    (host as HTMLElement).style.setProperty('display', 'none', 'important');
    host.setAttribute('hidden', '');
  });
  await expect.poll(onTop).toBe(true);
  await expect(card).toBeVisible();

  // Still working, and still counting exactly.
  await app.click('#target');
  await waitForCounts(extPage, pages.url, { target: 1 });
  expect((await pageState(app)).errors).toEqual([]);
});

test('on a page that replays Uptake’s messages and defines uptake-widget, the widget works, capture is exact, and DOM, focus, scroll and console are as without Uptake', async ({ app, extPage, context }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
  expect(saved.ok).toBe(true);
  const id = await extensionId(context);
  const { withUptake } = await expectSameAsWithout(await plain(), app, `${pages.url}/replay.html?claim`, async (page, uptake) => {
    if (uptake) await expect(widget(page).locator('.launcher')).toBeVisible();
    await page.evaluate((extensionId) => {
      (window as unknown as { replayAll(id: string): void }).replayAll(extensionId);
      window.scrollTo(0, 500);
    }, id);
    const scrolled = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(window.scrollY)))));
    await page.keyboard.type('typed while Uptake runs');
    // The autofocused field kept focus and every key.
    const typed = await page.evaluate(() => [document.activeElement?.id, (document.getElementById('field') as HTMLInputElement).value]);
    await page.click('#page-button');
    await page.click('#target');
    const { messages, stolen } = await replayed(page);
    return { typed, scrolled, messages, stolen, page: await pageState(page) };
  });
  expect(withUptake.result).toMatchObject({ typed: ['field', 'typed while Uptake runs'], scrolled: 500, messages: [], stolen: [] });

  // The widget is whole, and only the real clicks were counted, once each.
  await waitForCounts(extPage, pages.url, { target: 1, 'page-button': 1 });
  await widget(app).locator('.launcher').click();
  await expect(widget(app).locator('[data-milestone="try-target"]')).toHaveAttribute('data-reached', 'true');
});

test('a second Uptake script in the same page takes over from the first: one widget, each click counted once', async ({ app, extPage }) => {
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: playbook });
  expect(saved.ok).toBe(true);
  await app.goto(`${pages.url}/csp.html`);
  await expect(widget(app).locator('.launcher')).toBeVisible();
  const first = await widgetHost(app).evaluate((host) => host.localName);
  // As after an extension update: the content script runs again in the same isolated world.
  await extPage.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/content-scripts/guide.js'] });
  }, `${pages.url}/csp.html`);
  await expect.poll(() => widgetHost(app).evaluate((host) => host.localName).catch(() => first)).not.toBe(first);
  const hosts = await app.evaluate(() => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length);
  expect(hosts).toBe(1);
  await app.click('#target');
  await app.click('#page-button');
  await waitForCounts(extPage, pages.url, { target: 1, 'page-button': 1 });
  await widget(app).locator('.launcher').click();
  await expect(widget(app).locator('[data-milestone="try-target"]')).toHaveAttribute('data-reached', 'true');
});
