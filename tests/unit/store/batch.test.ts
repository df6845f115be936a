import { describe, expect, it } from 'vitest';
import { type Batch, storeBatch } from '../../../lib/store/batch';
import { dayOf, openStore } from '../../../lib/store/db';
import { pruneEvents, storageStats, updateMilestones, userRollups, userSummary } from '../../../lib/store/queries';
import type { CapturedEvent, Identity, MeterSample } from '../../../lib/types';
import { demoPlaybook } from '../helpers/playbook';

let dbCount = 0;
const freshDb = () => openStore(`batch-test-${++dbCount}-${Date.now()}`);

const DAY = 86_400_000;
// Mid-afternoon local time, so "an hour later" stays on the same local day in any timezone.
const T0 = new Date(2026, 10, 23, 14, 0).getTime();
const ME: Identity = { account: 'acme', user: 'u-1' };
const pb = demoPlaybook();

let seq = 0;
function ev(feature: string, ts = T0, id = `page-a:${++seq}`): CapturedEvent {
  return { id, feature, kind: 'submit', ts, path: '/projects' };
}

function batch(events: CapturedEvent[], meters: MeterSample[] = [], identity: Identity = ME): Batch {
  return { app: pb.app.id, identity, events, meters };
}

async function countsByFeature(db: Awaited<ReturnType<typeof openStore>>, id: Identity = ME) {
  const out: Record<string, number> = {};
  for (const r of await userRollups(db, pb.app.id, id)) out[r.feature] = (out[r.feature] ?? 0) + r.count;
  return out;
}

describe('storeBatch', () => {
  it('stores the events and adds them to the daily rollups', async () => {
    const db = await freshDb();
    const events = [ev('add-task', T0), ev('add-task', T0 + 60_000), ev('create-project', T0 + 120_000)];
    const ack = await storeBatch(db, batch(events));
    expect(ack).toEqual(events.map((e) => e.id));
    expect(await db.count('events')).toBe(3);
    const stored = await db.get('events', events[0]!.id);
    expect(stored).toEqual({ ...events[0], app: 'tasklane', account: 'acme', user: 'u-1', day: dayOf(T0) });
    const rollup = await db.get('rollups', ['tasklane', 'acme', 'u-1', dayOf(T0), 'add-task']);
    expect(rollup).toMatchObject({ count: 2, firstTs: T0, lastTs: T0 + 60_000 });
    expect(await countsByFeature(db)).toEqual({ 'add-task': 2, 'create-project': 1 });
  });

  it('acknowledges a re-sent batch again but stores and counts nothing twice', async () => {
    const db = await freshDb();
    const events = [ev('add-task'), ev('add-task')];
    await storeBatch(db, batch(events));
    const ack = await storeBatch(db, batch(events));
    expect(ack).toEqual(events.map((e) => e.id));
    expect(await db.count('events')).toBe(2);
    expect(await countsByFeature(db)).toEqual({ 'add-task': 2 });
  });

  it('counts only the new ids of an overlapping batch', async () => {
    const db = await freshDb();
    const [a, b, c] = [ev('add-task'), ev('add-task'), ev('add-task')] as [CapturedEvent, CapturedEvent, CapturedEvent];
    await storeBatch(db, batch([a, b]));
    await storeBatch(db, batch([b, c]));
    expect(await db.count('events')).toBe(3);
    expect(await countsByFeature(db)).toEqual({ 'add-task': 3 });
  });

  it('counts an id repeated inside one batch once', async () => {
    const db = await freshDb();
    const a = ev('add-task');
    expect(await storeBatch(db, batch([a, a]))).toEqual([a.id, a.id]);
    expect(await countsByFeature(db)).toEqual({ 'add-task': 1 });
  });

  it('puts events of two days into two rollups', async () => {
    const db = await freshDb();
    await storeBatch(db, batch([ev('add-task', T0 - DAY), ev('add-task', T0)]));
    const rollups = await userRollups(db, pb.app.id, ME);
    expect(rollups.map((r) => [r.day, r.count]).sort()).toEqual([
      [dayOf(T0 - DAY), 1],
      [dayOf(T0), 1],
    ]);
  });

  it('keeps users apart', async () => {
    const db = await freshDb();
    const other = { account: 'acme', user: 'u-2' };
    await storeBatch(db, batch([ev('add-task')]));
    await storeBatch(db, batch([ev('add-task'), ev('invite-teammate')], [], other));
    expect(await countsByFeature(db)).toEqual({ 'add-task': 1 });
    expect(await countsByFeature(db, other)).toEqual({ 'add-task': 1, 'invite-teammate': 1 });
  });

  it('stores meter readings, one per meter and day (the latest wins)', async () => {
    const db = await freshDb();
    await storeBatch(db, batch([], [{ meter: 'seats', used: 6, limit: 10, ts: T0 }]));
    await storeBatch(db, batch([], [{ meter: 'seats', used: 7, limit: 10, ts: T0 + 3_600_000 }]));
    await storeBatch(db, batch([], [{ meter: 'seats', used: 5, limit: 10, ts: T0 - DAY }]));
    const readings = await db.getAllFromIndex('meters', 'byUser', ['tasklane', 'acme', 'u-1']);
    expect(readings.map((r) => [r.day, r.used]).sort()).toEqual([
      [dayOf(T0 - DAY), 5],
      [dayOf(T0), 7],
    ]);
    expect((await storageStats(db)).meters).toBe(2);
  });
});

describe('updateMilestones', () => {
  it('stamps a milestone once, when its conditions first hold', async () => {
    const db = await freshDb();
    expect(await updateMilestones(db, pb, ME, T0)).toEqual([]);
    await storeBatch(db, batch([ev('create-project')]));
    expect(await updateMilestones(db, pb, ME, T0 + 1000)).toEqual(['first-project']);
    await storeBatch(db, batch([ev('create-project')]));
    expect(await updateMilestones(db, pb, ME, T0 + 2000)).toEqual([]);
    expect(await db.get('milestones', ['tasklane', 'acme', 'u-1', 'first-project'])).toMatchObject({ reachedAt: T0 + 1000 });
    expect(await db.count('milestones')).toBe(1);
  });

  it('needs every allOf condition: the value moment waits for both build and share', async () => {
    const db = await freshDb();
    await storeBatch(db, batch([ev('build-report')]));
    expect(await updateMilestones(db, pb, ME, T0)).toEqual([]);
    await storeBatch(db, batch([ev('share-report')]));
    expect(await updateMilestones(db, pb, ME, T0)).toEqual(['first-report-shared']);
  });

  it('counts only uses inside withinDays (3 tasks within 7 days)', async () => {
    const db = await freshDb();
    await storeBatch(db, batch([ev('add-task', T0 - 10 * DAY), ev('add-task', T0 - 9 * DAY), ev('add-task', T0)]));
    expect(await updateMilestones(db, pb, ME, T0)).toEqual([]);
    await storeBatch(db, batch([ev('add-task', T0 - 2 * DAY), ev('add-task', T0)]));
    expect(await updateMilestones(db, pb, ME, T0)).toEqual(['plan-work']);
  });
});

describe('userSummary', () => {
  it('reports counts, last use, milestones and meters', async () => {
    const db = await freshDb();
    await storeBatch(
      db,
      batch(
        [ev('create-project', T0 - DAY), ev('build-report', T0 - DAY), ev('build-report', T0), ev('add-task', T0 + 5000)],
        [{ meter: 'seats', used: 6, limit: 10, ts: T0 - DAY }],
      ),
    );
    await storeBatch(db, batch([], [{ meter: 'seats', used: 8, limit: 12, ts: T0 }]));
    await updateMilestones(db, pb, ME, T0 + 10_000);

    const s = await userSummary(db, pb, ME);
    expect(s.app).toEqual({ id: 'tasklane', name: 'Tasklane' });
    expect(s.identity).toEqual(ME);
    expect(s.totalEvents).toBe(4);
    expect(s.features.find((f) => f.id === 'build-report')).toMatchObject({ count: 2, firstUsed: T0 - DAY, lastUsed: T0 });
    expect(s.features.find((f) => f.id === 'export-csv')).toMatchObject({ count: 0, firstUsed: null, lastUsed: null });
    expect(s.features).toHaveLength(pb.features.length);
    expect(s.milestones.find((m) => m.id === 'first-project')).toMatchObject({ reachedAt: T0 + 10_000 });
    expect(s.milestones.find((m) => m.id === 'first-report-shared')).toMatchObject({ valueMoment: true, reachedAt: null });
    expect(s.meters).toEqual([
      { id: 'seats', name: 'Seats', used: 8, limit: 12, readAt: T0 },
      { id: 'reports-built', name: 'Reports built', used: 2, limit: 50, readAt: T0 },
    ]);
  });

  it('reports a text meter never read as unknown, not zero', async () => {
    const db = await freshDb();
    const s = await userSummary(db, pb, ME);
    expect(s.meters.find((m) => m.id === 'seats')).toEqual({ id: 'seats', name: 'Seats', used: null, limit: null, readAt: null });
    expect(s.meters.find((m) => m.id === 'reports-built')).toMatchObject({ used: 0, limit: 50 });
  });
});

describe('pruneEvents', () => {
  it('deletes raw events older than the retention window and keeps rollup counts', async () => {
    const db = await freshDb();
    const old = [ev('add-task', T0 - 100 * DAY), ev('add-task', T0 - 91 * DAY)];
    const recent = [ev('add-task', T0 - 89 * DAY), ev('add-task', T0)];
    await storeBatch(db, batch([...old, ...recent]));
    expect(await pruneEvents(db, 90, T0)).toBe(2);
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(recent.map((e) => e.id).sort());
    expect(await countsByFeature(db)).toEqual({ 'add-task': 4 });
    expect((await userSummary(db, pb, ME)).features.find((f) => f.id === 'add-task')?.count).toBe(4);
  });

  it('keeps an event exactly at the cutoff', async () => {
    const db = await freshDb();
    await storeBatch(db, batch([ev('add-task', T0 - 90 * DAY)]));
    expect(await pruneEvents(db, 90, T0)).toBe(0);
    expect(await db.count('events')).toBe(1);
  });

  it('does not count a re-sent event again after retention pruned it', async () => {
    const db = await freshDb();
    const old = ev('add-task', T0 - 100 * DAY);
    await storeBatch(db, batch([old]));
    await pruneEvents(db, 90, T0);
    await storeBatch(db, batch([old]));
    expect(await countsByFeature(db)).toEqual({ 'add-task': 1 });
  });
});
