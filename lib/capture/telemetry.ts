/**
 * Uptake measuring itself: the main-thread time its own handlers take in the page,
 * so a user can see in Diagnostics what Uptake costs their app.
 */
export interface SelfCost {
  /** Main-thread milliseconds spent in Uptake's handlers on this page so far. */
  totalMs: number;
  /** Handler runs (events looked at, checks run). */
  runs: number;
  /** The longest single run, in ms. */
  maxMs: number;
  /** Runs over 50 ms: long tasks of Uptake's making. */
  longRuns: number;
}

export function createSelfMeter(now: () => number = () => performance.now()) {
  const cost: SelfCost = { totalMs: 0, runs: 0, maxMs: 0, longRuns: 0 };
  return {
    /** Wraps a handler so its run time is counted. */
    timed<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
      return (...args: A) => {
        const start = now();
        try {
          fn(...args);
        } finally {
          const ms = now() - start;
          cost.totalMs += ms;
          cost.runs++;
          if (ms > cost.maxMs) cost.maxMs = ms;
          if (ms > 50) cost.longRuns++;
        }
      };
    },
    snapshot: (): SelfCost => ({ ...cost }),
  };
}
