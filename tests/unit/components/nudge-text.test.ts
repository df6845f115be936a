import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTrigger, liftText } from '../../../components/console/nudge-text';
import { parsePlaybook } from '../../../lib/playbook/parse';

const parsed = parsePlaybook(readFileSync('demo/playbook.json', 'utf8'));
if (!parsed.ok) throw new Error('demo playbook does not parse');
const pb = parsed.playbook;

describe('nudge figures in words', () => {
  it('names what a trigger refers to by its playbook name', () => {
    const text = pb.nudges.map((n) => describeTrigger(n.trigger, pb));
    expect(text.every((t) => t.length > 0 && !t.includes('undefined'))).toBe(true);
    expect(describeTrigger({ on: 'meter', meter: 'seats', atLeast: 0.9 }, pb)).toBe('"Seats" at 90% of its limit or more');
  });
  it('gives lift with a 95% interval that narrows as the groups grow', () => {
    expect(liftText({ lift: null, shown: 3, converted: 1, heldOut: 0, controlConverted: 0 })).toBe('—');
    const small = liftText({ lift: 20, shown: 10, converted: 5, heldOut: 10, controlConverted: 3 });
    const big = liftText({ lift: 20, shown: 1000, converted: 500, heldOut: 1000, controlConverted: 300 });
    const width = (t: string) => {
      const m = /CI (−?\+?\d+) to (−?\+?\d+)/.exec(t)!;
      const n = (x: string) => Number(x.replace('−', '-'));
      return n(m[2]!) - n(m[1]!);
    };
    expect(small).toMatch(/^\+20 pts \(95% CI −\d+ to \+\d+\)$/);
    expect(width(big)).toBeLessThan(width(small));
    // p1 = .5, p2 = .3, n = 1000 each: half-width 1.96·√(.25/1000 + .21/1000) ≈ 4.2 points.
    expect(big).toBe('+20 pts (95% CI +16 to +24)');
  });
});
