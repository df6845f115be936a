import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithoutExtension } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';
import { widgetHost } from './widget-helpers';

/**
 * "The page is as it is without Uptake": the same scripted user session runs on the same URL in a
 * Chromium without the extension and in the test's Chromium with it, and what the page's script and
 * its user can observe must be equal. Uptake's own host element is left out (found over CDP, as a
 * page cannot), nothing else is.
 */
export interface Observed {
  url: string;
  /** html, head and body with the page's open shadow roots, the host left out. */
  dom: string;
  /** Form controls' live values and checked states (not in the markup). */
  values: string[];
  /** The deep active element, as a path through open shadow roots. */
  focus: string[];
  /** The window's scroll and every scrolled element's. */
  scroll: string[];
  /** Open modal dialogs and popovers, the host left out. */
  topLayer: string[];
  /** Every console message of every world in the page (content scripts' included) and the browser's own log. */
  console: string[];
  errors: string[];
}

/** The comparison's other browser, one per spec file that calls this at its top level. */
export function withoutUptake(): () => Promise<BrowserContext> {
  let plain: Promise<BrowserContext> | null = null;
  test.afterAll(async () => (await plain)?.close());
  return () => (plain ??= launchWithoutExtension());
}

/** Console messages, uncaught errors and browser log entries of every execution context of the page. */
async function listen(page: Page): Promise<{ console: string[]; errors: string[] }> {
  const out = { console: [] as string[], errors: [] as string[] };
  const cdp = await page.context().newCDPSession(page);
  type Arg = { value?: unknown; description?: string };
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; args: Arg[] }) => out.console.push(`${e.type}: ${e.args.map((a) => a.description ?? String(a.value)).join(' ')}`));
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text: string; exception?: Arg } }) => out.errors.push(`${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`));
  cdp.on('Log.entryAdded', (e: { entry: { level: string; source: string; text: string } }) => out.console.push(`${e.entry.level} (${e.entry.source}): ${e.entry.text}`));
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return out;
}

/** What the page's script and its user can see of the page now. */
async function observe(page: Page, withUptake: boolean): Promise<Omit<Observed, 'console' | 'errors'>> {
  // The host as the test finds it (CDP); a page script can name it neither way.
  if (withUptake) await widgetHost(page).waitFor({ state: 'attached' });
  return page.evaluate(() => {
    const host = (globalThis as { __uptakeTestRoot?: ShadowRoot }).__uptakeTestRoot?.host ?? null;
    const all: Element[] = [];
    const roots: ShadowRoot[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (host?.contains(el)) continue;
        all.push(el);
        if (el.shadowRoot) {
          roots.push(el.shadowRoot);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const name = (el: Element | null): string => {
      if (!el) return 'none';
      if (el === host) return 'Uptake’s host';
      if (el.id) return `#${el.id}`;
      const parent = el.parentElement;
      return parent ? `${name(parent)} > ${el.localName}:${[...parent.children].indexOf(el)}` : el.localName;
    };
    const open = (el: Element) => `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`;
    const html = document.documentElement;
    const dom = [...html.childNodes]
      .filter((n) => n !== host)
      .map((n) => (n instanceof Element ? `${open(n)}${n.getHTML({ shadowRoots: roots })}</${n.localName}>` : (n.textContent ?? '')))
      .join('');
    const focus: string[] = [];
    for (let a: Element | null = document.activeElement; a; a = a.shadowRoot?.activeElement ?? null) focus.push(name(a));
    const scroll = [`window ${scrollX},${scrollY}`];
    for (const el of all) if (el.scrollTop || el.scrollLeft) scroll.push(`${name(el)} ${el.scrollLeft},${el.scrollTop}`);
    const values = all
      .filter((el): el is HTMLInputElement => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      .map((el) => `${name(el)}=${JSON.stringify(el.value)}${el.checked ? ' checked' : ''}`);
    const topLayer = all.filter((el) => el.matches(':modal, :popover-open')).map(name);
    return { url: location.href, dom: `${open(html)}${dom}</html>`, values, focus, scroll, topLayer };
  });
}

/** The first place two long strings differ, with some context: a readable failure for a 2 MB DOM. */
const difference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 'none' : `at ${i}: «${a.slice(Math.max(0, i - 120), i + 120)}» vs «${b.slice(Math.max(0, i - 120), i + 120)}»`;
};
const digest = (o: Observed) => ({ ...o, dom: `${o.dom.length} chars, sha256 ${createHash('sha256').update(o.dom).digest('hex')}` });

export interface Compared<T> {
  withUptake: Observed & { result: T };
  without: Observed & { result: T };
}

/**
 * Runs `session` on `url` without Uptake (a new page of `plain`), then with it (`app`), observes both
 * pages after it, and expects them equal, the session's result included. Checks of the widget itself
 * go in the session under `withUptake`, or after this returns (the app page is left as it is).
 */
export async function expectSameAsWithout<T>(plain: BrowserContext, app: Page, url: string, session: (page: Page, withUptake: boolean) => Promise<T>): Promise<Compared<T>> {
  const run = async (page: Page, withUptake: boolean) => {
    const heard = await listen(page);
    // Follow the widget's root from the start: finding it first on a loaded 100,000-element page can take long.
    if (withUptake) widgetHost(page);
    await page.goto(url);
    const result = await session(page, withUptake);
    const seen = await observe(page, withUptake);
    return { ...seen, console: [...heard.console], errors: [...heard.errors], result };
  };
  const other = await plain.newPage();
  await other.bringToFront();
  const without = await run(other, false).finally(() => other.close());
  await app.bringToFront();
  const withUptake = await run(app, true);
  // One comparison, so that a failure shows every difference at once (the DOM's as its first differing place).
  expect({ ...digest(withUptake), domDiff: difference(withUptake.dom, without.dom) }).toEqual({ ...digest(without), domDiff: 'none' });
  return { withUptake, without };
}
