import { useState } from 'preact/hooks';
import { exportFileName } from '@/lib/export/filename';
import { writeExportJson } from '@/lib/export/write-json';
import { request } from '@/lib/messaging';
import { downloadText } from './download';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

/** "Share my progress": the current user's export, the same file the options page makes, to send to a CSM. */
export function ShareProgress() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const share = () => {
    setStatus({ kind: 'busy' });
    request<'ui:export'>({ type: 'ui:export', scope: 'current', hashIdentities: false })
      .then(({ file, reason }) => {
        const record = file?.records[0];
        if (!file || !record) return setStatus({ kind: 'error', message: reason ?? 'Nothing to share yet.' });
        const name = exportFileName({ what: 'progress', app: record.playbook.appId, user: record.user }, 'json', Date.parse(file.exportedAt));
        downloadText(name, writeExportJson(file), 'application/json');
        setStatus({ kind: 'done', name });
      })
      .catch((e: Error) => setStatus({ kind: 'error', message: e.message }));
  };
  return (
    <div class="share">
      <button type="button" onClick={share} disabled={status.kind === 'busy'}>
        Share my progress
      </button>
      <p class="muted" role="status">
        {status.kind === 'done' && `Saved ${status.name}. Send it to your customer-success manager.`}
        {status.kind === 'error' && `Could not export: ${status.message}`}
      </p>
    </div>
  );
}
