import { elementMatches, findOnPath, resolveAnchor } from '../anchors/match';
import type { Playbook } from '../playbook/schema';
import type { CaptureKind, MeterSample } from '../types';
import { parseMeterText } from './meters';
import { compileRules } from './rules';
import { routeTarget } from './route';

/** What capture needs from its surroundings: WXT's content-script context provides these, tests a fake. */
export interface CaptureHost {
  listen(target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions): void;
  setTimeout(fn: () => void, ms: number): void;
  setInterval(fn: () => void, ms: number): void;
  now(): number;
  onStop(fn: () => void): void;
}

export interface CaptureSink {
  feature(feature: string, kind: CaptureKind): void;
  meter(sample: MeterSample): void;
}

/** How often DOM mutations may trigger a visibility and meter check, at most. */
export const OBSERVE_THROTTLE_MS = 250;
const WATCHED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] };

/** A submit counts when it follows a real click or key press this closely (the same user action). */
const USER_SUBMIT_WINDOW_MS = 1000;
/** Route polling, only where the Navigation API is missing (Firefox before 147). */
const ROUTE_POLL_MS = 300;

function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return check ? check.call(el) : el.getClientRects().length > 0;
}

/**
 * Installs capture for a playbook: a handful of capture-phase listeners, a
 * throttled mutation check only when the playbook has visibility rules or text
 * meters, and route tracking. Only trusted (real user) events count.
 */
export function startCapture(pb: Playbook, host: CaptureHost, sink: CaptureSink, win: Window = window): void {
  const doc = win.document;
  const rules = compileRules(pb);

  // One selector list per event type, checked first: most clicks hit no feature, and a
  // single matches() per ancestor is far cheaper than every rule's selectors in turn.
  const prefilter = (list: typeof rules.click) => {
    const valid = list.flatMap((r) => r.anchor.selectors).filter((sel) => {
      try {
        doc.createDocumentFragment().querySelector(sel);
        return true;
      } catch {
        return false; // an invalid selector in a playbook must not break the others
      }
    });
    return valid.length ? valid.join(',') : null;
  };
  // Up the event path with closest(): the browser jumps to the next element matching some
  // rule's selector (one call per shadow tree), and only that element is checked rule by
  // rule. Every DOM call from the extension's world is costly inside someone's click.
  const onPath = (e: Event, list: typeof rules.click, selector: string | null, kind: CaptureKind) => {
    if (selector === null) return;
    const path = e.composedPath();
    let done: Set<string> | null = null;
    let i = 0;
    while (i < path.length) {
      const node = path[i];
      if (!(node instanceof Element)) {
        i++;
        continue;
      }
      const hit = node.closest(selector);
      if (!hit) {
        // Nothing more in this tree: go on from the shadow root's host, if the path leaves one.
        let next = i + 1;
        while (next < path.length && !(path[next] instanceof ShadowRoot)) next++;
        i = next + 1;
        continue;
      }
      for (const r of list) {
        if (done?.has(r.feature) || !elementMatches(hit, r.anchor)) continue;
        done ??= new Set();
        done.add(r.feature);
        sink.feature(r.feature, kind);
      }
      i = path.indexOf(hit, i) + 1;
    }
  };

  // Chromium marks a submit trusted even when page script calls form.requestSubmit() or
  // clicks a submit button from code: a submit counts only right after a real click or key.
  let userActionAt = Number.NEGATIVE_INFINITY;
  const clickSelector = prefilter(rules.click);
  const submitSelector = prefilter(rules.submit);
  if (rules.click.length || rules.submit.length) {
    host.listen(
      doc,
      'click',
      (e) => {
        if (!e.isTrusted) return;
        userActionAt = e.timeStamp;
        if (clickSelector) onPath(e, rules.click, clickSelector, 'click');
      },
      { capture: true, passive: true },
    );
  }
  if (rules.submit.length) {
    host.listen(
      doc,
      'submit',
      (e) => {
        if (e.isTrusted && e.timeStamp - userActionAt <= USER_SUBMIT_WINDOW_MS) onPath(e, rules.submit, submitSelector, 'submit');
      },
      { capture: true, passive: true },
    );
  }

  if (rules.key.length || rules.submit.length) {
    host.listen(
      win,
      'keydown',
      (ev) => {
        const e = ev as KeyboardEvent;
        if (!e.isTrusted) return;
        userActionAt = e.timeStamp;
        if (e.repeat) return;
        const key = e.key.toLowerCase();
        for (const r of rules.key) {
          if (r.key !== key || r.ctrl !== e.ctrlKey || r.meta !== e.metaKey || r.alt !== e.altKey || r.shift !== e.shiftKey) continue;
          if (r.within && !findOnPath(e.composedPath(), r.within, 64)) continue;
          sink.feature(r.feature, 'key');
        }
      },
      { capture: true, passive: true },
    );
  }

  if (rules.route.length) {
    let last: string | null = null;
    const check = () => {
      const where = `${win.location.pathname}${win.location.hash}`;
      if (where === last) return;
      last = where;
      for (const r of rules.route) if (r.re.test(routeTarget(r.pattern, win.location))) sink.feature(r.feature, 'route');
    };
    check();
    const nav = (win as Window & { navigation?: EventTarget }).navigation;
    if (nav) host.listen(nav, 'currententrychange', check);
    else host.setInterval(check, ROUTE_POLL_MS);
    host.listen(win, 'popstate', check);
    host.listen(win, 'hashchange', check);
  }

  const textMeters = pb.meters.flatMap((m) =>
    m.source.from === 'text' ? [{ meter: m, anchor: m.source.anchor, re: new RegExp(m.source.pattern) }] : [],
  );
  if (rules.visible.length === 0 && textMeters.length === 0) return;

  const shown = new Map<number, Element | null>();
  const lastMeter = new Map<string, string>();
  let stopped = false;
  const watch = () => {
    if (!stopped) mo.observe(doc.documentElement, WATCHED);
  };
  const observe = () => {
    watch();
    rules.visible.forEach((r, i) => {
      const el = resolveAnchor(r.anchor, doc);
      const now = el && isVisible(el) ? el : null;
      // Counted on appearing: a new element, or the same one shown again.
      if (now && now !== shown.get(i)) sink.feature(r.feature, 'visible');
      shown.set(i, now);
    });
    for (const t of textMeters) {
      const el = resolveAnchor(t.anchor, doc);
      if (!el) continue;
      const value = parseMeterText((el.textContent ?? '').replace(/\s+/g, ' '), t.re, t.meter.limit);
      if (!value) continue;
      const sig = `${value.used}/${value.limit}`;
      if (lastMeter.get(t.meter.id) === sig) continue;
      lastMeter.set(t.meter.id, sig);
      sink.meter({ meter: t.meter.id, used: value.used, limit: value.limit, ts: host.now() });
    }
  };
  // On the first mutation, stop listening until the check runs: the check reads the page
  // as it then is, so the mutations in between need no callback into Uptake at all — a
  // page mutating 100 times a second costs at most four callbacks a second.
  const mo = new MutationObserver(() => {
    mo.disconnect();
    host.setTimeout(observe, OBSERVE_THROTTLE_MS);
  });
  host.onStop(() => {
    stopped = true;
    mo.disconnect();
  });
  observe();
}
