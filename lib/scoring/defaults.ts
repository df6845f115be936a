/**
 * Every weight, threshold and target of the score, named in one place with the
 * reason for it. A playbook may override any of them (`settings.scoring`); these are
 * the defaults of ../shared/SCORING.md. Values marked *heuristic* have no published
 * source: they are starting points to re-fit once renewal outcomes exist.
 */

export const COMPONENTS = ['breadth', 'depth', 'stickiness', 'recency', 'milestones', 'ttv', 'trend'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

export const SCORING_VERSION = '1.0.0';

export const DEFAULT_SCORING = {
  weights: {
    // Onboarding (young, or value not reached yet): reaching milestones and getting to
    // value fast matter most; depth and trend are noise on a few days of data.
    onboarding: { breadth: 0.15, depth: 0, stickiness: 0.15, recency: 0.15, milestones: 0.35, ttv: 0.2, trend: 0 },
    // Adopted: Gainsight-style breadth + depth, Pendo-style stickiness, with recency and
    // trend catching decline early; milestones are mostly done, ttv is history.
    adopted: { breadth: 0.25, depth: 0.15, stickiness: 0.2, recency: 0.15, milestones: 0.1, ttv: 0, trend: 0.15 },
  } satisfies Record<'onboarding' | 'adopted', Weights>,
  /** Days a user counts as onboarding, whatever they reached (the usual 30-day onboarding window). */
  onboardingDays: 30,
  /** Window for breadth and stickiness: Amplitude's L28. */
  windowDays: 28,
  /** Active days out of 28 that count as fully sticky: 13 for a daily-use app, 8 for weekly (L28 power-user curve). */
  stickinessTargetDays: 13,
  /** Half-life of the use counts behind depth: a month-old burst should count for a quarter. */
  depthHalfLifeDays: 14,
  /** Half-life of recency: a week without core use halves it. */
  recencyHalfLifeDays: 7,
  /** Time to value: full marks within a week, nothing from a month (*heuristic*). */
  ttv: { fullDays: 7, zeroDays: 30 },
  /** Trend compares a short and a long exponential average of daily core use. */
  trend: { shortHalfLifeDays: 7, longHalfLifeDays: 28 },
  /** Bands (*heuristic*) and the hysteresis that stops a user flickering between them. */
  bands: { green: 70, yellow: 40 },
  hysteresis: { days: 3, points: 3 },
  /** Usage-drop alert (*heuristic*: the "20% drop" rule, a 2-sigma weekly test, an active baseline). */
  dropAlert: { minDrop: 0.2, sigmas: 2, baselineWeeks: 8, minActiveDaysPerWeek: 3, sigmaFloor: 1, sigmaFloorShare: 0.1 },
  /** Expansion readiness: value before expansion. */
  expansion: {
    greenDays: 14,
    minTrend: 0.9,
    seatsShare: 0.8,
    meterShare: 0.9,
    gatedAttempts: 2,
    gatedWindowDays: 14,
    breadth: 0.8,
    depth: 0.7,
    promptGapDays: 14,
    dismissalWindowDays: 60,
    maxDismissals: 2,
  },
};

export type ScoringSettings = typeof DEFAULT_SCORING;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type ScoringOverrides = DeepPartial<ScoringSettings>;

function merge<T extends object>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = (base as Record<string, unknown>)[k];
    out[k] = typeof v === 'object' && v !== null && typeof b === 'object' && b !== null ? merge(b as object, v as object) : v;
  }
  return out as T;
}

/** The defaults with a playbook's overrides applied. */
export function scoringSettings(overrides?: ScoringOverrides): ScoringSettings {
  return merge(DEFAULT_SCORING, overrides);
}
