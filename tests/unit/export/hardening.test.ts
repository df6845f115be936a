import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { writeCsv } from '../../../lib/export/csv';
import { importExport } from '../../../lib/export/import';
import { readExportJson } from '../../../lib/export/json';
import { mergeExports } from '../../../lib/export/merge';
import { buildReview } from '../../../lib/export/review';
import { writeRollupCsv } from '../../../lib/export/rollup-csv';
import { writeRecordsCsv } from '../../../lib/export/csv-record';
import type { ExportRecord } from '../../../lib/export/schema';
import { openStore } from '../../../lib/store/db';
import { sampleRecords } from './fixtures';

describe('ids that are names of Object.prototype', () => {
  it('a core feature called "constructor" reads as unused, never as NaN, in accounts without it', async () => {
    const [maria, , other] = await sampleRecords();
    const withCtor = structuredClone(maria!);
    withCtor.features[0] = { ...withCtor.features[0]!, id: 'constructor', name: 'Constructor', core: true, adoption: 0.5 };
    const review = buildReview([withCtor, other!]);
    const otherRow = review.rows.find((r) => r.account === other!.account)!;
    expect(otherRow.adoption.constructor).toBeUndefined();
    expect(otherRow.adoption.toString).toBeUndefined();
    const acme = review.rows.find((r) => r.account === withCtor.account)!;
    expect(acme.adoption.constructor).toBe(0.5);
    for (const row of review.rows) for (const f of row.leastAdopted) expect(Number.isFinite(f.adoption)).toBe(true);
  });
});

describe('merging exports with the same export time', () => {
  it('keeps the same record whatever the order the files are dropped in', async () => {
    const [a] = await sampleRecords();
    const b: ExportRecord = { ...structuredClone(a!), score: (a!.score + 7) % 100 };
    const one = mergeExports([{ name: 'a.json', records: [a!] }, { name: 'b.json', records: [b] }]);
    const two = mergeExports([{ name: 'b.json', records: [b] }, { name: 'a.json', records: [a!] }]);
    expect(one.records).toEqual(two.records);
    expect(one.duplicates).toBe(1);
    // The same record in two files: the file whose name sorts first is named as its source.
    const same = mergeExports([{ name: 'z.csv', records: [a!] }, { name: 'm.json', records: [a!] }]);
    expect(same.records[0]?.source).toBe('m.json');
  });
});

describe('CSV cells for ";"-separated spreadsheets', () => {
  it.each([
    ['x;=2*3;', '"x;=2*3;"'],
    ['=1+1', `"'=1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['-2', `"'-2"`],
    ['plain', 'plain'],
  ])('%s is written as %s', (cell, written) => {
    expect(writeCsv([[cell]])).toBe(`\uFEFF${written}\r\n`);
  });

  it('the account roll-up quotes an account name holding ";="', async () => {
    const [r] = await sampleRecords();
    const rec = { ...structuredClone(r!), account: 'x;=2*3;' };
    expect(writeRollupCsv(buildReview([rec]).rows)).toContain('"x;=2*3;"');
  });

  it('a record CSV with such cells still reads back exactly', async () => {
    const [r] = await sampleRecords();
    const rec = { ...structuredClone(r!), account: 'x;=2*3;', user: '+1;2' };
    const back = importExport('team.csv', writeRecordsCsv([rec]));
    expect(back).toMatchObject({ ok: true, records: [rec] });
  });
});

describe('a huge broken file', () => {
  it('200,000 records of {} are refused fast, with a clear message and no stack overflow', () => {
    const text = JSON.stringify({ format: 'uptake-export', version: 1, exportedAt: '2026-11-23T14:00:00.000Z', records: Array.from({ length: 200_000 }, () => ({})) });
    const started = performance.now();
    const read = readExportJson(text);
    const ms = performance.now() - started;
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^records\[0\]\.\S+: is missing .*and \d+ more problems; checking stopped after 10 broken records, 199990 more not checked$/);
    expect(ms).toBeLessThan(2000);
  });

  it('a CSV of many broken rows stops after 10 of them', async () => {
    const [r] = await sampleRecords();
    const lines = writeRecordsCsv([r!]).split('\r\n');
    const broken = [lines[0], ...Array.from({ length: 5000 }, () => 'x'), ''].join('\r\n');
    const read = importExport('big.csv', broken);
    expect(read).toMatchObject({ ok: false, message: expect.stringContaining('checking stopped after 10 broken records, 4990 more not checked') });
  });
});

describe('timestamps at the boundary', () => {
  it('an event at ts 1e300 is refused and every export keeps working', async () => {
    const NOW = new Date(2026, 10, 23, 15, 0).getTime();
    const db = await openStore(`ts-${Date.now()}`);
    const deps: BackgroundDeps = { db: async () => db, now: () => NOW, onPlaybookChanged: async () => {}, injectWidget: async () => {}, tabExists: async () => true, setClockOffset: async () => {} };
    const h = createHandlers(deps);
    const identity = { account: 'acme', user: 'maria' };
    const ev = (id: string, ts: number) => ({ id, feature: 'create-project', kind: 'submit', ts, path: '/projects' });
    const reply = await h['cs:batch']({ type: 'cs:batch', app: 'tasklane', identity, events: [ev('a', 1e300), ev('b', NOW - 1000)], meters: [] }, {});
    expect(reply).toMatchObject({ ack: ['b'], refused: ['a'] });
    // A time stored before the bound existed (here written directly) is left out of the export, not fatal to it.
    await db.put('rollups', { app: 'tasklane', account: 'acme', user: 'maria', day: '2026-11-22', feature: 'add-task', count: 1, firstTs: 1e300, lastTs: 1e300 });
    const out = await h['ui:export']({ type: 'ui:export', scope: 'all', hashIdentities: false }, {});
    expect(out.file?.records).toHaveLength(1);
  });
});
