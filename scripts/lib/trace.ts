/**
 * Main-thread time of Uptake's content scripts in a page, from a Chrome DevTools
 * Protocol trace: every JavaScript call the renderer makes into a script (a "FunctionCall"
 * trace event: event listeners, timers, observers, promise callbacks) names the
 * script's URL, so the calls into chrome-extension://<id>/content-scripts/… and
 * widget.js are Uptake's, to the microsecond, wherever the page's own work is.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
export const LONG_TASK_US = 50_000;

interface Slice {
  ts: number;
  dur: number;
  /** Thread (CPU) time, where the trace has it: on a loaded machine wall time stretches. */
  tdur?: number;
  pid: number;
  tid: number;
}

export interface TraceResult {
  /** Uptake's main-thread µs from each interaction to the next (its listener, the promise callbacks and timers that follow). */
  perInteraction: number[];
  /** Main-thread tasks over 50 ms in the page, and those in which Uptake's code ran. */
  longTasks: number;
  longTasksWithUptake: number;
  /** Those Uptake made long: without Uptake's calls in them they would have stayed within 50 ms. */
  longTasksByUptake: number;
  /** Uptake's time inside the long tasks it ran in, the most in one task, in µs. */
  maxUptakeUsInLongTask: number;
  /** Uptake's main-thread µs over the whole trace, and the trace's length in µs. */
  uptakeUs: number;
  /** Uptake's longest single call (a listener, a timer, an observer callback), in µs, wall and thread (CPU) time. */
  maxUptakeCallUs: number;
  maxUptakeCallCpuUs: number;
  spanUs: number;
}

async function readStream(cdp: CDPSession, handle: string, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 4 << 20 });
    const text = rest + (chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
    if (chunk.eof) break;
  }
  if (rest) onLine(rest);
  await cdp.send('IO.close', { handle });
}

/**
 * Traces `run` in `page`. `interaction` names the DOM event one interaction dispatches
 * (e.g. "click"); with none, the whole trace counts as one window.
 */
export async function traceUptake(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  run: () => Promise<void>,
  interaction?: string,
): Promise<TraceResult> {
  const cdp = await context.newCDPSession(page);
  // Chrome's default "record until full" buffer would silently drop the end of a long run.
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES } } as never);
  const start = Date.now();
  await run();
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('the trace came back without a stream');

  const ours = (url: unknown) =>
    typeof url === 'string' && (url.startsWith(`chrome-extension://${extensionId}/content-scripts/`) || url === `chrome-extension://${extensionId}/widget.js`);
  const calls: Slice[] = [];
  const dispatches: Slice[] = [];
  const tasks: Slice[] = [];
  await readStream(cdp, stream, (line) => {
    // One event per line; parse only the three kinds used here.
    if (!line.includes('"FunctionCall"') && !line.includes('"EventDispatch"') && !line.includes('"RunTask"')) return;
    let e: Slice & { name: string; ph: string; args?: { data?: { url?: string; type?: string } } };
    try {
      e = JSON.parse(line.replace(/,\s*$/, ''));
    } catch {
      return;
    }
    if (e.ph !== 'X') return;
    if (e.name === 'FunctionCall' && ours(e.args?.data?.url)) calls.push(e);
    else if (e.name === 'EventDispatch' && interaction && e.args?.data?.type === interaction) dispatches.push(e);
    else if (e.name === 'RunTask' && e.dur > LONG_TASK_US) tasks.push(e);
  });
  await cdp.detach();

  // The page's main thread: where the interactions were dispatched (or, without them, where Uptake ran).
  const anchor = dispatches[0] ?? calls[0];
  const onMain = (s: Slice) => anchor !== undefined && s.pid === anchor.pid && s.tid === anchor.tid;
  const sortByTs = (xs: Slice[]) => xs.filter(onMain).sort((a, b) => a.ts - b.ts);
  // Count a call only once: a call made while another of Uptake's calls is running is inside it.
  const top: Slice[] = [];
  for (const c of sortByTs(calls)) {
    const last = top.at(-1);
    if (!last || c.ts >= last.ts + last.dur) top.push(c);
  }
  const marks = sortByTs(dispatches);
  const spanUs = (Date.now() - start) * 1000;
  const sum = (from: number, to: number) => top.filter((c) => c.ts >= from && c.ts < to).reduce((n, c) => n + c.dur, 0);
  const gaps = marks.slice(1).map((m, i) => m.ts - marks[i]!.ts);
  const typicalGap = gaps.length ? [...gaps].sort((a, b) => a - b)[gaps.length >> 1]! : spanUs;
  const perInteraction = marks.map((m, i) => sum(m.ts, marks[i + 1]?.ts ?? m.ts + typicalGap));
  const long = sortByTs(tasks);
  const inside = (t: Slice) => top.filter((c) => c.ts < t.ts + t.dur && c.ts + c.dur > t.ts).reduce((n, c) => n + Math.min(c.ts + c.dur, t.ts + t.dur) - Math.max(c.ts, t.ts), 0);
  const withUptake = long.map((t) => ({ t, us: inside(t) })).filter((x) => x.us > 0);
  return {
    perInteraction,
    longTasks: long.length,
    longTasksWithUptake: withUptake.length,
    longTasksByUptake: withUptake.filter((x) => x.t.dur - x.us <= LONG_TASK_US).length,
    maxUptakeUsInLongTask: Math.max(0, ...withUptake.map((x) => x.us)),
    uptakeUs: top.reduce((n, c) => n + c.dur, 0),
    maxUptakeCallUs: Math.max(0, ...top.map((c) => c.dur)),
    maxUptakeCallCpuUs: Math.max(0, ...top.map((c) => c.tdur ?? c.dur)),
    spanUs,
  };
}
