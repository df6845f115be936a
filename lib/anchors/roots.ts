/**
 * The document's open shadow roots, indexed as they appear, and one MutationObserver over the
 * document and each of those roots. Walking a DOM for shadow roots visits every element (about
 * half a millisecond per thousand from the isolated world), so the document is walked once, in
 * slices of a few milliseconds, and afterwards only what mutation records add.
 */

const WATCHED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] };
/** Main-thread time one slice of work may take; the rest waits for the next slice. */
export const SLICE_MS = 4;
/** What a mutation callback may spend walking what was just added; more waits for a slice. */
const ADDED_SLICE_MS = 1;
/** The pause between slices: the page gets the main thread back in between. */
const SLICE_GAP_MS = 16;
/** Subtrees waiting to be walked, at most; past it the document is walked again from the top. */
const MAX_QUEUE = 2000;
/** Custom elements seen without a shadow root: checked again this often, this many times, at most this many at once. */
const LATE_CHECK_MS = 1000;
const LATE_CHECKS = 5;
const MAX_LATE = 2000;
/** Mutation records in one callback past which they are not read one by one: everything counts as new. */
const MAX_RECORDS = 2000;

/** What changed in the document and its open shadow roots since the last report. */
export interface DomChanges {
  /** Elements added (with their subtrees) and shadow roots newly indexed: where new matches can be. */
  added: readonly (Element | ShadowRoot)[];
  /** Elements whose watched attributes changed: they or their descendants may have been shown or hidden. */
  attrs: readonly Element[];
  /** Elements whose text or children changed. */
  texts: readonly Element[];
  /** Whether anything was removed. */
  removed: boolean;
}
export type DomListener = (changes: DomChanges) => void;

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): void;
  onStop(fn: () => void): void;
}

export interface RootIndex {
  /** The open shadow roots found so far whose host is in the document. */
  roots(): readonly ShadowRoot[];
  /** Changes from the document and every indexed root, until the returned function is called. */
  listen(fn: DomListener): () => void;
}

declare global {
  // Set by the content script, read by the widget's waitForAnchor (the same isolated world): one
  // observer for both, and no second copy of this module in the widget's bundle.
  var __uptakeDom: { listen(fn: () => void): () => void } | undefined;
}

const isElement = (n: Node): n is Element => n.nodeType === 1;

function createRootIndex(doc: Document, sched: Scheduler): RootIndex {
  let list: ShadowRoot[] = [];
  const known = new Set<ShadowRoot>();
  const listeners = new Set<DomListener>();
  const late = new Map<Element, number>();
  let stopped = false;

  // Subtrees to walk (a queue read from `head`), and the walk under way.
  let queue: Node[] = [doc.documentElement];
  let head = 0;
  let walker: TreeWalker | null = null;
  let fresh: ShadowRoot[] = [];

  const found = (sr: ShadowRoot) => {
    if (known.has(sr)) return;
    known.add(sr);
    list.push(sr);
    fresh.push(sr);
    mo.observe(sr, WATCHED);
    queue.push(sr);
  };
  const visit = (el: Element) => {
    const sr = el.shadowRoot;
    if (sr) found(sr);
    else if (el.localName.includes('-') && late.size < MAX_LATE && !late.has(el)) {
      late.set(el, 0);
      if (late.size === 1) sched.setTimeout(checkLate, LATE_CHECK_MS);
    }
  };
  const enqueue = (n: Node) => {
    if (queue.length - head >= MAX_QUEUE) {
      // Too much at once: one walk of the whole document finds it all.
      queue = [doc.documentElement];
      head = 0;
      walker = null;
    } else queue.push(n);
  };

  /** Walks queued subtrees for `budget` ms; true when the queue is empty. */
  const walk = (budget: number): boolean => {
    const end = performance.now() + budget;
    for (let n = 1; ; n++) {
      if (walker === null) {
        const next = queue[head++];
        if (next === undefined) {
          queue = [];
          head = 0;
          return true;
        }
        if (!next.isConnected) continue;
        if (isElement(next)) visit(next);
        walker = doc.createTreeWalker(next, NodeFilter.SHOW_ELEMENT);
      }
      const el = walker.nextNode() as Element | null;
      if (el === null) walker = null;
      else visit(el);
      if ((n & 127) === 0 && performance.now() > end) return false;
    }
  };

  const emit = (c: DomChanges) => {
    for (const fn of listeners) fn(c);
  };
  const report = (added: (Element | ShadowRoot)[], attrs: Element[], texts: Element[], removed: boolean) => {
    if (fresh.length) {
      added.push(...fresh);
      fresh = [];
    }
    if (added.length || attrs.length || texts.length || removed) emit({ added, attrs, texts, removed });
  };

  let sliceDue = false;
  const slice = () => {
    sliceDue = false;
    if (stopped) return;
    if (!walk(SLICE_MS)) schedule();
    report([], [], [], false);
  };
  const schedule = () => {
    if (sliceDue) return;
    sliceDue = true;
    sched.setTimeout(slice, SLICE_GAP_MS);
  };

  const checkLate = () => {
    if (stopped) return;
    for (const [el, n] of late) {
      const sr = el.shadowRoot;
      if (sr) found(sr);
      if (sr || n + 1 >= LATE_CHECKS || !el.isConnected) late.delete(el);
      else late.set(el, n + 1);
    }
    if (late.size) sched.setTimeout(checkLate, LATE_CHECK_MS);
    if (fresh.length && !walk(SLICE_MS)) schedule();
    report([], [], [], false);
  };

  const mo = new MutationObserver((records) => {
    const added: (Element | ShadowRoot)[] = [];
    const attrs: Element[] = [];
    const texts: Element[] = [];
    let removed = false;
    if (records.length > MAX_RECORDS) {
      queue = [doc.documentElement];
      head = 0;
      walker = null;
      report([doc.documentElement, ...list], [], [], true);
      schedule();
      return;
    }
    // A walk under way (the first one, of the whole page) goes on in its own slices, not here.
    const idle = !sliceDue && walker === null && head >= queue.length;
    for (const r of records) {
      const t = r.target;
      if (r.type === 'attributes') {
        if (attrs[attrs.length - 1] !== t) attrs.push(t as Element);
        continue;
      }
      const owner = r.type === 'characterData' ? t.parentElement : isElement(t) ? t : null;
      if (owner && texts[texts.length - 1] !== owner) texts.push(owner);
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (!isElement(n)) continue;
        added.push(n);
        enqueue(n);
      }
    }
    // Most additions are small: walked now, so a component's shadow root is known in the same report.
    if (!idle || !walk(ADDED_SLICE_MS)) schedule();
    report(added, attrs, texts, removed);
  });
  mo.observe(doc.documentElement, WATCHED);
  if (!walk(SLICE_MS)) schedule();
  sched.onStop(() => {
    stopped = true;
    mo.disconnect();
    listeners.clear();
    late.clear();
  });

  return {
    roots() {
      if (list.some((sr) => !sr.host.isConnected)) {
        list = list.filter((sr) => sr.host.isConnected || !known.delete(sr));
      }
      return list;
    },
    listen(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

let scheduler: Scheduler = { setTimeout: (fn, ms) => void setTimeout(fn, ms), onStop: () => undefined };
let index: { doc: Document; roots: RootIndex } | null = null;

/** Where the index takes its timers and its end from (the content script's context); call before first use. */
export function useScheduler(s: Scheduler): void {
  scheduler = s;
  s.onStop(() => {
    index = null;
    globalThis.__uptakeDom = undefined;
  });
  globalThis.__uptakeDom = { listen: (fn) => rootIndex(document).listen(fn) };
}

/** The document's index, started on first use. */
export function rootIndex(doc: Document = document): RootIndex {
  if (index?.doc !== doc) index = { doc, roots: createRootIndex(doc, scheduler) };
  return index.roots;
}
