import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ReviewRow } from '@/lib/export/review';
import { type BandFilter, type Sort, type SortKey, firstDirection } from '@/lib/export/view';
import { BandBar } from './Band';
import { MARK } from './useReview';

const pct = (x: number) => `${Math.round(x * 100)}%`;

const COLUMNS: { key: SortKey; label: string; title?: string }[] = [
  { key: 'account', label: 'Account' },
  { key: 'users', label: 'Users' },
  { key: 'mean', label: 'Mean score' },
  { key: 'median', label: 'Median score' },
  { key: 'green', label: 'Green', title: 'Share of users in the green band' },
  { key: 'yellow', label: 'Yellow', title: 'Share of users in the yellow band' },
  { key: 'red', label: 'Red', title: 'Share of users in the red band' },
  { key: 'ready', label: 'Expansion-ready' },
  { key: 'alerts', label: 'Usage-drop alerts' },
  { key: 'ttv', label: 'Median time to value' },
];

interface Props {
  rows: ReviewRow[];
  total: number;
  sort: Sort;
  onSort: (s: Sort) => void;
  text: string;
  onText: (t: string) => void;
  band: BandFilter;
  onBand: (b: BandFilter) => void;
  onOpen: (row: ReviewRow) => void;
  onDownload: () => void;
}

/** The roll-up per account: sortable by every numeric column (aria-sort), filterable by name and band. */
export function AccountTable({ rows, total, sort, onSort, text, onText, band, onBand, onOpen, onDownload }: Props) {
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    // Forces layout, so the benchmark's "rendered" mark covers the browser's work too.
    void table.current?.offsetHeight;
    performance.mark(MARK.rendered);
  }, [rows]);
  const click = (key: SortKey) => onSort({ key, dir: sort.key === key ? (sort.dir === 'ascending' ? 'descending' : 'ascending') : firstDirection(key) });
  return (
    <>
      <div class="row filters">
        <label>
          Filter accounts <input type="search" value={text} onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          Users in band{' '}
          <select value={band} onChange={(e) => onBand((e.currentTarget as HTMLSelectElement).value as BandFilter)}>
            <option value="all">any band</option>
            <option value="red">red</option>
            <option value="yellow">yellow</option>
            <option value="green">green</option>
          </select>
        </label>
        <button type="button" class="secondary" onClick={onDownload}>
          Download roll-up (CSV)
        </button>
      </div>
      <div class="scroll">
        <table class="data accounts" ref={table} data-testid="account-table">
          <caption>
            Accounts: {rows.length === total ? `${total}` : `${rows.length} of ${total}`}. Select a column header to sort, an account to see its users.
          </caption>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} class={`col-${c.key}`} />
            ))}
            <col class="col-least" />
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.dir : undefined} title={c.title}>
                  <button type="button" class="sort" onClick={() => click(c.key)} data-sort={c.key}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">Least-adopted core features</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-account={r.account}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => onOpen(r)}>
                    {r.account}
                  </button>
                  <BandBar share={r.bandShare} />
                </th>
                <td class="num" data-col="users">{r.users}</td>
                <td class="num" data-col="mean">{r.meanScore}</td>
                <td class="num" data-col="median">{r.medianScore}</td>
                <td class="num" data-col="green">{pct(r.bandShare.green)}</td>
                <td class="num" data-col="yellow">{pct(r.bandShare.yellow)}</td>
                <td class="num" data-col="red">{pct(r.bandShare.red)}</td>
                <td class="num" data-col="ready">{r.expansionReady}</td>
                <td class="num" data-col="alerts">{r.usageDropAlerts}</td>
                <td class="num" data-col="ttv">{r.medianTtvDays === null ? '—' : `${r.medianTtvDays} d`}</td>
                <td data-col="least">{r.leastAdopted.map((f) => `${f.name} (${pct(f.adoption)})`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
