import type { CapturedEvent, MeterSample } from '../types';

export interface Outbox {
  events: CapturedEvent[];
  meters: MeterSample[];
}

export interface QueueOptions {
  /** Sends a batch; resolves with the event ids the background is done with (stored, or refused as invalid). Rejects when the worker is unreachable. */
  send: (batch: Outbox) => Promise<string[]>;
  /** Most events in one message. */
  maxBatch?: number;
  /** Pending events past which older ones are dropped (a page left open for days with the extension broken). */
  maxPending?: number;
}

/**
 * Holds captured events until the background acknowledges them: the MV3 worker can
 * stop at any moment, so nothing is forgotten on send, only on acknowledgement.
 * A re-sent event keeps its id, and the background stores each id once.
 */
export function createQueue(opts: QueueOptions) {
  const maxBatch = opts.maxBatch ?? 200;
  const maxPending = opts.maxPending ?? 10_000;
  let pending: CapturedEvent[] = [];
  const meters = new Map<string, MeterSample>();
  let inFlight: Promise<void> | null = null;

  /** Forgets what an answer acknowledged; true if it acknowledged any of `events`. */
  function settle(events: readonly CapturedEvent[], sample: readonly MeterSample[], ids: readonly string[]): boolean {
    const acked = new Set(ids);
    pending = pending.filter((e) => !acked.has(e.id));
    for (const m of sample) if (meters.get(m.meter) === m) meters.delete(m.meter);
    return events.some((e) => acked.has(e.id));
  }

  async function sendOnce(): Promise<boolean> {
    const events = pending.slice(0, maxBatch);
    const sample = [...meters.values()];
    if (events.length === 0 && sample.length === 0) return false;
    const progress = settle(events, sample, await opts.send({ events, meters: sample }));
    // Go on only while batches make progress: an answer that acknowledges none of ours must not loop.
    return pending.length > 0 && progress;
  }

  /**
   * On the way out (tab closing, browser quitting): every pending batch sent at once, not one
   * per acknowledgement, since no answer may come back; a message sent before the page
   * unloads still reaches the worker. Events stay pending until acknowledged, as always.
   */
  function drain(): void {
    const sample = [...meters.values()];
    for (let i = 0; i < Math.max(pending.length, sample.length ? 1 : 0); i += maxBatch) {
      const events = pending.slice(i, i + maxBatch);
      const withMeters = i === 0 ? sample : [];
      opts.send({ events, meters: withMeters }).then(
        (ids) => settle(events, withMeters, ids),
        () => undefined,
      );
    }
  }

  /** Sends everything pending, batch by batch. Concurrent calls share one run. Rejects if a send fails. */
  function flush(): Promise<void> {
    inFlight ??= (async () => {
      try {
        while (await sendOnce()) {
          // keep going while each batch makes progress
        }
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    push(event: CapturedEvent) {
      pending.push(event);
      if (pending.length > maxPending) pending = pending.slice(-maxPending);
    },
    meter(sample: MeterSample) {
      meters.set(sample.meter, sample);
    },
    flush,
    drain,
    get size() {
      return pending.length;
    },
    /** The events not yet acknowledged, oldest first (read-only: a copy is kept where it must outlive the page). */
    get pending(): readonly CapturedEvent[] {
      return pending;
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
