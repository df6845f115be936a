import type { Playbook } from '../playbook/schema';
import type { UserScore } from '../scoring/types';
import type { UserSummary } from '../types';
import { hashIdentity } from './hash';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ExportRecord } from './schema';

// A time no Date can hold (stored before timestamps were bounded at the boundary) is left out, not fatal to the whole export.
const iso = (ts: number | null) => (ts === null || !Number.isFinite(new Date(ts).getTime()) ? null : new Date(ts).toISOString());

export interface RecordContext {
  playbook: Pick<Playbook, 'app'>;
  /** From `playbookHash(text)`. */
  playbookHash: string;
  now: number;
  /** Hash account and user in this export (when the playbook has not already hashed them at capture). */
  hashIdentities: boolean;
  /** This user's per-nudge stats (lib/nudges/stats.ts); none when the playbook has no nudges. */
  nudges?: ExportRecord['nudges'];
}

/**
 * One user's export record: what the popup shows, plus the formula behind the score
 * (components, weights, contributions) and the scoring version, so a CSM can trace
 * every number. Pure apart from hashing.
 */
export async function buildRecord(summary: UserSummary, score: UserScore, ctx: RecordContext): Promise<ExportRecord> {
  const { app } = ctx.playbook;
  const hashedAtCapture = app.identity.hash;
  const hashNow = ctx.hashIdentities && !hashedAtCapture;
  const { account, user } = summary.identity;
  return {
    playbook: { appId: app.id, appName: app.name, hash: ctx.playbookHash, version: 1 },
    scoringVersion: score.scoringVersion,
    exportedAt: iso(ctx.now)!,
    account: hashNow ? await hashIdentity(app.id, account) : account,
    user: hashNow ? await hashIdentity(app.id, user) : user,
    identityHashed: hashedAtCapture || hashNow,
    score: score.score,
    band: score.band,
    stage: score.stage,
    firstSeen: score.firstSeen,
    components: { ...score.components },
    weights: { ...score.weights },
    contributions: { ...score.contributions },
    reasons: score.reasons.map((r) => ({ code: r.code, component: r.component, delta: r.delta, text: r.text })),
    features: summary.features.map((f) => ({
      id: f.id,
      name: f.name,
      core: f.core,
      count: f.count,
      firstUsed: iso(f.firstUsed),
      lastUsed: iso(f.lastUsed),
      adoption: f.core ? (score.adoption[f.id] ?? 0) : null,
    })),
    milestones: summary.milestones.map((m) => ({ id: m.id, name: m.name, valueMoment: m.valueMoment, reachedAt: iso(m.reachedAt) })),
    meters: summary.meters.map((m) => ({ id: m.id, name: m.name, used: m.used, limit: m.limit, readAt: iso(m.readAt) })),
    // A value moment stamped before the first recorded use (a clock change, pruned history) is day 0, not a negative time.
    ttvDays: score.ttvDays === null ? null : Math.max(0, score.ttvDays),
    usageDrop: {
      active: score.alert.active,
      drop: score.alert.drop,
      trend: score.trend,
      weekTotal: score.alert.weekTotal,
      baselineMean: score.alert.baselineMean,
    },
    expansion: {
      ready: score.expansion.ready,
      csmFlag: score.expansion.csmFlag,
      conditions: { ...score.expansion.conditions },
      signals: [...score.expansion.signals],
    },
    nudges: (ctx.nudges ?? []).map((n) => ({ ...n })),
  };
}

export function exportFile(records: ExportRecord[], now: number): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: iso(now)!, records };
}
