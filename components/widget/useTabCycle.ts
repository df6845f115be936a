import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

function isFocusable(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && (el.matches(FOCUSABLE) || el.tabIndex >= 0);
}

/**
 * Keyboard use of a step: Tab cycles through the card's controls and the highlighted
 * element (so it stays reachable), Escape closes. Focus returns where it was when the
 * last step closes (see Widget).
 */
export function useTabCycle(card: RefObject<HTMLElement>, target: Element | null, onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.isTrusted) return;
      const el = card.current;
      if (!el) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onEscape();
        return;
      }
      if (e.key !== 'Tab') return;
      const controls = Array.from(el.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = controls[0];
      const lastControl = controls[controls.length - 1];
      const reachable = isFocusable(target) ? target : null;
      const active = (el.getRootNode() as ShadowRoot).activeElement;
      const inTarget = reachable !== null && e.composedPath().includes(reachable);
      let next: HTMLElement | null | undefined = null;
      if (!e.shiftKey && active === lastControl) next = reachable ?? first;
      else if (!e.shiftKey && inTarget) next = first;
      else if (e.shiftKey && (active === first || active === el)) next = reachable ?? lastControl;
      else if (e.shiftKey && inTarget) next = lastControl;
      else if (!inTarget && active === null) return; // focus is elsewhere on the page: leave Tab alone
      if (next) {
        e.preventDefault();
        next.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [card, target, onEscape]);
}
