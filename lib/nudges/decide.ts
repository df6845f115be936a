import { compileRoute, routeTarget } from '../capture/route';
import type { Nudge, Trigger } from '../playbook/nudges-schema';
import { dayNumber, localDay } from '../scoring/days';
import type { Component } from '../scoring/defaults';
import { inHoldout } from './holdout';
import type { DecideInput, Decision, NudgeLogEntry } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Nudges about a moment (a win) are offered once. */
const ONCE: readonly Trigger['on'][] = ['guide-completed', 'milestone-reached'];

/** The score component each trigger speaks to: ties between equal priorities go to the most headroom. */
const ADDRESSES: Record<Trigger['on'], Component> = {
  'feature-not-adopted': 'breadth',
  'milestone-stalled': 'milestones',
  'usage-drop': 'recency',
  meter: 'depth',
  'gated-attempts': 'depth',
  'guide-completed': 'milestones',
  'milestone-reached': 'milestones',
  route: 'breadth',
};

function triggerHolds(t: Trigger, input: DecideInput): boolean {
  const { score, now } = input;
  const age = score ? localDay(now) - dayNumber(score.firstSeen) : 0;
  switch (t.on) {
    case 'feature-not-adopted':
      return score !== null && (input.featureCounts[t.feature] ?? 0) === 0 && age >= t.afterDays;
    case 'milestone-stalled':
      return score !== null && input.reached[t.milestone] === undefined && age >= t.afterDays;
    case 'usage-drop':
      return score?.alert.active ?? false;
    case 'meter': {
      const m = input.meters.find((r) => r.meter === t.meter);
      const limit = m?.limit ?? input.playbook.meters.find((x) => x.id === t.meter)?.limit ?? null;
      return !!m && !!limit && m.used / limit >= t.atLeast;
    }
    case 'gated-attempts':
      return (score?.gatedAttempts ?? 0) >= t.atLeast;
    case 'guide-completed': {
      const at = input.completedGuides[t.guide];
      return at !== undefined && now - at <= DAY;
    }
    case 'milestone-reached': {
      const at = input.reached[t.milestone];
      return at !== undefined && now - at <= t.withinDays * DAY;
    }
    case 'route':
      return compileRoute(t.path).test(routeTarget(t.path, input.route));
  }
}

/** Why a nudge may not be offered now for this user, from its own history (backoff, snooze, repeats), or null. */
function blockedByHistory(n: Nudge, entries: readonly NudgeLogEntry[], input: DecideInput): string | null {
  const { caps } = input.playbook;
  const of = (a: NudgeLogEntry['action']) => entries.filter((e) => e.action === a);
  const dismissals = of('dismissed');
  if (of('never').length > 0) return 'the user asked not to see it again';
  if (of('clicked').length > 0) return 'already acted on';
  if (dismissals.length > caps.dismissBackoffDays.length) return 'retired after repeated dismissals';
  const lastDismissal = dismissals[dismissals.length - 1];
  if (lastDismissal && input.now - lastDismissal.ts < caps.dismissBackoffDays[dismissals.length - 1]! * DAY) return 'dismissed recently (backing off)';
  const lastSnooze = of('snoozed').at(-1);
  if (lastSnooze && input.now - lastSnooze.ts < caps.snoozeHours * HOUR) return 'snoozed';
  const offered = entries.filter((e) => e.action === 'shown' || e.action === 'heldout');
  if (ONCE.includes(n.trigger.on) && offered.length > 0) return 'offered once already';
  const last = offered.at(-1);
  // "Remind me tomorrow" after the last showing: the snooze, not the repeat window, decides.
  const snoozedSince = lastSnooze && last && lastSnooze.ts >= last.ts;
  if (last && !snoozedSince && input.now - last.ts < caps.repeatAfterDays * DAY) return `offered in the last ${caps.repeatAfterDays} days`;
  return null;
}

function audienceMatches(n: Nudge, input: DecideInput): boolean {
  const band = input.score?.band;
  const segment = input.playbook.app.plan?.segment;
  if (n.audience?.bands && (!band || !n.audience.bands.includes(band))) return false;
  if (n.audience?.segments && (!segment || !n.audience.segments.includes(segment))) return false;
  return true;
}

/** Value before expansion, and no asking for a referral from a user at risk. */
function kindAllows(n: Nudge, input: DecideInput): string | null {
  const s = input.score;
  if (n.kind === 'expansion') {
    if (!s?.expansion.ready) return 'not expansion-ready';
    if (s.expansion.csmFlag) return 'high-touch account: the CSM is flagged instead';
  }
  if (n.kind === 'referral' && (s?.band !== 'green' || s.alert.active)) return 'referrals only from healthy users';
  return null;
}

/** Whether the caps of the nudge's group leave room now. */
function capsAllow(n: Nudge, input: DecideInput): string | null {
  const { caps } = input.playbook;
  if (input.sessionShown >= caps.perSession) return 'already nudged in this page session';
  const expansionIds = new Set(input.playbook.nudges.filter((x) => x.kind === 'expansion').map((x) => x.id));
  const offered = input.log.filter((e) => e.action === 'shown' || e.action === 'heldout');
  if (n.kind === 'expansion') {
    const last = offered.filter((e) => expansionIds.has(e.nudge)).at(-1);
    return last && input.now - last.ts < caps.expansionEveryDays * DAY ? 'an expansion prompt was offered recently' : null;
  }
  const tips = offered.filter((e) => !expansionIds.has(e.nudge));
  const last = tips.at(-1);
  if (last && input.now - last.ts < caps.minHoursApart * HOUR) return 'a nudge was offered less than the minimum hours ago';
  if (tips.filter((e) => input.now - e.ts < 7 * DAY).length >= caps.perWeek) return 'weekly nudge limit reached';
  return null;
}

/**
 * At most one nudge to show now, or none with the reason. Pure: the playbook, the
 * score, the user's nudge history and the clock come in; nothing else is read.
 */
export function decideNudge(unsorted: DecideInput): Decision {
  // Every rule below reads "the last …" from the log: put it in time order once.
  const input = { ...unsorted, log: [...unsorted.log].sort((a, b) => a.ts - b.ts) };
  if (input.pausedUntil !== null && input.now < input.pausedUntil) return { kind: 'none', reason: 'tips paused by the user' };
  const byNudge = new Map<string, NudgeLogEntry[]>();
  for (const e of input.log) byNudge.set(e.nudge, [...(byNudge.get(e.nudge) ?? []), e]);
  const headroom = (c: Component) => (input.score ? input.score.weights[c] * (1 - (input.score.components[c] ?? 1)) : 0);

  const reasons: string[] = [];
  const eligible = input.playbook.nudges.filter((n) => {
    const why =
      (!triggerHolds(n.trigger, input) && 'trigger does not hold') ||
      (!audienceMatches(n, input) && 'not in the audience') ||
      kindAllows(n, input) ||
      blockedByHistory(n, byNudge.get(n.id) ?? [], input) ||
      capsAllow(n, input);
    if (why) reasons.push(`${n.id}: ${why}`);
    return !why;
  });
  if (eligible.length === 0) return { kind: 'none', reason: reasons.join('; ') || 'no nudges in the playbook' };
  eligible.sort((a, b) => b.priority - a.priority || headroom(ADDRESSES[b.trigger.on]) - headroom(ADDRESSES[a.trigger.on]));
  const pick = eligible[0]!;
  const share = pick.holdout ?? input.playbook.caps.holdout;
  return inHoldout(input.userKey, pick.id, share) ? { kind: 'hold-out', nudge: pick.id, heldOut: true } : { kind: 'show', nudge: pick.id, heldOut: false };
}
