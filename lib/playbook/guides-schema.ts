import { z } from 'zod';
import { anchorSchema, id, many, name, routePath } from './common';
import { LIMITS } from './limits';
import { unsafeLinks } from './markdown';

/** Guides: tours of steps anchored to elements, and single-step tooltips and hotspots. */

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      for (const href of unsafeLinks(s)) {
        ctx.addIssue({ code: 'custom', message: `has a link to "${href.slice(0, 40)}": only http:// and https:// links are allowed` });
      }
    });

const advanceSchema = z
  .discriminatedUnion(
    'on',
    [
      z.strictObject({ on: z.literal('next') }).describe('A Next button.'),
      z.strictObject({ on: z.literal('click') }).describe('Clicking the highlighted element.'),
      z.strictObject({ on: z.literal('route'), path: routePath }).describe('Reaching a page of the app.'),
      z.strictObject({ on: z.literal('feature'), feature: id }).describe('A use of a feature, as the playbook detects it.'),
    ],
    { error: () => 'must have "on" set to one of "next", "click", "route", "feature"' },
  )
  .describe('How the step moves on.');

export const stepSchema = z.strictObject({
  id,
  anchor: anchorSchema.optional().describe('The element the step points at; without one the step shows centred.'),
  title: text(120),
  body: text(1000).describe('Plain text with **bold**, *italic* and [links](https://…).'),
  placement: z.enum(['top', 'bottom', 'left', 'right', 'auto']).default('auto'),
  advance: advanceSchema.prefault({ on: 'next' }),
  missing: z
    .strictObject({
      waitMs: z.number().int().min(0).max(30_000).default(3000).describe('How long to wait for the element to appear.'),
      fallback: z.enum(['skip', 'end', 'center']).default('skip').describe('What to do if it never appears: skip the step, end the guide, or show the step centred.'),
    })
    .prefault({}),
  backdrop: z.boolean().optional().describe("Dim the page around the element (overrides the guide's backdrop)."),
});
export type GuideStep = z.infer<typeof stepSchema>;

export const guideSchema = z
  .strictObject({
    id,
    name,
    kind: z.enum(['tour', 'tooltip', 'hotspot'], { error: () => 'must be one of "tour", "tooltip", "hotspot"' }),
    steps: many(stepSchema, LIMITS.steps, 'steps').min(1, { message: 'needs at least one step' }),
    routes: many(routePath, LIMITS.routes, 'routes').optional().describe('Hotspots: pages where the dot shows (anywhere its element is, if absent).'),
    backdrop: z
      .boolean()
      .default(false)
      .describe('Dim the page around each step\'s element; clicks on the dimmed area do nothing, the element stays usable.'),
    done: text(300).optional().describe('Tours: what to do next, on the card shown when the tour is completed.'),
  })
  .refine((g) => g.kind === 'tour' || g.steps.length === 1, { message: 'a tooltip or hotspot has exactly one step', path: ['steps'] });
export type Guide = z.infer<typeof guideSchema>;

export const themeSchema = z.strictObject({
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like "#2b59c3"' })
    .default('#2b59c3'),
  dir: z.enum(['auto', 'ltr', 'rtl']).default('auto').describe('Text direction of the widget; "auto" follows the page and the locale.'),
  checklist: z.boolean().default(true).describe('Show the onboarding checklist launcher.'),
  launcher: z
    .strictObject({
      corner: z
        .enum(['bottom-right', 'bottom-left', 'top-right', 'top-left'], { error: () => 'must be one of "bottom-right", "bottom-left", "top-right", "top-left"' })
        .default('bottom-right')
        .describe('Where the checklist launcher sits; in right-to-left the sides swap.'),
      offset: z
        .strictObject({
          x: z.number().int().min(0).max(400).default(16).describe('Pixels from the side.'),
          y: z.number().int().min(0).max(400).default(16).describe('Pixels from the top or bottom.'),
        })
        .prefault({}),
    })
    .prefault({})
    .describe('Place the launcher clear of the app\'s own buttons and chat widgets.'),
});
