/**
 * One guard per bench step: a step that throws or overruns its time is reported as
 * "not measured (why)" and the run goes on, so one slow step (a 30 s Playwright wait on a
 * loaded machine) no longer ends the bench without a report.
 */
export interface NotMeasured {
  step: string;
  why: string;
}

export interface StepOptions {
  limitMs?: number;
  /**
   * Called after a failure: says why the step is worth one more try once the cause is
   * repaired (e.g. "Chromium was gone: relaunched"), or null. The step is tried again once.
   */
  recover?: () => Promise<string | null>;
  /** Before that second try: undo what the first one left (figures it recorded). */
  beforeRetry?: () => void;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);

export function stepGuard(afterFailure: () => Promise<void> = async () => {}) {
  const notMeasured: NotMeasured[] = [];
  const retried: NotMeasured[] = [];
  const skip = (step: string, why: string) => {
    notMeasured.push({ step, why });
    console.log(`${step.padEnd(58)} ${'not measured'.padStart(16)}   (${why})`);
  };
  async function attempt(run: () => unknown, limitMs: number): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${limitMs / 1000} s`)), limitMs);
    });
    try {
      await Promise.race([Promise.resolve().then(run), overrun]);
      return null;
    } catch (e) {
      // A step that overran may still be running: the cleanup (closing its pages) stops it.
      await afterFailure().catch(() => {});
      return e ?? new Error('failed');
    } finally {
      clearTimeout(timer);
    }
  }
  async function step(name: string, run: () => unknown, opts: number | StepOptions = {}): Promise<boolean> {
    const { limitMs = 6 * 60_000, recover, beforeRetry } = typeof opts === 'number' ? { limitMs: opts } : opts;
    const first = await attempt(run, limitMs);
    if (first === null) return true;
    let repaired: string | null = null;
    try {
      repaired = (await recover?.()) ?? null;
    } catch (e) {
      skip(name, `${firstLine(first)}; ${firstLine(e)}`);
      return false;
    }
    if (!repaired) {
      skip(name, firstLine(first));
      return false;
    }
    console.log(`${name.padEnd(58)} ${'tried again'.padStart(16)}   (${firstLine(first)}; ${repaired})`);
    beforeRetry?.();
    const second = await attempt(run, limitMs);
    if (second === null) {
      retried.push({ step: name, why: `${firstLine(first)}; ${repaired}` });
      return true;
    }
    skip(name, `${repaired}, then: ${firstLine(second)}`);
    return false;
  }
  return { step, skip, notMeasured, retried };
}
