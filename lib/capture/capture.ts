import { accessibleNameSource, findOnPath, type Needle, textIncludes } from '../anchors/match';
import { rootIndex, useScheduler } from '../anchors/roots';
import { closestMatch, compileAnchor } from '../anchors/selector';
import type { Playbook } from '../playbook/schema';
import type { CaptureKind, MeterSample } from '../types';
import { watchAppearances } from './appear';
import { captureChanges, captureDrags } from './gestures';
import { compileRules } from './rules';
import { routeTarget } from './route';

/** What capture needs from its surroundings: WXT's content-script context provides these, tests a fake. */
export interface CaptureHost {
  listen(target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions): void;
  setTimeout(fn: () => void, ms: number): void;
  setInterval(fn: () => void, ms: number): void;
  now(): number;
  onStop(fn: () => void): void;
  /** Calls `fn` after each change of the page's URL; the session keeps one watcher for both. */
  onUrlChange(fn: () => void): void;
}

export interface CaptureSink {
  /** `at`: when, on the page's own clock (an event's timeStamp, performance.now()); now if left out. */
  feature(feature: string, kind: CaptureKind, at?: number): void;
  meter(sample: MeterSample): void;
}

/** Click or submit rules up to which each rule walks the path itself on a hit (see onEvent). */
export const PER_RULE_WALK_MAX = 16;
/** A submit counts when it follows a real click or key press this closely (the same user action). */
const USER_SUBMIT_WINDOW_MS = 1000;

/**
 * Installs capture for a playbook: a handful of capture-phase listeners, mutation
 * records read only when the playbook has visibility rules or text meters, and
 * route tracking. Only trusted (real user) events count.
 */
export function startCapture(pb: Playbook, host: CaptureHost, sink: CaptureSink, win: Window = window): void {
  const doc = win.document;
  const rules = compileRules(pb);
  // The shadow-root index and its observer, shared with the widget, run on this context's timers.
  useScheduler({ setTimeout: host.setTimeout, onStop: host.onStop });

  // Each rule's selectors as one list, checked with a single matches(); the rules of an event
  // type together as one list, so most clicks (which hit no feature) cost one closest().
  /** `counted.at` is the number of the last event that counted the feature, shared by its rules: once per event. */
  type Compiled = { feature: string; selector: string; text?: Needle; name?: Needle; counted: { at: number } };
  const compile = (list: typeof rules.click) => {
    const out: Compiled[] = [];
    const counted = new Map<string, { at: number }>();
    for (const r of list) {
      const a = compileAnchor(r.anchor, doc);
      if (!a) continue;
      const slot = counted.get(r.feature) ?? { at: 0 };
      counted.set(r.feature, slot);
      out.push({ feature: r.feature, ...a, counted: slot });
    }
    return { rules: out, any: out.length ? out.map((r) => r.selector).join(',') : null };
  };
  type Rules = ReturnType<typeof compile>;

  // The features one element stands for. The element's text and accessible name are read once,
  // if at all, and the loop is plain (no iterators, no allocation): a click runs this code cold,
  // often before the engine has optimised it, where every step counts.
  let eventNo = 0;
  const featuresOf = (el: Element, c: Rules, kind: CaptureKind, e: Event) => {
    let text: string | undefined;
    let name: string | undefined;
    const list = c.rules;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.counted.at === eventNo || !el.matches(r.selector)) continue;
      if (r.text !== undefined) {
        text ??= el.textContent ?? '';
        if (!textIncludes(text, r.text)) continue;
      }
      if (r.name !== undefined) {
        name ??= accessibleNameSource(el);
        if (!textIncludes(name, r.name)) continue;
      }
      r.counted.at = eventNo;
      sink.feature(r.feature, kind, e.timeStamp);
    }
  };

  // The event's path as it was at dispatch, element by element: for a path through shadow trees,
  // and for a target the page removed before Uptake's listener ran.
  const onPath = (e: Event, c: Rules, kind: CaptureKind, any: string) => {
    for (const node of e.composedPath()) if (node instanceof Element && node.matches(any)) featuresOf(node, c, kind, e);
  };

  // Whether the target's ancestors are the event's whole path (composedPath()) as the document
  // sees it: the click did not land inside the target's own open shadow root (the document sees
  // the host as the target), no ancestor is slotted into an open shadow tree, and the page did not
  // remove the target before Uptake's listener ran. assignedSlot is null for a closed root, and
  // composedPath() seen from the document leaves a closed tree out too.
  const root = doc.documentElement;
  const lightPath = (t: Element): boolean => {
    if (t.shadowRoot !== null) return false;
    let n = t;
    for (let up = t.parentElement; up !== null; n = up, up = up.parentElement) if (n.assignedSlot !== null) return false;
    return n === root;
  };

  // composedPath() is the costliest single call of a click: where the path is just the target and
  // its ancestors, they are walked with closest() instead, which jumps to the next element
  // matching some rule (most clicks find none). Interleaved A/B runs (bench, heavy page): 5-10 µs
  // less per click than walking composedPath(), for a target 4 and 34 levels deep alike.
  // On a hit, a playbook of few click rules has each rule find its own element with closest():
  // one kind of DOM call for the whole click, where matches() per rule adds a second, and every
  // distinct call costs microseconds run cold (interleaved runs of built variants: ~9 µs less on
  // the demo app's 6 click rules, 0-5 µs on the heavy page's 3). Each such walk goes up the whole
  // path, so many rules take the single walk, checked rule by rule on each hit.
  // A real click on a <label> makes the browser click its control too, trusted, with the same
  // timeStamp: one user action, so that click takes the label click's number, and features
  // it counted do not count twice. Read on hits only:
  // most clicks hit no feature, and each read from the event costs the click.
  // Two fast real clicks can share a timeStamp too (its resolution is coarse): only the click
  // forwarded to the control of the label just clicked is the same action.
  let lastHitAt = -1;
  let lastHitNo = 0;
  let lastHitTarget: EventTarget | null = null;
  const sameAction = (e: Event) => {
    const at = e.timeStamp;
    if (at === lastHitAt && lastHitTarget instanceof Element && lastHitTarget.closest('label')?.control === e.target) eventNo = lastHitNo;
    else {
      lastHitAt = at;
      lastHitNo = eventNo;
    }
    lastHitTarget = e.target;
  };
  const onEvent = (e: Event, c: Rules, kind: CaptureKind) => {
    const any = c.any;
    if (any === null) return;
    eventNo++;
    const t = e.target;
    if (!(t instanceof Element) || !lightPath(t)) {
      sameAction(e);
      return onPath(e, c, kind, any);
    }
    const first = t.closest(any);
    if (first === null) return;
    sameAction(e);
    const list = c.rules;
    if (list.length > PER_RULE_WALK_MAX) {
      for (let hit: Element | null = first; hit !== null; hit = hit.parentElement?.closest(any) ?? null) featuresOf(hit, c, kind, e);
      return;
    }
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.counted.at === eventNo) continue;
      for (let el = first.closest(r.selector); el !== null; el = el.parentElement?.closest(r.selector) ?? null) {
        if (r.text !== undefined && !textIncludes(el.textContent, r.text)) continue;
        if (r.name !== undefined && !textIncludes(accessibleNameSource(el), r.name)) continue;
        r.counted.at = eventNo;
        sink.feature(r.feature, kind, e.timeStamp);
        break;
      }
    }
  };

  // Chromium marks a submit trusted even when page script calls form.requestSubmit() or
  // clicks a submit button from code: a submit counts only right after a real click or Enter,
  // and uses that action up, so page script cannot turn one click into many submits.
  // The event itself is kept, not its time: most clicks are never followed by a submit, and each
  // read from the event costs the click.
  let userAction: Event | null = null;
  const takeUserAction = (e: Event) => {
    const ok = userAction !== null && e.timeStamp - userAction.timeStamp <= USER_SUBMIT_WINDOW_MS;
    userAction = null;
    return ok;
  };
  const click = compile(rules.click);
  const submit = compile(rules.submit);

  // A press on a click rule's element whose click never came: an app that acts on mouseup and
  // re-renders the row leaves the browser nothing to click. A press only keeps its two events;
  // the check runs after the click would have been dispatched (in the same task as the release).
  let pressDown: Event | null = null;
  let pressUp: PointerEvent | null = null;
  let pressDue = false;
  const checkPress = () => {
    pressDue = false;
    const up = pressUp;
    const down = pressDown;
    pressUp = null;
    if (up === null || down === null || up.button !== 0 || up.pointerType === 'touch') return;
    let from = down.target as Node | null;
    let to = up.target as Node | null;
    if (from === null || to === null || !(from === to || from.contains(to) || to.contains(from))) return;
    // The app replaced what was pressed (which is why no click came): what is at the release point
    // now stands for it, as a detached element no longer matches a selector of its context.
    if (!from.isConnected || !to.isConnected) from = to = doc.elementFromPoint(up.clientX, up.clientY);
    eventNo++;
    for (const r of click.rules) {
      if (r.counted.at === eventNo) continue;
      const el = closestMatch(from, r);
      if (el === null || el !== closestMatch(to, r)) continue;
      r.counted.at = eventNo;
      sink.feature(r.feature, 'click', up.timeStamp);
    }
  };
  const watchPresses = () => {
    const opts = { capture: true, passive: true };
    host.listen(doc, 'pointerdown', (e) => {
      if (e.isTrusted) pressDown = e;
    }, opts);
    host.listen(doc, 'pointerup', (e) => {
      if (!e.isTrusted || pressDown === null) return;
      pressUp = e as PointerEvent;
      if (pressDue) return;
      pressDue = true;
      host.setTimeout(checkPress, 0);
    }, opts);
  };
  if (rules.click.length || rules.submit.length) {
    host.listen(
      doc,
      'click',
      (e) => {
        if (!e.isTrusted) return;
        pressUp = null;
        if (submit.any !== null) userAction = e;
        onEvent(e, click, 'click');
      },
      { capture: true, passive: true },
    );
  }
  if (click.any !== null) watchPresses();
  const dblclick = compile(rules.dblclick);
  if (dblclick.any !== null) host.listen(doc, 'dblclick', (e) => e.isTrusted && onEvent(e, dblclick, 'dblclick'), { capture: true, passive: true });
  captureDrags(rules.drag, host, sink, doc);
  captureChanges(rules.change, host, sink, doc);
  if (rules.submit.length) {
    host.listen(
      doc,
      'submit',
      (e) => {
        if (e.isTrusted && takeUserAction(e)) onEvent(e, submit, 'submit');
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
        // Enter submits a form by itself (implicit submission); any other key submits through a click.
        if (e.key === 'Enter') userAction = e;
        if (e.repeat) return;
        const key = e.key.toLowerCase();
        for (const r of rules.key) {
          if (r.key !== key || r.ctrl !== e.ctrlKey || r.meta !== e.metaKey || r.alt !== e.altKey || r.shift !== e.shiftKey) continue;
          if (r.within && !findOnPath(e.composedPath(), r.within, 64)) continue;
          sink.feature(r.feature, 'key', e.timeStamp);
        }
      },
      { capture: true, passive: true },
    );
  }

  if (rules.route.length) {
    let last: string | null = null;
    // Per rule, what it last matched: a change the pattern ignores (a "#*" suffix) is no new view.
    const seen = rules.route.map((): string | null => null);
    const check = () => {
      const where = `${win.location.pathname}${win.location.hash}`;
      if (where === last) return;
      last = where;
      rules.route.forEach((r, i) => {
        const k = r.re.key(routeTarget(r.pattern, win.location));
        if (k !== null && k !== seen[i]) sink.feature(r.feature, 'route');
        seen[i] = k;
      });
    };
    check();
    host.onUrlChange(check);
  }

  const textMeters = pb.meters.flatMap((m) =>
    m.source.from === 'text' ? [{ meter: m, anchor: m.source.anchor, re: new RegExp(m.source.pattern) }] : [],
  );
  if (rules.visible.length === 0 && textMeters.length === 0) return;
  watchAppearances(
    doc,
    rootIndex(doc),
    rules.visible,
    textMeters,
    { feature: (f) => sink.feature(f, 'visible'), meter: (m) => sink.meter({ ...m, ts: host.now() }) },
    host.onStop,
  );
}
