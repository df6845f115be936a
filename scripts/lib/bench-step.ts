/**
 * One guard per bench step: a step that throws or overruns its time is reported as
 * "not measured (why)" and the run goes on, so one slow step (a 30 s Playwright wait on a
 * loaded machine) no longer ends the bench without a report.
 */
export interface NotMeasured {
  step: string;
  why: string;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);

export function stepGuard(afterFailure: () => Promise<void> = async () => {}) {
  const notMeasured: NotMeasured[] = [];
  const skip = (step: string, why: string) => {
    notMeasured.push({ step, why });
    console.log(`${step.padEnd(58)} ${'not measured'.padStart(16)}   (${why})`);
  };
  async function step(name: string, run: () => unknown, limitMs = 6 * 60_000): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${limitMs / 1000} s`)), limitMs);
    });
    try {
      await Promise.race([Promise.resolve().then(run), overrun]);
      return true;
    } catch (e) {
      skip(name, firstLine(e));
      // A step that overran may still be running: the cleanup (closing its pages) stops it.
      await afterFailure().catch(() => {});
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
  return { step, skip, notMeasured };
}
