import { useState } from 'preact/hooks';
import { describeOffset, setClockOffset, useClockOffset } from './useClock';

/** Shown on every extension page while Uptake's clock is moved: scores and nudges are then not today's. */
export function ClockBanner() {
  const offset = useClockOffset();
  const [error, setError] = useState<string | null>(null);
  if (!offset) return null;
  return (
    <div class="clock-banner" role="status" data-testid="clock-banner">
      <span>
        <strong>Preview clock on:</strong> Uptake acts as if it were {describeOffset(offset)} of real time. Scores and nudges are previews.
      </span>
      <button type="button" onClick={() => setClockOffset(0).then(() => setError(null), (e: Error) => setError(e.message))}>
        Back to real time
      </button>
      {error && <span class="errors">Could not reset the clock: {error}</span>}
    </div>
  );
}
