import { formatWhen } from '../format';
import { SelfCost } from './SelfCost';
import { useRequest } from './useRequest';

/**
 * Problems the playbook author can fix: for now, guide steps whose element could not
 * be found on a page (reported by the guidance widget through `ui:diagnostics`).
 * Add further kinds of problem as their own sections below the table.
 */
export function Diagnostics() {
  const state = useRequest('ui:diagnostics');
  return (
    <section aria-labelledby="diag-h" class="card">
      <h2 id="diag-h">Diagnostics</h2>
      <h3 id="anchors-h">Guide steps that could not be shown</h3>
      {state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'error' && <p role="alert">Uptake could not load the diagnostics: {state.message}</p>}
      {state.kind === 'data' && state.data.failures.length === 0 && (
        <p class="empty" data-testid="diagnostics-empty">
          No problems recorded. When a guide step cannot find its element on a page, it is listed here with the page and the reason, so the playbook
          can be fixed.
        </p>
      )}
      {state.kind === 'data' && state.data.failures.length > 0 && (
        <table class="features" aria-labelledby="anchors-h" data-testid="diagnostics">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Guide</th>
              <th scope="col">Step</th>
              <th scope="col">Page</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {state.data.failures.map((f, i) => (
              <tr key={f.id ?? i}>
                <td>{formatWhen(f.ts)}</td>
                <td>{f.guide}</td>
                <td>{f.step}</td>
                <td>{f.path}</td>
                <td>{f.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.kind === 'data' && state.data.refused.count > 0 && (
        <p data-testid="diagnostics-refused">
          {state.data.refused.count} captured item{state.data.refused.count === 1 ? ' was' : 's were'} refused as invalid (the rest of their batches were
          stored); last {state.data.refused.lastAt === null ? '' : formatWhen(state.data.refused.lastAt)}: {state.data.refused.lastReason}
        </p>
      )}
      <h3 id="cost-h">What Uptake costs your app</h3>
      {state.kind === 'data' && <SelfCost records={state.data.selfCost} />}
    </section>
  );
}
