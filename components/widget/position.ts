import { arrow, autoUpdate, computePosition, flip, hide, offset, type Placement, shift } from '@floating-ui/dom';

export interface Positioned {
  stop(): void;
}

/** Cards are at most this wide (widget.css agrees); narrower when the chosen side has less room. */
const MAX_WIDTH = 340;
const PAD = 8;

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
        offset(gap),
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
        ...(arrowEl ? [arrow({ element: arrowEl, padding: 10 })] : []),
        hide(),
      ],
    }).then(({ x, y, placement: side, middlewareData }) => {
      Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
      floating.dataset.side = side.split('-')[0];
      if (arrowEl && middlewareData.arrow) {
        const { x: ax, y: ay } = middlewareData.arrow;
        Object.assign(arrowEl.style, { left: ax != null ? `${ax}px` : '', top: ay != null ? `${ay}px` : '' });
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
    const [x, y, x2, y2] = [r.left - 4, r.top - 4, r.right + 4, r.bottom + 4];
    Object.assign(el.style, { left: `${x}px`, top: `${y}px`, width: `${x2 - x}px`, height: `${y2 - y}px` });
    // The backdrop's cut-out, in viewport coordinates: the ring's box.
    el.style.setProperty('--hole', `${x}px ${y}px,${x2}px ${y}px,${x2}px ${y2}px,${x}px ${y2}px,${x}px ${y}px`);
  };
  return { stop: autoUpdate(target, el, place) };
}
