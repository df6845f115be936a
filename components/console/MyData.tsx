import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { ScoreHistory } from '@/lib/protocol';
import type { UserSummary } from '@/lib/types';
import { withoutInternal } from '../features';
import { Progress } from '../Progress';
import { ScoreChart } from './ScoreChart';

type State = { kind: 'loading' } | { kind: 'empty'; reason: string } | { kind: 'data'; summary: UserSummary; history: ScoreHistory } | { kind: 'error'; message: string };

/** The current user's score, its history as a chart and a table, and what was recorded: the popup's view, with time. */
export function MyData() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    // The summary first: it rescores, so today's entry of the history is current.
    request<'ui:summary'>({ type: 'ui:summary' })
      .then(async (r) => {
        if (!r.summary) return setState({ kind: 'empty', reason: r.reason ?? 'Nothing recorded yet.' });
        const [history, info] = await Promise.all([request<'ui:score-history'>({ type: 'ui:score-history' }), request<'ui:get-playbook'>({ type: 'ui:get-playbook' })]);
        const parsed = parsePlaybook(info.text);
        setState({ kind: 'data', summary: parsed.ok ? withoutInternal(r.summary, parsed.playbook) : r.summary, history });
      })
      .catch((e: Error) => setState({ kind: 'error', message: e.message }));
  }, []);

  return (
    <section aria-labelledby="mydata-h" class="card">
      <h2 id="mydata-h">My data</h2>
      {state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'empty' && <p class="empty">{state.reason}</p>}
      {state.kind === 'error' && <p role="alert">Uptake could not load your data: {state.message}</p>}
      {state.kind === 'data' && (
        <>
          <h3>Score over time</h3>
          <ScoreChart days={state.history.days} />
          <details>
            <summary>Score history as a table</summary>
            <table class="features" data-testid="history-table">
              <caption class="sr-only">Daily adoption score</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Score</th>
                  <th scope="col">Band</th>
                  <th scope="col">Stage</th>
                </tr>
              </thead>
              <tbody>
                {state.history.days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{d.score}</td>
                    <td>{d.band}</td>
                    <td>{d.stage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <Progress summary={state.summary} />
        </>
      )}
    </section>
  );
}
