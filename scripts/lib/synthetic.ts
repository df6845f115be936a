/** Synthetic playbooks and histories for benchmarks: deterministic (seeded), realistic in shape. */
import { validatePlaybook } from '../../lib/playbook/parse';
import type { Playbook } from '../../lib/playbook/schema';
import type { UserHistory } from '../../lib/scoring/types';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPlaybook(features: number): Playbook {
  const ids = Array.from({ length: features }, (_, i) => `feature-${i}`);
  const parsed = validatePlaybook({
    version: 1,
    app: { id: 'bench', name: 'Bench', matches: ['https://bench.example/*'], identity: { account: { from: 'constant', value: 'a' }, user: { from: 'constant', value: 'u' } } },
    features: ids.map((id, i) => ({ id, name: `Feature ${i}`, core: i % 3 === 0, weight: 1 + (i % 4), planGated: i === features - 1, detect: [{ on: 'click', anchor: { selectors: [`#${id}`] } }] })),
    meters: [{ id: 'seats', name: 'Seats', seats: true, source: { from: 'text', anchor: { selectors: ['#s'] }, pattern: '(\\d+) of (\\d+)' } }],
    milestones: [
      { id: 'start', name: 'Start', allOf: [{ feature: ids[0] }] },
      { id: 'value', name: 'Value', valueMoment: true, allOf: [{ feature: ids[3] ?? ids[0] }] },
      { id: 'deep', name: 'Deep', allOf: [{ feature: ids[6] ?? ids[0], atLeast: 10 }] },
    ],
  });
  if (!parsed.ok) throw new Error(`synthetic playbook invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.playbook;
}

const day = (now: number, back: number) => {
  const d = new Date(now - back * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** `days` days of use of every feature (density 0..1), milestones reached early, seats near the limit. */
export function syntheticHistory(pb: Playbook, now: number, days: number, density: number, rand: () => number): UserHistory {
  const usage: UserHistory['usage'][number][] = [];
  for (let d = days - 1; d >= 0; d--) {
    const label = day(now, d);
    for (const f of pb.features) if (rand() < density) usage.push({ day: label, feature: f.id, count: 1 + Math.floor(rand() * 8) });
  }
  return {
    usage,
    milestones: [
      { milestone: 'start', reachedAt: now - (days - 1) * 86_400_000 },
      { milestone: 'value', reachedAt: now - Math.max(0, days - 1 - Math.floor(rand() * 20)) * 86_400_000 },
    ],
    meters: [{ meter: 'seats', used: 5 + Math.floor(rand() * 6), limit: 10, ts: now }],
  };
}
