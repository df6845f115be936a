import { z } from 'zod';
import { type Anchor, anchorSchema, cssSelector, id, many, name, routePath, text } from './common';
import { guideSchema, themeSchema } from './guides-schema';
import { capsSchema, nudgeSchema } from './nudges-schema';
import { LIMITS } from './limits';
import { referenceIssues } from './references';
import { scoringOverridesSchema } from './scoring-schema';

/**
 * Playbook v1: one JSON document describing one SaaS app for Uptake.
 * Every field carries a description: they end up in playbook.schema.json, which
 * is what an author's editor shows while they type.
 */

/** A Chrome-style match pattern: scheme://host/path, with * wildcards. */
export const MATCH_PATTERN_RE = /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+)?\/.*$/;
const matchPattern = text(LIMITS.matchPattern).regex(MATCH_PATTERN_RE, {
  message: 'must be a URL match pattern such as "https://app.example.com/*" (scheme, host, then a path; "*" wildcards allowed)',
});

const keyRule = z.strictObject({
  on: z.literal('key'),
  key: z.string().min(1).max(20).describe('KeyboardEvent.key, e.g. "k", "Enter", "/".'),
  ctrl: z.boolean().optional(),
  meta: z.boolean().optional(),
  alt: z.boolean().optional(),
  shift: z.boolean().optional(),
  within: anchorSchema.optional().describe('Only count the key when focus is inside this element.'),
});

export const detectRuleSchema = z.discriminatedUnion(
  'on',
  [
    z.strictObject({ on: z.literal('click'), anchor: anchorSchema }),
    z.strictObject({ on: z.literal('submit'), anchor: anchorSchema.describe('The form (or an element inside it).') }),
    z.strictObject({ on: z.literal('route'), path: routePath }),
    z.strictObject({ on: z.literal('guide'), guide: id.describe('Counted when this guide is completed.') }),
    z.strictObject({
      on: z.literal('visible'),
      anchor: anchorSchema.describe('Counted each time an element matching this appears (e.g. a success toast).'),
    }),
    keyRule,
    z.strictObject({ on: z.literal('dblclick'), anchor: anchorSchema }),
    z
      .strictObject({
        on: z.literal('drag'),
        from: anchorSchema.describe('Where the drag starts: the dragged element, or a palette item.'),
        to: anchorSchema.describe('Where it is dropped: a list, a lane, a canvas.'),
      })
      .describe('A drag and drop, HTML5 (dragstart, drop) or made of pointer events (press on "from", release over "to").'),
    z
      .strictObject({
        on: z.literal('change'),
        anchor: anchorSchema.describe('The field (input, textarea, select, contenteditable) or an element around it.'),
      })
      .describe('The user changed the field: counted once per visit to it (focus until it loses focus), never what was typed.'),
  ],
  { error: () => 'must have "on" set to one of "click", "submit", "route", "visible", "key", "guide", "dblclick", "drag", "change"' },
);
export type DetectRule = z.infer<typeof detectRuleSchema>;

export const featureSchema = z.strictObject({
  id,
  name: name.describe('Shown to users and CSMs.'),
  core: z.boolean().default(false).describe('Core features count for breadth, stickiness and recency.'),
  weight: z.number().positive({ message: 'must be a number greater than 0' }).max(100).default(1),
  depthTarget: z.number().int().positive().default(10).describe('Uses (decayed) at which depth is full.'),
  planGated: z.boolean().default(false).describe('Behind an upgrade wall: each detected use counts as an attempt, an expansion signal.'),
  detect: many(detectRuleSchema, LIMITS.rulesPerFeature, 'detection rules').min(1, { message: 'needs at least one detection rule' }),
  anchor: anchorSchema.optional().describe('Where the feature lives, for guides and tips.'),
});
export type Feature = z.infer<typeof featureSchema>;

const identitySource = z.discriminatedUnion(
  'from',
  [
    z.strictObject({
      from: z.literal('selector'),
      selector: cssSelector,
      attribute: text(LIMITS.label).min(1).optional().describe('Read this attribute instead of the text.'),
    }),
    z.strictObject({ from: z.literal('meta'), name: text(LIMITS.label).min(1).describe('<meta name="…" content="…">') }),
    z.strictObject({
      from: z.literal('url'),
      segment: z.number().int().min(0).describe('0-based path segment: in /acme/projects, segment 0 is "acme".'),
    }),
    z.strictObject({ from: z.literal('constant'), value: text(LIMITS.identity).min(1) }),
  ],
  { error: () => 'must have "from" set to one of "selector", "meta", "url", "constant"' },
);
export type IdentitySource = z.infer<typeof identitySource>;

export const appSchema = z.strictObject({
  id,
  name,
  matches: many(matchPattern, LIMITS.matches, 'URL match patterns').min(1, { message: 'needs at least one URL match pattern' }),
  identity: z
    .strictObject({
      account: identitySource,
      user: identitySource,
      hash: z.boolean().default(false).describe('Store SHA-256 hashes of account and user instead of the values read.'),
    })
    .describe('How Uptake reads who is using the app. Nothing else is read from the page.'),
  plan: z
    .strictObject({
      name: text(LIMITS.label).min(1),
      segment: z.enum(['tech-touch', 'mid-touch', 'high-touch'], {
        error: () => 'must be one of "tech-touch", "mid-touch", "high-touch"',
      }),
      upgradeUrl: z
        .url({ protocol: /^https?$/, error: () => 'must be an http(s) URL' })
        .max(LIMITS.url)
        .optional(),
    })
    .optional(),
});

export const meterSchema = z.strictObject({
  id,
  name,
  source: z.discriminatedUnion(
    'from',
    [
      z.strictObject({
        from: z.literal('text'),
        anchor: anchorSchema,
        pattern: z
          .string()
          .min(1)
          .max(LIMITS.pattern)
          .describe('A regular expression over the element text; group 1 is the amount used, group 2 (optional) the limit.'),
      }),
      z.strictObject({ from: z.literal('events'), feature: id.describe('Count uses of this feature id.') }),
    ],
    { error: () => 'must have "from" set to "text" or "events"' },
  ),
  limit: z.number().int().positive().optional().describe('The plan limit, when the page does not show it.'),
  seats: z.boolean().default(false).describe('This meter counts seats: near its limit is the strongest expansion signal.'),
});
export type Meter = z.infer<typeof meterSchema>;

const featureCondition = z.strictObject({
  feature: id,
  atLeast: z.number().int().positive().default(1).describe('Uses needed.'),
});

export const milestoneSchema = z
  .strictObject({
    id,
    name,
    description: text(200).min(1).optional().describe('One line under the milestone in the checklist, shown as plain text.'),
    weight: z.number().positive().max(100).default(1),
    valueMoment: z.boolean().default(false).describe('Time-to-value is measured to the first value moment reached.'),
    allOf: many(featureCondition, LIMITS.conditions, 'conditions').optional(),
    anyOf: many(featureCondition, LIMITS.conditions, 'conditions').optional(),
    guide: id
      .optional()
      .describe('The tour that "Show me" starts for this milestone in the checklist; without one, "Go there" opens the page (a route rule) or points at the element (anchor) of its first feature that has one.'),
    withinDays: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Only uses in the last N days count toward the conditions.'),
  })
  .refine((m) => (m.allOf?.length ?? 0) + (m.anyOf?.length ?? 0) > 0, {
    message: 'needs at least one condition in "allOf" or "anyOf"',
  });
export type Milestone = z.infer<typeof milestoneSchema>;

const playbookShape = z.strictObject({
  $schema: text(LIMITS.url).optional(),
  version: z.literal(1, { error: () => 'must be 1 (the only playbook version this Uptake reads)' }),
  app: appSchema,
  features: many(featureSchema, LIMITS.features, 'features').min(1, { message: 'needs at least one feature' }),
  meters: many(meterSchema, LIMITS.meters, 'meters').default([]),
  milestones: many(milestoneSchema, LIMITS.milestones, 'milestones').default([]),
  settings: z
    .strictObject({
      retentionDays: z.number().int().min(7).max(3650).default(90).describe('Raw events older than this are deleted; daily rollups are kept.'),
      scoring: scoringOverridesSchema.optional().describe('Overrides of the scoring weights, thresholds and targets (see docs/scoring.md).'),
    })
    .prefault({})
    .describe('Retention and scoring settings.'),
  // Reserved for the guidance, nudge and theming issues: accepted and kept so a
  // playbook written for a newer Uptake still loads here.
  guides: many(guideSchema, LIMITS.guides, 'guides').default([]).describe('Tours, tooltips and hotspots shown in the app.'),
  nudges: many(nudgeSchema, LIMITS.nudges, 'nudges').default([]).describe('Tips, tour invitations, celebrations and expansion prompts, with their triggers.'),
  caps: capsSchema.prefault({}),
  theme: themeSchema.prefault({}),
  locales: z
    .record(text(35), z.unknown())
    .superRefine((locales, ctx) => {
      const tags = Object.keys(locales);
      if (tags.length > LIMITS.locales) ctx.addIssue({ code: 'custom', message: `has more than ${LIMITS.locales} locales: ${LIMITS.locales} at most` });
      for (const tag of tags) {
        const entries = locales[tag];
        if (typeof entries === 'object' && entries !== null && Object.keys(entries).length > LIMITS.localeEntries) {
          ctx.addIssue({ code: 'custom', path: [tag], message: `has more than ${LIMITS.localeEntries} entries: ${LIMITS.localeEntries} at most` });
        }
      }
    })
    .optional(),
});
function checkReferences(pb: unknown, ctx: z.RefinementCtx): void {
  for (const { path, message } of referenceIssues(pb)) ctx.addIssue({ code: 'custom', path, message });
}

export const playbookSchema = playbookShape.superRefine(checkReferences);
export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookInput = z.input<typeof playbookSchema>;

export { type Anchor, anchorSchema };
