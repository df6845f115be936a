import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { exposeWidgetRoot } from '../../scripts/lib/widget-root';

/**
 * Measures a widget state as rendered: every card, panel and control inside the viewport,
 * no card over the element it is about, and every text at WCAG contrast >= 4.5:1, from the
 * computed colours composed over what is really behind them (the card, or the page).
 */
export interface Measured {
  problems: string[];
  texts: number;
}

export async function measureWidget(page: Page, target: string | null): Promise<Measured> {
  const tag = await exposeWidgetRoot(page);
  return page.evaluate(([targetSelector, tag]) => {
    const problems: string[] = [];
    const host = document.querySelector(tag);
    const root = host?.shadowRoot;
    if (!root) return { problems: ['no widget'], texts: 0 };
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const name = (el: Element) => `${el.localName}.${[...el.classList].join('.')}${el.getAttribute('data-step') ? `[step=${el.getAttribute('data-step')}]` : ''}`;

    // Any CSS colour to [r, g, b, a] (0-255, a 0-1) through a canvas: computed colours come as rgb(), color(srgb …) or oklch().
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data as unknown as number[];
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], under: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!)).concat(1);
    const lum = (c: number[]) =>
      c.slice(0, 3).reduce((s, v, i) => {
        const x = v / 255;
        return s + [0.2126, 0.7152, 0.0722][i]! * (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      }, 0);
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a) + 0.05, lum(b) + 0.05];
      return x > y ? x / y : y / x;
    };
    /** The opaque colour behind an element: its own and its ancestors' backgrounds, then the page's under that point. */
    const backdrop = (el: Element, x: number, y: number): number[] => {
      const layers: [number, number, number, number][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let bg = [255, 255, 255, 1];
      if (!layers.some((l) => l[3] >= 1)) {
        const under = document.elementsFromPoint(x, y).find((e) => e !== host);
        for (let e: Element | null = under ?? null; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c[3] >= 1) {
            bg = c;
            break;
          }
        }
      }
      for (const l of layers.reverse()) bg = over(l, bg);
      return bg;
    };

    const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const boxes = [...root.querySelectorAll('.card, .panel, .launcher, .hotspot')].filter(visible);
    for (const el of boxes) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
        problems.push(`${name(el)} leaves the ${vw}×${vh} viewport: ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    const t = targetSelector ? document.querySelector(targetSelector) : null;
    if (targetSelector && !t) problems.push(`target ${targetSelector} not in the page`);
    if (t) {
      const tr = t.getBoundingClientRect();
      for (const el of boxes.filter((b) => b.matches('.card'))) {
        const r = el.getBoundingClientRect();
        if (r.left < tr.right && tr.left < r.right && r.top < tr.bottom && tr.top < r.bottom) problems.push(`${name(el)} covers its target ${targetSelector}`);
      }
    }

    let texts = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !visible(el) || el.closest('.sr-only')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      texts++;
      const style = getComputedStyle(el);
      let alpha = 1;
      for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      const bg = backdrop(el, r.left + r.width / 2, r.top + r.height / 2);
      const fg = rgba(style.color);
      fg[3] *= alpha;
      const c = ratio(over(fg, bg), bg);
      if (c < 4.5) problems.push(`"${n.textContent.trim().slice(0, 30)}" in ${name(el)}: contrast ${c.toFixed(2)} (${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}))`);
    }
    return { problems, texts };
  }, [target, tag] as const);
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * axe-core's serious and critical findings over the widget, or over the whole page with `whole`
 * (an extension page). Injected by evaluation: page CSPs cannot block it.
 */
export async function axeProblems(page: Page, whole = false): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const tag = whole ? null : await exposeWidgetRoot(page);
  return page.evaluate(async (tag) => {
    type V = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: V[] }> } }).axe;
    const { violations } = await axe.run(tag ? { include: [[tag]] } : document, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `axe ${v.id} (${v.impact}): ${v.help} @ ${JSON.stringify(v.nodes.map((x) => x.target))}`);
  }, tag);
}
