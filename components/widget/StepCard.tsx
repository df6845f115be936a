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
  /** Reached with Back: the user did this step's action already, so a Next button shows and a reached route does not skip it. */
  back?: boolean;
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

/** A name for a hint, on one line and short: it is the page's text, shown as text. */
const clip = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}

/** One step of a guide: waits for its element, points at it, and moves on the way the playbook says. */
export function StepCard({ host, guide, index, loc, focus, back, onNext: next, onBack, onClose }: StepCardProps) {
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
  const first = useRef(true);
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
    if (adv.on === 'route' && host.atRoute(adv.path) && !(back && first.current)) onNext();
    first.current = false;
  }, [loc, index]);

  const dismiss = () => onClose('dismissed');
  useTabCycle(card, target, dismiss);

  const last = index === total - 1;
  const titleId = `t-${guide.id}-${index}`;
  const bodyId = `b-${guide.id}-${index}`;
  const centered = phase.kind === 'centered';
  const waiting = phase.kind === 'waiting';
  const tour = guide.kind === 'tour';
  const adv = step.advance;
  // The action named as the user sees it: the element's name, the link or path to go to, the feature's name.
  const named =
    adv.on === 'click' ? target && host.nameOf(target) : adv.on === 'route' ? (target?.closest('a[href]') && host.nameOf(target)) || adv.path : adv.on === 'feature' && host.playbook.features.find((f) => f.id === adv.feature)?.name;
  const what = step.anchor?.name ?? step.anchor?.text;
  return (
    <>
      {target && !hidden && !blocked && (
        // The dimmed area (.dim) takes clicks so they do nothing, and keeps focus where it was; the cut-out lets them through.
        <div class={`ring${step.backdrop ?? guide.backdrop ? ' dim' : ''}`} ref={ringRef} aria-hidden="true" onMouseDown={(e) => e.preventDefault()} />
      )}
      <div
        ref={card}
        class={`card${centered || waiting ? ' centered' : ''}${waiting ? ' waiting' : ''}`}
        role="dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabindex={-1}
        hidden={blocked}
        data-guide={guide.id}
        data-step={step.id}
        // The waiting card shows after a delay (widget.css): a keyboard user's focus follows it then.
        onAnimationEnd={(e) => focus && e.currentTarget.focus({ preventScroll: true })}
      >
        {!centered && !waiting && <div class="arrow" ref={arrowRef} aria-hidden="true" />}
        <div class="head">
          <h2 id={titleId}>{step.title}</h2>
          <button type="button" class="close" aria-label={`Close ${tour ? 'tour' : 'tip'}`} {...guard.on(dismiss)}>
            ×
          </button>
        </div>
        {waiting ? (
          <p id={bodyId} class="note">
            {what ? ['Waiting for ', <b key="w">{clip(what)}</b>, ' to appear…'] : 'Waiting for the page to show this step…'}
          </p>
        ) : (
          <p id={bodyId} class="body">
            <Markdown source={step.body} />
          </p>
        )}
        {centered && phase.note && <p class="note">{phase.note}</p>}
        {hidden && <p class="note">Scroll to bring the highlighted item back into view.</p>}
        {adv.on !== 'next' && !waiting && (
          <p class="note">
            {named ? [adv.on === 'click' ? 'Click ' : adv.on === 'route' ? 'Go to ' : 'To continue: ', <b key="n">{clip(named)}</b>, adv.on === 'feature' ? '.' : ' to continue.'] : 'Click the highlighted item to continue.'}
          </p>
        )}
        <div class="foot">
          {total > 1 && (
            <>
              <span class="dots" aria-hidden="true">
                {guide.steps.map((s, i) => (
                  <i key={s.id} class={i === index ? 'on' : undefined} />
                ))}
              </span>
              <span class="sr-only">
                {index + 1} of {total}
              </span>
            </>
          )}
          {tour && (
            <button type="button" class="skip" {...guard.on(dismiss)}>
              Skip tour
            </button>
          )}
          <span class="buttons">
            {index > 0 && (
              <button type="button" class="secondary" {...guard.on(onBack)}>
                Back
              </button>
            )}
            {!waiting && (adv.on === 'next' || centered || back) && (
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
