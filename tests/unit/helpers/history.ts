import type { UserHistory } from '../../../lib/scoring/types';
import { prng } from '../../../scripts/lib/synthetic';

/**
 * Builds user histories for the scoring tests in days relative to a fixed `now`, in
 * local time, so a test reads "used on 5 days a week for 10 weeks" instead of dates.
 */

/** Monday 23 November 2026, noon local time: the default "now" of the scoring tests. */
export const NOW = new Date(2026, 10, 23, 12).getTime();

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date `daysAgo` days before `now`, as a Date at noon (noon stays on the same day across DST). */
function noonAgo(daysAgo: number, now: number): Date {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, 12);
}

/** "YYYY-MM-DD" of the local day `daysAgo` days before `now` (0 = today, negative = future). */
export function dayAgo(daysAgo: number, now = NOW): string {
  const d = noonAgo(daysAgo, now);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Epoch ms of noon on the local day `daysAgo` days before `now`. */
export function tsAgo(daysAgo: number, now = NOW): number {
  return noonAgo(daysAgo, now).getTime();
}

/** `now` moved by whole local days (positive = later), keeping the time of day. */
export function shiftDays(days: number, now = NOW): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, d.getHours(), d.getMinutes()).getTime();
}

/** Days ago from `from` down to `to`, both included (`from` ≥ `to`), oldest first. */
export function span(from: number, to = 0): number[] {
  const out: number[] = [];
  for (let d = from; d >= to; d--) out.push(d);
  return out;
}

/** The days of `span(from, to)` on which a user active `perWeek` days a week works: the same weekdays each week. */
export function weekly(perWeek: number, from: number, to = 0): number[] {
  return span(from, to).filter((d) => ((d % 7) + 7) % 7 < perWeek);
}

type Row = UserHistory['usage'][number];

/**
 * Usage rows: `feature` used on each of `days` (days ago); `count` is a number or a
 * function of the day, and days with a count of 0 or less are left out.
 */
export function uses(feature: string | readonly string[], days: readonly number[], count: number | ((daysAgo: number) => number) = 1, now = NOW): Row[] {
  const features = typeof feature === 'string' ? [feature] : feature;
  const rows: Row[] = [];
  for (const f of features) {
    for (const d of days) {
      const c = typeof count === 'number' ? count : count(d);
      if (c > 0) rows.push({ day: dayAgo(d, now), feature: f, count: c });
    }
  }
  return rows;
}

export interface HistoryParts {
  usage?: readonly Row[];
  /** Milestone id → days ago it was reached. */
  milestones?: Readonly<Record<string, number>>;
  /** Meter readings, days ago of the reading (default today). */
  meters?: readonly { meter: string; used: number; limit: number | null; daysAgo?: number }[];
  /** Days ago of expansion prompts shown and dismissed. */
  prompts?: readonly number[];
  dismissals?: readonly number[];
}

/** A UserHistory from parts given in days ago. */
export function history(parts: HistoryParts, now = NOW): UserHistory {
  return {
    usage: parts.usage ?? [],
    milestones: Object.entries(parts.milestones ?? {}).map(([milestone, d]) => ({ milestone, reachedAt: tsAgo(d, now) })),
    meters: (parts.meters ?? []).map((m) => ({ meter: m.meter, used: m.used, limit: m.limit, ts: tsAgo(m.daysAgo ?? 0, now) })),
    expansionPrompts: (parts.prompts ?? []).map((d) => tsAgo(d, now)),
    expansionDismissals: (parts.dismissals ?? []).map((d) => tsAgo(d, now)),
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same "random" noise on every run. */
export const seeded = prng;
