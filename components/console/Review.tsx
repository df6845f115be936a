import { useRef, useState } from 'preact/hooks';
import { exportFileName } from '@/lib/export/filename';
import { problemText } from '@/lib/export/import';
import { writeRollupCsv } from '@/lib/export/rollup-csv';
import type { ReviewRow } from '@/lib/export/review';
import { type BandFilter, type Sort, filterRows, sortRows } from '@/lib/export/view';
import { downloadText } from '../download';
import { AccountTable } from './AccountTable';
import { AccountUsers } from './AccountUsers';
import { FileDrop } from './FileDrop';
import { Heatmap } from './Heatmap';
import { LoadedFiles } from './LoadedFiles';
import { ReviewOverview } from './ReviewOverview';
import type { ReviewState } from './useReview';

/**
 * The CSM review: drop many users' exports, read the roll-up per account, sort and
 * filter it, drill into an account's users, download the roll-up. Everything from a
 * file is rendered as text.
 */
export function Review({ state }: { state: ReviewState }) {
  const [sort, setSort] = useState<Sort>({ key: 'mean', dir: 'ascending' });
  const [text, setText] = useState('');
  const [band, setBand] = useState<BandFilter>('all');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const drill = useRef<HTMLHeadingElement>(null);
  const rows = sortRows(filterRows(state.review.rows, text, band), sort);
  const { merged } = state;

  // Looked up by key, so a re-merge (a file added or removed) shows the account's current numbers.
  const open = state.review.rows.find((r) => r.key === openKey) ?? null;
  const openAccount = (row: ReviewRow) => {
    setOpenKey(row.key);
    requestAnimationFrame(() => drill.current?.focus());
  };
  const downloadRollup = () => downloadText(exportFileName({ what: 'rollup', app: state.review.apps.length === 1 ? state.review.apps[0]!.app : 'accounts' }, 'csv', Date.now()), writeRollupCsv(rows), 'text/csv');

  return (
    <section aria-labelledby="review-h" class="card">
      <h2 id="review-h">Review exports</h2>
      <FileDrop onFiles={(f) => void state.add(f)} busy={state.busy} />
      {state.problems.length > 0 && (
        <div role="alert" class="errors" data-testid="file-problems">
          <p>
            {state.problems.length === 1 ? 'One file was' : `${state.problems.length} files were`} not loaded
            {state.files.length ? '; the other files are loaded' : ''}:
          </p>
          <ul>
            {state.problems.map((p, i) => (
              <li key={i} data-file={p.file}>
                {problemText(p.file, p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <LoadedFiles state={state} />
      {merged.records.length > 0 && (
        <>
          <p role="status" data-testid="review-summary">
            {merged.records.length} {merged.records.length === 1 ? 'user' : 'users'} in {state.review.rows.length}{' '}
            {state.review.rows.length === 1 ? 'account' : 'accounts'}
            {merged.duplicates ? `; ${merged.duplicates} duplicate ${merged.duplicates === 1 ? 'export' : 'exports'} counted once` : ''}
            {merged.superseded ? `; ${merged.superseded} older ${merged.superseded === 1 ? 'export' : 'exports'} replaced by a newer one` : ''}.
          </p>
          <ReviewOverview rows={state.review.rows} records={merged.records} onOpen={openAccount} />
          <AccountTable rows={rows} total={state.review.rows.length} sort={sort} onSort={setSort} text={text} onText={setText} band={band} onBand={setBand} onOpen={openAccount} onDownload={downloadRollup} />
          {open && <AccountUsers row={open} merged={merged.records} headingRef={drill} onClose={() => setOpenKey(null)} />}
          {state.review.apps.map((app) => (
            <Heatmap key={app.app} app={app} rows={rows.filter((r) => r.app === app.app)} multipleApps={state.review.apps.length > 1} />
          ))}
        </>
      )}
    </section>
  );
}
