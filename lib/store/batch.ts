import type { CapturedEvent, Identity, MeterSample } from '../types';
import type { IDBPObjectStore } from 'idb';
import { PRUNED_BEFORE, type Rollup, type StoredEvent, type UptakeDb, type UptakeSchema, dayOf } from './db';

export interface Batch {
  app: string;
  identity: Identity;
  events: readonly CapturedEvent[];
  meters: readonly MeterSample[];
}

type EventStore = IDBPObjectStore<UptakeSchema, ('events' | 'rollups' | 'meters' | 'meta')[], 'events', 'readwrite'>;

/**
 * The ids of `events` already stored. One request for the key range the batch spans
 * (a content script numbers its events in sequence, so they sort together) instead of
 * one per event: each IndexedDB request is a round trip to the browser process. When the
 * range holds many other ids (several senders' ids interleaved), it asks id by id.
 */
async function storedIds(events: EventStore, batch: readonly CapturedEvent[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  let lo = batch[0]!.id;
  let hi = lo;
  for (const { id } of batch) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const limit = batch.length * 4 + 16;
  const inRange = await events.getAllKeys(IDBKeyRange.bound(lo, hi), limit);
  const ids = new Set(batch.map((e) => e.id));
  if (inRange.length < limit) return new Set(inRange.filter((k) => ids.has(k)));
  const keys = await Promise.all(batch.map((e) => events.getKey(e.id)));
  return new Set(keys.filter((k): k is string => k !== undefined));
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
  const [prunedBefore, known] = await Promise.all([
    tx.objectStore('meta').get(PRUNED_BEFORE) as Promise<number | undefined>,
    storedIds(events, batch.events),
  ]);
  const fresh: StoredEvent[] = [];
  for (const e of batch.events) {
    // Older than the last pruning: its raw copy (the proof it was counted) may be gone, so it is not counted again.
    if (known.has(e.id) || e.ts < (prunedBefore ?? 0)) continue;
    known.add(e.id); // an id repeated inside the batch counts once
    fresh.push({ ...e, app, account, user, day: dayOf(e.ts) });
  }

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
  // `add`, not `put`: these ids were just found absent in this transaction, and a clash would abort it rather than overwrite.
  const writes: Promise<unknown>[] = fresh.map((e) => events.add(e));
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
