import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../../lib/scoring/defaults';
import { scoreUser } from '../../../lib/scoring/score';
import { history, NOW, shiftDays, span, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, DEMO, healthyUser, score, VALUE_MILESTONE } from './fixtures';

/** A steady adopted user of four of the six core features (no "Connect an integration", no "Share a report"). */
const FOUR = ['create-project', 'add-task', 'invite-teammate', 'build-report'];
const steadyFour = (extra: ReturnType<typeof uses> = []) =>
  history({ usage: [...uses(FOUR, weekly(5, 60), 3), ...extra], milestones: allMilestones(60) });

describe('breadth', () => {
  it('is higher with one more core feature used on 2+ days, and so is the score', () => {
    const base = score(DEMO, steadyFour());
    const more = score(DEMO, steadyFour(uses('share-report', [3, 10])));
    expect(more.adoption['share-report']).toBe(1);
    expect(base.adoption['share-report']).toBe(0);
    expect(more.components.breadth!).toBeGreaterThan(base.components.breadth!);
    expect(more.contributions.breadth).toBeGreaterThan(base.contributions.breadth);
    expect(more.score).toBeGreaterThan(base.score);
  });

  it('gives a feature tried on one day half the credit of one retained on two', () => {
    const none = score(DEMO, steadyFour()).components.breadth!;
    const once = score(DEMO, steadyFour(uses('share-report', [3])));
    const twice = score(DEMO, steadyFour(uses('share-report', [3, 10]))).components.breadth!;
    expect(once.adoption['share-report']).toBe(0.5);
    expect(once.components.breadth! - none).toBeCloseTo((twice - none) / 2, 12);
  });

  it('weighs features by their playbook weight: a weight-2 feature adds more than a weight-1 one', () => {
    const three = ['add-task', 'invite-teammate', 'build-report'];
    const base = history({ usage: uses(three, weekly(5, 60), 3), milestones: allMilestones(60) });
    const withHeavy = score(DEMO, { ...base, usage: [...base.usage, ...uses('create-project', [3, 10])] });
    const withLight = score(DEMO, { ...base, usage: [...base.usage, ...uses('share-report', [3, 10])] });
    expect(withHeavy.components.breadth!).toBeGreaterThan(withLight.components.breadth!);
  });

  it('ignores features that are not core, and uses older than the 28-day window', () => {
    const base = score(DEMO, steadyFour()).components.breadth;
    expect(score(DEMO, steadyFour(uses('export-csv', span(20), 5))).components.breadth).toBe(base);
    expect(score(DEMO, steadyFour(uses('share-report', [DEFAULT_SCORING.windowDays, 40]))).components.breadth).toBe(base);
    expect(score(DEMO, steadyFour(uses('unknown-feature', span(20), 5))).components.breadth).toBe(base);
  });
});

describe('depth', () => {
  it('grows with more uses of the adopted features', () => {
    const light = score(DEMO, history({ usage: uses(CORE, weekly(2, 60), 1) }));
    const heavy = score(DEMO, history({ usage: uses(CORE, weekly(2, 60), 4) }));
    expect(heavy.components.depth!).toBeGreaterThan(light.components.depth!);
  });

  it('counts a recent burst of use more than the same burst three weeks ago', () => {
    const burst = (ago: number) => score(DEMO, history({ usage: [...uses(CORE, [ago, ago + 1], 3), ...uses('add-task', [ago], 20)] }));
    expect(burst(1).components.depth!).toBeGreaterThan(burst(21).components.depth!);
  });

  it('is unknown (null) while no core feature has been used in the window', () => {
    const r = score(DEMO, history({ usage: uses('export-csv', span(10), 3) }));
    expect(r.components.depth).toBeNull();
    expect(r.contributions.depth).toBe(0);
  });
});

describe('recency and staleness', () => {
  // The same history, scored later and later after its last use.
  const h = history({ usage: uses(CORE, weekly(5, 90), 3), milestones: allMilestones(90) });
  const after = (days: number) => score(DEMO, h, shiftDays(days));

  it('decays recency and the score strictly as days without use pile up: 3, 10, then 20 days', () => {
    const [r3, r10, r20] = [after(3), after(10), after(20)];
    expect(r3.components.recency!).toBeGreaterThan(r10.components.recency!);
    expect(r10.components.recency!).toBeGreaterThan(r20.components.recency!);
    expect(r3.score).toBeGreaterThan(r10.score);
    expect(r10.score).toBeGreaterThan(r20.score);
  });

  it('halves recency over each recency half-life without core use', () => {
    const hl = DEFAULT_SCORING.recencyHalfLifeDays;
    expect(after(3 + hl).components.recency! / after(3).components.recency!).toBeCloseTo(0.5, 12);
    expect(after(0).components.recency).toBe(1);
  });
});

describe('time to value', () => {
  // Both users are 28 days old (onboarding, where ttv weighs) and use the app alike.
  const FIRST = 28;
  const user = (ttvDays: number) =>
    history({ usage: uses(CORE, weekly(5, FIRST), 2), milestones: { 'first-project': FIRST, [VALUE_MILESTONE]: FIRST - ttvDays } });

  it('scores a user reaching value in 5 days higher on ttv, and it contributes more, than one taking 25', () => {
    const fast = score(DEMO, user(5));
    const slow = score(DEMO, user(25));
    expect(fast.ttvDays).toBe(5);
    expect(slow.ttvDays).toBe(25);
    expect(fast.stage).toBe('onboarding');
    expect(fast.components.ttv!).toBeGreaterThan(slow.components.ttv!);
    expect(fast.contributions.ttv).toBeGreaterThan(slow.contributions.ttv);
  });

  it('gives full marks within the first week and nothing from a month', () => {
    const { fullDays, zeroDays } = DEFAULT_SCORING.ttv;
    expect(score(DEMO, user(1)).components.ttv).toBe(1);
    expect(score(DEMO, user(fullDays)).components.ttv).toBe(1);
    const late = history({ usage: uses(CORE, span(40), 2), milestones: { [VALUE_MILESTONE]: 40 - zeroDays - 2 } });
    expect(score(DEMO, late).components.ttv).toBe(0);
  });

  it('is null while value is pending and the user is younger than 30 days, and weighs nothing then', () => {
    const young = history({ usage: uses(CORE, span(DEFAULT_SCORING.ttv.zeroDays - 1), 2) });
    const r = score(DEMO, young);
    expect(r.components.ttv).toBeNull();
    expect(r.weights.ttv).toBe(0);
    expect(r.contributions.ttv).toBe(0);
  });

  it('turns 0 on the day a pending user reaches day 30', () => {
    const zero = DEFAULT_SCORING.ttv.zeroDays;
    const h = history({ usage: uses(CORE, span(zero - 1, 0), 2) });
    expect(score(DEMO, h).components.ttv).toBeNull();
    expect(score(DEMO, h, shiftDays(1)).components.ttv).toBe(0);
  });
});

describe('milestones, stickiness and trend', () => {
  it('weighs a value milestone by its weight: reaching it adds more than an ordinary one', () => {
    const usage = uses(CORE, weekly(5, 20), 2);
    const ordinary = score(DEMO, history({ usage, milestones: { 'first-project': 19 } }));
    const value = score(DEMO, history({ usage, milestones: { [VALUE_MILESTONE]: 19 } }));
    expect(value.components.milestones!).toBeGreaterThan(ordinary.components.milestones!);
  });

  it('gives more stickiness to a user active on more days of the last 28', () => {
    const twice = score(DEMO, history({ usage: uses(CORE, weekly(2, 60), 3) }));
    const thrice = score(DEMO, history({ usage: uses(CORE, weekly(3, 60), 3) }));
    expect(thrice.components.stickiness!).toBeGreaterThan(twice.components.stickiness!);
  });

  it('reads flat use as a trend of one half, growth above and decline below', () => {
    const flat = score(DEMO, history({ usage: uses(CORE, span(90), 3) }));
    const growing = score(DEMO, history({ usage: uses(CORE, span(90), (d) => (d < 14 ? 6 : 3)) }));
    const falling = score(DEMO, history({ usage: uses(CORE, span(90), (d) => (d < 14 ? 1 : 3)) }));
    expect(flat.components.trend!).toBeCloseTo(0.5, 9);
    expect(growing.components.trend!).toBeGreaterThan(flat.components.trend!);
    expect(falling.components.trend!).toBeLessThan(flat.components.trend!);
  });
});

describe('stage', () => {
  it('is onboarding while young or before value, adopted once older than 30 days with value reached', () => {
    expect(score(DEMO, history({ usage: uses(CORE, span(10), 2), milestones: allMilestones(10) })).stage).toBe('onboarding');
    expect(score(DEMO, history({ usage: uses(CORE, span(60), 2), milestones: { 'first-project': 59 } })).stage).toBe('onboarding');
    expect(score(DEMO, healthyUser()).stage).toBe('adopted');
  });

  it('renormalises weights over the components present: they sum to 1', () => {
    for (const h of [healthyUser(), history({ usage: uses('add-task', [0]) })]) {
      const total = Object.values(score(DEMO, h).weights).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });
});

it('returns null for a user with no recorded use', () => {
  expect(scoreUser(DEMO, history({ milestones: { 'first-project': 3 } }), NOW)).toBeNull();
});
