import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WidgetHost } from '@/lib/guides/host';
import { itemAction } from '@/lib/guides/item-action';
import type { Milestone } from '@/lib/playbook/schema';
import type { GuideStatus } from '@/lib/store/db';
import type { WidgetState } from '@/lib/store/guides';
import { clearCorner } from './clear-corner';
import { trusted } from './useGuard';
import { useTopLayer } from './useTopLayer';

interface Props {
  host: WidgetHost;
  state: WidgetState;
  onShowMe(guide: string, focus: boolean): void;
  onGo(m: Milestone, focus: boolean): void;
  /** Bumped when the popup asks for the checklist: it opens with focus in it, hidden or not. */
  opened: number;
}

/** The checklist's own record (not a guide id): "dismissed" by the user, "completed" once celebrated, "active" reopened. */
const OWN = '~checklist';
/** How long the 100% celebration shows before the checklist hides itself (longer while pointer or focus is in it). */
const PARTY_MS = 5000;

const dateOf = (ts: number) => new Date(ts).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** The onboarding checklist: a launcher with progress that expands to the playbook's milestones. */
export function Checklist({ host, state, onShowMe, onGo, opened }: Props) {
  const { playbook } = host;
  // 'key': opened with the keyboard, so focus moves into the panel.
  const [open, setOpen] = useState<boolean | 'key'>(false);
  const [mine, setMine] = useState<GuideStatus>();
  const box = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const blocked = useTopLayer(panel, null);
  const { corner, offset } = playbook.theme.launcher;
  const [side, setSide] = useState(corner);
  const reached = new Map(state.milestones.map((m) => [m.id, m.reachedAt]));
  const done = playbook.milestones.filter((m) => reached.has(m.id)).length;
  const total = playbook.milestones.length;
  const own = mine ?? state.guides.find((g) => g.guide === OWN)?.status;
  const complete = done === total;
  const party = complete && !own;
  const save = (s: GuideStatus) => {
    setMine(s);
    host.saveGuide(OWN, 0, s);
  };
  const close = () => {
    setOpen(false);
    if (party) save('completed');
  };
  useEffect(() => {
    if (!opened) return;
    setOpen('key');
    if (own && own !== 'active') save('active');
  }, [opened]);
  useEffect(() => {
    if (open === 'key') panel.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!party) return;
    const t = setInterval(() => panel.current?.matches(':hover,:focus-within') || save('completed'), PARTY_MS);
    return () => clearInterval(t);
  }, [party]);
  const shown = !!open || party;
  // Opened over the app's primary action: move to a corner where the panel leaves it clear.
  useLayoutEffect(() => {
    if (shown && box.current && panel.current) setSide(clearCorner(box.current, panel.current, corner));
  }, [shown]);
  if (own === 'dismissed' || (complete && own === 'completed')) return null;

  return (
    <div ref={box} class={`checklist ${side}`} style={{ '--lx': `${offset.x}px`, '--ly': `${offset.y}px` }} hidden={blocked}>
      {shown && (
        <section
          class="panel"
          id="uptake-checklist"
          aria-labelledby="uptake-checklist-h"
          tabindex={-1}
          ref={panel}
          onKeyDown={(e) => {
            if (e.isTrusted && e.key === 'Escape') {
              launcher.current?.focus();
              close();
            }
          }}
        >
          <div class="head">
            <h2 id="uptake-checklist-h">Getting started with {playbook.app.name}</h2>
            <button type="button" class="close" aria-label="Close checklist" onClick={trusted(close)}>
              ×
            </button>
          </div>
          <div class="bar" role="progressbar" aria-label="Milestones reached" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
            <span style={{ width: `${(100 * done) / total}%` }} />
          </div>
          {party && (
            <p class="party" role="status">
              All done: you are set up!
            </p>
          )}
          <ul>
            {playbook.milestones.map((m) => {
              const at = reached.get(m.id);
              const act = at === undefined && itemAction(playbook, m);
              const label = act && (act.guide ? 'Show me' : 'Go there');
              return (
                <li key={m.id} data-milestone={m.id} data-reached={at !== undefined}>
                  <span class="tick" aria-hidden="true">
                    {at !== undefined ? '✓' : ''}
                  </span>
                  <span class="label">
                    {m.name}
                    {at !== undefined && <span class="sr-only"> — done</span>}
                    {m.description && <span class="desc">{m.description}</span>}
                  </span>
                  {at !== undefined ? (
                    <span class="when">{dateOf(at)}</span>
                  ) : (
                    act && (
                      <button
                        type="button"
                        class="show-me"
                        aria-label={`${label}: ${m.name}`}
                        onClick={trusted((e: MouseEvent) => {
                          setOpen(false);
                          if (act.guide) onShowMe(act.guide, e.detail === 0);
                          else onGo(m, e.detail === 0);
                        })}
                      >
                        {label}
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
          <button type="button" class="link" onClick={trusted(() => save('dismissed'))}>
            Hide checklist
          </button>
        </section>
      )}
      <button
        type="button"
        class="launcher"
        ref={launcher}
        aria-expanded={shown}
        aria-controls="uptake-checklist"
        onClick={trusted((e: MouseEvent) => (shown ? close() : setOpen(e.detail === 0 ? 'key' : true)))}
      >
        <span class="ring-progress" aria-hidden="true">
          {done}/{total}
        </span>
        <span>Getting started</span>
        <span class="sr-only">
          , {done} of {total} done
        </span>
      </button>
    </div>
  );
}
