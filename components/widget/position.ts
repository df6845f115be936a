import { autoUpdate, computePosition, flip, hide, type Placement, shift } from '@floating-ui/dom';

export interface Positioned {
  stop(): void;
}

/** Cards are at most this wide (widget.css agrees); narrower when the chosen side has less room. */
const MAX_WIDTH = 340;
const PAD = 8;
/** The arrow's side (widget.css). */
const ARROW = 12;

/**
 * The side asked for first ("auto": below), then every side, below and above before
 * beside, so a card finds room on any screen; an alignment (a hotspot's top-end) is kept.
 */
export function sidesToTry(placement: Placement | 'auto'): Placement[] {
  const [side, align] = (placement === 'auto' ? 'bottom' : placement).split('-');
  return [side, 'bottom', 'top', 'right', 'left'].map((s) => (align ? `${s}-${align}` : s) as Placement);
}

/**
 * Keeps `floating` next to `target` (fixed strategy: the widget lives in the top
 * layer), following scroll containers, resizes and layout shifts. Calls `onHidden`
 * when the target is scrolled out of sight or hidden, `onPlaced` after each placement.
 */
export function follow(
  target: Element,
  floating: HTMLElement,
  arrowEl: HTMLElement | null,
  placement: Placement | 'auto',
  onPlaced: (hidden: boolean) => void,
  gap = 12,
): Positioned {
  const [first, ...fallbackPlacements] = sidesToTry(placement);
  const update = () => {
    // Measure at full width each time: a width limit left from a narrow side would bias the choice of side.
    floating.style.maxWidth = '';
    computePosition(target, floating, {
      strategy: 'fixed',
      placement: first,
      middleware: [
        {
          // floating-ui's offset(), on the main axis only: its full version costs 0.3 KiB of the widget budget.
          name: 'gap',
          fn({ x, y, placement: p }) {
            const s = p.split('-')[0];
            return { x: x + (s === 'left' ? -gap : s === 'right' ? gap : 0), y: y + (s === 'top' ? -gap : s === 'bottom' ? gap : 0) };
          },
        },
        flip({ padding: PAD, fallbackPlacements, crossAxis: 'alignment' }),
        {
          // floating-ui's size(), cut down to the one limit cards need (its full version costs 0.3 KiB of the widget budget).
          name: 'fit',
          fn({ placement: side, rects: { reference: r } }) {
            const s = side.split('-')[0];
            const room = s === 'left' ? r.x - gap - PAD : s === 'right' ? innerWidth - r.x - r.width - gap - PAD : innerWidth - 2 * PAD;
            const width = `${Math.max(0, Math.min(MAX_WIDTH, room))}px`;
            if (floating.style.maxWidth === width) return {};
            floating.style.maxWidth = width;
            return { reset: { rects: true } };
          },
        },
        shift({ padding: PAD }),
        hide(),
      ],
    }).then(({ x, y, placement: side, middlewareData }) => {
      Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
      const s = side.split('-')[0]!;
      floating.dataset.side = s;
      if (arrowEl) {
        // floating-ui's arrow() (0.4 KiB), cut down: at the target's centre, 10 px clear of the card's corners.
        const r = target.getBoundingClientRect();
        const across = s === 'top' || s === 'bottom';
        const at = across ? r.left + r.width / 2 - x : r.top + r.height / 2 - y;
        const pos = `${Math.max(10, Math.min(at - ARROW / 2, (across ? floating.offsetWidth : floating.offsetHeight) - ARROW - 10))}px`;
        Object.assign(arrowEl.style, { left: across ? pos : '', top: across ? '' : pos });
      }
      onPlaced(Boolean(middlewareData.hide?.referenceHidden));
    });
  };
  const cleanup = autoUpdate(target, floating, update, { animationFrame: false });
  return { stop: cleanup };
}

/** Keeps a ring drawn around the target (fixed coordinates, no layout of its own). */
export function ring(target: Element, el: HTMLElement): Positioned {
  const place = () => {
    const r = target.getBoundingClientRect();
    Object.assign(el.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
  };
  return { stop: autoUpdate(target, el, place) };
}
