import { useEffect, useState } from 'preact/hooks';
import { writeRecordsCsv } from '@/lib/export/csv-record';
import { exportFileName } from '@/lib/export/filename';
import { writeExportJson } from '@/lib/export/write-json';
import { request } from '@/lib/messaging';
import { parsePlaybook } from '@/lib/playbook/parse';
import { downloadText } from '../download';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string; records: number } | { kind: 'error'; message: string };

/**
 * Export the scores recorded in this browser: JSON (validated on import, schema in
 * export.schema.json) or a spreadsheet-safe CSV, one record per user per app.
 */
export function ExportPanel() {
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const [hash, setHash] = useState(false);
  const [hashedByPlaybook, setHashedByPlaybook] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    request<'ui:get-playbook'>({ type: 'ui:get-playbook' }).then((info) => {
      const parsed = parsePlaybook(info.text);
      setHashedByPlaybook(parsed.ok && parsed.playbook.app.identity.hash);
    });
  }, []);

  const run = (format: 'json' | 'csv') => {
    setStatus({ kind: 'busy' });
    request<'ui:export'>({ type: 'ui:export', scope, hashIdentities: hash })
      .then(({ file, reason }) => {
        if (!file) return setStatus({ kind: 'error', message: reason ?? 'Nothing to export.' });
        const first = file.records[0]!;
        const name = exportFileName({ app: first.playbook.appId, user: scope === 'current' ? first.user : undefined }, format, Date.parse(file.exportedAt));
        if (format === 'json') downloadText(name, writeExportJson(file), 'application/json');
        else downloadText(name, writeRecordsCsv(file.records), 'text/csv');
        setStatus({ kind: 'done', name, records: file.records.length });
      })
      .catch((e: Error) => setStatus({ kind: 'error', message: e.message }));
  };

  return (
    <section aria-labelledby="export-h" class="card">
      <h2 id="export-h">Export adoption scores</h2>
      <p>
        One record per user: score, band and stage, the components and points behind the score, reasons, features used, milestones with dates, time
        to value, usage-drop alert, expansion readiness with its signals, and the playbook and scoring versions. Send the file to your
        customer-success manager, or load it on the Review tab.
      </p>
      <fieldset>
        <legend>Whose scores</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Everyone recorded in this browser
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'current'} onChange={() => setScope('current')} /> Only the current user
        </label>
      </fieldset>
      <label>
        <input type="checkbox" checked={hash || hashedByPlaybook} disabled={hashedByPlaybook} onChange={(e) => setHash((e.currentTarget as HTMLInputElement).checked)} /> Hash
        identities in this export
      </label>
      <p class="muted">
        {hashedByPlaybook
          ? 'The playbook already stores account and user as SHA-256 hashes.'
          : 'Replaces account and user with SHA-256 hashes (salted with the app id, as a playbook with "hash": true does), so the file names nobody.'}
      </p>
      <div class="row">
        <button type="button" onClick={() => run('json')} disabled={status.kind === 'busy'}>
          Download JSON
        </button>
        <button type="button" onClick={() => run('csv')} disabled={status.kind === 'busy'}>
          Download CSV
        </button>
      </div>
      <p role="status" data-testid="export-status">
        {status.kind === 'done' && `Saved ${status.name} with ${status.records} ${status.records === 1 ? 'record' : 'records'}.`}
        {status.kind === 'error' && status.message}
      </p>
    </section>
  );
}
