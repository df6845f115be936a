import { COMPONENTS, type Component, type ScoringSettings } from './defaults';
import type { Band, ComponentVector, Stage } from './types';

export interface Combined {
  score: number;
  weights: Record<Component, number>;
  /** Exact (unrounded) points per component. */
  points: Record<Component, number>;
  /** Whole points per component, adding up exactly to `score`. */
  contributions: Record<Component, number>;
}

const zeros = (): Record<Component, number> => ({ breadth: 0, depth: 0, stickiness: 0, recency: 0, milestones: 0, ttv: 0, trend: 0 });

/**
 * Score = round(100 · Σ w·c / Σ w) over the components present (renormalised over
 * what is known, as scorecards do with missing data). Being linear, the score splits
 * into per-component points; rounding them by largest remainder keeps the sum exact.
 */
export function combine(c: ComponentVector, stage: Stage, s: ScoringSettings): Combined {
  const raw = s.weights[stage];
  let total = 0;
  for (const k of COMPONENTS) if (c[k] !== null) total += raw[k];
  const weights = zeros();
  const points = zeros();
  if (total <= 0) return { score: 0, weights, points, contributions: zeros() };
  let exact = 0;
  for (const k of COMPONENTS) {
    const v = c[k];
    if (v === null) continue;
    weights[k] = raw[k] / total;
    points[k] = 100 * weights[k] * v;
    exact += points[k];
  }
  const score = Math.min(100, Math.max(0, Math.round(exact)));
  const contributions = zeros();
  let given = 0;
  for (const k of COMPONENTS) {
    contributions[k] = Math.floor(points[k]);
    given += contributions[k];
  }
  const byRemainder = [...COMPONENTS].sort((a, b) => points[b] - Math.floor(points[b]) - (points[a] - Math.floor(points[a])));
  for (let i = 0; given < score && i < byRemainder.length; i++, given++) contributions[byRemainder[i]!] += 1;
  return { score, weights, points, contributions };
}

export function rawBand(score: number, s: ScoringSettings): Band {
  return score >= s.bands.green ? 'green' : score >= s.bands.yellow ? 'yellow' : 'red';
}

const RANK: Record<Band, number> = { red: 0, yellow: 1, green: 2 };

/**
 * Bands with hysteresis: the band moves only once the new band has held for
 * `hysteresis.days` days in a row, or the score is `hysteresis.points` past the
 * boundary, so a user near 70 does not flicker between yellow and green.
 */
export function bandSequence(scores: readonly number[], s: ScoringSettings): { band: Band; raw: Band }[] {
  const out: { band: Band; raw: Band }[] = [];
  let streak = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    const raw = rawBand(score, s);
    streak = i > 0 && out[i - 1]!.raw === raw ? streak + 1 : 1;
    const prev = out[i - 1]?.band;
    if (prev === undefined || prev === raw) {
      out.push({ band: raw, raw });
      continue;
    }
    const up = RANK[raw] > RANK[prev];
    // The boundary crossed is the one next to the previous band.
    const boundary = up ? (RANK[prev] === 0 ? s.bands.yellow : s.bands.green) : RANK[prev] === 2 ? s.bands.green : s.bands.yellow;
    const margin = up ? score - boundary : boundary - score;
    const moves = streak >= s.hysteresis.days || margin >= s.hysteresis.points;
    out.push({ band: moves ? raw : prev, raw });
  }
  return out;
}
