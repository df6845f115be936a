import type { MergedRecord } from '@/lib/export/merge';
import type { ReviewRow } from '@/lib/export/review';
import { BandBar } from './Band';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why an account needs a CSM now, or null: red users, a usage drop, a low mean. */
export function attentionReason(r: ReviewRow): string | null {
  const parts: string[] = [];
  if (r.bandShare.red >= 0.5) parts.push(`${pct(r.bandShare.red)} of users red`);
  if (r.usageDropAlerts > 0) parts.push(`usage dropping for ${plural(r.usageDropAlerts, 'user')}`);
  if (parts.length === 0 && r.meanScore < 40) parts.push(`mean score ${r.meanScore}`);
  return parts.length ? parts.join('; ') : null;
}

const ATTENTION = 6;

/** The book of business in five seconds: headline figures, the band split, the score spread, and who needs attention. */
export function ReviewOverview({ rows, records, onOpen }: { rows: readonly ReviewRow[]; records: readonly MergedRecord[]; onOpen: (row: ReviewRow) => void }) {
  const n = records.length;
  const bands = { green: 0, yellow: 0, red: 0 };
  const bins = new Array<number>(10).fill(0);
  let sum = 0;
  for (const { record: r } of records) {
    bands[r.band]++;
    bins[Math.min(9, Math.floor(r.score / 10))]!++;
    sum += r.score;
  }
  const ready = rows.reduce((a, r) => a + r.expansionReady, 0);
  const alerts = rows.reduce((a, r) => a + r.usageDropAlerts, 0);
  const peak = Math.max(1, ...bins);
  const attention = rows
    .map((r) => ({ r, why: attentionReason(r) }))
    .filter((x): x is { r: ReviewRow; why: string } => x.why !== null)
    .sort((a, b) => b.r.bandShare.red - a.r.bandShare.red || b.r.usageDropAlerts - a.r.usageDropAlerts || a.r.meanScore - b.r.meanScore);
  const share = n ? { green: bands.green / n, yellow: bands.yellow / n, red: bands.red / n } : { green: 0, yellow: 0, red: 0 };
  return (
    <div class="overview" data-testid="review-overview">
      <dl class="figures">
        <div>
          <dt>Users</dt>
          <dd data-figure="users">{n}</dd>
        </div>
        <div>
          <dt>Accounts</dt>
          <dd data-figure="accounts">{rows.length}</dd>
        </div>
        <div>
          <dt>Mean score</dt>
          <dd data-figure="mean">{n ? Math.round(sum / n) : '—'}</dd>
        </div>
        <div>
          <dt>Expansion-ready</dt>
          <dd data-figure="ready">{ready}</dd>
        </div>
        <div>
          <dt>Usage-drop alerts</dt>
          <dd data-figure="alerts">{alerts}</dd>
        </div>
      </dl>
      <div class="split">
        <h3 id="split-h">Users by band</h3>
        <BandBar share={share} />
        <p class="legend" data-testid="band-split">
          {(['green', 'yellow', 'red'] as const).map((b) => (
            <span key={b}>
              <span class={`key key-${b}`} /> {b[0]!.toUpperCase() + b.slice(1)} {bands[b]} ({pct(share[b])})
            </span>
          ))}
        </p>
      </div>
      <div class="histogram">
        <h3 id="hist-h">Score distribution</h3>
        <ol class="bins" aria-labelledby="hist-h" data-testid="histogram">
          {bins.map((c, i) => (
            <li key={i} title={`${plural(c, 'user')} scored ${i * 10}–${i === 9 ? 100 : i * 10 + 9}`}>
              <span class="bin" style={{ height: `${(c / peak) * 100}%` }} />
              <span class="count">{c}</span>
              <span class="range">{i * 10}</span>
            </li>
          ))}
        </ol>
      </div>
      <div class="attention">
        <h3 id="attention-h">Needs attention</h3>
        {attention.length === 0 ? (
          <p class="muted" data-testid="attention-empty">
            No account is mostly red or dropping.
          </p>
        ) : (
          <ul aria-labelledby="attention-h" data-testid="attention">
            {attention.slice(0, ATTENTION).map(({ r, why }) => (
              <li key={r.key} data-account={r.account}>
                <button type="button" class="link" onClick={() => onOpen(r)}>
                  {r.account}
                </button>{' '}
                <span class="why">{why}</span>
              </li>
            ))}
            {attention.length > ATTENTION && <li class="muted">and {plural(attention.length - ATTENTION, 'more account')}: sort the table by Red</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
