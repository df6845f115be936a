import { z } from 'zod';
import { COMPONENTS, type Component } from '../scoring/defaults';

/**
 * The adoption export, format version 1: one record per user per app. Every file an
 * Uptake page reads back (JSON or CSV) is validated against these schemas, and
 * export.schema.json is generated from them (scripts/gen-export-schema.ts). Bounds
 * are generous for real data and small enough that a hostile file cannot blow up
 * the review page. Field meanings: docs/export.md.
 */

export const EXPORT_FORMAT = 'uptake-export';
export const EXPORT_VERSION = 1;
/** A single file above this is refused before it is read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_RECORDS_PER_FILE = 200_000;
/** Reading a file stops at this many invalid records (the rest is not checked): a clear answer, fast. */
export const MAX_BAD_RECORDS = 10;

const text = (max: number) => z.string().max(max, { message: `must be at most ${max} characters` });
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'must be a short id (lowercase letters, digits, "-" or "_")' });
const when = z.iso.datetime({ message: 'must be a UTC date and time such as "2026-11-23T14:05:00.000Z"' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day such as "2026-11-23"' });
const share = z.number().min(0).max(1);
const count = z.int().min(0);

const perComponent = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(COMPONENTS.map((k) => [k, value])) as Record<Component, T>);

export const bandSchema = z.enum(['green', 'yellow', 'red']);

export const exportRecordSchema = z
  .strictObject({
    playbook: z
      .strictObject({
        appId: id.describe('The app id of the playbook (app.id).'),
        appName: text(1000).min(1),
        hash: z.string().regex(/^[0-9a-f]{12}$/, { message: 'must be 12 lowercase hex digits' }).describe('First 12 hex digits of the SHA-256 of the playbook text.'),
        version: z.literal(1).describe('Playbook format version.'),
      })
      .describe('Which playbook the numbers were computed under.'),
    scoringVersion: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a version such as "1.0.0"' }),
    exportedAt: when,
    account: text(256).min(1),
    user: text(256).min(1),
    identityHashed: z.boolean().describe('Account and user are SHA-256 hashes (by the playbook or at export).'),
    score: z.int().min(0).max(100),
    band: bandSchema,
    stage: z.enum(['onboarding', 'adopted']),
    firstSeen: day,
    components: perComponent(share.nullable()).describe('Each component 0..1, null when there was not enough data.'),
    weights: perComponent(share).describe('Weights used (normalised over the components present).'),
    contributions: perComponent(z.int().min(0).max(100)).describe('Whole score points per component; they add up to score.'),
    reasons: z
      .array(z.strictObject({ code: text(64), component: z.enum(COMPONENTS), delta: z.number().min(-100).max(100), text: text(2000) }))
      .max(20),
    features: z
      .array(
        z.strictObject({
          id,
          name: text(1000),
          core: z.boolean(),
          count,
          firstUsed: when.nullable(),
          lastUsed: when.nullable(),
          adoption: share.nullable().describe('Core features: 1 retained, 0.5 tried once, 0 unused (last 28 days); null for other features.'),
        }),
      )
      .max(1000),
    milestones: z.array(z.strictObject({ id, name: text(1000), valueMoment: z.boolean(), reachedAt: when.nullable() })).max(1000),
    meters: z
      .array(z.strictObject({ id, name: text(1000), used: z.number().nullable(), limit: z.number().nullable(), readAt: when.nullable() }))
      .max(200),
    ttvDays: count.nullable().describe('Days from first use to the first value moment; null while not reached.'),
    usageDrop: z.strictObject({
      active: z.boolean(),
      drop: share.describe('1 − ρ: how far recent use fell under the 4-week average.'),
      trend: z.number().min(0).describe('ρ: short-term over long-term average of daily core use.'),
      weekTotal: z.number().min(0),
      baselineMean: z.number().min(0).nullable(),
    }),
    expansion: z.strictObject({
      ready: z.boolean(),
      csmFlag: z.boolean().describe('High-touch account: a CSM should act instead of an in-app prompt.'),
      conditions: z.strictObject({ valueProven: z.boolean(), stable: z.boolean(), pull: z.boolean(), notFatigued: z.boolean() }),
      signals: z.array(text(2000)).max(50),
    }),
    nudges: z
      .array(
        z.strictObject({
          nudge: id,
          name: text(1000),
          eligible: count.describe('Times the nudge was due: shown plus held out.'),
          shown: count,
          heldOut: count.describe('Held out as the control group ("would have shown").'),
          clicked: count,
          dismissed: count,
          converted: count.describe('Shown, then its target feature used within 7 days.'),
          controlConverted: count.describe('Held out, then the target feature used anyway within 7 days.'),
          lift: z.number().min(-100).max(100).nullable().describe('Conversion shown minus held out, in percentage points; null without both groups or a target.'),
        }),
      )
      .max(1000)
      .describe("One entry per nudge of the playbook, from this user's nudge log; empty when the playbook has no nudges."),
  })
  .describe('One user of one app.');

export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const exportFileSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: when,
    records: z.array(exportRecordSchema).max(MAX_RECORDS_PER_FILE, { message: `holds more than ${MAX_RECORDS_PER_FILE} records` }),
  })
  .describe('An Uptake adoption export (version 1).');

export type ExportFile = z.infer<typeof exportFileSchema>;

/** Where a record belongs: the latest export per app + account + user wins. */
export const recordKey = (r: Pick<ExportRecord, 'playbook' | 'account' | 'user'>): string =>
  `${r.playbook.appId}\u0000${r.account}\u0000${r.user}`;
