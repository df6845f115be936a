import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { itemAction } from '@/lib/guides/item-action';
import { displayed } from '@/lib/guides/target';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Milestone } from '@/lib/playbook/schema';
import { ring } from './position';

/** The milestone whose element to ring once its page has loaded (the widget's own record, never a guide id). */
const PENDING = '~go';

/**
 * "Go there" for a milestone without a tour: rings its feature's element (scrolled into view, focused
 * when asked from the keyboard) if this page has it, else goes to the feature's route (a hash route in
 * place, a path by loading it) and rings the element there once it renders (5 s at most).
 */
export function useGo(host: WidgetHost): [(m: Milestone, focus: boolean) => void, VNode | null] {
  const pb = host.playbook;
  const [at, setAt] = useState<Element | null>(null);
  const el = useRef<HTMLDivElement>(null);
  const find = (m: Milestone) => {
    const a = itemAction(pb, m)?.anchor;
    return a ? displayed(host.resolveAnchor(a)) : null;
  };
  const point = (m: Milestone, focus: boolean) =>
    waitForAnchor(() => find(m), 5000).result.then((r) => {
      if (!('found' in r)) return;
      r.found.scrollIntoView({ block: 'center' });
      if (focus) (r.found as HTMLElement).focus?.({ preventScroll: true });
      setAt(r.found);
    });
  useEffect(() => {
    const p = host.state().guides.find((g) => g.guide === PENDING && g.status === 'active');
    if (!p) return;
    host.saveGuide(PENDING, 0, 'completed');
    if (pb.milestones[p.step]) point(pb.milestones[p.step]!, false);
  }, []);
  useEffect(() => {
    if (!at) return;
    const r = ring(at, el.current!);
    const t = setTimeout(setAt, 4000, null);
    return () => {
      r.stop();
      clearTimeout(t);
    };
  }, [at]);

  const go = (m: Milestone, focus: boolean) => {
    const path = itemAction(pb, m)?.path;
    if (find(m) || !path) point(m, focus);
    else if (path[0] === '#') {
      location.hash = path;
      point(m, focus);
    } else host.saveGuide(PENDING, pb.milestones.indexOf(m), 'active').finally(() => location.assign(path));
  };
  return [go, at && <div class="ring" data-point="" ref={el} aria-hidden="true" />];
}
