import { z } from 'zod';

/** `settings.scoring`: overrides of the scoring defaults (lib/scoring/defaults.ts); every field optional. */

const share = z.number().min(0).max(1);
const days = z.number().int().min(1).max(365);
const weight = z.number().min(0).max(10);
const weights = z
  .strictObject({
    breadth: weight.optional(),
    depth: weight.optional(),
    stickiness: weight.optional(),
    recency: weight.optional(),
    milestones: weight.optional(),
    ttv: weight.optional(),
    trend: weight.optional(),
  })
  .describe('Relative weights of the score components; missing ones keep their default.');

export const scoringOverridesSchema = z
  .strictObject({
    weights: z.strictObject({ onboarding: weights.optional(), adopted: weights.optional() }).optional(),
    onboardingDays: days.optional().describe('Days a user counts as onboarding (default 30).'),
    windowDays: days.optional(),
    stickinessTargetDays: z.number().int().min(1).max(28).optional().describe('Active days in 28 that count as fully sticky: 13 for daily-use apps (default), 8 for weekly.'),
    depthHalfLifeDays: days.optional(),
    recencyHalfLifeDays: days.optional(),
    ttv: z.strictObject({ fullDays: days.optional(), zeroDays: days.optional() }).optional(),
    trend: z.strictObject({ shortHalfLifeDays: days.optional(), longHalfLifeDays: days.optional() }).optional(),
    bands: z
      .strictObject({ green: z.number().min(1).max(100).optional(), yellow: z.number().min(0).max(99).optional() })
      .optional()
      .describe('Score thresholds: green at or above "green", yellow at or above "yellow", red below.'),
    hysteresis: z.strictObject({ days: z.number().int().min(1).max(14).optional(), points: z.number().min(0).max(20).optional() }).optional(),
    dropAlert: z
      .strictObject({
        minDrop: share.optional(),
        sigmas: z.number().min(0).max(5).optional(),
        baselineWeeks: z.number().int().min(2).max(26).optional(),
        minActiveDaysPerWeek: z.number().min(0).max(7).optional(),
        sigmaFloor: z.number().min(0).optional(),
        sigmaFloorShare: share.optional(),
      })
      .optional(),
    expansion: z
      .strictObject({
        greenDays: days.optional(),
        minTrend: z.number().min(0).max(2).optional(),
        seatsShare: share.optional(),
        meterShare: share.optional(),
        gatedAttempts: z.number().int().min(1).optional(),
        gatedWindowDays: days.optional(),
        breadth: share.optional(),
        depth: share.optional(),
        promptGapDays: days.optional(),
        dismissalWindowDays: days.optional(),
        maxDismissals: z.number().int().min(1).optional(),
      })
      .optional(),
  })
  .refine((s) => !s.bands || (s.bands.green ?? 70) > (s.bands.yellow ?? 40), {
    message: 'needs "green" above "yellow"',
    path: ['bands'],
  })
  .refine((s) => !s.ttv || (s.ttv.zeroDays ?? 30) > (s.ttv.fullDays ?? 7), {
    message: 'needs "zeroDays" after "fullDays": time to value scores full at fullDays and nothing at zeroDays',
    path: ['ttv'],
  });
