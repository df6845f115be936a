import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** What a card holds: its buttons and the playbook text's links. */
const FOCUSABLE = 'a[href], button';

/**
 * Keyboard use of a step, only while focus is in the card or on the highlighted element itself: Tab cycles
 * through the card's controls and the element (so it stays reachable), Escape closes. Keys elsewhere
 * are the page's. The card hears its own keys; the target's are heard on the window, bubbling, so the
 * app's own handlers come first and can keep a key (preventDefault) for themselves.
 */
export function useTabCycle(card: RefObject<HTMLElement>, target: Element | null, onEscape: () => void): void {
  useEffect(() => {
    const el = card.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const path = e.composedPath();
      const inCard = path.includes(el);
      const inTarget = !inCard && target !== null && path[0] === target;
      if (!e.isTrusted || e.defaultPrevented || (e.currentTarget === el ? !inCard : !inTarget)) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onEscape();
        return;
      }
      if (e.key !== 'Tab') return;
      const controls = Array.from(el.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = controls[0];
      const lastControl = controls[controls.length - 1];
      // tabIndex >= 0: natively focusable (links, buttons, fields) or made so by the app.
      const reachable = target instanceof HTMLElement && target.tabIndex >= 0 ? target : null;
      const active = (el.getRootNode() as ShadowRoot).activeElement;
      let next: HTMLElement | null | undefined = null;
      if (inTarget) next = e.shiftKey ? lastControl : first;
      else if (!e.shiftKey && active === lastControl) next = reachable ?? first;
      else if (e.shiftKey && (active === first || active === el)) next = reachable ?? lastControl;
      if (next) {
        e.preventDefault();
        next.focus();
      }
    };
    el.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onKey);
    };
  }, [target, onEscape]);
}
