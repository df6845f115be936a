import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../lib/nudges/decide';
import { inHoldout } from '../../../lib/nudges/holdout';
import type { DecideInput } from '../../../lib/nudges/types';
import { CAPS, DEMO_PB, decideInput, nudge, offered, withNudges } from './fixtures';

/** The control group: a stable, per-nudge draw of about `caps.holdout` of users. */

const USERS = Array.from({ length: 10_000 }, (_, i) => `tasklane:acct-${i % 97}:user-${i}`);
/** A 10% share of 10,000 is 1,000 ± 30 (one standard deviation): 8–12% is a wide, never-flaky band. */
const TOLERANCE = 0.02;
const HOME = { on: 'route', path: '/' };
const PB = withNudges([nudge('tip', HOME)]);
const decideFor = (pb: DecideInput['playbook'], userKey: string) => decideNudge(decideInput(pb, { userKey }));
const shareOf = (keys: readonly string[], held: (k: string) => boolean) => keys.filter(held).length / keys.length;

describe('holdout', () => {
  it('gives the same answer for the same user and nudge, every time', () => {
    for (const key of USERS.slice(0, 200)) {
      const first = decideFor(PB, key);
      expect(decideFor(PB, key)).toEqual(first);
      expect(inHoldout(key, 'tip', CAPS.holdout)).toBe(first.kind === 'hold-out');
    }
  });

  it('holds out about the default share of 10,000 users', () => {
    const share = shareOf(USERS, (k) => decideFor(PB, k).kind === 'hold-out');
    expect(share).toBeGreaterThanOrEqual(CAPS.holdout - TOLERANCE);
    expect(share).toBeLessThanOrEqual(CAPS.holdout + TOLERANCE);
  });

  it('returns the nudge that would have shown, flagged as held out', () => {
    const key = USERS.find((k) => inHoldout(k, 'tip', CAPS.holdout))!;
    expect(decideFor(PB, key)).toEqual({ kind: 'hold-out', nudge: 'tip', heldOut: true });
    const other = USERS.find((k) => !inHoldout(k, 'tip', CAPS.holdout))!;
    expect(decideFor(PB, other)).toEqual({ kind: 'show', nudge: 'tip', heldOut: false });
  });

  /** Among users held out of `a` and among the rest, the share held out of `b` stays near the base share. */
  function expectIndependent(a: string, b: string) {
    const heldA = USERS.filter((k) => inHoldout(k, a, CAPS.holdout));
    const notA = USERS.filter((k) => !inHoldout(k, a, CAPS.holdout));
    for (const group of [heldA, notA]) {
      const shareB = shareOf(group, (k) => inHoldout(k, b, CAPS.holdout));
      // The held-out group is ~1,000 users (± 1 point): allow twice the tolerance for the smaller sample.
      expect(Math.abs(shareB - CAPS.holdout), `${a} → ${b}`).toBeLessThanOrEqual(2 * TOLERANCE);
    }
  }

  it('draws independently for each nudge of the demo playbook: holding a user out of one says nothing about another', () => {
    const ids = DEMO_PB.nudges.map((n) => n.id);
    for (const a of ids) for (const b of ids) if (a !== b) expectIndependent(a, b);
  });

  it('draws independently for nudges whose ids differ only in the last character', () => {
    expectIndependent('tip-1', 'tip-2');
    expectIndependent('nudge-a', 'nudge-b');
  });

  it('uses a nudge\'s own holdout share over caps.holdout', () => {
    const own = CAPS.holdout * 3;
    const pb = withNudges([nudge('tip', HOME, { holdout: own })]);
    const share = shareOf(USERS, (k) => decideFor(pb, k).kind === 'hold-out');
    expect(Math.abs(share - own)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('never holds out with a share of 0, set for the playbook or for the nudge', () => {
    const none = withNudges([nudge('tip', HOME)], (d) => {
      d.caps = { holdout: 0 };
    });
    const ownZero = withNudges([nudge('tip', HOME, { holdout: 0 })]);
    for (const pb of [none, ownZero]) {
      expect(USERS.every((k) => decideFor(pb, k).kind === 'show')).toBe(true);
    }
  });

  it('draws only among users the nudge is due for: an ineligible user is never recorded as held out', () => {
    for (const key of USERS.slice(0, 500)) {
      const d = decideNudge(decideInput(PB, { userKey: key, route: { pathname: '/elsewhere', hash: '' } }));
      expect(offered(d)).toBeNull();
    }
  });
});
