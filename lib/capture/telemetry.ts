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

/**
 * Reading the clock from an isolated world costs about as much as a handler run, so one
 * run in SAMPLE_EVERY is timed and stands for the others (an unbiased estimate of the total).
 */
export const SAMPLE_EVERY = 8;

export function createSelfMeter(now: () => number = () => performance.now(), sampleEvery = SAMPLE_EVERY) {
  const cost: SelfCost = { totalMs: 0, runs: 0, maxMs: 0, longRuns: 0 };
  return {
    /** Wraps a handler (of one argument at most: an event) so its run time is counted. */
    timed<A = void>(fn: (arg: A) => void): (arg: A) => void {
      return (arg: A) => {
        if (cost.runs++ % sampleEvery !== 0) return fn(arg);
        const start = now();
        try {
          fn(arg);
        } finally {
          const ms = now() - start;
          cost.totalMs += ms * sampleEvery;
          if (ms > cost.maxMs) cost.maxMs = ms;
          if (ms > 50) cost.longRuns++;
        }
      };
    },
    snapshot: (): SelfCost => ({ ...cost }),
  };
}
