/**
 * Export records for users who never ran this browser: real scores (lib/scoring) of
 * synthetic histories, written with the same builder the background uses. Used by
 * the unit tests, the e2e tests (the "other users" a CSM loads) and the benchmark.
 */
import { buildRecord } from '../../lib/export/build';
import { playbookHash } from '../../lib/export/hash';
import type { ExportRecord } from '../../lib/export/schema';
import type { Playbook } from '../../lib/playbook/schema';
import { scoreUser } from '../../lib/scoring/score';
import type { UserHistory } from '../../lib/scoring/types';
import type { Identity, UserSummary } from '../../lib/types';

const noonOf = (day: string) => new Date(`${day}T12:00:00`).getTime();

/** What the popup's summary would hold for a user with this history. */
export function summaryOf(pb: Playbook, identity: Identity, h: UserHistory): UserSummary {
  const features = pb.features.map((f) => {
    const rows = h.usage.filter((u) => u.feature === f.id);
    const days = rows.map((r) => noonOf(r.day));
    return {
      id: f.id,
      name: f.name,
      core: f.core,
      count: rows.reduce((n, r) => n + r.count, 0),
      firstUsed: days.length ? Math.min(...days) : null,
      lastUsed: days.length ? Math.max(...days) : null,
    };
  });
  const reached = new Map(h.milestones.map((m) => [m.milestone, m.reachedAt]));
  return {
    app: { id: pb.app.id, name: pb.app.name },
    score: null,
    identity,
    features,
    milestones: pb.milestones.map((m) => ({ id: m.id, name: m.name, valueMoment: m.valueMoment, reachedAt: reached.get(m.id) ?? null })),
    meters: pb.meters.map((m) => {
      const last = h.meters.filter((r) => r.meter === m.id).sort((a, b) => b.ts - a.ts)[0];
      return { id: m.id, name: m.name, used: last?.used ?? null, limit: last?.limit ?? m.limit ?? null, readAt: last?.ts ?? null };
    }),
    totalEvents: features.reduce((n, f) => n + f.count, 0),
  };
}

export interface SyntheticUser extends Identity {
  history: UserHistory;
}

/** Scores each user as of `now` and builds their export record, stamped `exportedAt` (default `now`). */
export async function syntheticRecords(
  pb: Playbook,
  playbookText: string,
  users: readonly SyntheticUser[],
  now: number,
  opts: { exportedAt?: number; hashIdentities?: boolean } = {},
): Promise<ExportRecord[]> {
  const hash = await playbookHash(playbookText);
  const out: ExportRecord[] = [];
  for (const u of users) {
    const score = scoreUser(pb, u.history, now);
    if (!score) continue;
    const identity = { account: u.account, user: u.user };
    out.push(
      await buildRecord(summaryOf(pb, identity, u.history), score, {
        playbook: pb,
        playbookHash: hash,
        now: opts.exportedAt ?? now,
        hashIdentities: opts.hashIdentities ?? false,
      }),
    );
  }
  return out;
}
