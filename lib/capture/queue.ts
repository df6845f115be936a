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

  async function sendOnce(): Promise<boolean> {
    const events = pending.slice(0, maxBatch);
    const sample = [...meters.values()];
    if (events.length === 0 && sample.length === 0) return false;
    const acked = new Set(await opts.send({ events, meters: sample }));
    pending = pending.filter((e) => !acked.has(e.id));
    for (const m of sample) if (meters.get(m.meter) === m) meters.delete(m.meter);
    // Go on only while batches make progress: an answer that acknowledges none of ours must not loop.
    return pending.length > 0 && events.some((e) => acked.has(e.id));
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
    get size() {
      return pending.length;
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
