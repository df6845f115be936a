import { describe, expect, it } from 'vitest';
import { offerLines } from '../../../lib/nudges/offer-text';
import { DEMO_PB, expansionReady, healthy } from './fixtures';

describe('an expansion prompt speaks to the customer', () => {
  it('says "You\'re using 9 of 10 seats" from the seat meter', () => {
    const score = expansionReady(DEMO_PB);
    expect(offerLines(DEMO_PB, [{ meter: 'seats', used: 9, limit: 10 }], score)).toEqual(["You're using 9 of 10 seats"]);
  });

  it('never in the scoring’s words, though the score has them', () => {
    const score = healthy(DEMO_PB);
    expect(score.expansion.signals).toContain('Uses the core of the product widely and deeply');
    expect(offerLines(DEMO_PB, [{ meter: 'seats', used: 4, limit: 10 }], score)).toEqual([]);
  });

  it('names plan-gated features tried, with the count, when that is the pull', () => {
    const score = { ...healthy(DEMO_PB), gatedAttempts: 3 };
    expect(offerLines(DEMO_PB, [], score)).toEqual(['You tried Advanced insights 3 times in the last 14 days']);
  });
});
