/**
 * The gallery in docs/screenshots/: every widget state at 375 and 1280 px wide, light and
 * dark (and at 375 px right-to-left with a light brand colour), then the popup and each console tab, from the built extension in headless
 * Chromium against the demo app.
 *
 *   npx wxt build && npm run screenshots
 *
 * The 375 px shots show the whole screen; the 1280 px ones the part around the widget.
 * With pngquant on the PATH (apt-get install pngquant) the PNGs are reduced to a palette,
 * about a third of the size: what keeps the committed gallery small.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { extensionId, launchWithExtension, openExtensionPage, waitForCaptureRegistration } from './lib/browser';
import { reviewBook } from './lib/review-book';
import { loadPlaybook, statesPlaybook, type Theme, walkStates } from './lib/widget-states';
import { exposeWidgetRoot } from './lib/widget-root';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const SCHEMES = ['light', 'dark'] as const;
const SMALL = { width: 375, height: 667 };
const LARGE = { width: 1280, height: 800 };

/** The part of the screen that shows a state: the widget's visible boxes and the target, with a margin. */
async function regionOf(page: Page, target: string | null) {
  const tag = await exposeWidgetRoot(page);
  return page.evaluate(([sel, tag]) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const cards = [...(root?.querySelectorAll('.card, .panel, .hotspot') ?? [])].filter((e) => e.checkVisibility());
    const boxes = (cards.length ? cards : [...(root?.querySelectorAll('.launcher') ?? [])]).map((e) => e.getBoundingClientRect());
    const t = sel ? document.querySelector(sel) : null;
    if (t) boxes.push(t.getBoundingClientRect());
    const vw = innerWidth;
    const vh = innerHeight;
    let x0 = Math.min(...boxes.map((b) => b.left)) - 40;
    let y0 = Math.min(...boxes.map((b) => b.top)) - 40;
    let x1 = Math.max(...boxes.map((b) => b.right)) + 40;
    let y1 = Math.max(...boxes.map((b) => b.bottom)) + 40;
    // At least 640 × 400, so the page around the widget shows too.
    const grow = (a: number, b: number, min: number, max: number): [number, number] => {
      const extra = Math.max(0, min - (b - a)) / 2;
      let [s, e] = [a - extra, b + extra];
      if (s < 0) [s, e] = [0, e - s];
      if (e > max) [s, e] = [Math.max(0, s - (e - max)), max];
      return [Math.round(s), Math.round(e)];
    };
    [x0, x1] = grow(x0, x1, 640, vw);
    [y0, y1] = grow(y0, y1, 400, vh);
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }, [target, tag] as const);
}

/** Every widget state at each size, light and dark, as `widget-<state>-<width>-<scheme><suffix>.png`. */
async function widgetPass(context: BrowserContext, demoUrl: string, theme: Theme, sizes: (typeof SMALL)[], suffix: string): Promise<Page> {
  const extPage = await openExtensionPage(context);
  const app = await context.newPage();
  await app.bringToFront();
  await loadPlaybook(extPage, statesPlaybook(theme));
  await app.setViewportSize(SMALL);
  await walkStates(app, extPage, demoUrl, async (state, target) => {
    for (const size of sizes) {
      await app.setViewportSize(size);
      for (const colorScheme of SCHEMES) {
        await app.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await app.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const clip = size === LARGE ? await regionOf(app, target) : undefined;
        await app.screenshot({ path: join(OUT, `widget-${state}-${size.width}-${colorScheme}${suffix}.png`), clip });
      }
    }
    await app.setViewportSize(SMALL);
    await app.emulateMedia({ colorScheme: 'light' });
  });
  return extPage;
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemoServer();
  // The widget in a right-to-left page with a light brand colour (dark text on its buttons), at
  // 375 px; a profile of its own, as the walk starts from a new user.
  const second = await launchWithExtension();
  try {
    await waitForCaptureRegistration(second);
    await widgetPass(second, demo.url, { brandColor: '#ffd400', dir: 'rtl' }, [SMALL], '-rtl-yellow');
  } finally {
    await second.close();
  }
  const context = await launchWithExtension();
  try {
    await waitForCaptureRegistration(context);
    const extPage = await widgetPass(context, demo.url, { brandColor: '#2b59c3', dir: 'ltr' }, [SMALL, LARGE], '');

    // The popup as Chrome sizes it, for the demo app's tab (the walk left a healthy user with every milestone).
    const id = await extensionId(context);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    for (const colorScheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme });
      await popup.goto(`chrome-extension://${id}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
      await popup.waitForLoadState('networkidle');
      await popup.screenshot({ path: join(OUT, `popup-${colorScheme}.png`), fullPage: true });
    }

    // Each console tab, as the page lists them.
    await extPage.bringToFront();
    await extPage.setViewportSize(LARGE);
    await extPage.reload();
    const tabs = extPage.getByRole('tab');
    await tabs.first().waitFor();
    const names = await tabs.allTextContents();
    const book = await reviewBook();
    for (const [i, name] of names.entries()) {
      await tabs.nth(i).click();
      await extPage.waitForLoadState('networkidle');
      // Review with a small book of accounts in every band, as a CSM sees it after loading exports.
      if (/review/i.test(name)) {
        await extPage.getByLabel('Choose export files').setInputFiles(book);
        await extPage.getByRole('table').first().waitFor();
      }
      await extPage.waitForTimeout(300); // charts and tables fill in after their data arrives
      const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      await extPage.screenshot({ path: join(OUT, `console-${slug}.png`) });
    }
  } finally {
    await context.close();
    await demo.close();
  }

  const files = readdirSync(OUT).filter((f) => f.endsWith('.png'));
  const quant = spawnSync('pngquant', ['--version']).status === 0;
  if (quant) spawnSync('pngquant', ['--force', '--ext', '.png', '--skip-if-larger', '--quality', '70-95', '--speed', '1', ...files.map((f) => join(OUT, f))]);
  const total = files.reduce((s, f) => s + statSync(join(OUT, f)).size, 0);
  console.log(`wrote ${files.length} screenshots to ${OUT} (${(total / 1024 / 1024).toFixed(2)} MB${quant ? ', palette-reduced with pngquant' : '; install pngquant to make them smaller'})`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
