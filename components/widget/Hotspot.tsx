import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { displayed } from '@/lib/guides/target';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Guide } from '@/lib/playbook/guides-schema';
import { follow } from './position';
import { trusted } from './useGuard';
import { useTopLayer } from './useTopLayer';

/** A pulsing dot on an element; activating it opens its tip. */
export function Hotspot({ host, guide, loc, onOpen }: { host: WidgetHost; guide: Guide; loc: string; onOpen(focus: boolean): void }) {
  const step = guide.steps[0]!;
  const [target, setTarget] = useState<Element | null>(null);
  const [seek, setSeek] = useState(0);
  const dot = useRef<HTMLButtonElement>(null);
  const blocked = useTopLayer(dot, target);
  const find = () => displayed(host.resolveAnchor(step.anchor!));
  useEffect(() => {
    if (!step.anchor) return;
    setTarget(null);
    const wait = waitForAnchor(find, step.missing.waitMs);
    wait.result.then((r) => setTarget('found' in r ? r.found : null));
    return wait.cancel;
  }, [guide.id, loc, seek]);
  useEffect(() => {
    if (!target || !dot.current) return;
    // A negative gap sits the dot on the element's corner.
    const f = follow(target, dot.current, null, 'top-end', () => find() !== target && setSeek((n) => n + 1), -11);
    return f.stop;
  }, [target]);
  if (!target) return null;
  return (
    <button type="button" class="hotspot" ref={dot} data-guide={guide.id} aria-label={`Tip: ${step.title}`} hidden={blocked} onClick={trusted((e: MouseEvent) => onOpen(e.detail === 0))}>
      <span aria-hidden="true" />
    </button>
  );
}
