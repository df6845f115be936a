import type { DecideInput } from '../nudges/types';
import type { Playbook } from '../playbook/schema';
import type { Identity } from '../types';
import type { NudgeRecord, UptakeDb, UserKey } from './db';

const key = (app: string, id: Identity): UserKey => [app, id.account, id.user];
const pauseKey = (app: string, id: Identity) => `pause:${app}:${id.account}:${id.user}`;
export const LEASE_KEY = 'nudge-lease';
/** A shown nudge holds the "one visible nudge" lease this long unless closed earlier (a tab left open, a crash). */
export const LEASE_MS = 10 * 60_000;

export interface Lease {
  tabId: number;
  nudge: string;
  until: number;
}

export async function logNudge(db: UptakeDb, app: string, id: Identity, nudge: string, action: NudgeRecord['action'], ts: number): Promise<void> {
  await db.add('nudges', { app, account: id.account, user: id.user, nudge, action, ts });
}

/** Everything the nudge decision needs about this user, read from storage. */
export async function decideInputs(
  db: UptakeDb,
  pb: Playbook,
  id: Identity,
): Promise<Pick<DecideInput, 'featureCounts' | 'reached' | 'completedGuides' | 'meters' | 'log' | 'pausedUntil'>> {
  const tx = db.transaction(['rollups', 'milestones', 'guides', 'meters', 'nudges', 'meta'], 'readonly');
  const k = key(pb.app.id, id);
  const [rollups, milestones, guides, meters, log, paused] = await Promise.all([
    tx.objectStore('rollups').index('byUser').getAll(k),
    tx.objectStore('milestones').index('byUser').getAll(k),
    tx.objectStore('guides').index('byUser').getAll(k),
    tx.objectStore('meters').index('byUser').getAll(k),
    tx.objectStore('nudges').index('byUser').getAll(k),
    tx.objectStore('meta').get(pauseKey(pb.app.id, id)) as Promise<number | undefined>,
  ]);
  // No prototype: ids such as "constructor" are features, milestones and guides like any other.
  const featureCounts: Record<string, number> = Object.create(null);
  for (const r of rollups) featureCounts[r.feature] = (featureCounts[r.feature] ?? 0) + r.count;
  const latest = new Map<string, (typeof meters)[number]>();
  for (const m of meters) if ((latest.get(m.meter)?.ts ?? -1) < m.ts) latest.set(m.meter, m);
  return {
    featureCounts,
    reached: Object.assign(Object.create(null), Object.fromEntries(milestones.map((m) => [m.milestone, m.reachedAt]))),
    completedGuides: Object.assign(Object.create(null), Object.fromEntries(guides.filter((g) => g.status === 'completed').map((g) => [g.guide, g.updatedAt]))),
    meters: [...latest.values()].map((m) => ({ meter: m.meter, used: m.used, limit: m.limit })),
    log: log.map((r) => ({ nudge: r.nudge, action: r.action, ts: r.ts })),
    pausedUntil: paused ?? null,
  };
}

/** "Pause tips for today": until the end of the local day. */
export async function pauseForToday(db: UptakeDb, app: string, id: Identity, now: number): Promise<number> {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  await db.put('meta', end.getTime(), pauseKey(app, id));
  return end.getTime();
}
