import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../lib/nudges/decide';
import type { Playbook } from '../../../lib/playbook/schema';
import type { UserHistory, UserScore } from '../../../lib/scoring/types';
import { history, span, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, healthyUser } from '../scoring/fixtures';
import { DEMO_PB, decideInput, demoNudges, dropping, HOUR, NOW, nudgePlaybook, offered, userFacts } from './fixtures';

/** Value before expansion: prompts only for expansion-ready users, never in-app for high-touch accounts. */

const EXPANSION_IDS = DEMO_PB.nudges.filter((n) => n.kind === 'expansion').map((n) => n.id);
/** Every pull signal the demo expansion prompts react to: seats and reports at their limits, many tries of a gated feature. */
const FULL_METERS = [
  { meter: 'seats', used: 10, limit: 10 },
  { meter: 'reports-built', used: 50, limit: null },
];
/** Healthy, 9 of 10 seats used, and a plan-gated feature tried on the last days: both demo prompts are due. */
const READY_HISTORY = (() => {
  const h = healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }] });
  return { ...h, usage: [...h.usage, ...uses('advanced-insights', span(2))] };
})();
const decideFor = (pb: Playbook, h: UserHistory, over: Partial<Parameters<typeof decideInput>[1]> = {}) =>
  decideNudge(decideInput(pb, { ...userFacts(pb, h), meters: FULL_METERS, ...over }));

describe('expansion prompts', () => {
  it('are shown to an expansion-ready user whose seats are nearly full', () => {
    const facts = userFacts(DEMO_PB, healthyUser({ meters: [{ meter: 'seats', used: 9, limit: 10 }] }));
    expect(facts.score?.expansion.ready).toBe(true);
    expect(decideNudge(decideInput(DEMO_PB, { ...facts, meters: [{ meter: 'seats', used: 9, limit: 10 }] }))).toEqual({
      kind: 'show',
      nudge: 'seats-expansion',
      heldOut: false,
    });
  });

  it('are never offered when the score says not ready, whatever the meters and gated tries say', () => {
    const ready = userFacts(DEMO_PB, READY_HISTORY);
    // Real not-ready users with pull signals: one using two core features (not green), one healthy but prompted 3 days ago (fatigue).
    const narrow = history({ usage: [...uses(CORE.slice(0, 2), weekly(2, 100), 2), ...uses('advanced-insights', span(9))], milestones: allMilestones(100) });
    const prompted = healthyUser({ prompts: [3], meters: FULL_METERS });
    prompted.usage = [...prompted.usage, ...uses('advanced-insights', span(2))];
    const scores: UserScore[] = [userFacts(DEMO_PB, narrow).score!, userFacts(DEMO_PB, prompted).score!];
    // The ready user with each readiness condition failing in turn, every signal left in place.
    for (const c of ['valueProven', 'stable', 'pull', 'notFatigued'] as const) {
      const s = ready.score!;
      scores.push({ ...s, gatedAttempts: 99, expansion: { ...s.expansion, ready: false, csmFlag: false, conditions: { ...s.expansion.conditions, [c]: false } } });
    }
    const onlyExpansion = demoNudges(...EXPANSION_IDS);
    for (const score of scores) {
      expect(score.expansion.ready).toBe(false);
      const d = decideNudge(decideInput(onlyExpansion, { ...ready, score, meters: FULL_METERS }));
      expect(offered(d)).toBeNull();
      for (const id of EXPANSION_IDS) expect(d.kind === 'none' && d.reason).toContain(`${id}: not expansion-ready`);
    }
  });

  it('are never offered before any recorded use (no score)', () => {
    expect(offered(decideNudge(decideInput(demoNudges(...EXPANSION_IDS), { score: null, meters: FULL_METERS })))).toBeNull();
  });
});

describe('high-touch accounts', () => {
  const highTouch = nudgePlaybook((d) => {
    (d.app as { plan: { segment: string } }).plan.segment = 'high-touch';
  });

  it('get no in-app prompt: the reason says the CSM is flagged instead', () => {
    const facts = userFacts(highTouch, READY_HISTORY);
    expect(facts.score?.expansion).toMatchObject({ ready: true, csmFlag: true });
    const d = decideFor(highTouch, READY_HISTORY);
    expect(offered(d)).toBeNull();
    for (const id of EXPANSION_IDS) expect(d.kind === 'none' && d.reason).toMatch(new RegExp(`${id}: [^;]*CSM`));
  });

  it('differ from the same user on a tech-touch plan, who is prompted', () => {
    expect(EXPANSION_IDS).toContain(offered(decideFor(DEMO_PB, READY_HISTORY)));
  });
});

describe('referral prompts', () => {
  // The demo's "refer-a-team" fires right after the "connected" milestone.
  const REFERRAL = demoNudges('refer-a-team');
  const referral = (score: UserScore | null) => decideNudge(decideInput(REFERRAL, { score, reached: { connected: NOW - HOUR } }));
  const healthy = userFacts(REFERRAL, healthyUser()).score!;

  it('are offered to a green user without a usage-drop alert', () => {
    expect(healthy.band).toBe('green');
    expect(healthy.alert.active).toBe(false);
    expect(offered(referral(healthy))).toBe('refer-a-team');
  });

  it('are not offered to a green user whose usage-drop alert is active', () => {
    const score = dropping(REFERRAL);
    expect(score.band).toBe('green');
    expect(score.alert.active).toBe(true);
    expect(referral(score)).toEqual({ kind: 'none', reason: expect.stringContaining('referrals only from healthy users') });
  });

  it('are not offered to a yellow or red user, nor without a score', () => {
    for (const band of ['yellow', 'red'] as const) expect(offered(referral({ ...healthy, band }))).toBeNull();
    expect(offered(referral(null))).toBeNull();
  });
});
