import { inHoldout } from '../../../lib/nudges/holdout';
import type { DecideInput, Decision, NudgeLogEntry } from '../../../lib/nudges/types';
import { validatePlaybook } from '../../../lib/playbook/parse';
import type { Playbook } from '../../../lib/playbook/schema';
import { scoreUser } from '../../../lib/scoring/score';
import type { UserHistory, UserScore } from '../../../lib/scoring/types';
import { type HistoryParts, history, NOW, span, uses } from '../helpers/history';
import { DEMO_TEXT, type Json } from '../helpers/playbook';
import { healthyUser } from '../scoring/fixtures';

/**
 * Builders for the nudge tests: the demo playbook (nudges included) edited and
 * validated like an author's file, real scores from scoreUser, and a DecideInput with
 * quiet defaults, so each test states only what it is about.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export { NOW };

type Draft = { [key: string]: Json };

/** demo/playbook.json with its nudges, edited by `change` and validated; throws with the errors if the edit broke it. */
export function nudgePlaybook(change: (draft: Draft) => void = () => {}): Playbook {
  const draft = JSON.parse(DEMO_TEXT) as Draft;
  change(draft);
  const r = validatePlaybook(draft);
  if (!r.ok) throw new Error(`test playbook does not validate: ${JSON.stringify(r.errors)}`);
  return r.playbook;
}

/** The demo playbook with these nudges instead of its own (and optional other edits). */
export function withNudges(nudges: Draft[], change: (draft: Draft) => void = () => {}): Playbook {
  return nudgePlaybook((d) => {
    d.nudges = nudges;
    change(d);
  });
}

/** The demo playbook keeping only the nudges with these ids. */
export function demoNudges(...ids: string[]): Playbook {
  return nudgePlaybook((d) => {
    d.nudges = (d.nudges as Draft[]).filter((n) => ids.includes(n.id as string));
  });
}

/** A minimal valid nudge of `kind` (a tip by default) with this trigger; `extra` overrides any field. */
export function nudge(id: string, trigger: Draft, extra: Draft = {}): Draft {
  return { id, kind: 'tip', trigger, title: `Nudge ${id}`, body: 'Give it a try.', ...extra };
}

/** The demo playbook as shipped, defaults filled. */
export const DEMO_PB = nudgePlaybook();
/** The documented cap defaults, as the parser fills them for a playbook without `caps`. */
export const CAPS = DEMO_PB.caps;

/** The first synthetic user key outside the control group of every nudge in `pb`, so a due nudge is shown. */
export function keyNeverHeldOut(pb: Pick<Playbook, 'nudges' | 'caps'>): string {
  for (let i = 0; ; i++) {
    const key = `user-${i}`;
    if (pb.nudges.every((n) => !inHoldout(key, n.id, n.holdout ?? pb.caps.holdout))) return key;
  }
}

/** A DecideInput with nothing happening: no score, no use, no history, on "/", a user outside every control group. */
export function decideInput(playbook: DecideInput['playbook'], over: Partial<DecideInput> = {}): DecideInput {
  return {
    playbook,
    score: null,
    featureCounts: {},
    reached: {},
    completedGuides: {},
    meters: [],
    log: [],
    sessionShown: 0,
    route: { pathname: '/', hash: '' },
    pausedUntil: null,
    userKey: keyNeverHeldOut(playbook),
    now: NOW,
    ...over,
  };
}

/** The nudge a decision offers (shown or held out as the control), or null for none. */
export const offered = (d: Decision): string | null => (d.kind === 'none' ? null : d.nudge);

/** scoreUser with the nudge playbook, failing (not returning null) for a history with use. */
export function scoreOf(pb: Playbook, h: UserHistory, now = NOW): UserScore {
  const r = scoreUser(pb, h, now);
  if (!r) throw new Error('scoreUser returned null for a history with use');
  return r;
}

/** What decide reads about a user with this history, as the background derives it: score, all-time counts, milestones reached. */
export function userFacts(pb: Playbook, h: UserHistory, now = NOW): Pick<DecideInput, 'score' | 'featureCounts' | 'reached'> {
  const featureCounts: Record<string, number> = {};
  for (const r of h.usage) featureCounts[r.feature] = (featureCounts[r.feature] ?? 0) + r.count;
  return { score: scoreOf(pb, h, now), featureCounts, reached: Object.fromEntries(h.milestones.map((m) => [m.milestone, m.reachedAt])) };
}

/** A user first seen `daysAgo` days before `now`, who has created projects every day since (and nothing else). */
export function userSince(pb: Playbook, daysAgo: number, now = NOW, extra: HistoryParts = {}): UserScore {
  return scoreOf(pb, history({ usage: uses('create-project', span(daysAgo), 1, now), ...extra }, now), now);
}

/** A healthy long-time user: green, no usage drop, value reached, wide and deep use (a pull signal), so expansion-ready. */
export function healthy(pb: Playbook, extra: Partial<HistoryParts> = {}): UserScore {
  return scoreOf(pb, healthyUser(extra));
}

/** A healthy user using 9 of 10 seats as well: expansion-ready with the seats signal. */
export function expansionReady(pb: Playbook): UserScore {
  return healthy(pb, { meters: [{ meter: 'seats', used: 9, limit: 10 }] });
}

/** A steady user for 12 weeks whose use halved over the last two: the usage-drop alert is active. */
export function dropping(pb: Playbook): UserScore {
  const first = 12 * 7 - 3;
  const days = span(first).filter((d) => d % 7 < 5);
  const usage = uses(['add-task', 'create-project', 'build-report'], days, (d) => (d < 14 ? 2 : 4));
  return scoreOf(pb, history({ usage, milestones: { 'first-project': first, 'first-report-shared': first - 1 } }));
}

/** Log entries for one nudge: [action, ts] pairs. */
export const entries = (nudgeId: string, ...rows: [NudgeLogEntry['action'], number][]): NudgeLogEntry[] =>
  rows.map(([action, ts]) => ({ nudge: nudgeId, action, ts }));
