import type { UptakeDb } from './db';
import { pruneEvents } from './queries';

/**
 * Compaction under storage pressure. Every stored event is already counted in its
 * daily rollup when it is written (lib/store/batch.ts), and scores, milestones and
 * exports read rollups only: a raw event's one remaining job is to prove its id was
 * counted, so a re-send is not counted twice. When the browser says the quota is
 * nearly used, raw events older than a short window are deleted early (before
 * `settings.retentionDays`), the rollups and everything derived from them unchanged.
 */

/** What `navigator.storage.estimate()` answers (both fields may be missing). */
export interface StorageEstimate {
  usage?: number;
  quota?: number;
}

/** Compact when usage reaches this share of the quota. */
export const COMPACT_AT = 0.8;

/**
 * Raw events younger than this are kept. Not shorter: an event a tab still holds
 * unsent (the worker was down, the laptop slept) is refused once it is older than the
 * cutoff, because its proof of counting may be gone (see PRUNED_BEFORE in storeBatch).
 */
export const KEEP_RAW_MS = 24 * 3_600_000;

/** At most one estimate per this interval: `estimate()` is cheap, but batches arrive many times a second. */
export const CHECK_EVERY_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

export function underPressure(estimate: StorageEstimate, threshold = COMPACT_AT): boolean {
  const { usage, quota } = estimate;
  return typeof usage === 'number' && typeof quota === 'number' && quota > 0 && usage / quota >= threshold;
}

export interface CompactorDeps {
  db: () => Promise<UptakeDb>;
  estimate: () => Promise<StorageEstimate>;
  /** Wall-clock time. Not Uptake's movable clock (ui:set-clock): event timestamps are real time. */
  now?: () => number;
  threshold?: number;
  keepMs?: number;
  everyMs?: number;
}

export interface CompactResult {
  estimate: StorageEstimate;
  removed: number;
}

/** Checks the storage estimate after stored batches, throttled, and compacts when under pressure. */
export function createCompactor(deps: CompactorDeps) {
  const now = deps.now ?? Date.now;
  const every = deps.everyMs ?? CHECK_EVERY_MS;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let running: Promise<CompactResult | null> | null = null;

  async function run(): Promise<CompactResult | null> {
    const estimate = await deps.estimate();
    if (!underPressure(estimate, deps.threshold)) return null;
    // The same deletion as retention, with a much shorter window: it also raises the pruning mark, so a
    // re-sent copy of a deleted event is acknowledged and not counted again.
    const removed = await pruneEvents(await deps.db(), (deps.keepMs ?? KEEP_RAW_MS) / DAY_MS, now());
    return { estimate, removed };
  }

  return {
    /** Call after each stored batch; resolves with what was done, or null when it was not time or there was no pressure. */
    afterBatch(): Promise<CompactResult | null> {
      const t = now();
      if (running || t - lastCheck < every) return Promise.resolve(null);
      lastCheck = t;
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
