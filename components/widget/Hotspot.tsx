import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Guide } from '@/lib/playbook/guides-schema';
import { follow } from './position';

/** A pulsing dot on an element; activating it opens its tip. */
export function Hotspot({ host, guide, loc, onOpen }: { host: WidgetHost; guide: Guide; loc: string; onOpen(): void }) {
  const step = guide.steps[0]!;
  const [target, setTarget] = useState<Element | null>(null);
  const dot = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const anchor = step.anchor;
    if (!anchor) return;
    const wait = waitForAnchor(() => host.resolveAnchor(anchor), step.missing.waitMs);
    wait.result.then((r) => setTarget('found' in r ? r.found : null));
    return wait.cancel;
  }, [guide.id, loc]);
  useEffect(() => {
    if (!target || !dot.current) return;
    // A negative gap sits the dot on the element's corner.
    const f = follow(target, dot.current, null, 'top-end', () => undefined, -11);
    return f.stop;
  }, [target]);
  if (!target) return null;
  return (
    <button type="button" class="hotspot" ref={dot} data-guide={guide.id} aria-label={`Tip: ${step.title}`} onClick={onOpen}>
      <span aria-hidden="true" />
    </button>
  );
}
