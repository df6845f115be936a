import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoringSettings } from '../../../lib/scoring/defaults';
import { buildTimeline } from '../../../lib/scoring/timeline';
import { history, NOW, seeded, shiftDays, uses, weekly } from '../helpers/history';
import { allMilestones, DEMO, score } from './fixtures';

/** 12 weeks of history: well past the 8-week baseline. */
const FIRST = 12 * 7 - 3;

/**
 * A steady worker: 5 days a week, about 10 core uses a day spread over three core
 * features; `level(daysAgo)` scales each day's use (1 = baseline).
 */
function worker(level: (daysAgo: number) => number = () => 1, perWeek = 5, perDay = 10) {
  const split = { 'add-task': 0.6, 'create-project': 0.2, 'build-report': 0.2 };
  const usage = Object.entries(split).flatMap(([f, share]) => uses(f, weekly(perWeek, FIRST), (d) => Math.round(perDay * share * level(d) * 10) / 10));
  return history({ usage, milestones: allMilestones(FIRST) });
}

/** Use falls to `1 - drop` of the baseline for the last `days` days (today included). */
const dropped = (drop: number, days: number) => (d: number) => (d < days ? 1 - drop : 1);

/** Whether the alert is active on each of the last `days` days, oldest first. */
const alertDays = (h: ReturnType<typeof worker>, days = 28) =>
  Array.from({ length: days }, (_, i) => score(DEMO, h, shiftDays(i - days + 1)).alert.active);

describe('usage-drop alert', () => {
  it('fires on a halving of use sustained for two weeks', () => {
    const r = score(DEMO, worker(dropped(0.5, 14)));
    expect(r.alert.active).toBe(true);
    expect(r.alert.weekTotal).toBeLessThan(r.alert.baselineMean!);
    expect(r.alert.drop).toBeGreaterThanOrEqual(DEFAULT_SCORING.dropAlert.minDrop);
  });

  it('fires on a 25% drop sustained for 10 days (≥ 20% for a week and more)', () => {
    const days = alertDays(worker(dropped(0.25, 10)), 4);
    expect(days.at(-1)).toBe(true);
  });

  it('stays silent through ordinary daily noise of ±15% (seeded), on every day of four weeks', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rand = seeded(seed);
      const noise = new Map<number, number>();
      const h = worker((d) => {
        if (!noise.has(d)) noise.set(d, 1 + (rand() * 2 - 1) * 0.15);
        return noise.get(d)!;
      });
      expect(alertDays(h)).not.toContain(true);
    }
  });

  it('stays silent after one quiet day, wherever it falls in the last week', () => {
    for (let quiet = 0; quiet < 7; quiet++) {
      const h = worker((d) => (d === quiet ? 0 : 1));
      expect(alertDays(h, 7)).not.toContain(true);
    }
  });

  it('needs the condition on two consecutive days: the first day it holds, the alert stays off', () => {
    const h = worker(dropped(0.5, 14));
    const s = scoringSettings();
    const holds = (shift: number) => buildTimeline(DEMO, h, shiftDays(shift), s, 1)!.days.at(-1)!.dropCondition;
    const first = [-13, -12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0].find(holds);
    expect(first).toBeDefined();
    expect(holds(first! + 1)).toBe(true);
    expect(score(DEMO, h, shiftDays(first!)).alert.active).toBe(false);
    expect(score(DEMO, h, shiftDays(first! + 1)).alert.active).toBe(true);
  });

  it('does not fire for a user whose baseline averages under 3 active days a week', () => {
    // Same weekly volume as the steady worker, on 2 days a week; the same halving fires for the worker.
    const h = worker(dropped(0.5, 14), 2, 25);
    expect(alertDays(h)).not.toContain(true);
    expect(alertDays(worker(dropped(0.5, 14)))).toContain(true);
  });

  it('has no baseline, and does not fire, before 8 weeks of history', () => {
    const young = history({ usage: uses('add-task', weekly(5, 50), (d) => (d < 14 ? 2 : 10)) });
    const r = score(DEMO, young, NOW);
    expect(r.alert.baselineMean).toBeNull();
    expect(r.alert.active).toBe(false);
  });
});
