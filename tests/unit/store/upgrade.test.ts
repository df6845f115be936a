import { describe, expect, it } from 'vitest';
import { type Rollup, type StoredEvent, dayOf, openStore } from '../../../lib/store/db';
import { MIGRATIONS } from '../../../lib/store/migrations';
import { pruneEvents, userRollups } from '../../../lib/store/queries';

let dbCount = 0;
const uniqueName = () => `upgrade-test-${++dbCount}-${Date.now()}`;

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 23, 15, 0).getTime();

/** Rows as Uptake v1 wrote them: the same shapes, before the v2 indexes and stores existed. */
function v1Rows() {
  const events: StoredEvent[] = [];
  const rollups = new Map<string, Rollup>();
  const plan: [account: string, user: string, feature: string, ageDays: number][] = [
    ['acme', 'u-1', 'create-project', 120],
    ['acme', 'u-1', 'add-task', 120],
    ['acme', 'u-1', 'add-task', 100],
    ['acme', 'u-1', 'add-task', 3],
    ['acme', 'u-2', 'invite-teammate', 95],
    ['globex', 'u-9', 'view-reports', 1],
  ];
  plan.forEach(([account, user, feature, ageDays], i) => {
    const ts = NOW - ageDays * DAY;
    const day = dayOf(ts);
    events.push({ id: `v1-page-${i}`, app: 'tasklane', account, user, feature, kind: 'submit', ts, day, path: '/projects' });
    const key = [account, user, day, feature].join('|');
    const r = rollups.get(key);
    if (r) r.count++;
    else rollups.set(key, { app: 'tasklane', account, user, day, feature, count: 1, firstTs: ts, lastTs: ts });
  });
  return { events, rollups: [...rollups.values()] };
}

async function populatedV1(name: string) {
  const rows = v1Rows();
  const v1 = await openStore(name, MIGRATIONS.slice(0, 1));
  expect(v1.version).toBe(1);
  expect([...v1.objectStoreNames].sort()).toEqual(['events', 'meta', 'rollups']);
  const tx = v1.transaction(['events', 'rollups', 'meta'], 'readwrite');
  await Promise.all([
    ...rows.events.map((e) => tx.objectStore('events').put(e)),
    ...rows.rollups.map((r) => tx.objectStore('rollups').put(r)),
    tx.objectStore('meta').put({ account: 'acme', user: 'u-1' }, 'identity:tasklane'),
    tx.done,
  ]);
  v1.close();
  return rows;
}

describe('upgrading a populated v1 database to v2', () => {
  it('keeps every v1 event, rollup and setting', async () => {
    const name = uniqueName();
    const rows = await populatedV1(name);
    const db = await openStore(name);
    expect(db.version).toBe(MIGRATIONS.length);
    expect(await db.getAll('events')).toEqual(expect.arrayContaining(rows.events));
    expect(await db.count('events')).toBe(rows.events.length);
    expect(await db.getAll('rollups')).toEqual(expect.arrayContaining(rows.rollups));
    expect(await db.count('rollups')).toBe(rows.rollups.length);
    expect(await db.get('meta', 'identity:tasklane')).toEqual({ account: 'acme', user: 'u-1' });
    db.close();
  });

  it('creates the milestones and meters stores, empty', async () => {
    const name = uniqueName();
    await populatedV1(name);
    const db = await openStore(name, MIGRATIONS.slice(0, 2));
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'meta', 'meters', 'milestones', 'rollups']);
    expect(await db.count('milestones')).toBe(0);
    expect(await db.count('meters')).toBe(0);
    await db.put('milestones', { app: 'tasklane', account: 'acme', user: 'u-1', milestone: 'first-project', reachedAt: NOW });
    expect(await db.getAllFromIndex('milestones', 'byUser', ['tasklane', 'acme', 'u-1'])).toHaveLength(1);
    db.close();
  });

  it('indexes old events by time, so the byTs index finds them', async () => {
    const name = uniqueName();
    const rows = await populatedV1(name);
    const db = await openStore(name);
    const older = await db.getAllFromIndex('events', 'byTs', IDBKeyRange.upperBound(NOW - 90 * DAY, true));
    expect(older.map((e) => e.id).sort()).toEqual(['v1-page-0', 'v1-page-1', 'v1-page-2', 'v1-page-4']);
    expect(await db.countFromIndex('events', 'byTs')).toBe(rows.events.length);
    db.close();
  });

  it('lets retention delete old v1 events while their rollups stay', async () => {
    const name = uniqueName();
    await populatedV1(name);
    const db = await openStore(name);
    expect(await pruneEvents(db, 90, NOW)).toBe(4);
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(['v1-page-3', 'v1-page-5']);
    const u1 = await userRollups(db, 'tasklane', { account: 'acme', user: 'u-1' });
    expect(u1.filter((r) => r.feature === 'add-task').reduce((n, r) => n + r.count, 0)).toBe(3);
    db.close();
  });

  it('indexes old rollups by user, so the byUser index finds them', async () => {
    const name = uniqueName();
    await populatedV1(name);
    const db = await openStore(name);
    const u1 = await userRollups(db, 'tasklane', { account: 'acme', user: 'u-1' });
    expect(u1.map((r) => r.feature).sort()).toEqual(['add-task', 'add-task', 'add-task', 'create-project']);
    const u9 = await db.getAllFromIndex('rollups', 'byUser', ['tasklane', 'globex', 'u-9']);
    expect(u9).toEqual([expect.objectContaining({ feature: 'view-reports', count: 1 })]);
    expect(await db.getAllFromIndex('rollups', 'byUser', ['tasklane', 'acme', 'nobody'])).toEqual([]);
    db.close();
  });

  it('opens an already-upgraded database again without changing it', async () => {
    const name = uniqueName();
    const rows = await populatedV1(name);
    (await openStore(name)).close();
    const db = await openStore(name);
    expect(db.version).toBe(MIGRATIONS.length);
    expect(await db.count('events')).toBe(rows.events.length);
    db.close();
  });
});
