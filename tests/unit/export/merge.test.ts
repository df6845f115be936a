import { describe, expect, it } from 'vitest';
import { mergeExports } from '../../../lib/export/merge';
import type { ExportRecord } from '../../../lib/export/schema';
import { NOW, sampleRecords } from './fixtures';

const at = (r: ExportRecord, ts: number, score = r.score): ExportRecord => ({ ...r, exportedAt: new Date(ts).toISOString(), score });
const users = (m: ReturnType<typeof mergeExports>) => m.records.map((x) => `${x.record.account}/${x.record.user}@${x.record.score}<${x.source}`).sort();

describe('mergeExports', () => {
  it('keeps one record per app + account + user: the latest export wins, whatever the file order', async () => {
    const [maria] = await sampleRecords();
    const older = at(maria!, NOW - 86_400_000, 40);
    const newer = at(maria!, NOW, 80);
    const a = mergeExports([
      { name: 'old.json', records: [older] },
      { name: 'new.csv', records: [newer] },
    ]);
    const b = mergeExports([
      { name: 'new.csv', records: [newer] },
      { name: 'old.json', records: [older] },
    ]);
    expect(users(a)).toEqual(['acme/maria@80<new.csv']);
    expect(users(b)).toEqual(users(a));
    expect(a).toMatchObject({ duplicates: 0, superseded: 1 });
  });

  it('counts the same export loaded twice (JSON and CSV of it, or the same file again) once', async () => {
    const records = await sampleRecords();
    const m = mergeExports([
      { name: 'team.json', records },
      { name: 'team.csv', records: structuredClone(records) },
      { name: 'team (1).json', records },
    ]);
    expect(m.records).toHaveLength(3);
    expect(m.duplicates).toBe(6);
    expect(m.superseded).toBe(0);
    // Identical records: the file name that sorts first is the source, whatever the drop order.
    expect(new Set(m.records.map((r) => r.source))).toEqual(new Set(['team (1).json']));
  });

  it('keeps users apart by account and by app, even with the same user id', async () => {
    const [maria] = await sampleRecords();
    const otherAccount = { ...maria!, account: 'globex' };
    const otherApp = { ...maria!, playbook: { ...maria!.playbook, appId: 'crm', appName: 'CRM' } };
    const m = mergeExports([{ name: 'a.json', records: [maria!, otherAccount, otherApp] }]);
    expect(m.records).toHaveLength(3);
    expect(m.duplicates + m.superseded).toBe(0);
  });

  it('compares export times as instants, not as text', async () => {
    const [maria] = await sampleRecords();
    const early = { ...maria!, exportedAt: '2026-11-23T10:00:00Z', score: 1 };
    const late = { ...maria!, exportedAt: '2026-11-23T10:00:00.500Z', score: 2 };
    expect(users(mergeExports([{ name: 'x', records: [late, early] }]))).toEqual(['acme/maria@2<x']);
  });

  it('merges nothing into nothing', () => {
    expect(mergeExports([])).toEqual({ records: [], duplicates: 0, superseded: 0 });
  });
});
