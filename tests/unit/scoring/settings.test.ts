import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoringSettings } from '../../../lib/scoring/defaults';
import { scoreUser } from '../../../lib/scoring/score';
import { history, NOW, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, DEMO, demoScoring, healthyUser, score } from './fixtures';

describe('scoringSettings', () => {
  it('is the defaults when nothing is overridden', () => {
    expect(scoringSettings()).toEqual(DEFAULT_SCORING);
    expect(scoringSettings({})).toEqual(DEFAULT_SCORING);
  });

  it('merges deeply: overriding bands.green keeps bands.yellow', () => {
    const s = scoringSettings({ bands: { green: 80 } });
    expect(s.bands).toEqual({ green: 80, yellow: DEFAULT_SCORING.bands.yellow });
    expect(s.hysteresis).toEqual(DEFAULT_SCORING.hysteresis);
  });

  it('merges stage weights one component at a time, leaving the other stage alone', () => {
    const s = scoringSettings({ weights: { adopted: { trend: 0 } } });
    expect(s.weights.adopted).toEqual({ ...DEFAULT_SCORING.weights.adopted, trend: 0 });
    expect(s.weights.onboarding).toEqual(DEFAULT_SCORING.weights.onboarding);
  });

  it('skips fields given as undefined, and never changes the defaults', () => {
    const before = structuredClone(DEFAULT_SCORING);
    const s = scoringSettings({ stickinessTargetDays: undefined, dropAlert: { minDrop: 0.3 }, expansion: { greenDays: 7 } });
    expect(s.stickinessTargetDays).toBe(DEFAULT_SCORING.stickinessTargetDays);
    expect(s.dropAlert).toEqual({ ...before.dropAlert, minDrop: 0.3 });
    expect(s.expansion.seatsShare).toBe(before.expansion.seatsShare);
    expect(DEFAULT_SCORING).toEqual(before);
  });
});

describe('playbook settings.scoring', () => {
  // One day a week, every week: a weekly-use app's regular.
  const weeklyUser = history({ usage: uses(CORE, weekly(1, 83), 3), milestones: allMilestones(83) });

  it('gives a weekly-use user more stickiness with stickinessTargetDays 8 than with the default 13', () => {
    const daily = score(DEMO, weeklyUser);
    const weeklyApp = score(demoScoring({ stickinessTargetDays: 8 }), weeklyUser);
    expect(DEFAULT_SCORING.stickinessTargetDays).toBeGreaterThan(8);
    expect(weeklyApp.components.stickiness!).toBeGreaterThan(daily.components.stickiness!);
    expect(weeklyApp.score).toBeGreaterThan(daily.score);
  });

  it('moves the bands: a green user is not green when green starts above its score', () => {
    const healthy = score(DEMO, healthyUser());
    expect(healthy.band).toBe('green');
    const strict = score(demoScoring({ bands: { green: healthy.score + 1 } }), healthyUser());
    expect(strict.score).toBe(healthy.score);
    expect(strict.rawBand).toBe('yellow');
  });

  it('reweights components: no weight on trend leaves trend out of the score', () => {
    const r = score(demoScoring({ weights: { adopted: { trend: 0 } } }), healthyUser());
    expect(r.weights.trend).toBe(0);
    expect(r.contributions.trend).toBe(0);
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is what scoreUser uses unless settings are passed explicitly', () => {
    const explicit = scoreUser(DEMO, weeklyUser, NOW, scoringSettings({ stickinessTargetDays: 8 }));
    const fromPlaybook = scoreUser(demoScoring({ stickinessTargetDays: 8 }), weeklyUser, NOW);
    expect(explicit).toEqual(fromPlaybook);
  });
});
