import { useEffect, useState } from 'preact/hooks';
import { DAY, describeOffset, setClockOffset, useClockOffset } from '../useClock';

/**
 * Preview a later day: moves Uptake's clock so a playbook author can see which
 * nudges and scores a user would get after N days. 0 returns to real time.
 */
export function ClockPreview() {
  const offset = useClockOffset();
  const [days, setDays] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  // The field starts from the clock the background really runs on, not from 0.
  useEffect(() => {
    if (offset !== null) setDays(Math.round((offset / DAY) * 100) / 100);
  }, [offset]);
  const apply = () =>
    setClockOffset(Math.round(days * DAY))
      .then(() => setStatus(days === 0 ? 'Back to real time.' : `Uptake now acts as if it were ${days} day${days === 1 ? '' : 's'} later.`))
      .catch((e: Error) => setStatus(`Could not move the clock: ${e.message}`));
  return (
    <div data-testid="clock-preview">
      <p data-testid="clock-now">{offset === null ? 'Reading the clock…' : offset === 0 ? 'Uptake runs on real time.' : `Uptake runs ${describeOffset(offset)} of real time.`}</p>
      <div class="row">
        <label>
          Preview a later day: days ahead{' '}
          <input type="number" min={0} max={365} step="any" value={days} onInput={(e) => setDays(Number((e.currentTarget as HTMLInputElement).value) || 0)} />
        </label>
        <button type="button" class="secondary" onClick={apply}>
          Apply
        </button>
        {status && <span role="status">{status}</span>}
      </div>
    </div>
  );
}
