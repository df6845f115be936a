type Side = 'top' | 'bottom' | 'left' | 'right';
export type Placement = Side | `${Side}-start` | `${Side}-end`;

export interface Positioned {
  stop(): void;
}

/** Cards are at most this wide (widget.css agrees); narrower when the chosen side has less room. */
const MAX_WIDTH = 340;
const PAD = 8;
/** The arrow's side (widget.css). */
const ARROW = 12;
/** How often a shown card checks that its target has not moved without a scroll or resize (content above it grew). */
const SHIFT_CHECK_MS = 250;

/**
 * The side asked for first ("auto": below), then every side, below and above before
 * beside, so a card finds room on any screen; an alignment (a hotspot's top-end) is kept.
 */
export function sidesToTry(placement: Placement | 'auto'): Placement[] {
  const [side, align] = (placement === 'auto' ? 'bottom' : placement).split('-');
  return [side, 'bottom', 'top', 'right', 'left'].map((s) => (align ? `${s}-${align}` : s) as Placement);
}

const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/** Whether `target` is out of sight: no box, or clipped away by the viewport or a scrolling ancestor. */
function clippedAway(target: Element, r: DOMRect): boolean {
  if (!r.width && !r.height) return true;
  let [left, top, right, bottom] = [0, 0, innerWidth, innerHeight];
  for (let a = parentOf(target); a && a !== document.documentElement; a = parentOf(a)) {
    if (getComputedStyle(a).overflow === 'visible') continue;
    const c = a.getBoundingClientRect();
    [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
  }
  return r.right <= left || r.left >= right || r.bottom <= top || r.top >= bottom;
}

/**
 * Calls `update` now and whenever `target` or `floating` may have moved: a scroll of any
 * ancestor (shadow roots included), a resize, either element changing size, or a layout
 * shift seen by a light periodic check of the target's box.
 */
function watch(target: Element, floating: Element, update: () => void): () => void {
  let last = '';
  const box = () => {
    const r = target.getBoundingClientRect();
    return `${r.x},${r.y},${r.width},${r.height}`;
  };
  const run = () => {
    last = box();
    update();
  };
  const scrollers: EventTarget[] = [window];
  for (let a = parentOf(target); a; a = parentOf(a)) scrollers.push(a);
  const opts = { passive: true, capture: true };
  for (const s of scrollers) s.addEventListener('scroll', run, opts);
  addEventListener('resize', run);
  const sizes = new ResizeObserver(run);
  sizes.observe(target);
  sizes.observe(floating);
  const shift = setInterval(() => {
    if (box() !== last) run();
  }, SHIFT_CHECK_MS);
  run();
  return () => {
    for (const s of scrollers) s.removeEventListener('scroll', run, opts);
    removeEventListener('resize', run);
    sizes.disconnect();
    clearInterval(shift);
  };
}

/**
 * Keeps `floating` next to `target` in viewport coordinates (the widget lives in the top
 * layer): the first side with room, else the one that overflows least; shifted along the
 * side to stay on screen, and as wide as that side allows. Calls `onPlaced(hidden)` after
 * each placement, `hidden` when the target is scrolled out of sight or has no box.
 */
export function follow(
  target: Element,
  floating: HTMLElement,
  arrowEl: HTMLElement | null,
  placement: Placement | 'auto',
  onPlaced: (hidden: boolean) => void,
  gap = 12,
): Positioned {
  const tries = sidesToTry(placement);
  const place = () => {
    const r = target.getBoundingClientRect();
    const rtl = getComputedStyle(floating).direction === 'rtl';
    let best: { x: number; y: number; s: Side; width: string; over: number } | undefined;
    for (const p of tries) {
      const [s, align] = p.split('-') as [Side, string?];
      const room = s === 'left' ? r.left - gap - PAD : s === 'right' ? innerWidth - r.right - gap - PAD : innerWidth - 2 * PAD;
      const width = `${Math.max(0, Math.min(MAX_WIDTH, room))}px`;
      floating.style.maxWidth = width;
      const [w, h] = [floating.offsetWidth, floating.offsetHeight];
      const across = s === 'top' || s === 'bottom';
      // Along the side: centred, or an edge lined up with the target's ("start" is the reading side).
      const start = align === 'start' ? !rtl || !across : align === 'end' ? rtl && across : undefined;
      const line = (lo: number, size: number, own: number) => (start === undefined ? lo + size / 2 - own / 2 : start ? lo : lo + size - own);
      const x = across ? line(r.left, r.width, w) : s === 'left' ? r.left - gap - w : r.right + gap;
      const y = across ? (s === 'top' ? r.top - gap - h : r.bottom + gap) : line(r.top, r.height, h);
      const outX = Math.max(0, PAD - x) + Math.max(0, x + w - innerWidth + PAD);
      const outY = Math.max(0, PAD - y) + Math.max(0, y + h - innerHeight + PAD);
      // The side must have room; an aligned card must also fit along it, or it tries the next side.
      const over = (across ? outY : outX) + (align ? (across ? outX : outY) : 0);
      if (!best || over < best.over) best = { x, y, s, width, over };
      if (!over) break;
    }
    const b = best!;
    floating.style.maxWidth = b.width;
    const across = b.s === 'top' || b.s === 'bottom';
    const clamp = (v: number, size: number, view: number) => Math.max(PAD, Math.min(v, view - size - PAD));
    const x = across ? clamp(b.x, floating.offsetWidth, innerWidth) : b.x;
    const y = across ? b.y : clamp(b.y, floating.offsetHeight, innerHeight);
    Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
    floating.dataset.side = b.s;
    if (arrowEl) {
      // At the target's centre, 10 px clear of the card's corners.
      const at = across ? r.left + r.width / 2 - x : r.top + r.height / 2 - y;
      const pos = `${Math.max(10, Math.min(at - ARROW / 2, (across ? floating.offsetWidth : floating.offsetHeight) - ARROW - 10))}px`;
      Object.assign(arrowEl.style, { left: across ? pos : '', top: across ? '' : pos });
    }
    onPlaced(clippedAway(target, r));
  };
  return { stop: watch(target, floating, place) };
}

/** Keeps a ring drawn around the target (fixed coordinates, no layout of its own). */
export function ring(target: Element, el: HTMLElement): Positioned {
  const place = () => {
    const r = target.getBoundingClientRect();
    Object.assign(el.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
  };
  return { stop: watch(target, el, place) };
}
