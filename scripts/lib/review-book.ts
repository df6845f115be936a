import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFile } from '../../lib/export/build';
import { writeExportJson } from '../../lib/export/write-json';
import { prng, syntheticHistory, syntheticPlaybook } from './synthetic';
import { syntheticRecords } from './synthetic-export';

/** An export of 80 users in 16 accounts, from barely active to daily users, scored for real: every band shows. Returns its path. */
export async function reviewBook(): Promise<string> {
  const now = Date.now();
  const pb = syntheticPlaybook(12);
  const rand = prng(7);
  const users = Array.from({ length: 80 }, (_, i) => ({
    account: `Account ${String.fromCharCode(65 + (i % 16))}`,
    user: `user-${i}`,
    history: syntheticHistory(pb, now, 10 + (i % 50), 0.02 + ((i * 7) % 16) / 30, rand),
  }));
  const records = await syntheticRecords(pb, JSON.stringify(pb), users, now);
  const path = join(tmpdir(), `uptake-review-book-${process.pid}.json`);
  writeFileSync(path, writeExportJson(exportFile(records, now)));
  return path;
}
