import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import { originPattern } from '@/lib/playbook/match-url';
import { formatErrors, parsePlaybook } from '@/lib/playbook/parse';
import type { PlaybookInfo } from '@/lib/protocol';

type Status = { kind: 'idle' } | { kind: 'saved'; app: string } | { kind: 'errors'; lines: string[] };

/**
 * Paste or pick a playbook, then save. Errors list one problem per line with its
 * JSON path; an invalid playbook never replaces the active one.
 */
export function PlaybookEditor() {
  const [info, setInfo] = useState<PlaybookInfo | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    request<'ui:get-playbook'>({ type: 'ui:get-playbook' }).then((i) => {
      setInfo(i);
      return i;
    });
  useEffect(() => {
    refresh().then((i) => setText(i.text));
  }, []);

  const pick = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setText(await file.text());
    setStatus({ kind: 'idle' });
  };

  const save = () => {
    const parsed = parsePlaybook(text);
    if (!parsed.ok) {
      setStatus({ kind: 'errors', lines: formatErrors(parsed.errors) });
      return;
    }
    setBusy(true);
    // Asked first, inside the click: browsers grant optional host permissions only during a user gesture.
    const origins = [...new Set(parsed.playbook.app.matches.map(originPattern))];
    const granted = browser.permissions.request({ origins }).catch(() => false);
    granted
      .then(() => request<'ui:set-playbook'>({ type: 'ui:set-playbook', text }))
      .then((r) => {
        setStatus(r.ok ? { kind: 'saved', app: r.app } : { kind: 'errors', lines: formatErrors(r.errors) });
        return refresh();
      })
      // No answer (the worker was stopped mid-save): saved if the stored playbook is this text.
      .catch((err: Error) =>
        refresh().then(
          (i) => setStatus(i.text === text ? { kind: 'saved', app: i.app.name } : { kind: 'errors', lines: [`(save): ${err.message}`] }),
          () => setStatus({ kind: 'errors', lines: [`(save): ${err.message}`] }),
        ),
      )
      .finally(() => setBusy(false));
  };

  const reset = () => {
    request<'ui:reset-playbook'>({ type: 'ui:reset-playbook' })
      .then(refresh)
      .then((i) => {
        setText(i.text);
        setStatus({ kind: 'saved', app: i.app.name });
      });
  };

  return (
    <section aria-labelledby="pb-h" class="card">
      <h2 id="pb-h">Playbook</h2>
      <p data-testid="active-playbook">
        {info
          ? `Active: ${info.app.name} (${info.source === 'built-in' ? 'the built-in demo playbook' : `saved ${new Date(info.savedAt ?? 0).toLocaleString()}`})`
          : 'Loading…'}
      </p>
      <label for="pb-text">Playbook JSON</label>
      <textarea id="pb-text" rows={18} spellcheck={false} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="row">
        <label>
          Or choose a file <input type="file" accept=".json,application/json" onChange={pick} />
        </label>
        <button type="button" onClick={save} disabled={busy}>
          Save playbook
        </button>
        {info?.source === 'saved' && (
          <button type="button" class="secondary" onClick={reset}>
            Use the built-in demo playbook
          </button>
        )}
      </div>
      {status.kind === 'errors' && (
        <div role="alert" class="errors">
          <p>The playbook was not saved; the active one stays in use. Fix these and save again:</p>
          <ul>
            {status.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'saved' && (
        <p role="status" class="ok">
          Saved. {status.app} is now active.
        </p>
      )}
    </section>
  );
}
