import type { ScoringSettings } from './defaults';
import { dayNumber, localDay } from './days';
import type { ComponentVector, ScoringPlaybook, UserHistory } from './types';

/** Per-feature state on one day, kept for today and a week before: the evidence behind reasons. */
export interface FeatureSnapshot {
  /** Adoption a_f: 1 used on ≥ 2 days of the window, 0.5 on one, 0 not at all. */
  adoption: Float64Array;
  /** Decayed use count n_f. */
  decayed: Float64Array;
  /** Day number of the last use, or -1. */
  lastUsed: Int32Array;
  /** Uses in the 7 days ending that day. */
  week: Float64Array;
}

export interface DayState {
  day: number;
  /** Days since first seen. */
  age: number;
  components: ComponentVector;
  rho: number;
  valueReached: boolean;
  /** Days from first seen to the first value moment, when reached by this day. */
  ttvDays: number | null;
  coreActiveDays: number;
  lastCoreDay: number;
  /** Uses of plan-gated features in the gated window ending this day. */
  gatedAttempts: number;
  dropCondition: boolean;
  weekTotal: number;
  baselineMean: number | null;
}

export interface Timeline {
  firstDay: number;
  today: number;
  /** States of the last days, oldest first, today last. */
  days: DayState[];
  features: ScoringPlaybook['features'];
  current: FeatureSnapshot;
  weekAgo: FeatureSnapshot | null;
}

const MAX_DAYS = 3650;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

function snapshot(F: number): FeatureSnapshot {
  return { adoption: new Float64Array(F), decayed: new Float64Array(F), lastUsed: new Int32Array(F).fill(-1), week: new Float64Array(F) };
}

/**
 * One forward pass over the user's days, first seen to today: decayed counts, sliding
 * windows and exponential averages are updated day by day, so every component of
 * every recent day costs O(features) — a year of 50 features is a few thousand steps.
 */
export function buildTimeline(pb: ScoringPlaybook, h: UserHistory, now: number, s: ScoringSettings, keepDays: number): Timeline | null {
  if (h.usage.length === 0) return null;
  const today = localDay(now);
  let first = today;
  const usageDays = new Int32Array(h.usage.length);
  // Rollups come grouped by day: parse each day string once.
  let lastText = '';
  let lastDay = 0;
  h.usage.forEach((u, i) => {
    if (u.day !== lastText) [lastText, lastDay] = [u.day, dayNumber(u.day)];
    usageDays[i] = lastDay;
    if (lastDay < first) first = lastDay;
  });
  first = Math.max(first, today - MAX_DAYS + 1);
  const N = today - first + 1;
  const F = pb.features.length;
  const index = new Map(pb.features.map((f, i) => [f.id, i]));
  const counts = new Float64Array(F * N);
  for (let i = 0; i < h.usage.length; i++) {
    const u = h.usage[i]!;
    const f = index.get(u.feature);
    const d = usageDays[i]! - first;
    if (f === undefined || d < 0 || d >= N) continue;
    counts[f * N + d]! += u.count;
  }
  const core = pb.features.map((f) => f.core);
  const gated = pb.features.map((f) => f.planGated);
  const coreWeight = pb.features.reduce((n, f) => n + (f.core ? f.weight : 0), 0);

  const coreDaily = new Float64Array(N);
  const gatedDaily = new Float64Array(N);
  for (let f = 0; f < F; f++) {
    if (!core[f] && !gated[f]) continue;
    for (let d = 0; d < N; d++) {
      const c = counts[f * N + d]!;
      if (core[f]) coreDaily[d]! += c;
      if (gated[f]) gatedDaily[d]! += c;
    }
  }
  // Prefix sums: weekly totals and active days in any window in O(1).
  const prefix = new Float64Array(N + 1);
  const activePrefix = new Float64Array(N + 1);
  const gatedPrefix = new Float64Array(N + 1);
  for (let d = 0; d < N; d++) {
    prefix[d + 1] = prefix[d]! + coreDaily[d]!;
    activePrefix[d + 1] = activePrefix[d]! + (coreDaily[d]! > 0 ? 1 : 0);
    gatedPrefix[d + 1] = gatedPrefix[d]! + gatedDaily[d]!;
  }
  const sum = (p: Float64Array, from: number, to: number) => p[Math.max(0, Math.min(N, to + 1))]! - p[Math.max(0, Math.min(N, from))]!;

  const milestoneWeight = pb.milestones.reduce((n, m) => n + m.weight, 0);
  const reachedDay = new Map<string, number>();
  for (const r of h.milestones) {
    const d = localDay(r.reachedAt);
    reachedDay.set(r.milestone, Math.min(d, reachedDay.get(r.milestone) ?? d));
  }
  let valueDay = Number.POSITIVE_INFINITY;
  for (const m of pb.milestones) if (m.valueMoment && reachedDay.has(m.id)) valueDay = Math.min(valueDay, reachedDay.get(m.id)!);
  const hasValueMoment = pb.milestones.some((m) => m.valueMoment);

  const W = s.windowDays;
  const depthDecay = 2 ** (-1 / s.depthHalfLifeDays);
  const aShort = 1 - 2 ** (-1 / s.trend.shortHalfLifeDays);
  const aLong = 1 - 2 ** (-1 / s.trend.longHalfLifeDays);
  const decayed = new Float64Array(F);
  const activeInWindow = new Float64Array(F);
  const lastUsed = new Int32Array(F).fill(-1);
  let ewmaShort = 0;
  let ewmaLong = 0;
  let lastCore = -1;
  const days: DayState[] = [];
  const keepFrom = N - keepDays;
  const snapAt = (d: number) => {
    const snap = snapshot(F);
    for (let f = 0; f < F; f++) {
      const a = activeInWindow[f]!;
      snap.adoption[f] = a >= 2 ? 1 : a === 1 ? 0.5 : 0;
      snap.decayed[f] = decayed[f]!;
      snap.lastUsed[f] = lastUsed[f]! >= 0 ? lastUsed[f]! + first : -1;
      let week = 0;
      for (let k = Math.max(0, d - 6); k <= d; k++) week += counts[f * N + k]!;
      snap.week[f] = week;
    }
    return snap;
  };
  let todaySnap: FeatureSnapshot | null = null;
  let weekAgoSnap: FeatureSnapshot | null = null;
  const drop = s.dropAlert;

  for (let d = 0; d < N; d++) {
    for (let f = 0; f < F; f++) {
      const c = counts[f * N + d]!;
      decayed[f] = decayed[f]! * depthDecay + c;
      if (c > 0) {
        activeInWindow[f]! += 1;
        lastUsed[f] = d;
      }
      if (d - W >= 0 && counts[f * N + d - W]! > 0) activeInWindow[f]! -= 1;
    }
    const x = coreDaily[d]!;
    ewmaShort = aShort * x + (1 - aShort) * ewmaShort;
    ewmaLong = aLong * x + (1 - aLong) * ewmaLong;
    if (x > 0) lastCore = d;
    if (d < keepFrom) continue;

    const day = first + d;
    let breadth: number | null = null;
    let depth: number | null = null;
    if (coreWeight > 0) {
      let b = 0;
      let pw = 0;
      let p = 0;
      for (let f = 0; f < F; f++) {
        if (!core[f]) continue;
        const feature = pb.features[f]!;
        const active = activeInWindow[f]!;
        const a = active >= 2 ? 1 : active === 1 ? 0.5 : 0;
        b += feature.weight * a;
        if (a > 0) {
          pw += feature.weight;
          p += feature.weight * Math.min(1, Math.log1p(decayed[f]!) / Math.log1p(feature.depthTarget));
        }
      }
      breadth = b / coreWeight;
      depth = pw > 0 ? p / pw : null;
    }
    const coreActiveDays = sum(activePrefix, d - W + 1, d);
    let reachedW = 0;
    for (const m of pb.milestones) if ((reachedDay.get(m.id) ?? Number.POSITIVE_INFINITY) <= day) reachedW += m.weight;
    const valueReached = valueDay <= day;
    // A value moment stamped before the first recorded use (clock skew, imported history) counts as day 0.
    const ttvDays = valueReached ? Math.max(0, valueDay - first) : null;
    let ttv: number | null = null;
    if (hasValueMoment) {
      if (ttvDays !== null) ttv = clamp01((s.ttv.zeroDays - ttvDays) / Math.max(1, s.ttv.zeroDays - s.ttv.fullDays));
      else if (d >= s.ttv.zeroDays) ttv = 0;
    }
    // Bias-corrected averages: both start at zero, and the long one would lag for months otherwise.
    const short = ewmaShort / (1 - (1 - aShort) ** (d + 1));
    const long = ewmaLong / (1 - (1 - aLong) ** (d + 1));
    const rho = long > 0 ? short / long : 1;

    const weekTotal = sum(prefix, d - 6, d);
    let baselineMean: number | null = null;
    let dropCondition = false;
    const span = 7 * drop.baselineWeeks;
    if (d - 6 - span >= 0) {
      let mean = 0;
      const weeks: number[] = [];
      for (let k = 1; k <= drop.baselineWeeks; k++) weeks.push(sum(prefix, d - 7 * k - 6, d - 7 * k));
      for (const w of weeks) mean += w / weeks.length;
      let variance = 0;
      for (const w of weeks) variance += (w - mean) ** 2 / weeks.length;
      const sigma = Math.max(Math.sqrt(variance), drop.sigmaFloor, drop.sigmaFloorShare * mean);
      const activePerWeek = sum(activePrefix, d - 6 - span, d - 7) / drop.baselineWeeks;
      baselineMean = mean;
      // The drop is this week against the baseline weeks: 1 − ρ cannot see a 20–40% step
      // drop, since the long average falls too. "More than" 2σ under (strict), so one missed
      // day of a five-day week — exactly 20% and exactly the σ floor — stays ordinary noise.
      dropCondition =
        mean > 0 && 1 - weekTotal / mean >= drop.minDrop && weekTotal < mean - drop.sigmas * sigma && activePerWeek >= drop.minActiveDaysPerWeek;
    }

    days.push({
      day,
      age: d,
      components: {
        breadth,
        depth,
        stickiness: coreWeight > 0 ? Math.min(1, coreActiveDays / s.stickinessTargetDays) : null,
        recency: coreWeight > 0 ? (lastCore >= 0 ? 2 ** (-(d - lastCore) / s.recencyHalfLifeDays) : 0) : null,
        milestones: milestoneWeight > 0 ? reachedW / milestoneWeight : null,
        ttv,
        trend: clamp01(rho - 0.5),
      },
      rho,
      valueReached,
      ttvDays,
      coreActiveDays,
      lastCoreDay: lastCore >= 0 ? first + lastCore : -1,
      gatedAttempts: sum(gatedPrefix, d - s.expansion.gatedWindowDays + 1, d),
      dropCondition,
      weekTotal,
      baselineMean,
    });
    if (d === N - 8) weekAgoSnap = snapAt(d);
    if (d === N - 1) todaySnap = snapAt(d);
  }
  return { firstDay: first, today, days, features: pb.features, current: todaySnap!, weekAgo: weekAgoSnap };
}
