import { describe, expect, it } from 'vitest';
import { CONVERSION_DAYS, nudgeStats, type TargetUse } from '../../../lib/nudges/stats';
import type { NudgeLogEntry } from '../../../lib/nudges/types';
import { dayAgo, tsAgo } from '../helpers/history';
import { DEMO_PB, entries, HOUR } from './fixtures';

/** Per-nudge counts and the lift of shown over held out, from the nudge log and the target feature's daily rollups. */

const NUDGES = DEMO_PB.nudges;
const TIP = NUDGES.find((n) => n.id === 'reports-tip')!;
const TARGET = TIP.target!;
const UNTARGETED = NUDGES.find((n) => !n.target)!;
/** The day the nudge is shown, in days ago: room for a whole conversion window before today. */
const SHOWN = CONVERSION_DAYS + 5;
const shownTs = tsAgo(SHOWN);

/** A day's rollup of `feature`, `daysAfter` the nudge day, last used `offset` ms after noon. */
const use = (feature: string, daysAfter: number, offset = 0): TargetUse => ({ feature, day: dayAgo(SHOWN - daysAfter), lastTs: tsAgo(SHOWN - daysAfter) + offset });
const statsOf = (log: readonly NudgeLogEntry[], uses: readonly TargetUse[] = []) => {
  const s = nudgeStats(NUDGES, log, uses).find((x) => x.nudge === TIP.id);
  if (!s) throw new Error('no stats for the tip');
  return s;
};
const shownOnce = entries(TIP.id, ['shown', shownTs]);

describe('nudgeStats: counts', () => {
  it("counts a \"Don't show this again\" as a dismissal, and keeps the showing in the lift", () => {
    const log = [...entries(TIP.id, ['shown', shownTs], ['never', shownTs + HOUR], ['heldout', shownTs])];
    const s = statsOf(log, [use(TARGET, 1)]);
    expect(s).toMatchObject({ shown: 1, heldOut: 1, dismissed: 1, converted: 1, controlConverted: 1, lift: 0 });
  });

  it('reports every nudge of the playbook, with zeros for those never offered', () => {
    const stats = nudgeStats(NUDGES, [], []);
    expect(stats.map((s) => s.nudge)).toEqual(NUDGES.map((n) => n.id));
    for (const s of stats) expect(s).toMatchObject({ name: expect.any(String), eligible: 0, shown: 0, heldOut: 0, clicked: 0, dismissed: 0, lift: null });
  });

  it('counts shown, held out, clicked and dismissed per nudge; eligible is shown plus held out', () => {
    const log = [
      ...entries(TIP.id, ['shown', shownTs], ['dismissed', shownTs + HOUR], ['shown', shownTs + 8 * 24 * HOUR], ['clicked', shownTs + 8 * 24 * HOUR + HOUR], ['heldout', shownTs]),
      ...entries(UNTARGETED.id, ['shown', shownTs], ['heldout', shownTs], ['heldout', shownTs], ['snoozed', shownTs]),
    ];
    const stats = nudgeStats(NUDGES, log, []);
    expect(stats.find((s) => s.nudge === TIP.id)).toMatchObject({ name: TIP.title, eligible: 3, shown: 2, heldOut: 1, clicked: 1, dismissed: 1 });
    expect(stats.find((s) => s.nudge === UNTARGETED.id)).toMatchObject({ eligible: 3, shown: 1, heldOut: 2, clicked: 0, dismissed: 0 });
  });
});

describe('nudgeStats: conversion', () => {
  it('counts a use of the target later the same day', () => {
    expect(statsOf(shownOnce, [use(TARGET, 0, HOUR)]).converted).toBe(1);
  });

  it('does not count a use earlier the same day (before the nudge)', () => {
    expect(statsOf(shownOnce, [use(TARGET, 0, -HOUR)]).converted).toBe(0);
  });

  it(`counts a use up to ${CONVERSION_DAYS} days after, not the day after that`, () => {
    expect(statsOf(shownOnce, [use(TARGET, CONVERSION_DAYS)]).converted).toBe(1);
    expect(statsOf(shownOnce, [use(TARGET, CONVERSION_DAYS + 1)]).converted).toBe(0);
  });

  it('does not count a use before the nudge day, nor of another feature', () => {
    expect(statsOf(shownOnce, [use(TARGET, -1, 2 * 24 * HOUR)]).converted).toBe(0);
    expect(statsOf(shownOnce, [use('add-task', 1)]).converted).toBe(0);
  });

  it('counts the control group the same way: held out, then used anyway', () => {
    const held = entries(TIP.id, ['heldout', shownTs]);
    expect(statsOf(held, [use(TARGET, 2)])).toMatchObject({ converted: 0, controlConverted: 1 });
    expect(statsOf(held, [use(TARGET, 0, -HOUR)]).controlConverted).toBe(0);
  });
});

describe('nudgeStats: lift', () => {
  /** `n` offers of `action`, one every CONVERSION_DAYS + 2 days going back from `startDaysAgo`; the first `converted` are followed by a use the next day. */
  function offers(action: 'shown' | 'heldout', n: number, converted: number, startDaysAgo: number) {
    const log: NudgeLogEntry[] = [];
    const uses: TargetUse[] = [];
    for (let i = 0; i < n; i++) {
      const ago = startDaysAgo + i * (CONVERSION_DAYS + 2);
      log.push({ nudge: TIP.id, action, ts: tsAgo(ago) });
      if (i < converted) uses.push({ feature: TARGET, day: dayAgo(ago - 1), lastTs: tsAgo(ago - 1) });
    }
    return { log, uses };
  }

  it('is the shown conversion rate minus the held-out rate, in percentage points', () => {
    // The two groups' windows do not overlap: held out on later days than any shown one.
    const shown = offers('shown', 4, 3, 100);
    const held = offers('heldout', 4, 1, 2);
    const s = statsOf([...shown.log, ...held.log], [...shown.uses, ...held.uses]);
    expect(s).toMatchObject({ shown: 4, converted: 3, heldOut: 4, controlConverted: 1 });
    expect(s.lift).toBeCloseTo(100 * (3 / 4 - 1 / 4), 1);
  });

  it('is negative when the control converts better', () => {
    const shown = offers('shown', 2, 0, 100);
    const held = offers('heldout', 2, 2, 2);
    expect(statsOf([...shown.log, ...held.log], [...shown.uses, ...held.uses]).lift).toBeLessThan(0);
  });

  it('is null without both a shown and a held-out group', () => {
    const shown = offers('shown', 3, 2, 2);
    const held = offers('heldout', 3, 1, 2);
    expect(statsOf(shown.log, shown.uses).lift).toBeNull();
    expect(statsOf(held.log, held.uses).lift).toBeNull();
  });

  it('is null for a nudge without a target feature, even with both groups', () => {
    const log = entries(UNTARGETED.id, ['shown', shownTs], ['heldout', shownTs]);
    const s = nudgeStats(NUDGES, log, [use(TARGET, 1)]).find((x) => x.nudge === UNTARGETED.id)!;
    expect(s).toMatchObject({ shown: 1, heldOut: 1, converted: 0, controlConverted: 0, lift: null });
  });
});
