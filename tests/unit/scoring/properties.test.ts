import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../lib/playbook/schema';
import { bandSequence, combine, rawBand } from '../../../lib/scoring/combine';
import { COMPONENTS, type ScoringOverrides, scoringSettings } from '../../../lib/scoring/defaults';
import { scoreUser } from '../../../lib/scoring/score';
import type { Band, ComponentVector, UserHistory, UserScore } from '../../../lib/scoring/types';
import { history } from '../helpers/history';
import { DEMO, demoScoring } from './fixtures';

const FEATURES = [...DEMO.features.map((f) => f.id), 'not-in-playbook'];
const MILESTONES = [...DEMO.milestones.map((m) => m.id), 'not-in-playbook'];
const METERS = ['seats', 'reports-built', 'not-in-playbook'];

/** Any time of day, 2020–2030. */
const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

/** Random histories: uses on days 0..400 back, milestones, meter readings, prompts and dismissals. */
const historyArb = (now: number) =>
  fc
    .record({
      usage: fc.array(fc.record({ ago: fc.integer({ min: 0, max: 400 }), feature: fc.constantFrom(...FEATURES), count: fc.integer({ min: 0, max: 200 }) }), { maxLength: 250 }),
      milestones: fc.dictionary(fc.constantFrom(...MILESTONES), fc.integer({ min: 0, max: 420 })),
      meters: fc.array(
        fc.record({ meter: fc.constantFrom(...METERS), used: fc.integer({ min: 0, max: 120 }), limit: fc.option(fc.integer({ min: 0, max: 100 })), daysAgo: fc.integer({ min: 0, max: 60 }) }),
        { maxLength: 6 },
      ),
      prompts: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 3 }),
      dismissals: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 3 }),
    })
    .map(
      (p): UserHistory => ({
        ...history({ milestones: p.milestones, meters: p.meters, prompts: p.prompts, dismissals: p.dismissals }, now),
        usage: p.usage.map((u) => ({ day: localDate(now, u.ago), feature: u.feature, count: u.count })),
      }),
    );

function localDate(now: number, ago: number): string {
  const d = new Date(now);
  const t = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ago, 12);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

const weight = fc.double({ min: 0, max: 10, noNaN: true });
const stageWeights = fc.record({ breadth: weight, depth: weight, stickiness: weight, recency: weight, milestones: weight, ttv: weight, trend: weight }, { requiredKeys: [] });
const days = fc.integer({ min: 1, max: 365 });
const share = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Overrides the playbook schema accepts. ttv keeps fullDays < zeroDays: the schema also
 * accepts equal ones, which give NaN (see "ttv settings" below).
 */
const overridesArb: fc.Arbitrary<ScoringOverrides> = fc.record(
  {
    weights: fc.record({ onboarding: stageWeights, adopted: stageWeights }, { requiredKeys: [] }),
    onboardingDays: days,
    windowDays: days,
    stickinessTargetDays: fc.integer({ min: 1, max: 28 }),
    depthHalfLifeDays: days,
    recencyHalfLifeDays: days,
    ttv: fc.tuple(days, days).filter(([a, b]) => a !== b).map(([a, b]) => ({ fullDays: Math.min(a, b), zeroDays: Math.max(a, b) })),
    trend: fc.record({ shortHalfLifeDays: days, longHalfLifeDays: days }, { requiredKeys: [] }),
    bands: fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 100 })).filter(([y, g]) => g > y).map(([yellow, green]) => ({ yellow, green })),
    hysteresis: fc.record({ days: fc.integer({ min: 1, max: 14 }), points: fc.double({ min: 0, max: 20, noNaN: true }) }, { requiredKeys: [] }),
    dropAlert: fc.record(
      {
        minDrop: share,
        sigmas: fc.double({ min: 0, max: 5, noNaN: true }),
        baselineWeeks: fc.integer({ min: 2, max: 26 }),
        minActiveDaysPerWeek: fc.double({ min: 0, max: 7, noNaN: true }),
        sigmaFloor: fc.double({ min: 0, max: 100, noNaN: true }),
        sigmaFloorShare: share,
      },
      { requiredKeys: [] },
    ),
    expansion: fc.record(
      {
        greenDays: days,
        minTrend: fc.double({ min: 0, max: 2, noNaN: true }),
        seatsShare: share,
        meterShare: share,
        gatedAttempts: fc.integer({ min: 1, max: 50 }),
        gatedWindowDays: days,
        breadth: share,
        depth: share,
        promptGapDays: days,
        dismissalWindowDays: days,
        maxDismissals: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** The demo playbook as is, or with random settings.scoring overrides (validated like an author's file). */
const playbookArb: fc.Arbitrary<Playbook> = fc.oneof(fc.constant(DEMO), overridesArb.map((o) => demoScoring(o)));

const caseArb = fc.tuple(playbookArb, nowArb).chain(([pb, now]) => historyArb(now).map((h) => ({ pb, now, h })));

const RUNS = { numRuns: 200 };

function checkScore(pb: Playbook, r: UserScore): void {
  const s = scoringSettings(pb.settings.scoring);
  expect(Number.isInteger(r.score)).toBe(true);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  let sum = 0;
  for (const k of COMPONENTS) {
    const c = r.components[k];
    if (c !== null) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(Number.isInteger(r.contributions[k])).toBe(true);
    expect(r.contributions[k]).toBeGreaterThanOrEqual(0);
    // Each whole-point contribution is its exact share, rounded one way or the other.
    expect(Math.abs(r.contributions[k] - 100 * r.weights[k] * (c ?? 0))).toBeLessThan(1 + 1e-9);
    sum += r.contributions[k];
  }
  expect(sum).toBe(r.score);
  const totalWeight = Object.values(r.weights).reduce((a, b) => a + b, 0);
  if (totalWeight > 0) expect(totalWeight).toBeCloseTo(1, 9);
  expect(r.rawBand).toBe(rawBand(r.score, s));
  expect(r.history.at(-1)).toEqual({ day: r.day, score: r.score, band: r.band });
  expect(r.history.map((d) => d.band)).toEqual(bandSequence(r.history.map((d) => d.score), s).map((b) => b.band));
  for (const d of r.history) expect(Number.isInteger(d.score) && d.score >= 0 && d.score <= 100).toBe(true);
  expect(r.reasons.length).toBeLessThanOrEqual(3);
  if (r.nextStep?.feature) expect(pb.features.some((f) => f.id === r.nextStep!.feature)).toBe(true);
  if (r.nextStep?.milestone) expect(pb.milestones.some((m) => m.id === r.nextStep!.milestone)).toBe(true);
  if (r.expansion.ready) expect(Object.values(r.expansion.conditions)).toEqual([true, true, true, true]);
  if (r.expansion.csmFlag) expect(r.expansion.ready).toBe(true);
  expect(r.alert.drop).toBeGreaterThanOrEqual(0);
  for (const a of Object.values(r.adoption)) expect([0, 0.5, 1]).toContain(a);
}

describe('scoreUser over random histories', () => {
  it('gives an integer score in 0..100 whose integer contributions add up to it exactly; components null or in [0, 1]', () => {
    fc.assert(
      fc.property(caseArb, ({ pb, now, h }) => {
        const r = scoreUser(pb, h, now);
        if (h.usage.length === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r).not.toBeNull();
        checkScore(pb, r!);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same inputs, structurally cloned, give deep-equal results, and the inputs are left untouched', () => {
    fc.assert(
      fc.property(caseArb, ({ pb, now, h }) => {
        const [pb2, h2] = [structuredClone(pb), structuredClone(h)];
        const first = scoreUser(pb, h, now);
        expect(scoreUser(pb2, h2, now)).toEqual(first);
        expect(scoreUser(pb, h, now)).toEqual(first);
        expect(h2).toEqual(h);
        expect(pb2).toEqual(pb);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws, whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.shuffledSubarray([...c.h.usage], { minLength: c.h.usage.length }).map((usage) => ({ ...c, shuffled: usage }))),
        ({ pb, now, h, shuffled }) => {
          expect(scoreUser(pb, { ...h, usage: shuffled }, now)).toEqual(scoreUser(pb, h, now));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('scoreUser, relative claims over random histories', () => {
  const CORE = DEMO.features.filter((f) => f.core).map((f) => f.id);
  const defaultCase = fc.tuple(nowArb).chain(([now]) => historyArb(now).map((h) => ({ now, h })));

  it('never lowers breadth, stickiness or recency when one more core use is added', () => {
    fc.assert(
      fc.property(defaultCase, fc.constantFrom(...CORE), fc.integer({ min: 0, max: 400 }), ({ now, h }, feature, ago) => {
        const more = { ...h, usage: [...h.usage, { day: localDate(now, ago), feature, count: 1 }] };
        const [a, b] = [scoreUser(DEMO, h, now), scoreUser(DEMO, more, now)!];
        for (const k of ['breadth', 'stickiness', 'recency'] as const) expect(b.components[k]!).toBeGreaterThanOrEqual(a?.components[k] ?? 0);
      }),
      { numRuns: 100 },
    );
  });

  it('never raises recency as days pass without new use', () => {
    fc.assert(
      fc.property(defaultCase, fc.integer({ min: 1, max: 60 }), ({ now, h }, later) => {
        fc.pre(h.usage.length > 0);
        const a = scoreUser(DEMO, h, now)!;
        const b = scoreUser(DEMO, h, now + later * 86_400_000)!;
        expect(b.components.recency!).toBeLessThanOrEqual(a.components.recency!);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ttv settings', () => {
  it('are refused by the playbook when zeroDays is not after fullDays', () => {
    expect(() => demoScoring({ ttv: { fullDays: 10, zeroDays: 10 } })).toThrow();
  });

  it('still give a number if such settings reach the engine another way', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const h = history({ usage: [{ day: localDate(now, 20), feature: 'add-task', count: 3 }], milestones: { 'first-report-shared': 10 } }, now);
    const r = scoreUser(DEMO, h, now, scoringSettings({ ttv: { fullDays: 10, zeroDays: 10 } }))!;
    expect(r.components.ttv).not.toBeNaN();
    expect(Number.isInteger(r.score)).toBe(true);
  });
});

describe('combine', () => {
  const componentArb = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const vectorArb = fc.record(Object.fromEntries(COMPONENTS.map((k) => [k, componentArb])) as Record<keyof ComponentVector, fc.Arbitrary<number | null>>);

  it('splits any score into whole contributions that add up to it exactly', () => {
    fc.assert(
      fc.property(vectorArb, fc.constantFrom('onboarding' as const, 'adopted' as const), overridesArb, (v, stage, o) => {
        const c = combine(v, stage, scoringSettings(o));
        expect(Number.isInteger(c.score) && c.score >= 0 && c.score <= 100).toBe(true);
        const sum = COMPONENTS.reduce((n, k) => n + c.contributions[k], 0);
        expect(sum).toBe(c.score);
        for (const k of COMPONENTS) {
          expect(Number.isInteger(c.contributions[k])).toBe(true);
          expect(Math.abs(c.contributions[k] - c.points[k])).toBeLessThan(1);
        }
        expect(c.score).toBe(Math.round(COMPONENTS.reduce((n, k) => n + c.points[k], 0)));
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone: raising one component never lowers the score', () => {
    fc.assert(
      fc.property(vectorArb, fc.constantFrom(...COMPONENTS), fc.double({ min: 0, max: 1, noNaN: true }), (v, k, up) => {
        const s = scoringSettings();
        const base = v[k];
        if (base === null) return;
        const higher = { ...v, [k]: base + (1 - base) * up };
        expect(combine(higher, 'adopted', s).score).toBeGreaterThanOrEqual(combine(v, 'adopted', s).score);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bandSequence', () => {
  const s = scoringSettings();
  const RANK = { red: 0, yellow: 1, green: 2 } as const;
  /** The line between the previous band and the next one, on the side of the previous band. */
  const line = (from: Band, to: Band) => (RANK[to] > RANK[from] ? (from === 'red' ? s.bands.yellow : s.bands.green) : from === 'green' ? s.bands.green : s.bands.yellow);
  const scoresArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 });

  it('moves only to the raw band of the day, once it held 3 days or the score is 3+ points past the line', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const out = bandSequence(scores, s);
        expect(out.length).toBe(scores.length);
        expect(out[0]!.band).toBe(out[0]!.raw);
        for (let i = 0; i < out.length; i++) {
          const b = out[i]!;
          expect(b.raw).toBe(rawBand(scores[i]!, s));
          const prev = out[i - 1]?.band;
          if (prev === undefined || b.band === prev) continue;
          expect(b.band).toBe(b.raw);
          const held = i >= s.hysteresis.days - 1 && out.slice(i - s.hysteresis.days + 1, i + 1).every((x) => x.raw === b.raw);
          const past = Math.abs(scores[i]! - line(prev, b.band)) >= s.hysteresis.points;
          expect(held || past).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always catches up with a raw band held for 3 days', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const out = bandSequence(scores, s);
        for (let i = s.hysteresis.days - 1; i < out.length; i++) {
          const run = out.slice(i - s.hysteresis.days + 1, i + 1);
          if (run.every((x) => x.raw === out[i]!.raw)) expect(out[i]!.band).toBe(out[i]!.raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});
