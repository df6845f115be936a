import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../../lib/scoring/defaults';
import type { UserScore } from '../../../lib/scoring/types';
import { history, NOW, shiftDays, span, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, DEMO, featureName, healthyUser, milestoneName, score } from './fixtures';

/** Exact points of each component: the linear split of the score. */
const points = (r: UserScore) => Object.fromEntries(COMPONENTS.map((k) => [k, 100 * r.weights[k] * (r.components[k] ?? 0)]));

describe('reasons', () => {
  it('name "Build a report", last used 19 days ago, when it drops out of use', () => {
    // Every other core feature steadily; reports every 11 days until 19 days ago, so this
    // week the one before last left the 28-day window.
    const others = CORE.filter((f) => f !== 'build-report');
    const h = history({ usage: [...uses(others, weekly(5, 116), 3), ...uses('build-report', [19, 30, 41, 52, 63, 74, 85, 96])], milestones: allMilestones(116) });
    const r = score(DEMO, h);
    const reason = r.reasons.find((x) => x.code === 'BREADTH_DOWN' || x.code === 'RECENCY_DOWN');
    expect(reason).toBeDefined();
    expect(reason!.delta).toBeLessThan(0);
    expect(reason!.text).toContain(featureName('build-report'));
    expect(reason!.text).toContain('19 days');
  });

  it('name a milestone reached this week', () => {
    const firstSeen = 116;
    const milestones = { ...allMilestones(firstSeen), connected: 2 };
    const r = score(DEMO, healthyUser({ milestones }));
    const reason = r.reasons.find((x) => x.code === 'MILESTONES_UP');
    expect(reason).toBeDefined();
    expect(reason!.delta).toBeGreaterThan(0);
    expect(reason!.text).toContain(milestoneName('connected'));
  });

  it('are the biggest week-over-week changes of contribution, each the change against scoring a week earlier', () => {
    // Active until 10 days ago: recency, stickiness and trend all fell this week.
    const h = history({ usage: uses(CORE, weekly(5, 116, 10), 3), milestones: allMilestones(116) });
    const now = score(DEMO, h);
    const before = score(DEMO, h, shiftDays(-7));
    const [p1, p0] = [points(now), points(before)];
    const change = (k: string) => p1[k]! - p0[k]!;
    expect(now.reasons.length).toBeGreaterThan(0);
    for (const reason of now.reasons) expect(reason.delta).toBeCloseTo(change(reason.component), 1);
    const smallest = Math.min(...now.reasons.map((x) => Math.abs(x.delta)));
    const listed = new Set(now.reasons.map((x) => x.component));
    for (const k of COMPONENTS) if (!listed.has(k)) expect(Math.abs(change(k))).toBeLessThanOrEqual(smallest + 0.05);
    expect(now.reasons.find((x) => x.component === 'recency')?.text).toContain('10 days');
  });

  it('are at most 3, largest first, each code naming its component and direction', () => {
    // A user who stopped everything a week ago after a month of growth: every component moves.
    const h = history({ usage: uses(CORE, span(60, 8), (d) => (d < 30 ? 6 : 2)), milestones: { ...allMilestones(60), connected: 3 } });
    const r = score(DEMO, h);
    expect(r.reasons.length).toBe(3);
    const sizes = r.reasons.map((x) => Math.abs(x.delta));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const x of r.reasons) {
      expect(x.code).toBe(`${x.component.toUpperCase()}_${x.delta > 0 ? 'UP' : 'DOWN'}`);
      expect(x.text.length).toBeGreaterThan(0);
    }
  });

  it('do not blame a component whose value did not fall (only its weight moved)', () => {
    const h = history({ usage: uses(CORE, span(34), 3), milestones: { 'first-project': 33, 'plan-work': 33 } });
    const r = score(DEMO, h);
    const before = score(DEMO, h, shiftDays(-7));
    for (const k of ['breadth', 'stickiness', 'recency'] as const) expect(r.components[k]).toBe(before.components[k]);
    expect(r.reasons.filter((x) => x.code.endsWith('_DOWN')).map((x) => x.component)).not.toContain('recency');
    expect(r.reasons.map((x) => x.text).join(' | ')).not.toContain('for 0 days');
  });

  it('are empty for a user whose use has not changed', () => {
    expect(score(DEMO, history({ usage: uses(CORE, span(116), 3), milestones: allMilestones(116) })).reasons).toEqual([]);
  });
});

describe('next step', () => {
  const featureIds = new Set(DEMO.features.map((f) => f.id));
  const milestoneIds = new Set(DEMO.milestones.map((m) => m.id));

  it('points a new user at a milestone not reached yet', () => {
    const r = score(DEMO, history({ usage: uses(['create-project', 'add-task'], span(5), 2), milestones: { 'first-project': 5 } }));
    expect(r.nextStep).not.toBeNull();
    const step = r.nextStep!;
    expect(step.milestone ?? step.feature).toBeDefined();
    if (step.milestone) {
      expect(milestoneIds.has(step.milestone)).toBe(true);
      expect(step.milestone).not.toBe('first-project');
      expect(step.text).toContain(milestoneName(step.milestone));
    } else {
      expect(featureIds.has(step.feature!)).toBe(true);
      expect(r.adoption[step.feature!]).toBeLessThan(1);
    }
  });

  it('points a user of two core features at an unadopted one', () => {
    const r = score(DEMO, history({ usage: uses(['create-project', 'add-task'], weekly(5, 116), 3), milestones: allMilestones(116) }));
    const step = r.nextStep!;
    expect(step.component).toBe('breadth');
    expect(featureIds.has(step.feature!)).toBe(true);
    expect(DEMO.features.find((f) => f.id === step.feature)!.core).toBe(true);
    expect(r.adoption[step.feature!]).toBe(0);
    expect(step.text).toContain(featureName(step.feature!));
  });

  it('suggests using again a core feature tried only once', () => {
    const five = CORE.filter((f) => f !== 'share-report');
    const r = score(DEMO, history({ usage: [...uses(five, weekly(5, 116), 3), ...uses('share-report', [4])], milestones: allMilestones(116) }));
    expect(r.adoption['share-report']).toBe(0.5);
    expect(r.nextStep!.feature).toBe('share-report');
  });

  it('points a steady, green user who never tried one core feature at that feature', () => {
    const five = CORE.filter((f) => f !== 'share-report');
    const r = score(DEMO, history({ usage: uses(five, weekly(5, 116), 3), milestones: allMilestones(116) }));
    expect(r.band).toBe('green');
    expect(r.adoption['share-report']).toBe(0);
    expect(r.nextStep).toMatchObject({ feature: 'share-report' });
  });

  it('never asks a user active on more days than the target to come back on more days', () => {
    const r = score(DEMO, healthyUser());
    expect(r.components.stickiness).toBe(1);
    expect(r.nextStep?.text ?? '').not.toMatch(/Come back on more days/);
  });

  it('is null or names ids from the playbook, at NOW and for a month of days before', () => {
    const h = history({ usage: [...uses(CORE.slice(0, 3), weekly(3, 60), 2), ...uses('share-report', [40])], milestones: { 'first-project': 58 } });
    for (let back = 0; back < 30; back++) {
      const step = score(DEMO, h, shiftDays(-back, NOW)).nextStep;
      if (!step) continue;
      if (step.feature) expect(featureIds.has(step.feature)).toBe(true);
      if (step.milestone) expect(milestoneIds.has(step.milestone)).toBe(true);
    }
  });
});
