import { describe, expect, it } from 'vitest';
import { type DailyCount, milestoneHolds, newlyReached, windowStart } from '../../../lib/milestones/evaluate';
import type { Milestone } from '../../../lib/playbook/schema';

const ms = (m: Partial<Milestone> & Pick<Milestone, 'id'>): Milestone => ({ name: m.id, weight: 1, valueMoment: false, ...m });
const use = (feature: string, day: string, count = 1): DailyCount => ({ feature, day, count });
const TODAY = '2026-03-10';

describe('windowStart', () => {
  it('includes today: a 1-day window starts today', () => {
    expect(windowStart(TODAY, 1)).toBe(TODAY);
  });

  it('goes back N-1 days, across a month boundary', () => {
    expect(windowStart(TODAY, 7)).toBe('2026-03-04');
    expect(windowStart('2026-03-02', 7)).toBe('2026-02-24');
  });

  it('crosses a year boundary and a leap day', () => {
    expect(windowStart('2026-01-03', 5)).toBe('2025-12-30');
    expect(windowStart('2028-03-01', 2)).toBe('2028-02-29');
  });
});

describe('milestoneHolds', () => {
  it('holds when a feature reaches its atLeast count, summed over days', () => {
    const m = ms({ id: 'plan', allOf: [{ feature: 'add-task', atLeast: 3 }] });
    expect(milestoneHolds(m, [use('add-task', '2026-03-01', 2)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('add-task', '2026-03-01', 2), use('add-task', TODAY)], TODAY)).toBe(true);
  });

  it('needs every allOf condition', () => {
    const m = ms({ id: 'v', allOf: [{ feature: 'build', atLeast: 1 }, { feature: 'share', atLeast: 1 }] });
    expect(milestoneHolds(m, [use('build', TODAY)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('build', TODAY), use('share', TODAY)], TODAY)).toBe(true);
  });

  it('needs any one anyOf condition', () => {
    const m = ms({ id: 'c', anyOf: [{ feature: 'slack', atLeast: 1 }, { feature: 'github', atLeast: 2 }] });
    expect(milestoneHolds(m, [use('github', TODAY)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('github', TODAY, 2)], TODAY)).toBe(true);
    expect(milestoneHolds(m, [use('slack', TODAY)], TODAY)).toBe(true);
  });

  it('needs both the allOf and the anyOf part when a milestone has both', () => {
    const m = ms({ id: 'b', allOf: [{ feature: 'a', atLeast: 1 }], anyOf: [{ feature: 'x', atLeast: 1 }, { feature: 'y', atLeast: 1 }] });
    expect(milestoneHolds(m, [use('a', TODAY)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('y', TODAY)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('a', TODAY), use('y', TODAY)], TODAY)).toBe(true);
  });

  it('counts only uses inside withinDays, the window including today', () => {
    const m = ms({ id: 'w', allOf: [{ feature: 'add-task', atLeast: 2 }], withinDays: 7 });
    expect(milestoneHolds(m, [use('add-task', '2026-03-03'), use('add-task', TODAY)], TODAY)).toBe(false);
    expect(milestoneHolds(m, [use('add-task', '2026-03-04'), use('add-task', TODAY)], TODAY)).toBe(true);
  });

  it('counts every day when there is no withinDays', () => {
    const m = ms({ id: 'w', allOf: [{ feature: 'add-task', atLeast: 2 }] });
    expect(milestoneHolds(m, [use('add-task', '2020-01-01'), use('add-task', TODAY)], TODAY)).toBe(true);
  });

  it('ignores uses of other features', () => {
    const m = ms({ id: 'p', allOf: [{ feature: 'create-project', atLeast: 1 }] });
    expect(milestoneHolds(m, [use('add-task', TODAY, 50)], TODAY)).toBe(false);
  });
});

describe('newlyReached', () => {
  const first = ms({ id: 'first', allOf: [{ feature: 'a', atLeast: 1 }] });
  const second = ms({ id: 'second', allOf: [{ feature: 'b', atLeast: 1 }] });

  it('returns milestones that hold now and were not reached before', () => {
    const counts = [use('a', TODAY), use('b', TODAY)];
    expect(newlyReached([first, second], counts, new Set(['first']), TODAY).map((m) => m.id)).toEqual(['second']);
  });

  it('returns nothing when nothing holds', () => {
    expect(newlyReached([first, second], [], new Set(), TODAY)).toEqual([]);
  });
});
