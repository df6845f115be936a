import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../lib/nudges/decide';
import type { DecideInput, NudgeLogEntry } from '../../../lib/nudges/types';
import type { UserScore } from '../../../lib/scoring/types';
import { CAPS, DAY, decideInput, expansionReady, HOUR, healthy, NOW, nudge, offered, withNudges } from './fixtures';

const MINUTE = 60_000;
const HOME = { on: 'route', path: '/' };
/** Tips due on every visit to "/": one more than a week's quota, so a fresh one is always left. */
const TIP_IDS = Array.from({ length: CAPS.perWeek + 1 }, (_, i) => `tip-${i + 1}`);
const tips = TIP_IDS.map((id) => nudge(id, HOME));
const upsells = ['upsell-a', 'upsell-b'].map((id) => nudge(id, HOME, { kind: 'expansion' }));
const TIPS = withNudges(tips);
const BOTH = withNudges([...tips, ...upsells]);
const EXPANSION = withNudges(upsells);
const READY = expansionReady(BOTH);

const at = (pb: DecideInput['playbook'], over: Partial<DecideInput> = {}) => decideNudge(decideInput(pb, { score: READY, ...over }));
const logOf = (action: NudgeLogEntry['action'], rows: [string, number][]): NudgeLogEntry[] => rows.map(([nudge, ts]) => ({ nudge, action, ts }));

/** A full week of tips: the oldest just inside the rolling 7 days, the rest minHoursApart after each other. */
function fullWeek(now = NOW): NudgeLogEntry[] {
  const oldest = now - 7 * DAY + HOUR;
  return logOf(
    'shown',
    TIP_IDS.slice(0, CAPS.perWeek).map((id, i) => [id, oldest + i * CAPS.minHoursApart * HOUR]),
  );
}

describe('caps: per page session', () => {
  it('shows nothing once the session has had its perSession nudges', () => {
    expect(at(BOTH, { sessionShown: CAPS.perSession })).toEqual({ kind: 'none', reason: expect.stringContaining('page session') });
  });

  it('shows one while the session is under perSession', () => {
    expect(at(BOTH, { sessionShown: CAPS.perSession - 1 }).kind).toBe('show');
  });

  it('holds for expansion prompts too', () => {
    expect(at(EXPANSION, { sessionShown: 0 }).kind).toBe('show');
    expect(at(EXPANSION, { sessionShown: CAPS.perSession }).kind).toBe('none');
  });
});

describe('caps: minimum hours between tips', () => {
  it('holds a tip back until minHoursApart after the last one', () => {
    const last = (ts: number) => logOf('shown', [['tip-1', ts]]);
    expect(at(TIPS, { log: last(NOW - CAPS.minHoursApart * HOUR + MINUTE) })).toEqual({ kind: 'none', reason: expect.stringContaining('minimum hours') });
    expect(offered(at(TIPS, { log: last(NOW - CAPS.minHoursApart * HOUR) }))).toBe('tip-2');
  });

  it('counts a held-out tip ("would have shown") like a shown one', () => {
    expect(at(TIPS, { log: logOf('heldout', [['tip-1', NOW - MINUTE]]) }).kind).toBe('none');
  });
});

describe('caps: per rolling 7 days', () => {
  it('shows no tip while perWeek were offered in the last 7 days', () => {
    expect(CAPS.perWeek * CAPS.minHoursApart * HOUR).toBeLessThan(7 * DAY); // the fixture fits in a week
    expect(at(TIPS, { log: fullWeek() })).toEqual({ kind: 'none', reason: expect.stringContaining('weekly') });
  });

  it('rolls: once the oldest falls out of the 7 days, a tip is due again', () => {
    expect(offered(at(TIPS, { log: fullWeek(), now: NOW + 2 * HOUR }))).toMatch(/^tip-/);
  });
});

describe('caps: expansion prompts are their own group', () => {
  it('offers at most one expansion prompt per expansionEveryDays, whichever prompt it is', () => {
    const last = (ts: number) => logOf('shown', [['upsell-a', ts]]);
    const blocked = at(EXPANSION, { log: last(NOW - CAPS.expansionEveryDays * DAY + HOUR) });
    expect(blocked).toEqual({ kind: 'none', reason: expect.stringContaining('upsell-b: an expansion prompt was offered recently') });
    expect(offered(at(EXPANSION, { log: last(NOW - CAPS.expansionEveryDays * DAY) }))).toMatch(/^upsell-/);
  });

  it('does not count tips against expansion prompts: a full week of tips, the last a minute ago, still leaves room', () => {
    const log = [...fullWeek(), ...logOf('shown', [[TIP_IDS.at(-1)!, NOW - MINUTE]])];
    expect(at(TIPS, { log }).kind).toBe('none');
    expect(offered(at(BOTH, { log }))).toMatch(/^upsell-/);
  });

  it('does not count expansion prompts against tips, neither the minimum gap nor the weekly quota', () => {
    const oneShort = fullWeek().slice(0, CAPS.perWeek - 1);
    const log = [...oneShort, ...logOf('shown', [['upsell-a', NOW - 2 * DAY], ['upsell-b', NOW - MINUTE]])];
    expect(offered(at(BOTH, { log }))).toMatch(/^tip-/);
  });
});

describe('caps: repeatAfterDays', () => {
  const ONE = withNudges([nudge('tip-1', HOME)]);

  it('does not offer the same nudge again within repeatAfterDays, then does', () => {
    const last = (ts: number) => logOf('shown', [['tip-1', ts]]);
    expect(at(ONE, { log: last(NOW - CAPS.repeatAfterDays * DAY + HOUR) })).toEqual({
      kind: 'none',
      reason: expect.stringContaining(`last ${CAPS.repeatAfterDays} days`),
    });
    expect(offered(at(ONE, { log: last(NOW - CAPS.repeatAfterDays * DAY) }))).toBe('tip-1');
  });

  it('counts a hold-out as an offer', () => {
    expect(at(ONE, { log: logOf('heldout', [['tip-1', NOW - CAPS.repeatAfterDays * DAY + HOUR]]) }).kind).toBe('none');
  });
});

describe('priority', () => {
  it('offers the higher priority of two due nudges, whatever their order in the playbook', () => {
    const hi = nudge('hi', HOME, { priority: 60 });
    const lo = nudge('lo', HOME, { priority: 59 });
    expect(offered(at(withNudges([lo, hi])))).toBe('hi');
    expect(offered(at(withNudges([hi, lo])))).toBe('hi');
  });

  it('falls back to the lower priority when the higher one is not due', () => {
    const pb = withNudges([nudge('hi', { on: 'route', path: '/reports' }, { priority: 60 }), nudge('lo', HOME, { priority: 59 })]);
    expect(offered(at(pb))).toBe('lo');
  });

  describe('equal priority: the component with the most headroom w·(1 − c) wins', () => {
    // Both due for a long-time user: no report built (breadth), no teammate invited (milestones).
    const pair = [nudge('use-reports', { on: 'feature-not-adopted', feature: 'build-report' }), nudge('invite', { on: 'milestone-stalled', milestone: 'invite-team' })];
    const base = healthy(withNudges(pair));
    /** The healthy user's score with breadth and milestones components set (decide reads headroom from components and weights). */
    const withComponents = (breadth: number, milestones: number): UserScore => ({ ...base, components: { ...base.components, breadth, milestones } });
    const headroom = (s: UserScore, c: 'breadth' | 'milestones') => s.weights[c] * (1 - (s.components[c] ?? 1));

    it('picks the breadth tip when breadth has more headroom', () => {
      const score = withComponents(0, 1);
      expect(headroom(score, 'breadth')).toBeGreaterThan(headroom(score, 'milestones'));
      for (const order of [pair, [...pair].reverse()]) expect(offered(at(withNudges(order), { score }))).toBe('use-reports');
    });

    it('picks the milestone tip when milestones have more headroom', () => {
      const score = withComponents(1, 0);
      expect(headroom(score, 'milestones')).toBeGreaterThan(headroom(score, 'breadth'));
      for (const order of [pair, [...pair].reverse()]) expect(offered(at(withNudges(order), { score }))).toBe('invite');
    });

    it('weighs the headroom: a small gap on a heavy component beats a bigger gap on a light one', () => {
      // Adopted weights: breadth counts for more than milestones.
      expect(base.weights.breadth).toBeGreaterThan(base.weights.milestones);
      const gap = 0.5;
      const score = withComponents(1 - gap * (base.weights.milestones / base.weights.breadth) * 1.5, 1 - gap);
      expect(1 - score.components.breadth!).toBeLessThan(1 - score.components.milestones!);
      for (const order of [pair, [...pair].reverse()]) expect(offered(at(withNudges(order), { score }))).toBe('use-reports');
    });
  });
});

describe('log order', () => {
  it('applies minHoursApart whatever the order of the log', () => {
    const chronological = logOf('shown', [
      ['tip-2', NOW - 3 * DAY],
      ['tip-1', NOW - MINUTE],
    ]);
    expect(at(TIPS, { log: chronological }).kind).toBe('none');
    // Newest first: actual { kind: 'show', nudge: 'tip-3' }, a minute after tip-1.
    expect(at(TIPS, { log: [...chronological].reverse() }).kind).toBe('none');
  });
});
