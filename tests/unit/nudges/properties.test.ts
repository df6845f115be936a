import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milestoneHolds } from '../../../lib/milestones/evaluate';
import { decideNudge } from '../../../lib/nudges/decide';
import type { DecideInput, Decision, NudgeLogEntry } from '../../../lib/nudges/types';
import type { Playbook } from '../../../lib/playbook/schema';
import { scoreUser } from '../../../lib/scoring/score';
import type { Band, UserHistory, UserScore } from '../../../lib/scoring/types';
import { CAPS, DAY, HOUR, healthy, NOW, nudge, nudgePlaybook } from './fixtures';

/**
 * 60 days of a random user, fed back the way the background does it (a shown nudge is
 * logged 'shown', a hold-out 'heldout', then the user clicks, dismisses, snoozes, pauses
 * or ignores it), checking every cap after every single decision.
 */

const MINUTE = 60_000;
const SIM_DAYS = 60;

/** The demo playbook plus route and tour-completion nudges, so every trigger kind takes part. */
const BASE = nudgePlaybook((d) => {
  (d.nudges as unknown[]).push(
    nudge('reports-page', { on: 'route', path: '/reports' }),
    nudge('settings-hash', { on: 'route', path: '#/settings' }, { priority: 55 }),
    nudge('tour-done', { on: 'guide-completed', guide: 'connect-tool' }, { kind: 'celebrate', priority: 75 }),
    nudge('upsell-page', { on: 'route', path: '/billing' }, { kind: 'expansion', priority: 95 }),
  );
});
const EXPANSION = new Set(BASE.nudges.filter((n) => n.kind === 'expansion').map((n) => n.id));
const FEATURES = BASE.features.map((f) => f.id);
const GUIDES = BASE.guides.map((g) => g.id);
const ROUTES = [
  { pathname: '/', hash: '' },
  { pathname: '/reports', hash: '' },
  { pathname: '/app', hash: '#/settings' },
  { pathname: '/billing', hash: '' },
  { pathname: '/projects/7', hash: '' },
];
/** Score fields a synthetic score borrows from a real one (weights, explanation, history shape). */
const TEMPLATE = healthy(BASE);

type Caps = Playbook['caps'];
const capsArb: fc.Arbitrary<Caps> = fc.oneof(
  fc.constant(CAPS),
  fc.record({
    perSession: fc.integer({ min: 1, max: 3 }),
    minHoursApart: fc.integer({ min: 0, max: 12 }),
    perWeek: fc.integer({ min: 1, max: 6 }),
    expansionEveryDays: fc.integer({ min: 1, max: 21 }),
    holdout: fc.constantFrom(0, 0.1, 0.5),
    snoozeHours: fc.integer({ min: 1, max: 72 }),
    repeatAfterDays: fc.integer({ min: 0, max: 10 }),
    dismissBackoffDays: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
  }),
);

const pageArb = fc.record({
  gapMinutes: fc.integer({ min: 0, max: 300 }),
  route: fc.constantFrom(...ROUTES),
  reaction: fc.constantFrom('click', 'dismiss', 'snooze', 'pause', 'ignore'),
});
const sessionArb = fc.record({ startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }), pages: fc.array(pageArb, { minLength: 1, maxLength: 4 }) });
const synthArb = fc.record({
  band: fc.constantFrom<Band>('green', 'yellow', 'red'),
  alert: fc.boolean(),
  ready: fc.boolean(),
  gatedAttempts: fc.integer({ min: 0, max: 4 }),
  breadth: fc.double({ min: 0, max: 1, noNaN: true }),
  milestones: fc.double({ min: 0, max: 1, noNaN: true }),
});
const dayArb = fc.record({
  uses: fc.array(fc.record({ feature: fc.constantFrom(...FEATURES), count: fc.integer({ min: 1, max: 6 }) }), { maxLength: 6 }),
  sessions: fc.array(sessionArb, { maxLength: 3 }),
  seats: fc.integer({ min: 0, max: 12 }),
  guide: fc.option(fc.constantFrom(...GUIDES), { freq: 6 }),
  synth: synthArb,
});
const userArb = fc.record({
  caps: capsArb,
  segment: fc.constantFrom('tech-touch' as const, 'high-touch' as const),
  scores: fc.constantFrom('real' as const, 'synthetic' as const),
  userKey: fc.string({ minLength: 1, maxLength: 12 }),
  days: fc.array(dayArb, { minLength: SIM_DAYS, maxLength: SIM_DAYS }),
});
type User = typeof userArb extends fc.Arbitrary<infer T> ? T : never;

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** Local midnight `i` days into the simulation, which ends at NOW's day. */
const dayStart = (i: number) => {
  const d = new Date(NOW);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - SIM_DAYS + 1 + i).getTime();
};

/** A UserScore-like value with consistent fields: ready only when green without an alert, the CSM flag only for high-touch. */
function synthetic(s: User['days'][number]['synth'], day: number, firstDay: number, segment: User['segment']): UserScore {
  const ready = s.ready && s.band === 'green' && !s.alert;
  return {
    ...TEMPLATE,
    day: localDate(dayStart(day)),
    firstSeen: localDate(dayStart(firstDay)),
    band: s.band,
    rawBand: s.band,
    components: { ...TEMPLATE.components, breadth: s.breadth, milestones: s.milestones },
    alert: { ...TEMPLATE.alert, active: s.alert },
    gatedAttempts: s.gatedAttempts,
    expansion: {
      ready,
      csmFlag: ready && segment === 'high-touch',
      conditions: { valueProven: ready, stable: ready, pull: ready, notFatigued: ready },
      signals: [],
    },
  };
}

interface Tally {
  shown: number;
  heldOut: number;
  expansion: number;
}

/** Runs the simulation, checking the invariants after every decision; adds what was offered to `tally`. */
function simulate(user: User, tally: Tally): void {
  const plan = BASE.app.plan!;
  const playbook: Playbook = { ...BASE, caps: user.caps, app: { ...BASE.app, plan: { ...plan, segment: user.segment } } };
  const { caps } = playbook;
  const log: NudgeLogEntry[] = [];
  const hist: { usage: UserHistory['usage'][number][]; milestones: UserHistory['milestones'][number][]; meters: UserHistory['meters'][number][]; prompts: number[]; dismissals: number[] } = {
    usage: [],
    milestones: [],
    meters: [],
    prompts: [],
    dismissals: [],
  };
  const featureCounts: Record<string, number> = {};
  const reached: Record<string, number> = {};
  const completedGuides: Record<string, number> = {};
  let pausedUntil: number | null = null;
  let firstDay: number | null = null;
  let clock = dayStart(0);

  user.days.forEach((today, i) => {
    const start = dayStart(i);
    const date = localDate(start);
    // The day's use, milestones, meter readings and tours, as the capture would have recorded them.
    for (const u of today.uses) {
      hist.usage.push({ day: date, feature: u.feature, count: u.count });
      featureCounts[u.feature] = (featureCounts[u.feature] ?? 0) + u.count;
      firstDay ??= i;
    }
    for (const m of playbook.milestones) {
      if (reached[m.id] === undefined && milestoneHolds(m, hist.usage, date)) {
        reached[m.id] = start;
        hist.milestones.push({ milestone: m.id, reachedAt: start });
      }
    }
    hist.meters.push({ meter: 'seats', used: today.seats, limit: 10, ts: start });
    if (today.guide) completedGuides[today.guide] = start;
    const meters = [
      { meter: 'seats', used: today.seats, limit: 10 },
      { meter: 'reports-built', used: featureCounts['build-report'] ?? 0, limit: null },
    ];
    if (today.sessions.length === 0) return;
    const score =
      user.scores === 'real'
        ? scoreUser(playbook, { ...hist, expansionPrompts: hist.prompts, expansionDismissals: hist.dismissals }, start + 12 * HOUR)
        : firstDay === null
          ? null
          : synthetic(today.synth, i, firstDay, user.segment);

    for (const session of [...today.sessions].sort((a, b) => a.startMinute - b.startMinute)) {
      clock = Math.max(clock + MINUTE, start + session.startMinute * MINUTE);
      let sessionShown = 0;
      for (const page of session.pages) {
        clock += page.gapMinutes * MINUTE + MINUTE;
        const now = clock;
        const d = decideNudge({ playbook, score, featureCounts, reached, completedGuides, meters, log, sessionShown, route: page.route, pausedUntil, userKey: user.userKey, now });
        check(d, { playbook, score, log, sessionShown, pausedUntil, now });
        if (d.kind === 'none') continue;
        if (EXPANSION.has(d.nudge)) tally.expansion++;
        if (d.kind === 'hold-out') {
          tally.heldOut++;
          log.push({ nudge: d.nudge, action: 'heldout', ts: now });
          continue;
        }
        tally.shown++;
        log.push({ nudge: d.nudge, action: 'shown', ts: now });
        sessionShown++;
        if (EXPANSION.has(d.nudge)) hist.prompts.push(now);
        clock += MINUTE;
        if (page.reaction === 'click') log.push({ nudge: d.nudge, action: 'clicked', ts: clock });
        if (page.reaction === 'dismiss') {
          log.push({ nudge: d.nudge, action: 'dismissed', ts: clock });
          if (EXPANSION.has(d.nudge)) hist.dismissals.push(clock);
        }
        if (page.reaction === 'snooze') log.push({ nudge: d.nudge, action: 'snoozed', ts: clock });
        if (page.reaction === 'pause') pausedUntil = dayStart(i + 1);
      }
    }
  });

  /** Every invariant, against the log as it was before this decision. */
  function check(d: Decision, at: Pick<DecideInput, 'playbook' | 'score' | 'log' | 'sessionShown' | 'pausedUntil' | 'now'>): void {
    if (d.kind === 'none') return;
    const { now } = at;
    const offered = at.log.filter((e) => e.action === 'shown' || e.action === 'heldout');
    const mine = at.log.filter((e) => e.nudge === d.nudge);
    // Per page session.
    if (d.kind === 'show') expect(at.sessionShown + 1).toBeLessThanOrEqual(caps.perSession);
    expect(at.pausedUntil === null || now >= at.pausedUntil).toBe(true);
    if (EXPANSION.has(d.nudge)) {
      // Value before expansion, and never in-app for a CSM-flagged account.
      expect(at.score?.expansion.ready).toBe(true);
      expect(at.score?.expansion.csmFlag).toBe(false);
      const last = Math.max(-Infinity, ...offered.filter((e) => EXPANSION.has(e.nudge)).map((e) => e.ts));
      expect(now - last).toBeGreaterThanOrEqual(caps.expansionEveryDays * DAY);
    } else {
      const tips = offered.filter((e) => !EXPANSION.has(e.nudge));
      const last = Math.max(-Infinity, ...tips.map((e) => e.ts));
      expect(now - last).toBeGreaterThanOrEqual(caps.minHoursApart * HOUR);
      // This one included, no more than perWeek in the rolling 7 days ending now.
      expect(tips.filter((e) => now - e.ts < 7 * DAY).length + 1).toBeLessThanOrEqual(caps.perWeek);
    }
    // What the user did to this nudge still holds.
    expect(mine.some((e) => e.action === 'clicked')).toBe(false);
    expect(mine.filter((e) => e.action === 'dismissed').length).toBeLessThanOrEqual(caps.dismissBackoffDays.length);
    const lastOffer = Math.max(-Infinity, ...mine.filter((e) => e.action === 'shown' || e.action === 'heldout').map((e) => e.ts));
    const lastSnooze = Math.max(-Infinity, ...mine.filter((e) => e.action === 'snoozed').map((e) => e.ts));
    // "Remind me tomorrow" after the last offer: the snooze decides when it returns, not the repeat window.
    if (lastSnooze >= lastOffer) expect(now - lastSnooze).toBeGreaterThanOrEqual(caps.snoozeHours * HOUR);
    else expect(now - lastOffer).toBeGreaterThanOrEqual(caps.repeatAfterDays * DAY);
    if (at.playbook.nudges.find((n) => n.id === d.nudge)?.kind === 'referral') {
      expect(at.score?.band).toBe('green');
      expect(at.score?.alert.active).toBe(false);
    }
  }
}

describe('nudge decisions over 60 random days', () => {
  it('never exceed a cap, and never offer expansion to a user who is not ready', () => {
    const tally: Tally = { shown: 0, heldOut: 0, expansion: 0 };
    fc.assert(
      fc.property(userArb, (user) => simulate(user, tally)),
      { numRuns: 100 },
    );
    // The runs exercised every path the invariants speak about: shown, held out, expansion.
    expect(tally.shown).toBeGreaterThan(0);
    expect(tally.heldOut).toBeGreaterThan(0);
    expect(tally.expansion).toBeGreaterThan(0);
  }, 60_000);
});
