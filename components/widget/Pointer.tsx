import { useEffect, useRef } from 'preact/hooks';
import { ring } from './position';

/** How long "Go there" keeps its ring around the element. */
const POINT_MS = 4000;

/** "Go there": brings the feature's element into view and rings it for a moment (focus too, when asked from the keyboard). */
export function Pointer({ el, focus, onDone }: { el: Element; focus?: boolean; onDone(): void }) {
  const r = useRef<HTMLDivElement>(null);
  useEffect(() => {
    el.scrollIntoView({ block: 'center' });
    if (focus) (el as HTMLElement).focus?.({ preventScroll: true });
    const p = ring(el, r.current!);
    const t = setTimeout(onDone, POINT_MS);
    return () => {
      p.stop();
      clearTimeout(t);
    };
  }, [el]);
  return <div class="ring" data-point="" ref={r} aria-hidden="true" />;
}
