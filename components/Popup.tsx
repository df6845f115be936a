import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import { urlMatchesAny } from '@/lib/playbook/match-url';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { Playbook } from '@/lib/playbook/schema';
import type { UserSummary } from '@/lib/types';
import { ClockBanner } from './ClockBanner';
import { withoutInternal } from './features';
import { GettingStarted, NotCovered } from './popup/EmptyStates';
import { actionFor } from './popup/next-action';
import { TabActionButton } from './popup/TabActionButton';
import { type TargetTab, targetTab } from './popup/tab';
import { Progress, Who } from './Progress';
import { ShareProgress } from './ShareProgress';
import { StorageWarning } from './StorageWarning';

type State =
  | { kind: 'loading' }
  | { kind: 'empty'; reason: string; covered: boolean; playbook: Playbook | null; tab: TargetTab | null }
  | { kind: 'data'; summary: UserSummary; playbook: Playbook | null; tab: TargetTab | null }
  | { kind: 'error'; message: string };

async function load(): Promise<State> {
  const tab = await targetTab();
  const url = tab?.url ?? '';
  const [r, info] = await Promise.all([request<'ui:summary'>({ type: 'ui:summary', url }), request<'ui:get-playbook'>({ type: 'ui:get-playbook' })]);
  const parsed = parsePlaybook(info.text);
  const playbook = parsed.ok ? parsed.playbook : null;
  if (!r.summary) return { kind: 'empty', reason: r.reason ?? '', covered: playbook !== null && urlMatchesAny(playbook.app.matches, url), playbook, tab };
  return { kind: 'data', summary: playbook ? withoutInternal(r.summary, playbook) : r.summary, playbook, tab };
}

/** The next step's button already opens the checklist: no second one. */
const nextIsChecklist = (s: Extract<State, { kind: 'data' }>) => {
  const step = s.summary.score?.nextStep;
  if (!step || !s.playbook) return false;
  const reached = new Set(s.summary.milestones.filter((m) => m.reachedAt !== null).map((m) => m.id));
  return actionFor(s.playbook, step, reached).kind === 'checklist';
};

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    load().then(setState, (e: Error) => setState({ kind: 'error', message: e.message }));
  }, []);

  return (
    <main class="popup">
      <header>
        <h1>Uptake</h1>
        {state.kind === 'data' && <Who summary={state.summary} />}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Console
        </a>
      </header>
      <ClockBanner />
      <StorageWarning />
      {state.kind === 'loading' && <p aria-busy="true">Loading your progress…</p>}
      {state.kind === 'empty' && !state.covered && <NotCovered reason={state.reason} />}
      {state.kind === 'empty' && state.covered && <GettingStarted reason={state.reason} playbook={state.playbook} tab={state.tab} />}
      {state.kind === 'error' && <p role="alert">Uptake could not load your progress: {state.message}</p>}
      {state.kind === 'data' && <Progress summary={state.summary} playbook={state.playbook} tab={state.tab} compact />}
      {state.kind === 'data' && (
        <div class="row actions">
          {state.tab && state.playbook?.theme.checklist && !nextIsChecklist(state) && <TabActionButton tab={state.tab} action={{ kind: 'checklist' }} label="Open the checklist" secondary />}
          <ShareProgress />
        </div>
      )}
    </main>
  );
}
