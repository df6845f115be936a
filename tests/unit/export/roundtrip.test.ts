import { describe, expect, it } from 'vitest';
import { exportFile } from '../../../lib/export/build';
import { readRecordsCsv, writeRecordsCsv } from '../../../lib/export/csv-record';
import { hashIdentity } from '../../../lib/export/hash';
import { importExport } from '../../../lib/export/import';
import { readExportJson } from '../../../lib/export/json';
import { writeExportJson } from '../../../lib/export/write-json';
import { exportFileSchema } from '../../../lib/export/schema';
import { readIdentity } from '../../../lib/capture/identity';
import { validatePlaybook } from '../../../lib/playbook/parse';
import { demoDraft } from '../helpers/playbook';
import { NOW, hostile, sampleRecords } from './fixtures';

describe('export → import round trip', () => {
  it('builds records that satisfy the export schema, with the score explained', async () => {
    const records = await sampleRecords();
    expect(records).toHaveLength(3);
    const maria = records.find((r) => r.user === 'maria')!;
    expect(exportFileSchema.parse(exportFile(records, NOW)).records).toEqual(records);
    expect(Object.values(maria.contributions).reduce((a, b) => a + b, 0)).toBe(maria.score);
    expect(maria.playbook).toMatchObject({ appId: 'tasklane', appName: 'Tasklane', version: 1, hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(maria.features.find((f) => f.id === 'create-project')).toMatchObject({ core: true, adoption: 1, count: expect.any(Number) });
    expect(maria.features.find((f) => f.id === 'export-csv')).toMatchObject({ core: false, adoption: null, count: 0, firstUsed: null });
    expect(maria.milestones.find((m) => m.id === 'first-report-shared')?.reachedAt).toMatch(/Z$/);
    expect(maria.meters.find((m) => m.id === 'seats')).toMatchObject({ used: 9, limit: 10 });
    expect(maria.nudges).toEqual([]);
    expect(maria.exportedAt).toBe(new Date(NOW).toISOString());
  });

  it('is lossless through JSON', async () => {
    const records = [...(await sampleRecords()), hostile((await sampleRecords())[0]!)];
    const read = readExportJson(writeExportJson(exportFile(records, NOW)));
    expect(read).toEqual({ ok: true, records });
  });

  it('is lossless through CSV, hostile text included', async () => {
    const records = [...(await sampleRecords()), hostile((await sampleRecords())[1]!)];
    const read = readRecordsCsv(writeRecordsCsv(records));
    expect(read).toEqual({ ok: true, records });
  });

  it('gives the same records from the JSON and the CSV of one export', async () => {
    const records = await sampleRecords();
    const json = importExport('a.json', writeExportJson(exportFile(records, NOW)));
    const csv = importExport('a.csv', writeRecordsCsv(records));
    expect(json).toMatchObject({ ok: true, format: 'json' });
    expect(csv).toMatchObject({ ok: true, format: 'csv' });
    expect(csv.ok && csv.records).toEqual(json.ok && json.records);
  });

  it('writes no cell a spreadsheet would run as a formula', async () => {
    const csv = writeRecordsCsv([hostile((await sampleRecords())[2]!), (await sampleRecords())[2]!]);
    const cells = csv.replace(/^\uFEFF/, '').split(/,|\r\n/);
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain("'@SUM(1+1)");
  });
});

describe('identity hashing', () => {
  it('hashes account and user on request, the same way capture hashes them', async () => {
    const [plain] = await sampleRecords();
    const [hashed] = await sampleRecords({ hashIdentities: true });
    expect(plain).toMatchObject({ account: 'acme', user: 'maria', identityHashed: false });
    expect(hashed!.account).toBe(await hashIdentity('tasklane', 'acme'));
    expect(hashed!.identityHashed).toBe(true);
    const draft = demoDraft();
    draft.app = { ...(draft.app as object), identity: { account: { from: 'constant', value: 'acme' }, user: { from: 'constant', value: 'maria' }, hash: true } };
    const pb = validatePlaybook(draft);
    if (!pb.ok) throw new Error(JSON.stringify(pb.errors));
    expect(await readIdentity(pb.playbook, {} as Document, {} as Location)).toEqual({ account: hashed!.account, user: hashed!.user });
  });
});
