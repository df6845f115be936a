import type { Playbook } from '../playbook/schema';
import { scoreUser } from '../scoring/score';
import type { UserHistory, UserScore } from '../scoring/types';
import type { Identity } from '../types';
import type { ScoreRecord, UptakeDb, UserKey } from './db';

const key = (app: string, id: Identity): UserKey => [app, id.account, id.user];

/** Everything scoring needs about one user, read from the stores in one transaction. */
export async function loadHistory(db: UptakeDb, app: string, id: Identity): Promise<UserHistory> {
  const tx = db.transaction(['rollups', 'milestones', 'meters'], 'readonly');
  const [rollups, milestones, meters] = await Promise.all([
    tx.objectStore('rollups').index('byUser').getAll(key(app, id)),
    tx.objectStore('milestones').index('byUser').getAll(key(app, id)),
    tx.objectStore('meters').index('byUser').getAll(key(app, id)),
  ]);
  return {
    usage: rollups.map((r) => ({ day: r.day, feature: r.feature, count: r.count })),
    milestones: milestones.map((m) => ({ milestone: m.milestone, reachedAt: m.reachedAt })),
    meters: meters.map((m) => ({ meter: m.meter, used: m.used, limit: m.limit, ts: m.ts })),
  };
}

/**
 * Recomputes one user's score from the stored rollups and records it as today's
 * entry of the score history. Scores are derived, never accumulated: rescoring any
 * number of times (after a batch, daily, after a playbook change) counts nothing twice.
 */
export async function rescoreUser(db: UptakeDb, pb: Playbook, id: Identity, now: number): Promise<UserScore | null> {
  const app = pb.app.id;
  const score = scoreUser(pb, await loadHistory(db, app, id), now);
  if (!score) return null;
  const record: ScoreRecord = {
    app,
    account: id.account,
    user: id.user,
    day: score.day,
    score: score.score,
    band: score.band,
    stage: score.stage,
    components: score.components,
    contributions: score.contributions,
    reasons: score.reasons,
    alert: score.alert.active,
    expansionReady: score.expansion.ready,
    scoringVersion: score.scoringVersion,
    computedAt: now,
  };
  await db.put('scores', record);
  return score;
}

/** Every user with recorded use of an app. */
export async function listUsers(db: UptakeDb, app: string): Promise<Identity[]> {
  const out: Identity[] = [];
  const range = IDBKeyRange.bound([app], [app, []]);
  let cursor = await db.transaction('rollups').store.index('byUser').openKeyCursor(range, 'nextunique');
  while (cursor) {
    const [, account, user] = cursor.key as UserKey;
    out.push({ account, user });
    cursor = await cursor.continue();
  }
  return out;
}

export async function rescoreAll(db: UptakeDb, pb: Playbook, now: number): Promise<number> {
  const users = await listUsers(db, pb.app.id);
  for (const id of users) await rescoreUser(db, pb, id, now);
  return users.length;
}

export function scoreHistory(db: UptakeDb, app: string, id: Identity): Promise<ScoreRecord[]> {
  return db.getAllFromIndex('scores', 'byUser', key(app, id));
}
