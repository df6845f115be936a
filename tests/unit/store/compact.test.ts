import { describe, expect, it, vi } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { scoreUser } from '../../../lib/scoring/score';
import { type Batch, storeBatch } from '../../../lib/store/batch';
import { KEEP_RAW_MS, type StorageEstimate, createCompactor, underPressure } from '../../../lib/store/compact';
import { type UptakeDb, openStore } from '../../../lib/store/db';
import { identityKey, storageStats, updateMilestones, userSummary } from '../../../lib/store/queries';
import { loadHistory } from '../../../lib/store/scores';
import type { CapturedEvent, Identity } from '../../../lib/types';
import { demoPlaybook } from '../helpers/playbook';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 23, 14, 0).getTime();
const pb = demoPlaybook();
const maria: Identity = { account: 'acme', user: 'maria' };
const li: Identity = { account: 'globex', user: 'li' };
const FEATURES = ['create-project', 'add-task', 'invite-teammate', 'build-report', 'share-report', 'export-csv'];

let dbs = 0;
const freshDb = () => openStore(`compact-test-${++dbs}-${Date.now()}`);

/** `perDay` uses a day over the last `days` days (and today), features in turn: a month of real use. */
function history(who: string, days: number, perDay: number, now = NOW): CapturedEvent[] {
  const out: CapturedEvent[] = [];
  for (let d = days; d >= 0; d--) {
    for (let i = 0; i < perDay; i++) {
      out.push({ id: `${who}:${d}:${i}`, feature: FEATURES[(d + i) % FEATURES.length]!, kind: 'click', ts: now - d * DAY - i * 60_000, path: '/projects' });
    }
  }
  return out;
}

const batch = (identity: Identity, events: CapturedEvent[]): Batch => ({ app: pb.app.id, identity, events, meters: [] });

async function fill(db: UptakeDb, now = NOW) {
  await storeBatch(db, batch(maria, history('m', 30, 6, now)));
  await storeBatch(db, batch(li, history('l', 12, 2, now)));
  await storeBatch(db, { ...batch(maria, []), meters: [{ meter: 'seats', used: 8, limit: 10, ts: now - 2 * DAY }] });
  await updateMilestones(db, pb, maria, now - DAY);
  await updateMilestones(db, pb, li, now - DAY);
}

/** Everything a user sees or a CSM exports: the score (with its reasons and components) and the usage summary. */
async function view(db: UptakeDb, id: Identity) {
  return { score: scoreUser(pb, await loadHistory(db, pb.app.id, id), NOW), summary: await userSummary(db, pb, id) };
}

const pressed: StorageEstimate = { usage: 950, quota: 1000 };

describe('underPressure', () => {
  it('is true from the threshold share of the quota, and never without both numbers', () => {
    expect(underPressure({ usage: 800, quota: 1000 })).toBe(true);
    expect(underPressure({ usage: 799, quota: 1000 })).toBe(false);
    expect(underPressure({ usage: 500, quota: 1000 }, 0.5)).toBe(true);
    expect(underPressure({ usage: 800 })).toBe(false);
    expect(underPressure({ quota: 1000 })).toBe(false);
    expect(underPressure({ usage: 1, quota: 0 })).toBe(false);
    expect(underPressure({})).toBe(false);
  });
});

describe('compaction under quota pressure', () => {
  it('deletes raw events older than a day and leaves rollups, scores and summaries exactly as they were', async () => {
    const db = await freshDb();
    await fill(db);
    const rollupsBefore = await db.getAll('rollups');
    const before = { maria: await view(db, maria), li: await view(db, li) };
    expect(before.maria.score).not.toBeNull();
    const eventsBefore = await db.count('events');

    const compactor = createCompactor({ db: async () => db, estimate: async () => pressed, now: () => NOW });
    const result = await compactor.afterBatch();

    const kept = await db.getAll('events');
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) expect(e.ts).toBeGreaterThanOrEqual(NOW - KEEP_RAW_MS);
    expect(result).toEqual({ estimate: pressed, removed: eventsBefore - kept.length });
    expect(result!.removed).toBeGreaterThan(150);
    expect(await db.getAll('rollups')).toEqual(rollupsBefore);
    expect({ maria: await view(db, maria), li: await view(db, li) }).toEqual(before);
  });

  it('does nothing without pressure, or when the browser gives no estimate', async () => {
    const db = await freshDb();
    await fill(db);
    const count = await db.count('events');
    for (const estimate of [{ usage: 100, quota: 1000 }, {}]) {
      const compactor = createCompactor({ db: async () => db, estimate: async () => estimate, now: () => NOW });
      expect(await compactor.afterBatch()).toBeNull();
    }
    expect(await db.count('events')).toBe(count);
  });

  it('still counts a re-sent copy of a compacted event only once', async () => {
    const db = await freshDb();
    const old = history('m', 5, 1);
    await storeBatch(db, batch(maria, old));
    const counts = async () => (await userSummary(db, pb, maria)).totalEvents;
    expect(await counts()).toBe(old.length);
    await createCompactor({ db: async () => db, estimate: async () => pressed, now: () => NOW }).afterBatch();
    expect(await db.count('events')).toBeLessThan(old.length);
    // A tab whose acknowledgement was lost sends everything again.
    expect(await storeBatch(db, batch(maria, old))).toEqual(old.map((e) => e.id));
    expect(await counts()).toBe(old.length);
  });

  it('asks for the estimate at most once per interval, however many batches arrive', async () => {
    const db = await freshDb();
    let t = NOW;
    const estimate = vi.fn(async () => ({ usage: 10, quota: 1000 }));
    const compactor = createCompactor({ db: async () => db, estimate, now: () => t, everyMs: 60_000 });
    for (let i = 0; i < 20; i++) {
      await compactor.afterBatch();
      t += 1000;
    }
    expect(estimate).toHaveBeenCalledTimes(1);
    t += 60_000;
    await compactor.afterBatch();
    expect(estimate).toHaveBeenCalledTimes(2);
  });
});

describe('compaction wired into the background', () => {
  it('runs after a stored batch when storage is under pressure; the user sees the same counts and score', async () => {
    const db = await freshDb();
    // The background compacts by wall-clock time; its scoring clock is pinned so the two views compare exactly.
    const now = Date.now();
    await fill(db, now);
    const estimate = vi.fn(async () => pressed);
    const deps: BackgroundDeps = {
      db: async () => db,
      now: () => now,
      onPlaybookChanged: async () => {},
      injectWidget: async () => {},
      tabExists: async () => true,
      setClockOffset: async () => {},
      estimateStorage: estimate,
    };
    const h = createHandlers(deps);
    const sender = {};
    await db.put('meta', maria, identityKey(pb.app.id)); // whose progress ui:summary shows
    const before = await h['ui:summary']({ type: 'ui:summary' }, sender);
    const statsBefore = await storageStats(db);

    const fresh: CapturedEvent = { id: 'fresh:1', feature: 'add-task', kind: 'submit', ts: now, path: '/projects' };
    await h['cs:batch']({ type: 'cs:batch', app: pb.app.id, identity: maria, events: [fresh], meters: [] }, sender);
    await vi.waitFor(async () => expect(await db.count('events')).toBeLessThan(statsBefore.events));
    expect(estimate).toHaveBeenCalledTimes(1);

    const after = await h['ui:summary']({ type: 'ui:summary' }, sender);
    const added = (s: typeof before) => s.summary!.features.find((f) => f.id === 'add-task')!.count;
    expect(added(after)).toBe(added(before) + 1);
    expect(after.summary!.totalEvents).toBe(before.summary!.totalEvents + 1);
    expect((await storageStats(db)).rollups).toBe(statsBefore.rollups);
  });
});
