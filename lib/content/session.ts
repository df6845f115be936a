import { type CaptureHost, startCapture } from '../capture/capture';
import { ANONYMOUS, readIdentity } from '../capture/identity';
import { createQueue } from '../capture/queue';
import { createSelfMeter } from '../capture/telemetry';
import { request } from '../messaging';
import type { Playbook } from '../playbook/schema';
import type { CapturedEvent, CaptureKind, Identity } from '../types';
import { UptakeContext } from './context';
import { onUrlChange } from './location';
import { OUTBOX_PREFIX } from './outbox-key';
import { timeout } from './timers';
import { createWidgetHost, wantsWidget } from './widget-host';

const FLUSH_EVERY_MS = 1000;
const FLUSH_AT = 50;
/** A burst is sent this long after it passes FLUSH_AT: one message per burst, not one per click. */
const BURST_DELAY_MS = 200;
const COST_REPORT_MS = 60_000;
/** lib/protocol.ts's MAX_PATH (not imported: it would bring zod into the page-start script). */
const MAX_PATH = 2048;
// A longer path would make its event invalid: cut at capture, the event still counts.
const pagePath = () => location.pathname.slice(0, MAX_PATH);
/**
 * Unacknowledged events are copied to extension storage in the task after they happen: a
 * browser quit fires no pagehide, so only a copy made before it survives (the background
 * stores such copies when it starts: lib/background/outbox-drain.ts).
 */
const PERSIST_MS = 0;

/** A page's Uptake session: capture, the acknowledged outbox to the background, and the widget. */
export function startSession(ctx: UptakeContext, pb: Playbook): void {
  // Read at every send, not once: a single-page app can switch account without a reload.
  const who = async (): Promise<Identity> =>
    (await readIdentity(pb, document, location).catch(() => null)) ?? { account: ANONYMOUS, user: ANONYMOUS };

  let widget: ReturnType<typeof createWidgetHost> | null = null;
  // On the way out the message must leave in the same task: no await (identity hashing) before it.
  let leaving = false;
  let lastWho: Identity | null = null;
  const queue = createQueue({
    send: async (batch) => {
      if (!leaving || !lastWho) lastWho = await who();
      const reply = await request<'cs:batch'>({ type: 'cs:batch', app: pb.app.id, identity: lastWho, ...batch });
      if (reply.newMilestones.length) {
        void widget?.refresh();
        void widget?.checkNudge();
      }
      // Refused events (invalid, e.g. from an older build) are dropped too: never re-sent forever.
      return [...reply.ack, ...reply.refused];
    },
  });
  const seqBase = crypto.randomUUID().slice(0, 13);
  let seq = 0;
  // Capture's records become events here, at the flush, not in the user's click: the wall clock
  // and the id string each cost microseconds there (interleaved runs of built variants, bench
  // heavy page), so a use keeps the event's own timeStamp, turned into epoch time now.
  let fresh: { feature: string; kind: CaptureKind; at: number; path: string }[] = [];
  const stamp = () => {
    const epoch = Date.now() - performance.now();
    for (const f of fresh) {
      const event: CapturedEvent = { id: `${seqBase}:${seq++}`, feature: f.feature, kind: f.kind, ts: Math.round(epoch + f.at), path: f.path };
      queue.push(event);
      unsaved.push(event);
    }
    fresh = [];
  };

  // Each copy holds only the events new since the last one (cheap per write); it is removed
  // once all of its events are acknowledged.
  let unsaved: CapturedEvent[] = [];
  const copies = new Map<string, readonly CapturedEvent[]>();
  let copySeq = 0;
  let persistDue = false;
  const persist = async () => {
    persistDue = false;
    if (ctx.isInvalid) return;
    stamp();
    if (unsaved.length === 0) return;
    const events = unsaved;
    unsaved = [];
    // Known after the first send: then the copy is written in this task (it matters on pagehide).
    lastWho ??= await who();
    const key = `${OUTBOX_PREFIX}${seqBase}:${copySeq++}`;
    copies.set(key, events);
    browser.storage.local.set({ [key]: { type: 'cs:batch', app: pb.app.id, identity: lastWho, events, meters: [] } }).catch(() => undefined);
  };
  const persistSoon = () => {
    if (persistDue) return;
    persistDue = true;
    timeout(ctx, () => void persist(), PERSIST_MS);
  };
  const dropCopies = () => {
    const pending = new Set(queue.pending.map((e) => e.id));
    const done = [...copies].filter(([, events]) => !events.some((e) => pending.has(e.id))).map(([key]) => key);
    for (const key of done) copies.delete(key);
    if (done.length) browser.storage.local.remove(done).catch(() => undefined);
  };

  let failures = 0;
  let retryAt = 0;
  const flush = () => {
    if (ctx.isInvalid) return;
    stamp();
    if (Date.now() < retryAt) return;
    queue.flush().then(
      () => {
        failures = 0;
        dropCopies();
      },
      () => {
        // The worker was stopped or is restarting: keep the events, back off, retry.
        failures++;
        retryAt = Date.now() + Math.min(30_000, 250 * 2 ** failures);
      },
    );
  };

  let burstTimer: number | undefined;
  // Reading location from the isolated world costs more than the rest of recording:
  // keep the path, refreshed when the app navigates.
  let path = pagePath();
  // Uses since the URL last changed, until the background says the new page is still the app's.
  let held: typeof fresh | null = null;
  const record = (feature: string, kind: CaptureKind, at = performance.now()) => {
    (held ?? fresh).push({ feature, kind, at, path });
    persistSoon();
    widget?.featureUsed(feature);
    if (fresh.length >= FLUSH_AT && burstTimer === undefined) {
      burstTimer = timeout(ctx, () => {
        burstTimer = undefined;
        flush();
      }, BURST_DELAY_MS);
    }
  };
  // Every handler capture installs is timed: Diagnostics shows what Uptake costs this app.
  const meter = createSelfMeter();
  // Capture runs in a context of its own, ended when the app navigates to a page the playbook
  // does not match (a single-page app leaving its matched paths) and started again on return.
  let capture: UptakeContext | null = null;
  // Capture's route rules hear of URL changes after the session has taken the new path.
  const urlWatchers = new Set<() => void>();
  const startCapturing = () => {
    const c = new UptakeContext(ctx);
    capture = c;
    const host: CaptureHost = {
      listen: (target, type, fn, opts) => c.addEventListener(target, type, meter.timed(fn), opts),
      setTimeout: (fn, ms) => void timeout(c, meter.timed(fn), ms),
      setInterval: (fn, ms) => void c.setInterval(meter.timed(fn), ms),
      now: Date.now,
      onStop: (fn) => c.onInvalidated(fn),
      onUrlChange: (fn) => {
        const timed = meter.timed(fn);
        urlWatchers.add(timed);
        c.onInvalidated(() => urlWatchers.delete(timed));
      },
    };
    startCapture(pb, host, { feature: record, meter: (sample) => queue.meter(sample) });
  };
  startCapturing();
  ctx.setInterval(flush, FLUSH_EVERY_MS);
  const pageStart = performance.now();
  const reportCost = () => {
    const cost = meter.snapshot();
    if (cost.runs === 0) return;
    request<'cs:self-cost'>({ type: 'cs:self-cost', app: pb.app.id, pageId: seqBase, path: pagePath(), pageMs: Math.round(performance.now() - pageStart), ...cost }).catch(() => undefined);
  };
  // Leaving (tab closed, browser quit, app in the background): everything pending goes now,
  // all batches, even with a send in flight whose answer may never come.
  const leave = () => {
    if (ctx.isInvalid) return;
    stamp();
    leaving = true;
    queue.drain();
    leaving = false;
    void persist();
    reportCost();
  };
  ctx.addEventListener(window, 'pagehide', leave);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  // Long-lived tabs report now and then too, not only when they close.
  ctx.setInterval(reportCost, COST_REPORT_MS);

  if (wantsWidget(pb)) {
    widget = createWidgetHost({ ctx, playbook: pb, who, emitFeature: (f) => record(f, 'guide') });
    // After capture is running and the page has settled: the widget never delays the app.
    const load = () =>
      widget
        ?.load()
        .then(() => widget?.checkNudge())
        .catch((error) => console.warn('Uptake: the guidance widget could not load', error));
    // A route change may make a nudge due (route triggers, a page with the feature to point at).
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 1500 });
    else ctx.setTimeout(load, 200);
  }

  // A single-page app can navigate off the playbook's pages (or back) without a reload: each URL is
  // checked by the background's own matcher, as at the start; the uses in between wait for its answer.
  let checking = false;
  let again = false;
  const checkUrl = async (): Promise<void> => {
    path = pagePath();
    held ??= [];
    if (!capture) startCapturing();
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    const at = performance.now();
    const matched = await request<'cs:hello'>({ type: 'cs:hello', url: location.href }).then(
      (r) => r.playbook?.app.id === pb.app.id,
      () => true, // The background is unreachable: keep capturing as before, the outbox keeps the events.
    );
    checking = false;
    if (again) {
      again = false;
      return checkUrl();
    }
    if (ctx.isInvalid) return;
    if (!matched) {
      held = null;
      capture?.invalidate();
      capture = null;
      widget?.hide();
      return;
    }
    fresh.push(...(held ?? []));
    held = null;
    widget?.show();
    // A route change may make a nudge due (route triggers, a page with the feature to point at).
    // After the app's own handlers: the page it navigates to renders first.
    timeout(ctx, () => void widget?.checkNudge(at), 0);
  };
  onUrlChange(ctx, () => {
    void checkUrl();
    for (const fn of urlWatchers) fn();
  });
}
