import type { Playbook } from '../playbook/schema';
import type { Component } from './defaults';

export type ScoringPlaybook = Pick<Playbook, 'app' | 'features' | 'milestones' | 'meters' | 'settings'>;
export type Band = 'green' | 'yellow' | 'red';
export type Stage = 'onboarding' | 'adopted';
export type ComponentVector = Record<Component, number | null>;

/** Everything scoring reads about one user: daily rollups, milestones, meter readings, nudge history. */
export interface UserHistory {
  usage: readonly { day: string; feature: string; count: number }[];
  milestones: readonly { milestone: string; reachedAt: number }[];
  meters: readonly { meter: string; used: number; limit: number | null; ts: number }[];
  /** Epoch ms of expansion prompts shown and dismissed (the nudge engine fills these). */
  expansionPrompts?: readonly number[];
  expansionDismissals?: readonly number[];
}

export interface Reason {
  code: string;
  component: Component;
  /** Change of this component's contribution, in score points, against a week before. */
  delta: number;
  text: string;
}

export interface NextStep {
  component: Component;
  text: string;
  feature?: string;
  milestone?: string;
}

export interface ExpansionReadiness {
  ready: boolean;
  /** High-touch accounts: a CSM is told instead of the user being prompted. */
  csmFlag: boolean;
  conditions: { valueProven: boolean; stable: boolean; pull: boolean; notFatigued: boolean };
  /** Plain-language pull signals, e.g. "Using 9 of 10 seats". */
  signals: string[];
}

export interface DropAlert {
  active: boolean;
  /** How far this week fell under the baseline weeks (1 − week / baseline mean); 1 − ρ before there is a baseline. */
  drop: number;
  weekTotal: number;
  baselineMean: number | null;
}

export interface DayScore {
  day: string;
  score: number;
  band: Band;
}

export interface UserScore {
  day: string;
  score: number;
  band: Band;
  rawBand: Band;
  stage: Stage;
  components: ComponentVector;
  /** Normalised weights used today (sum 1 over the components present). */
  weights: Record<Component, number>;
  /** Whole score points per component; they add up exactly to `score`. */
  contributions: Record<Component, number>;
  reasons: Reason[];
  nextStep: NextStep | null;
  alert: DropAlert;
  trend: number;
  /** Uses of plan-gated features in the expansion window (14 days by default). */
  gatedAttempts: number;
  ttvDays: number | null;
  firstSeen: string;
  expansion: ExpansionReadiness;
  /** Core feature adoption today: 1 retained, 0.5 tried once, 0 not used (last 28 days). */
  adoption: Record<string, number>;
  /** Score and band for the last days, oldest first (today included). */
  history: DayScore[];
  scoringVersion: string;
}
