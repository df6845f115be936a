import type { CapturedEvent, Identity, MeterSample } from '../types';
import { PRUNED_BEFORE, type Rollup, type StoredEvent, type UptakeDb, dayOf } from './db';

export interface Batch {
  app: string;
  identity: Identity;
  events: readonly CapturedEvent[];
  meters: readonly MeterSample[];
}

/**
 * Stores a batch in one transaction and returns the ids it acknowledges.
 * Idempotent: an event whose id is already stored (a re-send after the worker
 * stopped before answering) is acknowledged again but never counted twice.
 */
export async function storeBatch(db: UptakeDb, batch: Batch): Promise<string[]> {
  const { app } = batch;
  const { account, user } = batch.identity;
  const tx = db.transaction(['events', 'rollups', 'meters', 'meta'], 'readwrite');
  const events = tx.objectStore('events');
  const rollups = tx.objectStore('rollups');

  // Only await IndexedDB requests of this transaction inside it (idb's rule), or it auto-commits.
  const fresh: StoredEvent[] = [];
  const [prunedBefore, ...known] = await Promise.all([
    tx.objectStore('meta').get(PRUNED_BEFORE) as Promise<number | undefined>,
    ...batch.events.map((e) => events.getKey(e.id)),
  ]);
  const seen = new Set<string>();
  batch.events.forEach((e, i) => {
    // Older than the last pruning: its raw copy (the proof it was counted) may be gone, so it is not counted again.
    if (known[i] !== undefined || seen.has(e.id) || e.ts < (prunedBefore ?? 0)) return;
    seen.add(e.id);
    fresh.push({ ...e, app, account, user, day: dayOf(e.ts) });
  });

  const increments = new Map<string, Rollup>();
  for (const e of fresh) {
    const key = `${e.day}\u0000${e.feature}`;
    const r = increments.get(key);
    if (r) {
      r.count += 1;
      r.firstTs = Math.min(r.firstTs, e.ts);
      r.lastTs = Math.max(r.lastTs, e.ts);
    } else {
      increments.set(key, { app, account, user, day: e.day, feature: e.feature, count: 1, firstTs: e.ts, lastTs: e.ts });
    }
  }
  const incs = [...increments.values()];
  const current = await Promise.all(incs.map((r) => rollups.get([app, account, user, r.day, r.feature])));
  const writes: Promise<unknown>[] = fresh.map((e) => events.put(e));
  incs.forEach((inc, i) => {
    const old = current[i];
    writes.push(
      rollups.put(
        old
          ? { ...old, count: old.count + inc.count, firstTs: Math.min(old.firstTs, inc.firstTs), lastTs: Math.max(old.lastTs, inc.lastTs) }
          : inc,
      ),
    );
  });
  const meters = tx.objectStore('meters');
  for (const m of batch.meters) {
    writes.push(meters.put({ app, account, user, meter: m.meter, day: dayOf(m.ts), used: m.used, limit: m.limit, ts: m.ts }));
  }
  await Promise.all([...writes, tx.done]);
  return batch.events.map((e) => e.id);
}
