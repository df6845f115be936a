import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../../lib/scoring/defaults';
import { type HistoryParts, history, shiftDays, span, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, DEMO, demoWith, healthyUser, score, VALUE_MILESTONE } from './fixtures';

const E = DEFAULT_SCORING.expansion;

/** Every pull signal at once: seats full, the reports meter at its limit, many tries of a plan-gated feature. */
const ALL_PULL: HistoryParts = {
  meters: [
    { meter: 'seats', used: 10, limit: 10 },
    { meter: 'reports-built', used: 50, limit: null },
  ],
};
const gatedTries = (n: number) => uses('advanced-insights', span(n - 1), 1);

/** Green for 14+ days: the last `days` of history all green. */
const greenFor = (r: ReturnType<typeof score>, days: number) => r.history.slice(-days).every((d) => d.band === 'green');

describe('expansion readiness: value before expansion', () => {
  it('is ready for a healthy user, green for 14+ days with value reached, using 9 of 10 seats', () => {
    const r = score(DEMO, healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }] }));
    expect(greenFor(r, E.greenDays)).toBe(true);
    expect(r.expansion.ready).toBe(true);
    expect(r.expansion.conditions).toEqual({ valueProven: true, stable: true, pull: true, notFatigued: true });
    expect(r.expansion.signals.join(' ')).toContain('9 of 10');
  });

  it('is never ready for a user who is not green, whatever the meters say', () => {
    // Value reached long ago, but only two core features on two days a week: not green.
    const h = history({
      usage: [...uses(['add-task', 'create-project'], weekly(2, 100), 2), ...gatedTries(10)],
      milestones: allMilestones(100),
      ...ALL_PULL,
    });
    const r = score(DEMO, h);
    expect(r.band).not.toBe('green');
    expect(r.expansion.conditions.pull).toBe(true);
    expect(r.expansion.ready).toBe(false);
    expect(r.expansion.csmFlag).toBe(false);
  });

  it('is never ready before a value milestone, even green for 14+ days and with every pull signal', () => {
    // 25 days old, daily use of every core feature, every milestone but the value moment.
    const milestones = Object.fromEntries(Object.entries(allMilestones(25)).filter(([id]) => id !== VALUE_MILESTONE));
    const r = score(DEMO, history({ usage: [...uses(CORE, span(25), 3), ...gatedTries(10)], milestones, ...ALL_PULL }));
    expect(greenFor(r, E.greenDays)).toBe(true);
    expect(r.expansion.conditions.pull).toBe(true);
    expect(r.expansion.conditions.valueProven).toBe(false);
    expect(r.expansion.ready).toBe(false);
  });

  it('is not ready for a user green for less than 14 days', () => {
    // A 10-day-old user with value reached and every pull signal: green, but not for long enough.
    const r = score(DEMO, history({ usage: [...uses(CORE, span(9), 3), ...gatedTries(5)], milestones: allMilestones(9), ...ALL_PULL }));
    expect(r.band).toBe('green');
    expect(r.history.length).toBeLessThan(E.greenDays);
    expect(r.expansion.conditions.valueProven).toBe(false);
    expect(r.expansion.ready).toBe(false);
  });

  it('is not ready while use is falling (trend under 0.9 of the long average)', () => {
    const h = healthyUser({ usage: uses(CORE, weekly(5, 116), (d) => (d < 10 ? 1 : 3)), ...ALL_PULL });
    const r = score(DEMO, h);
    expect(r.trend).toBeLessThan(E.minTrend);
    expect(r.expansion.conditions.stable).toBe(false);
    expect(r.expansion.ready).toBe(false);
  });

  describe('pull signals', () => {
    // Green and value reached, but four of six core features: breadth under 0.8, so no "wide and deep" pull.
    const FOUR = ['create-project', 'add-task', 'invite-teammate', 'build-report'];
    const narrow = (parts: HistoryParts = {}, extraUsage = gatedTries(0)) =>
      score(DEMO, history({ usage: [...uses(FOUR, weekly(5, 116), 3), ...extraUsage], milestones: allMilestones(116), ...parts }));

    it('has none without meters or gated tries, so it is not ready', () => {
      const r = narrow();
      expect(r.components.breadth!).toBeLessThan(E.breadth);
      expect(r.expansion.conditions.valueProven).toBe(true);
      expect(r.expansion.conditions.pull).toBe(false);
      expect(r.expansion.ready).toBe(false);
    });

    it('counts seats from 80% of the plan, and other meters from 90% of their limit', () => {
      const seats = (used: number) => narrow({ meters: [{ meter: 'seats', used, limit: 10 }] }).expansion.ready;
      expect(seats(E.seatsShare * 10)).toBe(true);
      expect(seats(E.seatsShare * 10 - 1)).toBe(false);
      // reports-built takes its limit (50) from the playbook when the reading has none.
      const reports = (used: number) => narrow({ meters: [{ meter: 'reports-built', used, limit: null }] }).expansion.ready;
      expect(reports(E.meterShare * 50)).toBe(true);
      expect(reports(E.seatsShare * 50)).toBe(false);
    });

    it('reads only the latest reading of a meter', () => {
      const r = narrow({
        meters: [
          { meter: 'seats', used: 10, limit: 10, daysAgo: 3 },
          { meter: 'seats', used: 4, limit: 10, daysAgo: 0 },
        ],
      });
      expect(r.expansion.conditions.pull).toBe(false);
    });

    it('counts 2+ tries of a plan-gated feature in 14 days', () => {
      expect(narrow({}, gatedTries(E.gatedAttempts)).expansion.ready).toBe(true);
      expect(narrow({}, gatedTries(E.gatedAttempts - 1)).expansion.ready).toBe(false);
      const old = uses('advanced-insights', [E.gatedWindowDays, E.gatedWindowDays + 1]);
      expect(narrow({}, old).expansion.ready).toBe(false);
    });
  });

  describe('fatigue', () => {
    const ready = (parts: HistoryParts) => score(DEMO, healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }], ...parts })).expansion;

    it('holds back after an expansion prompt shown in the last 14 days', () => {
      expect(ready({ prompts: [1] }).ready).toBe(false);
      expect(ready({ prompts: [E.promptGapDays - 1] }).ready).toBe(false);
      expect(ready({ prompts: [E.promptGapDays + 1] }).ready).toBe(true);
      expect(ready({ prompts: [1] }).conditions.notFatigued).toBe(false);
    });

    it('holds back after 2 dismissals in 60 days, not after one, nor after two spread wider', () => {
      expect(ready({ dismissals: [20, 40] }).ready).toBe(false);
      expect(ready({ dismissals: [20] }).ready).toBe(true);
      expect(ready({ dismissals: [20, E.dismissalWindowDays + 5] }).ready).toBe(true);
    });
  });

  it('ignores prompts and meter readings dated after now, as it ignores uses after now', () => {
    const parts: HistoryParts = { meters: [{ meter: 'seats', used: 9, limit: 10, daysAgo: 10 }] };
    const past = shiftDays(-5);
    expect(score(DEMO, healthyUser(parts), past).expansion.ready).toBe(true);
    const later = healthyUser({ meters: [...parts.meters!, { meter: 'seats', used: 2, limit: 10, daysAgo: 1 }], prompts: [2] });
    expect(score(DEMO, later, past).expansion).toEqual(score(DEMO, healthyUser(parts), past).expansion);
  });

  describe('CSM flag', () => {
    const h = healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }] });
    const withSegment = (segment: string) =>
      score(
        demoWith((d) => {
          (d.app as { plan: { segment: string } }).plan.segment = segment;
        }),
        h,
      ).expansion;

    it('is set for a ready user of a high-touch account only', () => {
      expect(withSegment('high-touch')).toMatchObject({ ready: true, csmFlag: true });
      expect(withSegment('mid-touch')).toMatchObject({ ready: true, csmFlag: false });
      expect(withSegment('tech-touch')).toMatchObject({ ready: true, csmFlag: false });
    });

    it('is not set for a high-touch user who is not ready', () => {
      const pb = demoWith((d) => {
        (d.app as { plan: { segment: string } }).plan.segment = 'high-touch';
      });
      expect(score(pb, healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }], prompts: [2] })).expansion.csmFlag).toBe(false);
    });

    it('is not set when the playbook names no plan', () => {
      const pb = demoWith((d) => {
        delete (d.app as { plan?: unknown }).plan;
      });
      expect(score(pb, h).expansion).toMatchObject({ ready: true, csmFlag: false });
    });
  });
});
