import type { Milestone } from '../playbook/schema';

/** Uses of one feature on one day, as the rollups store them. */
export interface DailyCount {
  day: string;
  feature: string;
  count: number;
}

/** The first day (YYYY-MM-DD, local) that is still inside a window of `days` days ending on `today`. */
export function windowStart(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d - (days - 1));
  const mm = String(start.getMonth() + 1).padStart(2, '0');
  const dd = String(start.getDate()).padStart(2, '0');
  return `${start.getFullYear()}-${mm}-${dd}`;
}

function totals(counts: readonly DailyCount[], fromDay: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) {
    if (fromDay !== null && c.day < fromDay) continue;
    out.set(c.feature, (out.get(c.feature) ?? 0) + c.count);
  }
  return out;
}

/** Whether a milestone's conditions hold over the user's daily counts, as of `today`. */
export function milestoneHolds(m: Milestone, counts: readonly DailyCount[], today: string): boolean {
  const used = totals(counts, m.withinDays ? windowStart(today, m.withinDays) : null);
  const met = (c: { feature: string; atLeast: number }) => (used.get(c.feature) ?? 0) >= c.atLeast;
  const all = m.allOf ? m.allOf.every(met) : true;
  const any = m.anyOf && m.anyOf.length > 0 ? m.anyOf.some(met) : true;
  return all && any;
}

/** Milestones newly reached: those that hold now and were not reached before. */
export function newlyReached(
  milestones: readonly Milestone[],
  counts: readonly DailyCount[],
  alreadyReached: ReadonlySet<string>,
  today: string,
): Milestone[] {
  return milestones.filter((m) => !alreadyReached.has(m.id) && milestoneHolds(m, counts, today));
}

