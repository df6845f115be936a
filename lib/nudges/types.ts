import type { Playbook } from '../playbook/schema';
import type { UserScore } from '../scoring/types';

/** "never": the user's "Don't show this again", a dismissal that retires the nudge for good. */
export type NudgeAction = 'shown' | 'heldout' | 'clicked' | 'dismissed' | 'snoozed' | 'never';

/** One thing that happened to a nudge for this user. "heldout": the control group's "would have shown". */
export interface NudgeLogEntry {
  nudge: string;
  action: NudgeAction;
  ts: number;
}

export interface DecideInput {
  playbook: Pick<Playbook, 'app' | 'features' | 'milestones' | 'meters' | 'nudges' | 'caps'>;
  /** The user's score as of now; null before any recorded use. */
  score: UserScore | null;
  /** All-time uses per feature id. */
  featureCounts: Readonly<Record<string, number>>;
  /** Milestone id → when first reached. */
  reached: Readonly<Record<string, number>>;
  /** Guide id → when completed. */
  completedGuides: Readonly<Record<string, number>>;
  meters: readonly { meter: string; used: number; limit: number | null }[];
  log: readonly NudgeLogEntry[];
  /** Nudges already shown in this page session. */
  sessionShown: number;
  /** The page the user is on. */
  route: { pathname: string; hash: string };
  /** "Pause tips for today": no nudge before this time. */
  pausedUntil: number | null;
  /** Stable per user (and app): the holdout is drawn from it. */
  userKey: string;
  now: number;
}

export type Decision =
  | { kind: 'show'; nudge: string; heldOut: false }
  | { kind: 'hold-out'; nudge: string; heldOut: true }
  | { kind: 'none'; reason: string };
