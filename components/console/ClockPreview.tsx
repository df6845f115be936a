import { useState } from 'preact/hooks';
import { request } from '@/lib/messaging';

const DAY = 86_400_000;

/**
 * Preview a later day: moves Uptake's clock so a playbook author can see which
 * nudges and scores a user would get after N days. 0 returns to real time.
 */
export function ClockPreview() {
  const [days, setDays] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const apply = () =>
    request<'ui:set-clock'>({ type: 'ui:set-clock', offsetMs: Math.round(days * DAY) })
      .then(() => setStatus(days === 0 ? 'Back to real time.' : `Uptake now acts as if it were ${days} day${days === 1 ? '' : 's'} later.`))
      .catch((e: Error) => setStatus(`Could not move the clock: ${e.message}`));
  return (
    <div class="row" data-testid="clock-preview">
      <label>
        Preview a later day: days ahead{' '}
        <input type="number" min={0} max={365} value={days} onInput={(e) => setDays(Number((e.currentTarget as HTMLInputElement).value) || 0)} />
      </label>
      <button type="button" class="secondary" onClick={apply}>
        Apply
      </button>
      {status && <span role="status">{status}</span>}
    </div>
  );
}
