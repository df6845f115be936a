import type { ScoringSettings } from './defaults';
import { localDay } from './days';
import type { Band, ExpansionReadiness, ScoringPlaybook, UserHistory } from './types';
import type { DayState } from './timeline';

/**
 * Value before expansion: an upgrade prompt is earned only by a healthy user who has
 * reached value, whose use is steady, who shows a real pull signal, and who has not
 * just been asked.
 */
export function expansionReadiness(
  pb: ScoringPlaybook,
  h: UserHistory,
  today: DayState,
  greenStreak: number,
  band: Band,
  alertActive: boolean,
  breadth: number | null,
  depth: number | null,
  s: ScoringSettings,
): ExpansionReadiness {
  const e = s.expansion;
  const valueProven = band === 'green' && greenStreak >= e.greenDays && today.valueReached;
  const stable = !alertActive && today.rho >= e.minTrend;

  const signals: string[] = [];
  const latest = new Map<string, UserHistory['meters'][number]>();
  for (const r of h.meters) if (localDay(r.ts) <= today.day && (latest.get(r.meter)?.ts ?? -1) < r.ts) latest.set(r.meter, r);
  for (const m of pb.meters) {
    const r = latest.get(m.id);
    const limit = r?.limit ?? m.limit ?? null;
    if (!r || !limit) continue;
    const share = r.used / limit;
    if ((m.seats && share >= e.seatsShare) || share >= e.meterShare) signals.push(`Using ${r.used} of ${limit} ${m.name.toLowerCase()}`);
  }
  if (today.gatedAttempts >= e.gatedAttempts) {
    const names = pb.features.filter((f) => f.planGated).map((f) => f.name);
    // Three names at most: a signal is exported and the export holds 2,000 characters per signal.
    const listed = names.length > 3 ? `${names.slice(0, 3).join(' / ')} and ${names.length - 3} more` : names.join(' / ');
    signals.push(`Tried ${listed} ${today.gatedAttempts} times in ${e.gatedWindowDays} days`);
  }
  if ((breadth ?? 0) >= e.breadth && (depth ?? 0) >= e.depth) signals.push('Uses the core of the product widely and deeply');
  const pull = signals.length > 0;

  const day = today.day;
  const within = (ts: number, days: number) => localDay(ts) > day - days && localDay(ts) <= day;
  const recentPrompts = (h.expansionPrompts ?? []).filter((ts) => within(ts, e.promptGapDays)).length;
  const dismissals = (h.expansionDismissals ?? []).filter((ts) => within(ts, e.dismissalWindowDays)).length;
  const notFatigued = recentPrompts === 0 && dismissals < e.maxDismissals;

  const ready = valueProven && stable && pull && notFatigued;
  return {
    ready,
    csmFlag: ready && pb.app.plan?.segment === 'high-touch',
    conditions: { valueProven, stable, pull, notFatigued },
    signals,
  };
}
