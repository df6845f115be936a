import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { itemAction } from '@/lib/guides/item-action';
import { displayed } from '@/lib/guides/target';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Milestone } from '@/lib/playbook/schema';
import { Pointer } from './Pointer';

/** The milestone whose element to point at once its page has loaded (a record of the widget's own, not a guide id). */
const PENDING = '~go';
/** How long the element may take to render on the page "Go there" went to. */
const WAIT_MS = 5000;

/**
 * "Go there" for a milestone without a tour: points at its feature's element when this page has it,
 * else goes to the feature's page (a hash route in place, a path by loading it) and points there.
 */
export function useGo(host: WidgetHost): [(m: Milestone, focus: boolean) => void, VNode | null] {
  const pb = host.playbook;
  const [at, setAt] = useState<{ el: Element; focus: boolean } | null>(null);
  const [wait, setWait] = useState<{ m: Milestone; focus: boolean } | null>(null);
  const find = (m: Milestone) => {
    const a = itemAction(pb, m);
    return a && 'anchor' in a && a.anchor ? displayed(host.resolveAnchor(a.anchor)) : null;
  };
  useEffect(() => {
    const p = host.state().guides.find((g) => g.guide === PENDING && g.status === 'active');
    const m = p && pb.milestones[p.step];
    if (!p) return;
    host.saveGuide(PENDING, 0, 'completed');
    if (m) setWait({ m, focus: false });
  }, []);
  useEffect(() => {
    if (!wait) return;
    const w = waitForAnchor(() => find(wait.m), WAIT_MS);
    w.result.then((r) => 'found' in r && setAt({ el: r.found, focus: wait.focus }));
    return w.cancel;
  }, [wait]);

  const go = (m: Milestone, focus: boolean) => {
    const el = find(m);
    const a = itemAction(pb, m);
    const path = a && 'path' in a ? a.path : undefined;
    if (el || !path) return el && setAt({ el, focus });
    if (path[0] === '#') {
      location.hash = path;
      return setWait({ m, focus });
    }
    host.saveGuide(PENDING, pb.milestones.indexOf(m), 'active').finally(() => location.assign(path));
  };
  return [go, at && <Pointer key={at.el} el={at.el} focus={at.focus} onDone={() => setAt(null)} />];
}
