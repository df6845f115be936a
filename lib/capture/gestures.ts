import { type CompiledAnchor, closestMatch, compileAnchor, filtersPass } from '../anchors/selector';
import type { Anchor } from '../playbook/schema';
import type { CaptureHost, CaptureSink } from './capture';

/** The pointer must travel this far between press and release for a drag (less is a click). */
const DRAG_MIN_PX = 5;
/** Elements under the pointer looked at on release: a drag ghost may sit above the drop target. */
const DROP_STACK = 8;
const LISTEN: AddEventListenerOptions = { capture: true, passive: true };

/** Whether the anchor is on the path: an event's composedPath(), or an element and its ancestors. */
function onPath(path: readonly EventTarget[], t: CompiledAnchor): boolean {
  for (const n of path) if (n instanceof Element && n.matches(t.selector) && filtersPass(n, t)) return true;
  return false;
}

/**
 * `drag` rules: an HTML5 drag (dragstart on "from", drop on "to") or one made of pointer events
 * (press on "from", release over "to" after moving), the way canvas editors and sortable lists
 * do it. One gesture counts once: the browser cancels the pointer events of an HTML5 drag.
 */
export function captureDrags(rules: { feature: string; from: Anchor; to: Anchor }[], host: CaptureHost, sink: CaptureSink, doc: Document): void {
  const list = rules.flatMap((r) => {
    const from = compileAnchor(r.from, doc);
    const to = compileAnchor(r.to, doc);
    return from && to ? [{ feature: r.feature, from, to }] : [];
  });
  if (!list.length) return;
  let started: typeof list = [];
  let press: { x: number; y: number } | null = null;
  const begin = (e: Event) => {
    const path = e.composedPath();
    started = list.filter((r) => onPath(path, r.from));
  };
  const count = (at: number, dropped: (t: CompiledAnchor) => boolean) => {
    for (const r of started) if (dropped(r.to)) sink.feature(r.feature, 'drag', at);
    started = [];
    press = null;
  };
  host.listen(
    doc,
    'pointerdown',
    (ev) => {
      const e = ev as PointerEvent;
      if (!e.isTrusted || e.button !== 0) return;
      begin(e);
      press = started.length ? { x: e.clientX, y: e.clientY } : null;
    },
    LISTEN,
  );
  host.listen(
    doc,
    'pointerup',
    (ev) => {
      const e = ev as PointerEvent;
      if (!e.isTrusted || press === null) return;
      if (Math.hypot(e.clientX - press.x, e.clientY - press.y) < DRAG_MIN_PX) {
        press = null;
        return;
      }
      // Not the event's target: an app that captured the pointer gets the release on the dragged element.
      const stack = doc.elementsFromPoint(e.clientX, e.clientY).slice(0, DROP_STACK);
      count(e.timeStamp, (t) => stack.some((el) => closestMatch(el, t) !== null));
    },
    LISTEN,
  );
  host.listen(
    doc,
    'pointercancel',
    () => {
      press = null;
    },
    LISTEN,
  );
  host.listen(
    doc,
    'dragstart',
    (e) => {
      if (e.isTrusted) begin(e);
    },
    LISTEN,
  );
  host.listen(
    doc,
    'drop',
    (e) => {
      if (!e.isTrusted || !started.length) return;
      const path = e.composedPath();
      count(e.timeStamp, (t) => onPath(path, t));
    },
    LISTEN,
  );
}

/**
 * `change` rules: the user changed a matched field (input or change events, real ones only),
 * counted once per visit to the field, from focus until it loses focus: never per key
 * press, and never what was typed.
 */
export function captureChanges(rules: { feature: string; anchor: Anchor }[], host: CaptureHost, sink: CaptureSink, doc: Document): void {
  const list = rules.flatMap((r) => {
    const t = compileAnchor(r.anchor, doc);
    return t ? [{ feature: r.feature, t }] : [];
  });
  if (!list.length) return;
  // Fields already counted in this visit: each key press after the first costs one lookup.
  const edited = new WeakSet<EventTarget>();
  const field = (e: Event) => {
    const t = e.target as Element | null;
    return t?.shadowRoot ? (e.composedPath()[0] ?? t) : t;
  };
  const changed = (e: Event) => {
    if (!e.isTrusted) return;
    const f = field(e);
    if (f === null || edited.has(f)) return;
    edited.add(f);
    const path = e.composedPath();
    for (const r of list) if (onPath(path, r.t)) sink.feature(r.feature, 'change', e.timeStamp);
  };
  host.listen(doc, 'input', changed, LISTEN);
  host.listen(doc, 'change', changed, LISTEN);
  host.listen(
    doc,
    'focusout',
    (e) => {
      const f = field(e);
      if (f !== null) edited.delete(f);
    },
    LISTEN,
  );
}
