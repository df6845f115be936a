import type { Ref } from 'preact';
import type { MergedRecord } from '@/lib/export/merge';
import type { ReviewRow } from '@/lib/export/review';
import { useEffect, useRef } from 'preact/hooks';
import { BandBadge } from './Band';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Drill-down: one account's users, weakest first, with what explains each score, in a panel of its own (Escape closes it). */
export function AccountUsers({ row, merged, headingRef, onClose }: { row: ReviewRow; merged: readonly MergedRecord[]; headingRef: Ref<HTMLHeadingElement>; onClose: () => void }) {
  const users = merged.filter((m) => m.record.playbook.appId === row.app && m.record.account === row.account).sort((a, b) => a.record.score - b.record.score);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="drill-panel" aria-labelledby="drill-h" onClose={onClose}>
    <section aria-labelledby="drill-h" class="drill" data-testid="account-users">
      <div class="row">
        <h3 id="drill-h" tabIndex={-1} ref={headingRef}>
          Users of {row.account} <span class="muted">({row.appName})</span>
        </h3>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <div class="scroll">
        <table class="data users">
          <caption>
            {users.length} {users.length === 1 ? 'user' : 'users'}, lowest score first
          </caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
              <th scope="col">Stage</th>
              <th scope="col">Time to value</th>
              <th scope="col">Usage drop</th>
              <th scope="col">Expansion</th>
              <th scope="col">What moved the score</th>
              <th scope="col">Exported</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {users.map(({ record: r, source }) => (
              <tr key={r.user} data-user={r.user}>
                <th scope="row">{r.user}</th>
                <td>{r.score}</td>
                <td>
                  <BandBadge band={r.band} />
                </td>
                <td>{r.stage}</td>
                <td>{r.ttvDays === null ? 'not yet' : `${r.ttvDays} d`}</td>
                <td>{r.usageDrop.active ? `alert: −${Math.round(r.usageDrop.drop * 100)}%` : 'no'}</td>
                <td>{r.expansion.ready ? (r.expansion.csmFlag ? 'ready (CSM to act)' : 'ready') : 'not yet'}{r.expansion.signals.length ? ` — ${r.expansion.signals.join('; ')}` : ''}</td>
                <td>{r.reasons.map((x) => x.text).join('; ') || '—'}</td>
                <td>{when(r.exportedAt)}</td>
                <td>{source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
    </dialog>
  );
}
