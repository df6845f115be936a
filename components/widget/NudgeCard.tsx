import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownNudge, WidgetHost } from '@/lib/guides/host';
import { waitForAnchor } from '@/lib/guides/wait';
import { Markdown } from './Markdown';
import { follow } from './position';

interface Props {
  host: WidgetHost;
  shown: ShownNudge;
  onStartGuide(guide: string): void;
}

/** How long a tip waits for its element before showing as a corner card instead. */
const ANCHOR_WAIT_MS = 1500;

/**
 * A nudge: a tip card next to the element it is about, or a corner card (expansion
 * prompts, tips without an element). It never takes focus from the user's work.
 */
export function NudgeCard({ host, shown, onStartGuide }: Props) {
  const { nudge } = shown;
  const card = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<Element | null | undefined>(nudge.anchor && nudge.kind !== 'expansion' ? undefined : null);

  useEffect(() => {
    const anchor = nudge.anchor;
    if (target !== undefined || !anchor) return;
    const wait = waitForAnchor(() => host.resolveAnchor(anchor), ANCHOR_WAIT_MS);
    wait.result.then((r) => setTarget('found' in r ? r.found : null));
    return wait.cancel;
  }, [nudge.id]);

  useEffect(() => {
    const el = card.current;
    if (!el || target === undefined) return;
    const placed = () => {
      el.dataset.shownMs ??= (performance.now() - shown.requestedAt).toFixed(1);
    };
    if (target === null) {
      placed();
      return;
    }
    return follow(target, el, arrowRef.current, 'bottom', placed).stop;
  }, [target]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Focus, not composedPath(): a listener on the document sees no node of a closed shadow root.
      const inside = card.current?.contains((card.current.getRootNode() as ShadowRoot).activeElement);
      if (e.isTrusted && e.key === 'Escape' && inside) host.nudgeEvent(nudge.id, 'closed');
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [nudge.id]);

  const url = nudge.cta?.url ?? (nudge.kind === 'expansion' ? shown.upgradeUrl : null);
  const act = () => {
    host.nudgeEvent(nudge.id, 'clicked');
    if (nudge.cta?.guide) onStartGuide(nudge.cta.guide);
  };
  const titleId = `n-${nudge.id}`;
  const corner = target === null;
  return (
    <div
      ref={card}
      class={`card nudge${corner ? ' corner' : ''}${target === undefined ? ' waiting' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-nudge={nudge.id}
      data-kind={nudge.kind}
    >
      {!corner && <div class="arrow" ref={arrowRef} aria-hidden="true" />}
      <div class="head">
        <h2 id={titleId}>{nudge.title}</h2>
        <button type="button" class="close" aria-label="Dismiss this tip" onClick={() => host.nudgeEvent(nudge.id, 'dismissed')}>
          ×
        </button>
      </div>
      <p class="body">
        <Markdown source={nudge.body} />
      </p>
      {shown.signals.length > 0 && (
        <ul class="signals" aria-label="Why now">
          {shown.signals.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      <div class="foot">
        <span class="buttons">
          <button type="button" class="secondary" onClick={() => host.nudgeEvent(nudge.id, 'snoozed')}>
            Remind me tomorrow
          </button>
          {nudge.cta &&
            (url ? (
              <a class="primary" href={url} target="_blank" rel="noopener noreferrer" onClick={act}>
                {nudge.cta.label}
              </a>
            ) : (
              <button type="button" class="primary" onClick={act}>
                {nudge.cta.label}
              </button>
            ))}
        </span>
      </div>
      <button type="button" class="link" onClick={() => host.pauseTips()}>
        Pause tips for today
      </button>
    </div>
  );
}
