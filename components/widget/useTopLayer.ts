import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { appModal, onTopLayer, raiseOver } from '@/lib/guides/toplayer';

/**
 * Keeps a card above the top-layer element (app dialog, popover) its target is in; returns true while the
 * app shows a modal the target is not in: the card then waits, hidden, instead of floating over it.
 */
export function useTopLayer(card: RefObject<Element>, target: Element | null | undefined): boolean {
  const [, changed] = useState(0);
  useEffect(() => {
    const raise = (over: Element | null | undefined) => {
      if (over && target && card.current && over.contains(target)) raiseOver(card.current, over);
    };
    raise(target?.closest(':modal, :popover-open'));
    return onTopLayer((opened) => {
      raise(opened);
      changed((n) => n + 1);
    });
  }, [target]);
  const m = appModal();
  return !!m && !(target && m.contains(target));
}
