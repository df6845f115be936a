import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CommandOutcome, ShownNudge, WidgetCommand, WidgetHost } from '@/lib/guides/host';
import type { Guide } from '@/lib/playbook/guides-schema';
import type { WidgetState } from '@/lib/store/guides';
import { Checklist } from './Checklist';
import { Done } from './Done';
import { Hotspot } from './Hotspot';
import { NudgeCard } from './NudgeCard';
import { StepCard } from './StepCard';
import { useGo } from './useGo';
import { useLocation } from './useLocation';

interface Active {
  guide: string;
  index: number;
  /** The user moved here with the keyboard: the step's card takes focus. */
  focus?: boolean;
  /** Reached with Back. */
  back?: boolean;
}

/** The guide a user was in the middle of (the latest still active), to resume after a reload. */
function resumable(host: WidgetHost, state: WidgetState): Active | null {
  const open = state.guides.filter((g) => g.status === 'active').sort((a, b) => b.updatedAt - a.updatedAt)[0];
  const guide = open && host.playbook.guides.find((g) => g.id === open.guide);
  return guide && open.step < guide.steps.length ? { guide: guide.id, index: open.step } : null;
}

interface Props {
  host: WidgetHost;
  onCommand(fn: (c: WidgetCommand) => CommandOutcome): void;
}

export function Widget({ host, onCommand }: Props) {
  const pb = host.playbook;
  const [state, setState] = useState(host.state());
  const [active, setActive] = useState<Active | null>(() => resumable(host, host.state()));
  const loc = useLocation();
  const returnFocus = useRef<Element | null>(null);
  const [shown, setShown] = useState<ShownNudge | null>(null);
  useEffect(() => host.subscribe(setState), []);
  useEffect(() => host.onNudge(setShown), []);
  const [done, setDone] = useState<{ guide: Guide; focus: boolean } | null>(null);
  // Also while a finished tour says so: no nudge pops up over that card.
  useEffect(() => host.setBusy(!!(active || done)), [active, done]);
  const [go, pointer] = useGo(host);

  const start = useCallback((guide: string, focus: boolean) => {
    returnFocus.current ??= document.activeElement;
    setActive({ guide, index: 0, focus });
    host.saveGuide(guide, 0, 'active');
  }, []);
  const finish = (guide: Guide, status: 'completed' | 'dismissed', index: number, focus = false) => {
    setActive(null);
    host.saveGuide(guide.id, index, status);
    if (status === 'completed') {
      host.guideCompleted(guide.id);
      // A finished tour says so; focus goes back when that card closes.
      if (guide.kind === 'tour') return setDone({ guide, focus });
    }
    restore();
  };
  const restore = () => {
    const back = returnFocus.current;
    returnFocus.current = null;
    // Only focus the widget holds goes back: a tour ended on the page leaves focus where the user put it.
    if (back instanceof HTMLElement && back.isConnected && [back, document.body].includes(document.activeElement as HTMLElement)) back.focus({ preventScroll: true });
  };

  const [opened, setOpened] = useState(0);
  const hasChecklist = pb.theme.checklist && pb.milestones.length > 0;
  // The popup's buttons, from the user's click there: the extension asked, not the page.
  onCommand((c) => {
    if (c.kind === 'checklist') {
      if (!hasChecklist) return 'no-checklist';
      setOpened((n) => n + 1);
      return 'done';
    }
    const m = pb.milestones.find((x) => x.id === c.milestone);
    if (!m?.guide || !pb.guides.some((g) => g.id === m.guide)) return 'no-guide';
    start(m.guide, true);
    return 'done';
  });

  const guide = active ? pb.guides.find((g) => g.id === active.guide) : undefined;
  const status = new Map(state.guides.map((g) => [g.guide, g.status]));
  const hotspots = pb.guides.filter(
    (g) =>
      g.kind === 'hotspot' &&
      g.id !== active?.guide &&
      !['completed', 'dismissed'].includes(status.get(g.id) ?? '') &&
      (!g.routes || g.routes.some((r) => host.atRoute(r))),
  );

  return (
    <>
      {hasChecklist && <Checklist host={host} state={state} onShowMe={start} onGo={go} opened={opened} />}
      {pointer}
      {hotspots.map((g) => (
        <Hotspot key={g.id} host={host} guide={g} loc={loc} onOpen={(focus) => start(g.id, focus)} />
      ))}
      {shown && !active && <NudgeCard key={shown.nudge.id} host={host} shown={shown} state={state} onStartGuide={start} onGo={go} />}
      {guide && active && (
        <StepCard
          key={`${guide.id}:${active.index}`}
          host={host}
          guide={guide}
          index={active.index}
          loc={loc}
          focus={active.focus}
          back={active.back}
          onNext={(focus) => {
            const next = active.index + 1;
            if (next >= guide.steps.length) return finish(guide, 'completed', active.index, focus);
            setActive({ guide: guide.id, index: next, focus });
            host.saveGuide(guide.id, next, 'active');
          }}
          onBack={() => setActive({ guide: guide.id, index: Math.max(0, active.index - 1), focus: true, back: true })}
          onClose={() => finish(guide, 'dismissed', active.index)}
        />
      )}
      {done && !active && (
        <Done
          key={done.guide.id}
          {...done}
          onClose={() => {
            setDone(null);
            restore();
          }}
        />
      )}
    </>
  );
}
