import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { onTopLayer } from '@/lib/guides/toplayer';

/** How long a card ignores pointer activations after it appears or moves (browsers guard their prompts the same way). */
const SETTLE_MS = 500;

/**
 * The activations a card accepts: trusted ones only (page script's `.click()` or dispatched events never count),
 * and from a pointer only once the card has settled and while nothing is drawn over it. Occlusion comes from
 * IntersectionObserver v2: `elementsFromPoint` skips a `pointer-events: none` cover, the clickjacker's tool.
 * `key` changes when the card reappears (e.g. after waiting out an app's modal).
 */
export function useGuard(card: RefObject<HTMLElement>, key?: unknown) {
  const [fresh, setFresh] = useState(true);
  const s = useRef({ seen: true, at: '', t: undefined as ReturnType<typeof setTimeout> | undefined }).current;
  const settle = () => {
    setFresh(true);
    clearTimeout(s.t);
    s.t = setTimeout(setFresh, SETTLE_MS, false);
  };
  useEffect(() => {
    const io = new IntersectionObserver(
      (es) => {
        for (const e of es) s.seen = (e as { isVisible?: boolean }).isVisible !== false;
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    if (card.current) io.observe(card.current);
    return () => {
      io.disconnect();
      clearTimeout(s.t);
    };
  }, []);
  useEffect(settle, [key]);
  // Anything entering the page's top layer may cover the card before the observer can tell: settle again.
  useEffect(() => onTopLayer(settle), []);
  return {
    /** Call after each placement: a card that moved settles again. */
    moved(el: HTMLElement) {
      const at = el.style.left + el.style.top;
      if (at !== s.at) {
        s.at = at;
        settle();
      }
    },
    /** Props for a control: the guarded handler, and aria-disabled while the card settles. */
    on: (fn: (e: MouseEvent) => void) => ({
      onClick: (e: MouseEvent) => {
        // detail 0: a keyboard activation, which needs focus in the widget: no page can aim it.
        if (e.isTrusted && (e.detail === 0 || (!fresh && s.seen))) fn(e);
        else e.preventDefault(); // a refused link does not open either
      },
      'aria-disabled': fresh || undefined,
    }),
  };
}

/** A handler that runs for trusted events only. */
export const trusted =
  <E extends Event>(fn: (e: E) => void) =>
  (e: E) => {
    if (e.isTrusted) fn(e);
  };
