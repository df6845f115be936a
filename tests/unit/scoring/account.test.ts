import { describe, expect, it } from 'vitest';
import { type AccountUser, rollUpAccounts } from '../../../lib/scoring/account';
import type { UserScore } from '../../../lib/scoring/types';
import { history, NOW, shiftDays, span, uses, weekly } from '../helpers/history';
import { allMilestones, CORE, DEMO, healthyUser, score, VALUE_MILESTONE } from './fixtures';

/** Everything but "Connect an integration", which no user here ever tries. */
const MOST = CORE.filter((f) => f !== 'connect-integration');

const users = {
  // Green, value in 4 days, 9 of 10 seats: expansion-ready.
  ready: score(DEMO, history({ usage: uses(MOST, weekly(5, 116), 3), milestones: allMilestones(116), meters: [{ meter: 'seats', used: 9, limit: 10 }] })),
  // The same use, stopped three weeks ago.
  stale: score(DEMO, history({ usage: uses(MOST, weekly(5, 116, 21), 3), milestones: allMilestones(116) })),
  // Ten days old, two features, no value yet.
  young: score(DEMO, history({ usage: uses(['create-project', 'add-task'], span(9), 2), milestones: { 'first-project': 9 } })),
  // 12 steady weeks of ~10 uses a day, halved for the last two: a usage-drop alert.
  dropping: score(DEMO, history({ usage: uses('add-task', weekly(5, 81), (d) => (d < 14 ? 5 : 10)), milestones: { [VALUE_MILESTONE]: 60 } })),
  // Value reached on day 20.
  slow: score(DEMO, history({ usage: uses(MOST, weekly(5, 60), 2), milestones: { [VALUE_MILESTONE]: 40 } })),
};

const acme: AccountUser[] = [
  { account: 'acme', user: 'ada', score: users.ready },
  { account: 'acme', user: 'bob', score: users.stale },
  { account: 'acme', user: 'cy', score: users.young },
];
const globex: AccountUser[] = [
  { account: 'globex', user: 'dee', score: users.dropping },
  { account: 'globex', user: 'eve', score: users.slow },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const scoresOf = (members: AccountUser[]) => members.map((m) => m.score.score);

describe('rollUpAccounts', () => {
  // Interleaved input: the roll-up must group by account, not by order.
  const rollups = rollUpAccounts([acme[0]!, globex[0]!, acme[1]!, globex[1]!, acme[2]!]);
  const byName = (a: string) => rollups.find((r) => r.account === a)!;

  it('checks its fixtures: the users differ as intended', () => {
    expect(users.ready.expansion.ready).toBe(true);
    expect(users.stale.band).not.toBe('green');
    expect(users.dropping.alert.active).toBe(true);
    expect(users.young.ttvDays).toBeNull();
  });

  it('groups users by account, one roll-up per account, sorted by name', () => {
    expect(rollups.map((r) => [r.account, r.users])).toEqual([
      ['acme', 3],
      ['globex', 2],
    ]);
  });

  it('gives the mean and median score of the members', () => {
    expect(byName('acme').meanScore).toBeCloseTo(mean(scoresOf(acme)), 1);
    const sorted = scoresOf(acme).sort((a, b) => a - b);
    expect(byName('acme').medianScore).toBe(sorted[1]);
    expect(byName('globex').medianScore).toBe(mean(scoresOf(globex)));
  });

  it('shares users out by band, the shares adding up to 1', () => {
    for (const [r, members] of [
      [byName('acme'), acme],
      [byName('globex'), globex],
    ] as const) {
      const { green, yellow, red } = r.bandShare;
      expect(green + yellow + red).toBeCloseTo(1, 12);
      expect(green).toBeCloseTo(members.filter((m) => m.score.band === 'green').length / members.length, 12);
      expect(red).toBeCloseTo(members.filter((m) => m.score.band === 'red').length / members.length, 12);
    }
  });

  it('counts expansion-ready users and usage-drop alerts per account', () => {
    for (const members of [acme, globex]) {
      const r = byName(members[0]!.account);
      expect(r.expansionReady).toBe(members.filter((m) => m.score.expansion.ready).length);
      expect(r.usageDropAlerts).toBe(members.filter((m) => m.score.alert.active).length);
    }
    expect([byName('acme').expansionReady, byName('acme').usageDropAlerts]).toEqual([1, 0]);
    expect(byName('globex').usageDropAlerts).toBe(1);
  });

  it('lists core features most adopted first, the one nobody uses last', () => {
    const list = byName('acme').featureAdoption;
    expect(list.map((x) => x.feature).sort()).toEqual([...CORE].sort());
    expect(list.at(-1)).toEqual({ feature: 'connect-integration', adoption: 0 });
    const values = list.map((x) => x.adoption);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The two features the young user tried are ahead of those only the others used.
    expect(list.slice(0, 2).map((x) => x.feature).sort()).toEqual(['add-task', 'create-project']);
  });

  it('gives the time-to-value of the users who reached value, sorted, and its median', () => {
    const ttv = byName('acme').ttvDays;
    expect(ttv).toEqual([users.ready.ttvDays, users.stale.ttvDays].sort((a, b) => a! - b!));
    expect(byName('globex').ttvDays).toEqual([users.dropping.ttvDays!, users.slow.ttvDays!].sort((a, b) => a - b));
    expect(byName('globex').medianTtvDays).toBe(mean(byName('globex').ttvDays));
  });

  it('handles one user and no users', () => {
    expect(rollUpAccounts([])).toEqual([]);
    const [one] = rollUpAccounts([acme[0]!]);
    expect(one).toMatchObject({ users: 1, meanScore: users.ready.score, medianScore: users.ready.score, bandShare: { green: 1, yellow: 0, red: 0 } });
  });

  it('is the same whatever the order of the users', () => {
    const reordered = rollUpAccounts([globex[1]!, acme[2]!, acme[0]!, globex[0]!, acme[1]!]);
    // Means and medians do not depend on order; feature ties are broken by name.
    expect(reordered).toEqual(rollups);
  });

  it('rolls up scores computed on different days alike', () => {
    const later: UserScore = score(DEMO, healthyUser(), shiftDays(3, NOW));
    const [r] = rollUpAccounts([{ account: 'solo', user: 'x', score: later }]);
    expect(r!.meanScore).toBe(later.score);
  });
});
