import { z } from 'zod';
import { anchorSchema, id, routePath } from './common';
import { LIMITS } from './limits';
import { unsafeLinks } from './markdown';

/** Nudges: the right tip at the right moment, expansion prompts only after proven value. */

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      for (const href of unsafeLinks(s)) ctx.addIssue({ code: 'custom', message: `has a link to "${href.slice(0, 40)}": only http:// and https:// links are allowed` });
    });
const days = z.number().min(0).max(365);

export const triggerSchema = z.discriminatedUnion(
  'on',
  [
    z.strictObject({ on: z.literal('feature-not-adopted'), feature: id, afterDays: days.default(3) }).describe('A core feature still unused N days after the user was first seen.'),
    z.strictObject({ on: z.literal('milestone-stalled'), milestone: id, afterDays: days.default(7) }).describe('A milestone not reached N days after first seen.'),
    z.strictObject({ on: z.literal('usage-drop') }).describe('The usage-drop alert is active.'),
    z.strictObject({ on: z.literal('meter'), meter: id, atLeast: z.number().min(0).max(10).default(0.9) }).describe('A meter at or above this share of its limit.'),
    z.strictObject({ on: z.literal('gated-attempts'), atLeast: z.number().int().min(1).default(2) }).describe('Repeated attempts at plan-gated features (in the scoring window, 14 days by default).'),
    z.strictObject({ on: z.literal('guide-completed'), guide: id }).describe('Right after a tour is completed.'),
    z.strictObject({ on: z.literal('milestone-reached'), milestone: id, withinDays: days.default(1) }).describe('Right after a milestone is reached.'),
    z.strictObject({ on: z.literal('route'), path: routePath }).describe('On a page of the app.'),
  ],
  { error: () => 'must have "on" set to one of "feature-not-adopted", "milestone-stalled", "usage-drop", "meter", "gated-attempts", "guide-completed", "milestone-reached", "route"' },
);
export type Trigger = z.infer<typeof triggerSchema>;

export const nudgeSchema = z.strictObject({
  id,
  kind: z.enum(['tip', 'tour-invite', 'celebrate', 'referral', 'expansion'], {
    error: () => 'must be one of "tip", "tour-invite", "celebrate", "referral", "expansion"',
  }),
  trigger: triggerSchema,
  priority: z.number().int().min(0).max(100).default(50).describe('Higher first when several nudges are eligible.'),
  title: text(120),
  body: text(600).describe('Plain text with **bold**, *italic* and [links](https://…).'),
  anchor: anchorSchema.optional().describe('Tips point at this element; without it (and for expansion prompts) a corner card shows.'),
  cta: z
    .strictObject({
      label: z.string().min(1).max(40),
      guide: id.optional().describe('Start this tour.'),
      url: z.url({ protocol: /^https?$/, error: () => 'must be an http(s) URL' }).max(LIMITS.url).optional().describe('Open this page (expansion prompts default to the plan\'s upgrade page).'),
    })
    .optional(),
  target: id.optional().describe('The feature this nudge wants used: conversion is a use within 7 days of showing.'),
  audience: z
    .strictObject({
      bands: z.array(z.enum(['green', 'yellow', 'red'])).max(3).optional(),
      segments: z.array(z.enum(['tech-touch', 'mid-touch', 'high-touch'])).max(3).optional(),
    })
    .optional(),
  holdout: z.number().min(0).max(0.5).optional().describe('Share of users held out as a control for this nudge (default: caps.holdout).'),
});
export type Nudge = z.infer<typeof nudgeSchema>;

export const capsSchema = z
  .strictObject({
    perSession: z.number().int().min(0).max(20).default(1).describe('Automatic nudges per page session.'),
    minHoursApart: z.number().min(0).max(720).default(4),
    perWeek: z.number().int().min(0).max(50).default(3).describe('Nudges in any rolling 7 days.'),
    expansionEveryDays: z.number().min(1).max(365).default(14).describe('Expansion prompts are their own group: at most one per this many days.'),
    holdout: z.number().min(0).max(0.5).default(0.1).describe('Share of eligible users held out per nudge, to measure lift.'),
    snoozeHours: z.number().min(1).max(168).default(24),
    repeatAfterDays: z.number().min(0).max(365).default(7).describe('A nudge shown (or held out) is not offered again for this long.'),
    dismissBackoffDays: z.array(z.number().min(1).max(365)).max(10).default([7, 21]).describe('Wait after the 1st, 2nd… dismissal; after the last, the nudge is retired.'),
  })
  .describe('Frequency limits for nudges.');
