import type { Band, UserScore } from './types';

/** What the roll-up reads of a user's score: a full UserScore, or the same fields read back from an export. */
export type RollupScore = Pick<UserScore, 'score' | 'band' | 'ttvDays' | 'adoption'> & {
  expansion: Pick<UserScore['expansion'], 'ready'>;
  alert: Pick<UserScore['alert'], 'active'>;
};

export interface AccountUser {
  account: string;
  user: string;
  score: RollupScore;
}

export interface AccountRollup {
  account: string;
  users: number;
  meanScore: number;
  medianScore: number;
  bandShare: Record<Band, number>;
  expansionReady: number;
  usageDropAlerts: number;
  /** Core features by mean adoption across the account's users, most adopted first. */
  featureAdoption: { feature: string; adoption: number }[];
  /** Days to first value of the users who reached it, sorted ascending. */
  ttvDays: number[];
  medianTtvDays: number | null;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rolls many users' scores up per account: what a CSM reads to find at-risk and expansion-ready accounts. */
export function rollUpAccounts(users: readonly AccountUser[]): AccountRollup[] {
  const groups = new Map<string, AccountUser[]>();
  for (const u of users) {
    const g = groups.get(u.account);
    if (g) g.push(u);
    else groups.set(u.account, [u]);
  }
  const out: AccountRollup[] = [];
  for (const [account, members] of groups) {
    const scores = members.map((m) => m.score.score).sort((a, b) => a - b);
    const bands: Record<Band, number> = { green: 0, yellow: 0, red: 0 };
    const adoption = new Map<string, number>();
    const ttv: number[] = [];
    let ready = 0;
    let alerts = 0;
    for (const m of members) {
      bands[m.score.band]++;
      if (m.score.expansion.ready) ready++;
      if (m.score.alert.active) alerts++;
      if (m.score.ttvDays !== null) ttv.push(m.score.ttvDays);
      for (const [f, a] of Object.entries(m.score.adoption)) adoption.set(f, (adoption.get(f) ?? 0) + a);
    }
    const n = members.length;
    ttv.sort((a, b) => a - b);
    out.push({
      account,
      users: n,
      meanScore: Math.round((scores.reduce((a, b) => a + b, 0) / n) * 10) / 10,
      medianScore: median(scores)!,
      bandShare: { green: bands.green / n, yellow: bands.yellow / n, red: bands.red / n },
      expansionReady: ready,
      usageDropAlerts: alerts,
      featureAdoption: [...adoption].map(([feature, sum]) => ({ feature, adoption: sum / n })).sort((a, b) => b.adoption - a.adoption || a.feature.localeCompare(b.feature)),
      ttvDays: ttv,
      medianTtvDays: median(ttv),
    });
  }
  return out.sort((a, b) => a.account.localeCompare(b.account));
}
