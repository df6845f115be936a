import type { SelfCostRecord } from '@/lib/store/self-cost';
import { formatWhen } from '../format';

const ms = (x: number) => (x < 1 ? x.toFixed(2) : x.toFixed(1));

/** What Uptake costs the app: its own main-thread time per page, as its content script measured it. */
export function SelfCost({ records }: { records: SelfCostRecord[] }) {
  if (records.length === 0) {
    return (
      <p class="empty" data-testid="self-cost-empty">
        No page has reported yet. Open your app: each page reports the time Uptake's own code took on it.
      </p>
    );
  }
  const total = records.reduce((n, r) => n + r.totalMs, 0);
  const runs = records.reduce((n, r) => n + r.runs, 0);
  const long = records.reduce((n, r) => n + r.longRuns, 0);
  return (
    <>
      <p data-testid="self-cost-summary">
        Over the last {records.length} page{records.length === 1 ? '' : 's'}: {ms(total)} ms of main-thread time in {runs} handler runs (
        {runs ? ms(total / runs) : '0'} ms each on average), {long} over 50 ms.
      </p>
      <table class="features" data-testid="self-cost">
        <caption class="sr-only">Uptake's main-thread time per page</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Page</th>
            <th scope="col">Open for</th>
            <th scope="col">Uptake time</th>
            <th scope="col">Runs</th>
            <th scope="col">Longest</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={`${r.ts}-${r.path}`}>
              <td>{formatWhen(r.ts)}</td>
              <td>{r.path}</td>
              <td>{Math.round(r.pageMs / 1000)} s</td>
              <td>{ms(r.totalMs)} ms</td>
              <td>{r.runs}</td>
              <td>{ms(r.maxMs)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
