import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { displayed } from '@/lib/guides/target';
import { waitForAnchor } from '@/lib/guides/wait';
import type { Guide } from '@/lib/playbook/guides-schema';
import { Markdown } from './Markdown';
import { follow, ring } from './position';
import { useGuard } from './useGuard';
import { useTabCycle } from './useTabCycle';
import { useTopLayer } from './useTopLayer';

export interface StepCardProps {
  host: WidgetHost;
  guide: Guide;
  index: number;
  loc: string;
  /** The user came here with the keyboard: the card takes focus. */
  focus?: boolean;
  /** `focus`: whether the user moved on with the keyboard (focus on the card or the target). */
  onNext(focus: boolean): void;
  onBack(): void;
  /** Closed by the user (dismissed) or ended because a target was missing. */
  onClose(reason: 'dismissed' | 'ended'): void;
}

type Phase = { kind: 'waiting' } | { kind: 'anchored'; target: Element } | { kind: 'centered'; note?: string };

/** Whether keyboard focus (not a mouse click's) is on `el` or inside it. */
function keyboardIn(el: Element | null): boolean {
  const a = el && (el.getRootNode() as Document).activeElement;
  return !!a && el.contains(a) && a.matches(':focus-visible');
}

function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}

/** One step of a guide: waits for its element, points at it, and moves on the way the playbook says. */
export function StepCard({ host, guide, index, loc, focus, onNext: next, onBack, onClose }: StepCardProps) {
  const step = guide.steps[index]!;
  // A click and a route change can both advance the same step: move on once.
  const moved = useRef(false);
  const onNext = () => {
    if (moved.current) return;
    moved.current = true;
    next(keyboardIn(card.current) || keyboardIn(target));
  };
  const total = guide.steps.length;
  const [phase, setPhase] = useState<Phase>(step.anchor ? { kind: 'waiting' } : { kind: 'centered' });
  const [hidden, setHidden] = useState(false);
  // Bumped when the target is lost (removed, hidden, replaced): the step looks for it again.
  const [seek, setSeek] = useState(0);
  const card = useRef<HTMLDivElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);
  const started = useRef(performance.now());
  const target = phase.kind === 'anchored' ? phase.target : null;
  const find = () => displayed(step.anchor ? host.resolveAnchor(step.anchor) : null);
  const blocked = useTopLayer(card, target);
  const guard = useGuard(card, phase.kind + blocked);

  // Find the element, waiting for it to appear; when it never does, follow the step's fallback.
  useEffect(() => {
    started.current = performance.now();
    const anchor = step.anchor;
    if (!anchor) return setPhase({ kind: 'centered' });
    if (target && find() === target) return;
    setPhase({ kind: 'waiting' });
    const wait = waitForAnchor(find, step.missing.waitMs);
    wait.result.then((r) => {
      if ('found' in r) {
        // Instant, not smooth: the card is placed once the element is where it will stay. Found again
        // after it was lost, it is where the user is working: no scroll.
        if (!seek && !inView(r.found)) r.found.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        setPhase({ kind: 'anchored', target: r.found });
        return;
      }
      host.reportFailure(guide.id, step.id, `element not found after ${step.missing.waitMs} ms (${step.anchor?.selectors.join(', ')}); ${step.missing.fallback === 'center' ? 'shown centred' : step.missing.fallback === 'end' ? 'guide ended' : 'step skipped'}`);
      if (step.missing.fallback === 'skip') onNext();
      else if (step.missing.fallback === 'end') onClose('ended');
      else setPhase({ kind: 'centered', note: 'The item this step points at is not on the page right now.' });
    });
    return wait.cancel;
  }, [guide.id, index, loc, seek]);

  // Place the card next to the element and keep it there; record how long showing took.
  useEffect(() => {
    const el = card.current;
    if (!el) return;
    const placedOnce = () => {
      if (el.dataset.shownMs) return;
      el.dataset.shownMs = (performance.now() - started.current).toFixed(1);
      // Focus only when the user moved here, or when Uptake's buttons are all there is to act on and
      // nothing on the page has focus: an action step or a resumed tour leaves the page's keys alone.
      const idle = !document.activeElement || document.activeElement === document.body;
      if (focus || ((step.advance.on === 'next' || phase.kind === 'centered') && idle)) el.focus({ preventScroll: true });
    };
    if (!target) {
      if (phase.kind === 'centered') placedOnce();
      return;
    }
    const f = follow(target, el, arrowRef.current, step.placement, (isHidden) => {
      if (find() !== target) return setSeek((n) => n + 1);
      guard.moved(el);
      setHidden(isHidden);
      placedOnce();
    });
    const r = ringRef.current ? ring(target, ringRef.current) : null;
    return () => {
      f.stop();
      r?.stop();
    };
  }, [target, phase.kind]);

  // Advance on a click of the element, a route, or a feature use.
  useEffect(() => {
    const adv = step.advance;
    if (adv.on === 'click' && target) {
      const onClick = (e: Event) => {
        if (e.isTrusted && e.composedPath().includes(target)) setTimeout(onNext, 0);
      };
      document.addEventListener('click', onClick, true);
      return () => document.removeEventListener('click', onClick, true);
    }
    if (adv.on === 'feature') return host.onFeature((f) => f === adv.feature && onNext());
  }, [target, index]);
  useEffect(() => {
    const adv = step.advance;
    if (adv.on === 'route' && host.atRoute(adv.path)) onNext();
  }, [loc, index]);

  useTabCycle(card, target, () => onClose('dismissed'));

  const last = index === total - 1;
  const titleId = `t-${guide.id}-${index}`;
  const bodyId = `b-${guide.id}-${index}`;
  const centered = phase.kind === 'centered';
  const hint =
    step.advance.on === 'click' ? 'Click the highlighted item to continue.' : step.advance.on === 'route' ? 'Go to that page to continue.' : step.advance.on === 'feature' ? 'Do it to continue.' : null;
  return (
    <>
      {target && !hidden && !blocked && <div class="ring" ref={ringRef} aria-hidden="true" />}
      <div
        ref={card}
        class={`card${centered ? ' centered' : ''}${phase.kind === 'waiting' ? ' waiting' : ''}${hidden ? ' target-hidden' : ''}`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabindex={-1}
        hidden={blocked}
        data-guide={guide.id}
        data-step={step.id}
      >
        {!centered && <div class="arrow" ref={arrowRef} aria-hidden="true" />}
        <div class="head">
          <h2 id={titleId}>{step.title}</h2>
          <button type="button" class="close" aria-label={`Close ${guide.kind === 'tour' ? 'tour' : 'tip'}`} {...guard.on(() => onClose('dismissed'))}>
            ×
          </button>
        </div>
        <p id={bodyId} class="body">
          <Markdown source={step.body} />
        </p>
        {phase.kind === 'centered' && phase.note && <p class="note">{phase.note}</p>}
        {hidden && <p class="note">Scroll to bring the highlighted item back into view.</p>}
        <div class="foot">
          {total > 1 && (
            <span class="count">
              {index + 1} of {total}
            </span>
          )}
          {hint && <span class="hint">{hint}</span>}
          <span class="buttons">
            {index > 0 && step.advance.on === 'next' && (
              <button type="button" class="secondary" {...guard.on(onBack)}>
                Back
              </button>
            )}
            {(step.advance.on === 'next' || centered) && (
              <button type="button" class="primary" {...guard.on(onNext)}>
                {last ? 'Done' : 'Next'}
              </button>
            )}
          </span>
        </div>
      </div>
    </>
  );
}
