import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownNudge, WidgetHost } from '@/lib/guides/host';
import { nextStep } from '@/lib/guides/item-action';
import { displayed } from '@/lib/guides/target';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Milestone } from '@/lib/playbook/schema';
import type { WidgetState } from '@/lib/store/guides';
import { Markdown } from './Markdown';
import { follow } from './position';
import { useGuard } from './useGuard';
import { useTopLayer } from './useTopLayer';

interface Props {
  host: WidgetHost;
  shown: ShownNudge;
  state: WidgetState;
  onStartGuide(guide: string, focus: boolean): void;
  onGo(m: Milestone, focus: boolean): void;
}

/** What the close control closes, per kind. */
const CLOSES = { tip: 'tip', 'tour-invite': 'invitation', celebrate: 'message', referral: 'invitation', expansion: 'offer' };

/** How long a tip waits for its element before showing as a corner card instead. */
const ANCHOR_WAIT_MS = 1500;

/**
 * A nudge: a tip card next to the element it is about, or a corner card (expansion
 * prompts, tips without an element). It never takes focus from the user's work.
 */
export function NudgeCard({ host, shown, state, onStartGuide, onGo }: Props) {
  const { nudge } = shown;
  const { kind } = nudge;
  const win = kind === 'celebrate';
  const card = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<Element | null | undefined>(nudge.anchor && kind !== 'expansion' ? undefined : null);
  const find = () => displayed(host.resolveAnchor(nudge.anchor!));
  const blocked = useTopLayer(card, target);
  const guard = useGuard(card, `${target === null}${blocked}`);

  useEffect(() => {
    if (target !== undefined) return;
    const wait = waitForAnchor(find, ANCHOR_WAIT_MS);
    wait.result.then((r) => setTarget('found' in r ? r.found : null));
    return wait.cancel;
  }, [nudge.id, target]);

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
    // A lost target (removed, hidden, re-rendered) is looked for again; the card waits unseen meanwhile.
    return follow(target, el, arrowRef.current, 'bottom', () => {
      if (find() !== target) return setTarget(undefined);
      guard.moved(el);
      placed();
    }).stop;
  }, [target]);

  const url = nudge.cta?.url ?? (kind === 'expansion' ? shown.upgradeUrl : null);
  // A win offers the next step (the first open milestone's tour or page) unless the playbook set a call to action.
  const next = win && !nudge.cta ? nextStep(host.playbook, new Set(state.milestones.map((m) => m.id))) : null;
  const cta = next ? { label: `Next: ${next.milestone.name}`, guide: next.action.guide } : nudge.cta;
  const act = (e: MouseEvent) => {
    host.nudgeEvent(nudge.id, 'clicked');
    if (cta?.guide) onStartGuide(cta.guide, e.detail === 0);
    else if (next) onGo(next.milestone, e.detail === 0);
  };
  const Cta = url ? 'a' : 'button';
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
      hidden={blocked}
      onKeyDown={(e) => {
        // Only keys in the card: Escape elsewhere is the page's.
        if (e.isTrusted && e.key === 'Escape') host.nudgeEvent(nudge.id, 'closed');
      }}
    >
      {!corner && <div class="arrow" ref={arrowRef} aria-hidden="true" />}
      <div class="head">
        <h2 id={titleId}>{nudge.title}</h2>
        <button type="button" class="close" aria-label={`Close ${CLOSES[kind]}`} {...guard.on(() => host.nudgeEvent(nudge.id, 'dismissed'))}>
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
          {!win && (
            <button type="button" class="secondary" {...guard.on(() => host.nudgeEvent(nudge.id, 'snoozed'))}>
              Remind me tomorrow
            </button>
          )}
          {cta && (
            <Cta class="primary" {...(url ? { href: url, target: '_blank', rel: 'noopener noreferrer' } : { type: 'button' })} {...guard.on(act)}>
              {cta.label}
            </Cta>
          )}
        </span>
      </div>
      {!win && (
        <div class="links">
          {kind !== 'expansion' && (
            <button type="button" class="link" {...guard.on(() => host.nudgeEvent(nudge.id, 'never'))}>
              Don't show this again
            </button>
          )}
          <button type="button" class="link" {...guard.on(() => host.pauseTips())}>
            Pause tips for today
          </button>
        </div>
      )}
    </div>
  );
}
