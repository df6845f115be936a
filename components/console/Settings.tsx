import { ClockPreview } from './ClockPreview';
import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import type { StorageStats } from '@/lib/protocol';

type Note = { kind: 'none' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const describeStats = (s: StorageStats) =>
  [count(s.events, 'event'), count(s.rollups, 'daily count'), count(s.milestones, 'milestone'), count(s.meters, 'meter reading'), count(s.scores, 'daily score')].join(', ');

/** Pause capture; delete everything recorded (behind a confirmation). The playbook is never touched here. */
export function Settings() {
  const [paused, setPaused] = useState<boolean | null>(null);
  const [stats, setStats] = useState<StorageStats | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<Note>({ kind: 'none' });
  const refresh = () => request<'ui:storage-stats'>({ type: 'ui:storage-stats' }).then(setStats);
  useEffect(() => {
    request<'ui:get-settings'>({ type: 'ui:get-settings' }).then((s) => setPaused(s.paused));
    void refresh();
  }, []);
  const fail = (e: Error) => setNote({ kind: 'error', text: e.message });

  const toggle = (next: boolean) =>
    request<'ui:set-settings'>({ type: 'ui:set-settings', paused: next })
      .then((s) => {
        setPaused(s.paused);
        setNote({ kind: 'ok', text: s.paused ? 'Capture paused: pages opened or reloaded from now on are not recorded.' : 'Capture resumed on pages opened or reloaded from now on.' });
      })
      .catch(fail);

  const reset = () =>
    request<'ui:reset-data'>({ type: 'ui:reset-data', confirm: true })
      .then(refresh)
      .then(() => {
        setConfirming(false);
        setNote({ kind: 'ok', text: 'All recorded data was deleted. The playbook and settings are unchanged.' });
      })
      .catch(fail);

  return (
    <section aria-labelledby="settings-h" class="card">
      <h2 id="settings-h">Settings</h2>
      <h3>Capture</h3>
      <label>
        <input type="checkbox" checked={paused === true} disabled={paused === null} onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)} /> Pause
        capture
      </label>
      <p class="muted">While paused, Uptake records nothing and shows nothing in the app's pages. What is already recorded stays.</p>

      <h3>Recorded data</h3>
      <p data-testid="stored">{stats ? `Stored in this browser: ${describeStats(stats)}.` : 'Counting…'}</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Reset all data…
        </button>
      ) : (
        <div class="confirm">
          <p id="confirm-h">
            <strong>Delete everything Uptake recorded in this browser?</strong> Events, daily counts, milestones, meter readings, the score history and
            guide progress are deleted for every user. The playbook and these settings are kept. This cannot be undone; export first if you need the
            scores.
          </p>
          <div class="row">
            <button type="button" class="danger" onClick={reset}>
              Delete all recorded data
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" class={note.kind === 'error' ? 'errors' : 'ok'} data-testid="settings-status">
        {note.kind !== 'none' && note.text}
      </p>
      <h3>Preview</h3>
      <ClockPreview />
    </section>
  );
}
