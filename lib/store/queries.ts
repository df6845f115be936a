import { newlyReached } from '../milestones/evaluate';
import type { Playbook } from '../playbook/schema';
import type { FeatureUsage, Identity, MeterStatus, UserSummary } from '../types';
import { type MeterReading, PRUNED_BEFORE, type Rollup, type UptakeDb, type UserKey, dayOf } from './db';

const userKey = (app: string, id: Identity): UserKey => [app, id.account, id.user];

export function userRollups(db: UptakeDb, app: string, id: Identity): Promise<Rollup[]> {
  return db.getAllFromIndex('rollups', 'byUser', userKey(app, id));
}

/**
 * Records milestones that now hold for this user, stamped `now`. Reading and
 * writing happen in one transaction, so two batches racing cannot stamp one twice.
 */
export async function updateMilestones(db: UptakeDb, pb: Playbook, id: Identity, now: number): Promise<string[]> {
  if (pb.milestones.length === 0) return [];
  const app = pb.app.id;
  const tx = db.transaction(['rollups', 'milestones'], 'readwrite');
  const [rollups, reached] = await Promise.all([
    tx.objectStore('rollups').index('byUser').getAll(userKey(app, id)),
    tx.objectStore('milestones').index('byUser').getAll(userKey(app, id)),
  ]);
  const done = new Set(reached.map((r) => r.milestone));
  const fresh = newlyReached(pb.milestones, rollups, done, dayOf(now));
  await Promise.all([
    ...fresh.map((m) => tx.objectStore('milestones').put({ app, account: id.account, user: id.user, milestone: m.id, reachedAt: now })),
    tx.done,
  ]);
  return fresh.map((m) => m.id);
}

function featureUsage(pb: Playbook, rollups: readonly Rollup[]): FeatureUsage[] {
  return pb.features.map((f) => {
    const mine = rollups.filter((r) => r.feature === f.id);
    return {
      id: f.id,
      name: f.name,
      core: f.core,
      count: mine.reduce((n, r) => n + r.count, 0),
      // A fold, not Math.min(...): no spread of a long list into arguments.
      firstUsed: mine.length ? mine.reduce((m, r) => Math.min(m, r.firstTs), Number.POSITIVE_INFINITY) : null,
      lastUsed: mine.length ? mine.reduce((m, r) => Math.max(m, r.lastTs), Number.NEGATIVE_INFINITY) : null,
    };
  });
}

function meterStatus(pb: Playbook, readings: readonly MeterReading[], usage: readonly FeatureUsage[]): MeterStatus[] {
  return pb.meters.map((m) => {
    if (m.source.from === 'events') {
      const feature = m.source.feature;
      const u = usage.find((f) => f.id === feature);
      return { id: m.id, name: m.name, used: u?.count ?? 0, limit: m.limit ?? null, readAt: u?.lastUsed ?? null };
    }
    const latest = readings.filter((r) => r.meter === m.id).sort((a, b) => b.ts - a.ts)[0];
    return {
      id: m.id,
      name: m.name,
      used: latest?.used ?? null,
      limit: latest?.limit ?? m.limit ?? null,
      readAt: latest?.ts ?? null,
    };
  });
}

export async function userSummary(db: UptakeDb, pb: Playbook, id: Identity): Promise<UserSummary> {
  const app = pb.app.id;
  const [rollups, reached, readings] = await Promise.all([
    userRollups(db, app, id),
    db.getAllFromIndex('milestones', 'byUser', userKey(app, id)),
    db.getAllFromIndex('meters', 'byUser', userKey(app, id)),
  ]);
  const features = featureUsage(pb, rollups);
  const when = new Map(reached.map((r) => [r.milestone, r.reachedAt]));
  return {
    app: { id: app, name: pb.app.name },
    score: null,
    identity: id,
    features,
    milestones: pb.milestones.map((m) => ({ id: m.id, name: m.name, valueMoment: m.valueMoment, reachedAt: when.get(m.id) ?? null })),
    meters: meterStatus(pb, readings, features),
    totalEvents: features.reduce((n, f) => n + f.count, 0),
  };
}

/** Deletes raw events older than the retention window; rollups keep their counts. */
export async function pruneEvents(db: UptakeDb, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * 86_400_000;
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const previous = ((await meta.get(PRUNED_BEFORE)) as number | undefined) ?? 0;
  if (cutoff > previous) await meta.put(cutoff, PRUNED_BEFORE);
  let removed = 0;
  let cursor = await tx.objectStore('events').index('byTs').openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    await cursor.delete();
    removed++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

export async function storageStats(db: UptakeDb) {
  const [events, rollups, milestones, meters, scores] = await Promise.all([
    db.count('events'),
    db.count('rollups'),
    db.count('milestones'),
    db.count('meters'),
    db.count('scores'),
  ]);
  return { events, rollups, milestones, meters, scores };
}

/** The last identity seen on an app: whose progress the popup shows. */
export const identityKey = (app: string) => `identity:${app}`;
