import type { Playbook } from '../playbook/schema';
import { scoringSettings } from '../scoring/defaults';
import type { UserScore } from '../scoring/types';

type Reading = { meter: string; used: number; limit: number | null };

/**
 * Why an expansion prompt shows now, said to the customer ("You're using 9 of 10 seats"): meters near
 * their limit and plan-gated features tried. Never the scoring's own reasons ("Uses the core of the
 * product widely and deeply"), which stay in the CSM's console and export.
 */
export function offerLines(pb: Pick<Playbook, 'features' | 'meters' | 'settings'>, meters: readonly Reading[], score: UserScore | null): string[] {
  const e = scoringSettings(pb.settings.scoring).expansion;
  const lines: string[] = [];
  for (const m of pb.meters) {
    const r = meters.find((x) => x.meter === m.id);
    const limit = r?.limit ?? m.limit;
    if (r && limit && r.used / limit >= (m.seats ? e.seatsShare : e.meterShare)) lines.push(`You're using ${r.used} of ${limit} ${m.name.toLowerCase()}`);
  }
  const gated = pb.features.filter((f) => f.planGated).map((f) => f.name);
  const n = score?.gatedAttempts ?? 0;
  if (gated.length && n >= e.gatedAttempts) lines.push(`You tried ${gated.slice(0, 2).join(' and ')} ${n} times in the last ${e.gatedWindowDays} days`);
  return lines;
}
