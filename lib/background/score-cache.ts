import type { Playbook } from '../playbook/schema';
import type { UserScore } from '../scoring/types';
import type { UptakeDb } from '../store/db';
import { rescoreUser } from '../store/scores';
import type { Identity } from '../types';

/** How long a computed score answers nudge checks without recomputing, when nothing new was stored. */
export const SCORE_FRESH_MS = 60_000;

/**
 * The latest score per user, kept in the worker's memory: a nudge check on every
 * route change should not re-read a year of rollups. Stored batches and playbook
 * changes make it stale; a stopped worker simply starts empty.
 */
export function createScoreCache() {
  const cache = new Map<string, { score: UserScore | null; at: number; playbook: Playbook }>();
  const keyOf = (id: Identity) => `${id.account}\u0000${id.user}`;
  return {
    invalidate(id?: Identity) {
      if (id) cache.delete(keyOf(id));
      else cache.clear();
    },
    async get(db: UptakeDb, pb: Playbook, id: Identity, now: number): Promise<UserScore | null> {
      const hit = cache.get(keyOf(id));
      if (hit && hit.playbook === pb && now - hit.at < SCORE_FRESH_MS && now >= hit.at) return hit.score;
      const score = await rescoreUser(db, pb, id, now);
      cache.set(keyOf(id), { score, at: now, playbook: pb });
      return score;
    },
  };
}

export type ScoreCache = ReturnType<typeof createScoreCache>;
