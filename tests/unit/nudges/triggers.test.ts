import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../lib/nudges/decide';
import type { Trigger } from '../../../lib/playbook/nudges-schema';
import type { Playbook } from '../../../lib/playbook/schema';
import { history, span, uses } from '../helpers/history';
import { DAY, DEMO_PB, decideInput, dropping, HOUR, healthy, NOW, nudge, offered, scoreOf, userSince, withNudges } from './fixtures';

/** The parsed trigger of the playbook's only nudge, defaults filled, narrowed to `on`. */
function onlyTrigger<K extends Trigger['on']>(pb: Playbook, on: K): Extract<Trigger, { on: K }> {
  const t = pb.nudges[0]?.trigger;
  if (t?.on !== on) throw new Error(`expected one nudge with a "${on}" trigger`);
  return t as Extract<Trigger, { on: K }>;
}

describe('trigger: feature-not-adopted', () => {
  const pb = withNudges([nudge('try-reports', { on: 'feature-not-adopted', feature: 'build-report' })]);
  const { afterDays } = onlyTrigger(pb, 'feature-not-adopted');

  it('fires for a user first seen afterDays ago who never used the feature', () => {
    const d = decideNudge(decideInput(pb, { score: userSince(pb, afterDays), featureCounts: { 'create-project': afterDays + 1 } }));
    expect(offered(d)).toBe('try-reports');
  });

  it('does not fire before afterDays', () => {
    const d = decideNudge(decideInput(pb, { score: userSince(pb, afterDays - 1) }));
    expect(d).toEqual({ kind: 'none', reason: expect.stringContaining('trigger does not hold') });
  });

  it('does not fire once the feature has been used, however long ago', () => {
    const d = decideNudge(decideInput(pb, { score: userSince(pb, afterDays * 10), featureCounts: { 'build-report': 1 } }));
    expect(d.kind).toBe('none');
  });

  it('does not fire before any recorded use (no score)', () => {
    expect(decideNudge(decideInput(pb, { score: null })).kind).toBe('none');
  });

  it('is what the shipped demo does: its Reports tip is due for a user who has not built a report after its afterDays', () => {
    const tip = DEMO_PB.nudges.find((n) => n.id === 'reports-tip')!;
    if (tip.trigger.on !== 'feature-not-adopted') throw new Error('demo reports-tip changed its trigger');
    expect(offered(decideNudge(decideInput(DEMO_PB, { score: userSince(DEMO_PB, tip.trigger.afterDays) })))).toBe('reports-tip');
    expect(decideNudge(decideInput(DEMO_PB, { score: userSince(DEMO_PB, tip.trigger.afterDays - 1) })).kind).toBe('none');
  });
});

describe('trigger: milestone-stalled', () => {
  const pb = withNudges([nudge('invite', { on: 'milestone-stalled', milestone: 'invite-team' }, { kind: 'tour-invite' })]);
  const { afterDays } = onlyTrigger(pb, 'milestone-stalled');

  it('fires when the milestone is still not reached afterDays after first seen', () => {
    expect(offered(decideNudge(decideInput(pb, { score: userSince(pb, afterDays) })))).toBe('invite');
  });

  it('does not fire when the milestone was reached', () => {
    const d = decideNudge(decideInput(pb, { score: userSince(pb, afterDays), reached: { 'invite-team': NOW - afterDays * DAY } }));
    expect(d.kind).toBe('none');
  });

  it('does not fire before afterDays', () => {
    expect(decideNudge(decideInput(pb, { score: userSince(pb, afterDays - 1) })).kind).toBe('none');
  });
});

describe('trigger: usage-drop', () => {
  const pb = withNudges([nudge('comeback', { on: 'usage-drop' })]);

  it('fires while the usage-drop alert is active', () => {
    const score = dropping(pb);
    expect(score.alert.active).toBe(true);
    expect(offered(decideNudge(decideInput(pb, { score })))).toBe('comeback');
  });

  it('does not fire for a steady user', () => {
    const score = healthy(pb);
    expect(score.alert.active).toBe(false);
    expect(decideNudge(decideInput(pb, { score })).kind).toBe('none');
  });
});

describe('trigger: meter', () => {
  // "reports-built" has its limit in the playbook; "seats" reads its limit from the page.
  const pb = withNudges([nudge('near-limit', { on: 'meter', meter: 'reports-built' })]);
  const { atLeast } = onlyTrigger(pb, 'meter');
  const limit = pb.meters.find((m) => m.id === 'reports-built')!.limit!;
  const atShare = Math.ceil(atLeast * limit);
  const at = (used: number, readLimit: number | null = null) =>
    decideNudge(decideInput(pb, { score: healthy(pb), meters: [{ meter: 'reports-built', used, limit: readLimit }] }));

  it('fires at exactly the share of the playbook limit, and above it', () => {
    expect(offered(at(atShare))).toBe('near-limit');
    expect(offered(at(limit + 1))).toBe('near-limit');
  });

  it('does not fire one under the share', () => {
    expect(at(atShare - 1).kind).toBe('none');
  });

  it('prefers the limit read from the page over the playbook limit', () => {
    // Under the share of the playbook limit, at the share of a smaller limit shown on the page.
    expect(offered(at(atShare - 1, atShare - 1))).toBe('near-limit');
    expect(at(atShare, limit * 10).kind).toBe('none');
  });

  it('does not fire without a reading, or without any known limit', () => {
    expect(decideNudge(decideInput(pb, { score: healthy(pb) })).kind).toBe('none');
    const seats = withNudges([nudge('seats', { on: 'meter', meter: 'seats' })]);
    expect(decideNudge(decideInput(seats, { meters: [{ meter: 'seats', used: 1000, limit: null }] })).kind).toBe('none');
  });
});

describe('trigger: gated-attempts', () => {
  const pb = withNudges([nudge('insights', { on: 'gated-attempts' }, { target: 'advanced-insights' })]);
  const { atLeast } = onlyTrigger(pb, 'gated-attempts');
  /** A scored user who tried the plan-gated feature on `tries` recent days. */
  const tried = (tries: number) =>
    scoreOf(pb, history({ usage: [...uses('create-project', span(20)), ...uses('advanced-insights', span(tries - 1))] }));

  it('fires at atLeast attempts in the scoring window', () => {
    const score = tried(atLeast);
    expect(score.gatedAttempts).toBe(atLeast);
    expect(offered(decideNudge(decideInput(pb, { score })))).toBe('insights');
  });

  it('does not fire one attempt short', () => {
    const score = tried(atLeast - 1);
    expect(score.gatedAttempts).toBeLessThan(atLeast);
    expect(decideNudge(decideInput(pb, { score })).kind).toBe('none');
  });
});

describe('trigger: guide-completed', () => {
  const pb = withNudges([nudge('well-done', { on: 'guide-completed', guide: 'invite-team' }, { kind: 'celebrate' })]);

  it('fires within a day of completing the tour', () => {
    expect(offered(decideNudge(decideInput(pb, { completedGuides: { 'invite-team': NOW - (DAY - HOUR) } })))).toBe('well-done');
  });

  it('does not fire more than a day after, nor for another tour', () => {
    expect(decideNudge(decideInput(pb, { completedGuides: { 'invite-team': NOW - (DAY + HOUR) } })).kind).toBe('none');
    expect(decideNudge(decideInput(pb, { completedGuides: { 'connect-tool': NOW - HOUR } })).kind).toBe('none');
  });
});

describe('trigger: milestone-reached', () => {
  const pb = withNudges([nudge('yay', { on: 'milestone-reached', milestone: 'first-report-shared', withinDays: 2 }, { kind: 'celebrate' })]);
  const { withinDays } = onlyTrigger(pb, 'milestone-reached');

  it('fires within withinDays of reaching the milestone', () => {
    expect(offered(decideNudge(decideInput(pb, { reached: { 'first-report-shared': NOW - (withinDays * DAY - HOUR) } })))).toBe('yay');
  });

  it('does not fire after withinDays, nor before the milestone is reached', () => {
    expect(decideNudge(decideInput(pb, { reached: { 'first-report-shared': NOW - (withinDays * DAY + HOUR) } })).kind).toBe('none');
    expect(decideNudge(decideInput(pb, { reached: { 'first-project': NOW - HOUR } })).kind).toBe('none');
  });

  it('defaults withinDays to one day: right after the milestone, not the day after', () => {
    const short = withNudges([nudge('yay', { on: 'milestone-reached', milestone: 'first-report-shared' }, { kind: 'celebrate' })]);
    expect(offered(decideNudge(decideInput(short, { reached: { 'first-report-shared': NOW - (DAY - HOUR) } })))).toBe('yay');
    expect(decideNudge(decideInput(short, { reached: { 'first-report-shared': NOW - (DAY + HOUR) } })).kind).toBe('none');
  });
});

describe('trigger: route', () => {
  const pb = withNudges([nudge('on-project', { on: 'route', path: '/projects/:id' })]);
  const hashPb = withNudges([nudge('on-settings', { on: 'route', path: '#/settings' })]);
  const at = (p: Playbook, pathname: string, hash = '') => decideNudge(decideInput(p, { route: { pathname, hash } }));

  it('fires on a matching path, parameters and a trailing slash included', () => {
    expect(offered(at(pb, '/projects/42'))).toBe('on-project');
    expect(offered(at(pb, '/projects/42/'))).toBe('on-project');
  });

  it('does not fire on another path', () => {
    expect(at(pb, '/projects').kind).toBe('none');
    expect(at(pb, '/projects/42/tasks').kind).toBe('none');
  });

  it('matches a "#…" route against the hash of a single-page app', () => {
    expect(offered(at(hashPb, '/app', '#/settings'))).toBe('on-settings');
  });

  it('does not match a hash route on the path, nor on another hash', () => {
    expect(at(hashPb, '/settings').kind).toBe('none');
    expect(at(hashPb, '/app', '#/reports').kind).toBe('none');
  });
});
