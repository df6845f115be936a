import { useEffect, useRef, useState } from 'preact/hooks';
import type { Playbook } from '@/lib/playbook/schema';
import type { WidgetState } from '@/lib/store/guides';
import { trusted } from './useGuard';
import { useTopLayer } from './useTopLayer';

interface Props {
  playbook: Playbook;
  state: WidgetState;
  onShowMe(guide: string, focus: boolean): void;
  /** Bumped when the popup asks for the checklist: it opens with focus in it. */
  opened: number;
}

const dateOf = (ts: number) => new Date(ts).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** The onboarding checklist: a launcher with progress that expands to the playbook's milestones. */
export function Checklist({ playbook, state, onShowMe, opened }: Props) {
  // 'key': opened with the keyboard, so focus moves into the panel.
  const [open, setOpen] = useState<boolean | 'key'>(false);
  const panel = useRef<HTMLElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const blocked = useTopLayer(panel, null);
  useEffect(() => {
    if (opened) setOpen('key');
  }, [opened]);
  useEffect(() => {
    if (open === 'key') panel.current?.focus();
  }, [open]);
  const reached = new Map(state.milestones.map((m) => [m.id, m.reachedAt]));
  const done = playbook.milestones.filter((m) => reached.has(m.id)).length;
  const total = playbook.milestones.length;
  const { corner, offset } = playbook.theme.launcher;
  return (
    <div class={`checklist ${corner}`} style={{ '--lx': `${offset.x}px`, '--ly': `${offset.y}px` }} hidden={blocked}>
      {open && (
        <section
          class="panel"
          id="uptake-checklist"
          aria-labelledby="uptake-checklist-h"
          tabindex={-1}
          ref={panel}
          onKeyDown={(e) => {
            if (e.isTrusted && e.key === 'Escape') {
              launcher.current?.focus();
              setOpen(false);
            }
          }}
        >
          <div class="head">
            <h2 id="uptake-checklist-h">Getting started with {playbook.app.name}</h2>
            <button type="button" class="close" aria-label="Close checklist" onClick={trusted(() => setOpen(false))}>
              ×
            </button>
          </div>
          <div class="bar" role="progressbar" aria-label="Milestones reached" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
            <span style={{ width: `${total ? (100 * done) / total : 0}%` }} />
          </div>
          <ul>
            {playbook.milestones.map((m) => {
              const at = reached.get(m.id);
              return (
                <li key={m.id} data-milestone={m.id} data-reached={at !== undefined}>
                  <span class="tick" aria-hidden="true">
                    {at !== undefined ? '✓' : ''}
                  </span>
                  <span class="label">
                    {m.name}
                    {at !== undefined && <span class="sr-only"> — done</span>}
                  </span>
                  {at !== undefined ? (
                    <span class="when">{dateOf(at)}</span>
                  ) : (
                    m.guide && (
                      <button
                        type="button"
                        class="show-me"
                        aria-label={`Show me: ${m.name}`}
                        onClick={trusted((e: MouseEvent) => {
                          setOpen(false);
                          onShowMe(m.guide!, e.detail === 0);
                        })}
                      >
                        Show me
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <button
        type="button"
        class="launcher"
        ref={launcher}
        aria-expanded={!!open}
        aria-controls="uptake-checklist"
        onClick={trusted((e: MouseEvent) => setOpen(!open && (e.detail === 0 ? 'key' : true)))}
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
