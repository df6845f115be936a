import { bandSequence, combine } from './combine';
import { SCORING_VERSION, type ScoringSettings, scoringSettings } from './defaults';
import { dayString } from './days';
import { expansionReadiness } from './expansion';
import { componentDeltas, nextStep, reasons } from './explain';
import { buildTimeline } from './timeline';
import type { ScoringPlaybook, Stage, UserHistory, UserScore } from './types';

/** Days of recent history scored each time: enough for hysteresis, a 14-day green streak and a week-over-week view. */
function keepDays(s: ScoringSettings): number {
  return Math.max(35, s.expansion.greenDays + s.hysteresis.days + 8);
}

/**
 * Scores one user as of `now`: a pure function of the playbook, the user's daily
 * rollups, milestones and meter readings. The same inputs always give the same result.
 * Returns null for a user with no recorded use.
 */
export function scoreUser(pb: ScoringPlaybook, h: UserHistory, now: number, settings?: ScoringSettings): UserScore | null {
  const s = settings ?? scoringSettings(pb.settings.scoring);
  const t = buildTimeline(pb, h, now, s, keepDays(s));
  if (!t) return null;
  const stageOf = (age: number, valueReached: boolean): Stage => (age < s.onboardingDays || !valueReached ? 'onboarding' : 'adopted');
  const combined = t.days.map((d) => combine(d.components, stageOf(d.age, d.valueReached), s));
  const bands = bandSequence(
    combined.map((c) => c.score),
    s,
  );
  const last = t.days.length - 1;
  const today = t.days[last]!;
  const c = combined[last]!;
  let greenStreak = 0;
  for (let i = last; i >= 0 && bands[i]!.band === 'green'; i--) greenStreak++;
  const alertActive = today.dropCondition && (t.days[last - 1]?.dropCondition ?? false);
  const weekAgo = last >= 7 ? t.days[last - 7]! : null;
  const changes = componentDeltas(today.components, weekAgo?.components ?? null, weekAgo ? combined[last - 7]!.score : 0, c.weights);

  const adoption: Record<string, number> = {};
  pb.features.forEach((f, i) => {
    if (f.core) adoption[f.id] = t.current.adoption[i]!;
  });

  return {
    day: dayString(today.day),
    score: c.score,
    band: bands[last]!.band,
    rawBand: bands[last]!.raw,
    stage: stageOf(today.age, today.valueReached),
    components: today.components,
    weights: c.weights,
    contributions: c.contributions,
    reasons: reasons(pb, t, h, changes),
    nextStep: nextStep(pb, t, h, c.weights, s),
    alert: {
      active: alertActive,
      drop: today.baselineMean ? Math.max(0, 1 - today.weekTotal / today.baselineMean) : Math.max(0, 1 - today.rho),
      weekTotal: today.weekTotal,
      baselineMean: today.baselineMean,
    },
    trend: today.rho,
    gatedAttempts: today.gatedAttempts,
    ttvDays: today.ttvDays,
    firstSeen: dayString(t.firstDay),
    expansion: expansionReadiness(pb, h, today, greenStreak, bands[last]!.band, alertActive, today.components.breadth, today.components.depth, s),
    adoption,
    history: t.days.map((d, i) => ({ day: dayString(d.day), score: combined[i]!.score, band: bands[i]!.band })),
    scoringVersion: SCORING_VERSION,
  };
}
