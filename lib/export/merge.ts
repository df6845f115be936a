import { type ExportRecord, recordKey } from './schema';

export interface LoadedFile {
  name: string;
  records: readonly ExportRecord[];
}

export interface MergedRecord {
  record: ExportRecord;
  /** The file the winning record came from. */
  source: string;
}

export interface Merged {
  records: MergedRecord[];
  /** Records that were the same export of a user loaded again (same app, account, user and export time). */
  duplicates: number;
  /** Older exports of a user replaced by a newer one. */
  superseded: number;
}

/**
 * Merges many files' records: one record per app + account + user, the latest export
 * winning. The same export loaded twice (same export time) counts once; at equal export
 * times the record whose JSON text sorts first wins, then the file name that sorts first,
 * so the result does not depend on the order files are dropped in (docs/export.md).
 */
export function mergeExports(files: readonly LoadedFile[]): Merged {
  const best = new Map<string, { m: MergedRecord; at: number; text?: string }>();
  let duplicates = 0;
  let superseded = 0;
  for (const file of files) {
    for (const record of file.records) {
      const key = recordKey(record);
      const at = Date.parse(record.exportedAt);
      const held = best.get(key);
      if (!held) {
        best.set(key, { m: { record, source: file.name }, at });
      } else if (at === held.at) {
        duplicates++;
        // Same export time, whatever the drop order: the record whose JSON text sorts first wins (then the file name).
        const text = JSON.stringify(record);
        held.text ??= JSON.stringify(held.m.record);
        if (text < held.text || (text === held.text && file.name < held.m.source)) best.set(key, { m: { record, source: file.name }, at, text });
      } else {
        superseded++;
        if (at > held.at) best.set(key, { m: { record, source: file.name }, at });
      }
    }
  }
  return { records: [...best.values()].map((b) => b.m), duplicates, superseded };
}
