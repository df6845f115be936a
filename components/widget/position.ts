import { arrow, autoUpdate, computePosition, flip, hide, offset, type Placement, shift } from '@floating-ui/dom';

export interface Positioned {
  stop(): void;
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
  const update = () => {
    computePosition(target, floating, {
      strategy: 'fixed',
      placement: placement === 'auto' ? 'bottom' : placement,
      middleware: [offset(gap), flip({ padding: 8 }), shift({ padding: 8 }), ...(arrowEl ? [arrow({ element: arrowEl })] : []), hide()],
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
    Object.assign(el.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
  };
  return { stop: autoUpdate(target, el, place) };
}
