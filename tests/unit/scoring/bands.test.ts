import { describe, expect, it } from 'vitest';
import { bandSequence, rawBand } from '../../../lib/scoring/combine';
import { DEFAULT_SCORING, scoringSettings } from '../../../lib/scoring/defaults';
import { history, span, uses } from '../helpers/history';
import { playbook, score } from './fixtures';

const s = scoringSettings();
const G = s.bands.green;
const Y = s.bands.yellow;
const P = s.hysteresis.points;
const bands = (scores: number[]) => bandSequence(scores, s).map((b) => b.band);

describe('bandSequence', () => {
  it('takes the raw band on the first day', () => {
    expect(bands([G])).toEqual(['green']);
    expect(bands([G - 1])).toEqual(['yellow']);
    expect(bands([Y - 1])).toEqual(['red']);
  });

  it('does not flicker while a score hovers 68–71 around the green line', () => {
    const hover = [71, 68, 70, 69, 71, 68, 70, 69, 71, 68];
    expect(new Set(bands(hover))).toEqual(new Set(['green']));
    expect(new Set(bands([68, ...hover]))).toEqual(new Set(['yellow']));
    // The raw band does flicker: that is what hysteresis hides.
    expect(new Set(bandSequence(hover, s).map((b) => b.raw))).toEqual(new Set(['green', 'yellow']));
  });

  it('does not flicker around the yellow line either', () => {
    expect(new Set(bands([Y, Y - 2, Y + 1, Y - 1, Y, Y - 2]))).toEqual(new Set(['yellow']));
  });

  it('moves at once when the score crosses the boundary by 3 points or more, up or down', () => {
    expect(bands([G - 2, G + P])).toEqual(['yellow', 'green']);
    expect(bands([G - 2, G + P - 1])).toEqual(['yellow', 'yellow']);
    expect(bands([G + 1, G - P])).toEqual(['green', 'yellow']);
    expect(bands([G + 1, G - P + 1])).toEqual(['green', 'green']);
    expect(bands([Y + 1, Y - P])).toEqual(['yellow', 'red']);
    expect(bands([Y - 1, Y + P])).toEqual(['red', 'yellow']);
  });

  it('moves once the new band has held for 3 days', () => {
    const days = s.hysteresis.days;
    const held = [G - 1, ...Array<number>(days).fill(G)];
    expect(bands(held)).toEqual(['yellow', ...Array<string>(days - 1).fill('yellow'), 'green']);
    expect(bands([G, ...Array<number>(days).fill(G - 1)]).at(-1)).toBe('yellow');
    // A streak broken by one day back in the old band starts again.
    expect(bands([G - 1, G, G, G - 1, G, G]).at(-1)).toBe('yellow');
  });

  it('jumps two bands at once on a big enough fall or rise', () => {
    expect(bands([G + 5, Y - 10])).toEqual(['green', 'red']);
    expect(bands([Y - 5, G + 10])).toEqual(['red', 'green']);
  });

  it('follows the thresholds of the settings', () => {
    const custom = scoringSettings({ bands: { green: 80 }, hysteresis: { points: 5 } });
    expect(rawBand(75, custom)).toBe('yellow');
    expect(bandSequence([78, 84], custom).map((b) => b.band)).toEqual(['yellow', 'yellow']);
    expect(bandSequence([78, 85], custom).map((b) => b.band)).toEqual(['yellow', 'green']);
  });
});

/**
 * A synthetic app whose score is only recency and milestones, so a test can steer it to
 * the green line: `recency` weighs the day's recency; one milestone reached gives M.
 */
function boundaryApp(recency: number, M: number) {
  const weights = { breadth: 0, depth: 0, stickiness: 0, recency, milestones: 1 - recency, ttv: 0, trend: 0 };
  return playbook({
    version: 1,
    app: { id: 'synthetic', name: 'Synthetic', matches: ['https://app.example.com/*'], identity: { account: { from: 'constant', value: 'acme' }, user: { from: 'constant', value: 'ada' } } },
    features: [{ id: 'work', name: 'Work', core: true, detect: [{ on: 'route', path: '/work' }] }],
    milestones: [
      { id: 'reached', name: 'Reached', weight: M * 100, allOf: [{ feature: 'work' }] },
      { id: 'open', name: 'Open', weight: (1 - M) * 100, allOf: [{ feature: 'work', atLeast: 99 }] },
    ],
    settings: { scoring: { weights: { onboarding: weights, adopted: weights } } },
  });
}

describe('bands through scoreUser', () => {
  it('keeps one band for a user whose score alternates 71 / 68 with every-other-day use', () => {
    // 100·(0.32 + 0.68·0.574) ≈ 71 on a day of use, 68 the day after (recency 2^(−1/7)).
    const pb = boundaryApp(0.32, 0.574);
    const r = score(pb, history({ usage: uses('work', span(80).filter((d) => d % 2 === 0)), milestones: { reached: 80 } }));
    const scores = r.history.map((d) => d.score);
    expect(Math.max(...scores)).toBeGreaterThanOrEqual(G);
    expect(Math.min(...scores)).toBeLessThan(G);
    expect(new Set(r.history.map((d) => d.band)).size).toBe(1);
  });

  it('drops a band at once when the score falls 3+ points under the line', () => {
    // Two days without use after the same pattern: recency 2^(−2/7) takes the score to 65.
    const pb = boundaryApp(0.32, 0.574);
    const r = score(pb, history({ usage: uses('work', span(80, 2).filter((d) => d % 2 === 0)), milestones: { reached: 80 } }));
    expect(r.history.at(-2)!.band).toBe('green');
    expect(r.score).toBeLessThanOrEqual(G - P);
    expect(r.band).toBe('yellow');
  });

  it('drops a band once the lower score has held for 3 days, not before', () => {
    // Daily use until 3 days ago: 70 on the last day of use, then 69, 68, 68 — each under 3 points below.
    const pb = boundaryApp(0.1, 0.669);
    const r = score(pb, history({ usage: uses('work', span(80, 3)), milestones: { reached: 80 } }));
    const last = r.history.slice(-4);
    expect(last[0]!.score).toBeGreaterThanOrEqual(G);
    for (const d of last.slice(1)) expect(d.score).toBeGreaterThan(G - P);
    for (const d of last.slice(1)) expect(d.score).toBeLessThan(G);
    expect(last.map((d) => d.band)).toEqual(['green', 'green', 'green', 'yellow']);
    expect(r.rawBand).toBe('yellow');
  });

  it('agrees with bandSequence over the scores of its own history', () => {
    const pb = boundaryApp(0.32, 0.574);
    const r = score(pb, history({ usage: uses('work', span(80).filter((d) => d % 3 !== 1)), milestones: { reached: 80 } }));
    expect(r.history.map((d) => d.band)).toEqual(bands(r.history.map((d) => d.score)));
    expect(r.history.length).toBeGreaterThanOrEqual(DEFAULT_SCORING.expansion.greenDays + s.hysteresis.days);
  });
});
