import { useEffect, useRef } from 'preact/hooks';
import type { Guide } from '@/lib/playbook/guides-schema';
import { Markdown } from './Markdown';
import { trusted } from './useGuard';

/** How long the card stays; it waits longer while the pointer is on it or focus is in it. */
const DONE_MS = 5000;

/** Shown when a tour is completed: says so (to screen readers too), with the playbook's next step; closes on its own. */
export function Done({ guide, focus, onClose }: { guide: Guide; focus: boolean; onClose(): void }) {
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) card.current?.focus();
    const t = setInterval(() => card.current?.matches(':hover, :focus-within') || onClose(), DONE_MS);
    return () => clearInterval(t);
  }, []);
  const close = trusted(onClose);
  return (
    <div ref={card} class="card centered" role="status" tabindex={-1} onKeyDown={(e) => e.key === 'Escape' && close(e)}>
      <h2>You're done</h2>
      <p class="body">
        You finished “{guide.name}”. {guide.done && <Markdown source={guide.done} />}
      </p>
      <button type="button" class="primary" onClick={close}>
        Close
      </button>
    </div>
  );
}
