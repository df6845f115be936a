import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../../lib/export/build';
import { readRecordsCsv, writeRecordsCsv } from '../../../lib/export/csv-record';
import { readExportJson } from '../../../lib/export/json';
import { exportRecordSchema } from '../../../lib/export/schema';
import { writeExportJson } from '../../../lib/export/write-json';
import type { UserHistory } from '../../../lib/scoring/types';
import { syntheticRecords } from '../../../scripts/lib/synthetic-export';
import { NOW, dayAgo, tsAgo } from '../helpers/history';
import { DEMO_TEXT } from '../helpers/playbook';
import { PB } from './fixtures';

const features = PB.features.map((f) => f.id);
const milestones = PB.milestones.map((m) => m.id);

/** Any history the store could hold: uses on any of the last 120 days, milestones at any time (even before the first use), meter readings. */
const anyHistory: fc.Arbitrary<UserHistory> = fc.record({
  usage: fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }).map((d) => dayAgo(d)), feature: fc.constantFrom(...features), count: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 60 }),
  milestones: fc.uniqueArray(fc.record({ milestone: fc.constantFrom(...milestones), reachedAt: fc.integer({ min: 0, max: 150 }).map((d) => tsAgo(d)) }), { selector: (m) => m.milestone }),
  meters: fc.array(fc.record({ meter: fc.constant('seats'), used: fc.integer({ min: 0, max: 1000 }), limit: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }), ts: fc.integer({ min: 0, max: 30 }).map((d) => tsAgo(d)) }), { maxLength: 3 }),
});

const identity = fc.string({ minLength: 1, maxLength: 256 }).filter((s) => s.trim() === s && s.length > 0);

describe('every export Uptake writes, it reads back', () => {
  it('for any stored history and identity: the record is valid, and JSON and CSV round trips are lossless', async () => {
    await fc.assert(
      fc.asyncProperty(anyHistory, identity, identity, fc.boolean(), async (history, account, user, hashIdentities) => {
        const records = await syntheticRecords(PB, DEMO_TEXT, [{ account, user, history }], NOW, { hashIdentities });
        for (const r of records) expect(exportRecordSchema.safeParse(r).error).toBeUndefined();
        expect(readExportJson(writeExportJson(exportFile(records, NOW)))).toEqual({ ok: true, records });
        expect(readRecordsCsv(writeRecordsCsv(records))).toEqual({ ok: true, records });
      }),
      { numRuns: 150 },
    );
  });
});
