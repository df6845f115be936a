import { collapse } from '../anchors/match';
import type { DomChanges, RootIndex } from '../anchors/roots';
import { type CompiledAnchor, compileAnchor, filtersPass } from '../anchors/selector';
import type { Anchor, Meter } from '../playbook/schema';
import type { MeterSample } from '../types';
import { parseMeterText } from './meters';

type Watched = CompiledAnchor;
interface VisibleRule extends Watched {
  feature: string;
  /** The elements counted as shown and not hidden or removed since: each counts again once it is. */
  shown: Set<Element>;
}
interface TextMeter extends Watched {
  meter: Meter;
  re: RegExp;
  last?: string;
}
export interface AppearSink {
  feature(feature: string): void;
  meter(sample: Omit<MeterSample, 'ts'>): void;
}

const isElement = (n: Node): n is Element => n.nodeType === 1;
/** A subtree re-query that took longer than this (ms) waits before the next on that element... */
const HEAVY_QUERY_MS = 1;
/** ...this many times as long: at most ~5 ms/s however often the page flips a class on <body>. */
const HEAVY_WAIT_FACTOR = 200;

/**
 * `visible` rules and text meters, from what the document's mutation records say changed: each
 * element that appears counts once, however short it stays, and a check costs in proportion to
 * what changed, not to the size of the page.
 */
export function watchAppearances(
  doc: Document,
  index: RootIndex,
  visible: { feature: string; anchor: Anchor }[],
  meters: { meter: Meter; anchor: Anchor; re: RegExp }[],
  sink: AppearSink,
  onStop: (fn: () => void) => void,
): void {
  const watched = (anchor: Anchor) => compileAnchor(anchor, doc);
  const vis: VisibleRule[] = [];
  for (const r of visible) {
    const w = watched(r.anchor);
    if (w) vis.push({ ...w, feature: r.feature, shown: new Set() });
  }
  const texts: TextMeter[] = [];
  for (const m of meters) {
    const w = watched(m.anchor);
    if (w) texts.push({ ...w, meter: m.meter, re: m.re });
  }
  const any = [...vis, ...texts].map((w) => w.selector).join(',');
  if (!any) return;

  const passes = (el: Element, w: Watched) => el.matches(w.selector) && filtersPass(el, w);
  // Elements whose subtree query was heavy: when the next may run, and whether one waits for it.
  const resting = new WeakMap<Element, number>();
  const waiting = new WeakSet<Element>();
  let stopped = false;

  const candidates = (c: DomChanges): Set<Element> => {
    const out = new Set<Element>();
    const within = (n: Element | ShadowRoot) => {
      if (isElement(n) && n.matches(any)) out.add(n);
      if (n.firstElementChild !== null) for (const el of n.querySelectorAll(any)) out.add(el);
    };
    for (const n of c.added) within(n);
    // A changed attribute may show or hide the element or anything inside it; changed text
    // decides a text filter or a meter's value of the element around it.
    for (const el of c.attrs) {
      const now = performance.now();
      const until = resting.get(el) ?? 0;
      if (now < until) {
        if (!waiting.has(el)) {
          waiting.add(el);
          setTimeout(() => {
            waiting.delete(el);
            if (!stopped && el.isConnected) check({ added: [], attrs: [el], texts: [], removed: false });
          }, until - now);
        }
      } else {
        within(el);
        const cost = performance.now() - now;
        if (cost > HEAVY_QUERY_MS) resting.set(el, now + cost * HEAVY_WAIT_FACTOR);
        else resting.delete(el);
      }
      const up = el.parentElement?.closest(any);
      if (up) out.add(up);
    }
    for (const el of c.texts) {
      const up = el.closest(any);
      if (up) out.add(up);
    }
    return out;
  };

  const check = (c: DomChanges) => {
    if (c.removed) for (const v of vis) for (const el of v.shown) if (!el.isConnected) v.shown.delete(el);
    for (const el of candidates(c)) {
      let seen: boolean | undefined;
      for (const v of vis) {
        const match = passes(el, v);
        if (match) seen ??= el.checkVisibility();
        if (!match || !seen) {
          v.shown.delete(el);
          continue;
        }
        if (v.shown.has(el)) continue;
        v.shown.add(el);
        sink.feature(v.feature);
      }
      for (const t of texts) {
        if (!passes(el, t)) continue;
        const value = parseMeterText(collapse(el.textContent ?? '', 200), t.re, t.meter.limit);
        if (!value) continue;
        const sig = `${value.used}/${value.limit}`;
        if (t.last === sig) continue;
        t.last = sig;
        sink.meter({ meter: t.meter.id, used: value.used, limit: value.limit });
      }
    }
  };
  onStop(index.listen(check));
  onStop(() => {
    stopped = true;
  });
  check({ added: [doc.documentElement, ...index.roots()], attrs: [], texts: [], removed: false });
}
