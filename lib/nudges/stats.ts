import type { Nudge } from '../playbook/nudges-schema';
import { dayNumber, localDay } from '../scoring/days';
import type { NudgeLogEntry } from './types';

/** How long after a nudge a use of its target feature counts as a conversion. */
export const CONVERSION_DAYS = 7;

export interface NudgeStats {
  nudge: string;
  name: string;
  /** Times the nudge was due: shown plus held out. */
  eligible: number;
  shown: number;
  heldOut: number;
  clicked: number;
  dismissed: number;
  /** Shown, then the target feature used within 7 days. */
  converted: number;
  /** Held out, then the target feature used anyway within 7 days. */
  controlConverted: number;
  /** Conversion rate shown minus rate held out, in percentage points; null without both groups or a target. */
  lift: number | null;
}

export interface TargetUse {
  feature: string;
  day: string;
  /** Last use that day (epoch ms): a use earlier the same day than the nudge does not count. */
  lastTs: number;
}

function convertedAfter(ts: number, target: string | undefined, uses: readonly TargetUse[]): boolean {
  if (!target) return false;
  const from = localDay(ts);
  return uses.some((u) => {
    if (u.feature !== target) return false;
    const d = dayNumber(u.day);
    return d >= from && d <= from + CONVERSION_DAYS && u.lastTs > ts;
  });
}

/** Per nudge: eligible, shown, held out, clicked, dismissed, converted, and lift against the holdout. */
export function nudgeStats(nudges: readonly Nudge[], log: readonly NudgeLogEntry[], uses: readonly TargetUse[]): NudgeStats[] {
  return nudges.map((n) => {
    const mine = log.filter((e) => e.nudge === n.id);
    const count = (a: NudgeLogEntry['action']) => mine.filter((e) => e.action === a).length;
    const shownAt = mine.filter((e) => e.action === 'shown').map((e) => e.ts);
    const heldAt = mine.filter((e) => e.action === 'heldout').map((e) => e.ts);
    const converted = shownAt.filter((ts) => convertedAfter(ts, n.target, uses)).length;
    const controlConverted = heldAt.filter((ts) => convertedAfter(ts, n.target, uses)).length;
    const lift =
      n.target && shownAt.length > 0 && heldAt.length > 0 ? Math.round((converted / shownAt.length - controlConverted / heldAt.length) * 1000) / 10 : null;
    return {
      nudge: n.id,
      name: n.title,
      eligible: shownAt.length + heldAt.length,
      shown: shownAt.length,
      heldOut: heldAt.length,
      clicked: count('clicked'),
      // "Don't show this again" is a dismissal too: the shown count (and so the lift) keeps it.
      dismissed: count('dismissed') + count('never'),
      converted,
      controlConverted,
      lift,
    };
  });
}
