import { beforeAll, describe, expect, it } from 'vitest';
import { exportFile } from '../../../lib/export/build';
import { parseCsv, quote, writeCsv } from '../../../lib/export/csv';
import { writeRecordsCsv } from '../../../lib/export/csv-record';
import { checkSize, importExport } from '../../../lib/export/import';
import { writeExportJson } from '../../../lib/export/write-json';
import type { ExportRecord } from '../../../lib/export/schema';
import { DEMO_TEXT } from '../helpers/playbook';
import { NOW, sampleRecords } from './fixtures';

let records: ExportRecord[];
beforeAll(async () => {
  records = await sampleRecords();
});

type Obj = Record<string, unknown>;
/** A valid JSON export, changed by `edit` (which gets the file and its first record). */
const json = (edit: (file: Obj, first: Obj) => void) => () => {
  const file = structuredClone(exportFile(records, NOW)) as unknown as Obj;
  edit(file, (file.records as Obj[])[0]!);
  return JSON.stringify(file, null, 2);
};
const validJson = () => writeExportJson(exportFile(records, NOW));
const validCsv = () => writeRecordsCsv(records);
/** A valid CSV export with cells of its first record row replaced (by header name). */
const csv = (cells: Record<string, string>) => () => {
  const rows = parseCsv(validCsv()).map((r) => r.cells);
  const header = rows[0]!;
  for (const [name, value] of Object.entries(cells)) rows[1]![header.indexOf(name)] = value;
  return writeCsv(rows);
};
/** A CSV export whose header is changed by `edit`. */
const csvHeader = (edit: (header: string[]) => string[]) => () => {
  const rows = parseCsv(validCsv()).map((r) => r.cells);
  const header = edit(rows[0]!);
  return writeCsv([header, ...rows.slice(1).map((r) => r.slice(0, header.length).concat(Array(Math.max(0, header.length - r.length)).fill('')))]);
};

const CASES: [name: string, text: () => string, message: RegExp][] = [
  ['an empty file', () => '', /is empty/],
  ['only white space', () => '  \n\t ', /is empty/],
  ['a binary file', () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /is a binary file, not an Uptake export/],
  ['JSON cut off halfway (a truncated download)', () => validJson().slice(0, 900), /ends too early \(is the file truncated\?\)/],
  ['JSON with a syntax error', () => validJson().replace('"records": [', '"records": [,'), /is not valid JSON at line 5, column 15, near ","/],
  ['a JSON array', () => '[1, 2, 3]', /is not an Uptake export: expected a JSON object/],
  ['a playbook instead of an export', () => DEMO_TEXT, /is a playbook, not an adoption export: load it on the Playbook tab/],
  ['another tool\'s JSON', () => '{ "format": "segment-batch", "batch": [] }', /"format" must be "uptake-export"/],
  ['an export from a newer Uptake', json((f) => { f.version = 2; }), /newer Uptake \(export version 2\)/],
  ['a version written as text', json((f) => { f.version = '1'; }), /^version: must be 1, not the text "1"/],
  ['no records field', json((f) => { delete f.records; }), /^records: is missing \(a list\)/],
  ['records that are not a list', json((f) => { f.records = { maria: 1 }; }), /^records: must be a list, not an object/],
  ['no records at all', json((f) => { f.records = []; }), /holds no records/],
  ['a score over 100', json((_, r) => { r.score = 101; }), /^records\[0\]\.score: must be at most 100/],
  ['a score written as a word', json((_, r) => { r.score = 'high'; }), /^records\[0\]\.score: must be a number, not the text "high"/],
  ['an infinite score (1e400)', () => validJson().replace(/"score": \d+/, '"score": 1e400'), /^records\[0\]\.score: must be a number, not Infinity \(a number too large to store\)/],
  ['an unknown band', json((_, r) => { r.band = 'purple'; }), /^records\[0\]\.band: must be one of "green", "yellow", "red", not the text "purple"/],
  ['an unknown field', json((_, r) => { r.password = 'hunter2'; }), /^records\[0\]: has unknown field "password"/],
  ['a __proto__ key (prototype pollution)', () => validJson().replace('{', '{ "__proto__": { "admin": true },'), /^\(root\): has unknown field "__proto__"/],
  ['a constructor key inside a record', () => validJson().replace('"score":', '"constructor": { "prototype": { "admin": true } },\n      "score":'), /^records\[0\]: has unknown field "constructor"/],
  ['an export time that is not a date', json((_, r) => { r.exportedAt = 'yesterday'; }), /^records\[0\]\.exportedAt: must be a UTC date and time/],
  ['an empty account', json((_, r) => { r.account = ''; }), /^records\[0\]\.account: must not be empty/],
  ['a 10,000-character user id', json((_, r) => { r.user = 'x'.repeat(10_000); }), /^records\[0\]\.user: must be at most 256 characters/],
  ['markup as an app id', json((_, r) => { (r.playbook as Obj).appId = '<script>alert(1)</script>'; }), /^records\[0\]\.playbook\.appId: must be a short id/],
  ['a wrong playbook hash', json((_, r) => { (r.playbook as Obj).hash = 'xyz'; }), /^records\[0\]\.playbook\.hash: must be 12 lowercase hex digits/],
  ['a negative feature count', json((_, r) => { (r.features as Obj[])[0]!.count = -3; }), /^records\[0\]\.features\[0\]\.count: must be at least 0, not the number -3/],
  ['a component above 1', json((_, r) => { (r.components as Obj).breadth = 1.5; }), /^records\[0\]\.components\.breadth: must be at most 1/],
  ['a missing component', json((_, r) => { delete (r.components as Obj).trend; }), /^records\[0\]\.components\.trend: is missing/],
  ['many problems at once', json((_, r) => { r.score = -1; r.band = 'x'; r.stage = 'y'; r.user = ''; r.firstSeen = 'z'; }), /; and 2 more problems$/],
  ['JSON nested 100,000 levels deep', () => '['.repeat(100_000) + ']'.repeat(100_000), /is not an Uptake export|could not be read/],
  ['CSV cut off inside a quoted cell', () => validCsv().slice(0, validCsv().indexOf('[{') + 40), /^line 2: a quoted field is never closed \(is the file truncated\?\)/],
  ['CSV cut off after a few cells of a row', () => `${validCsv().split('\r\n')[0]}\r\n1,2026-11-23T11:00:00.000Z,tasklane\r\n`, /^line 2: has 3 fields where the header has \d+/],
  ['a CSV from another tool', () => 'name,email\r\nmaria,maria@acme.test\r\n', /is not an Uptake CSV export: its first column should be "uptake_export_version", not "name"/],
  ['a CSV missing a column', csvHeader((h) => h.filter((c) => c !== 'score')), /^line 1: missing column "score"/],
  ['a CSV with an unknown column', csvHeader((h) => [...h, 'ssn']), /^line 1: unknown column "ssn"/],
  ['a CSV with a column twice', csvHeader((h) => [...h, 'band']), /^line 1: column "band" appears twice/],
  ['a CSV header with no records', () => `${validCsv().split('\r\n')[0]}\r\n`, /has a header but no records/],
  ['a CSV score that is not a number', csv({ score: 'abc' }), /^line 2, column "score": must be a number, not the text "abc"/],
  ['a CSV formula in a number column', csv({ score: '=1+1' }), /^line 2, column "score": must be a number, not the text "=1\+1"/],
  ['a CSV boolean written as yes', csv({ identity_hashed: 'yes' }), /^line 2, column "identity_hashed": must be true or false, not the text "yes"/],
  ['a CSV list cell that is not JSON', csv({ features: '[{"id":' }), /^line 2, column "features": is not valid JSON/],
  ['a CSV list cell with a bad item', csv({ features: '[{"id":"x","name":"X","core":true,"count":"many","firstUsed":null,"lastUsed":null,"adoption":0}]' }), /^line 2, column "features" → \[0\]\.count: must be a number, not the text "many"/],
  ['a CSV row from a newer Uptake', csv({ uptake_export_version: '2' }), /^line 2, column "uptake_export_version": version 2 was written by a newer Uptake/],
  ['a CSV with a stray quote', () => validCsv().replace('\r\n1,', '\r\n1",'), /^line 2: a quote inside an unquoted field/],
  ['a CSV with an unknown band', csv({ band: quote('purple') }), /^line 2, column "band": must be one of "green", "yellow", "red"/],
];

describe('bad files are rejected with a message that names the file and the problem', () => {
  it(`covers at least 30 kinds of bad file (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', (name, text, message) => {
    const file = `${name.replaceAll(' ', '-')}.dat`;
    const result = importExport(file, text());
    expect(result.ok, `${name} was accepted`).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe(file);
    expect(result.message).toMatch(message);
  });

  it('refuses a file over 50 MB before reading it', () => {
    expect(checkSize('huge.json', 60 * 1024 * 1024)).toEqual({ ok: false, file: 'huge.json', message: expect.stringMatching(/is 60\.0 MB; files over 50\.0 MB are refused/) });
    expect(checkSize('fine.json', 1024)).toBeNull();
  });

  it('accepts the valid files the bad ones were made from', () => {
    expect(importExport('ok.json', validJson())).toMatchObject({ ok: true, records: { length: 3 } });
    expect(importExport('ok.csv', validCsv())).toMatchObject({ ok: true, records: { length: 3 } });
  });
});
