/**
 * Benchmarks of the CSM review: importing, merging and rolling up 10,000 users'
 * exports (pure code, in Node), and rendering the account table of such a book in
 * the options page of the built extension in real Chromium.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { exportFile } from '../../lib/export/build';
import { importExport } from '../../lib/export/import';
import { mergeExports } from '../../lib/export/merge';
import { buildReview } from '../../lib/export/review';
import type { ExportRecord } from '../../lib/export/schema';
import { writeExportJson } from '../../lib/export/write-json';
import { extensionId } from './browser';
import { prng, syntheticHistory, syntheticPlaybook } from './synthetic';
import { syntheticRecords } from './synthetic-export';

export type Record = (f: { name: string; value: number; unit: string; budget?: { op: '<=' | '>='; value: number }; note?: string }) => void;

const USERS = 10_000;
const ACCOUNTS = 700;
const FILES = 10;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** 10,000 users in 700 accounts, really scored; plus an older export of the first 1,000 (the merge must drop those). */
export async function syntheticBook(now: number): Promise<{ records: ExportRecord[]; older: ExportRecord[] }> {
  const pb = syntheticPlaybook(12);
  const rand = prng(11);
  const users = Array.from({ length: USERS }, (_, i) => ({
    account: `account-${i % ACCOUNTS}`,
    user: `user-${i}`,
    history: syntheticHistory(pb, now, 20 + (i % 60), 0.3, rand),
  }));
  const text = JSON.stringify(pb);
  const records = await syntheticRecords(pb, text, users, now);
  const older = await syntheticRecords(pb, text, users.slice(0, 1000), now, { exportedAt: now - 7 * 86_400_000 });
  return { records, older };
}

/** Import (parse + validate), merge and roll up, as the Review does on a drop of 11 files. */
export function reviewPipeline(record: Record, records: ExportRecord[], older: ExportRecord[], now: number) {
  const size = Math.ceil(records.length / FILES);
  const texts = Array.from({ length: FILES }, (_, i) => writeExportJson(exportFile(records.slice(i * size, (i + 1) * size), now)));
  texts.push(writeExportJson(exportFile(older, now - 7 * 86_400_000)));
  const total: number[] = [];
  const mergeRoll: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const files = texts.map((t, i) => {
      const r = importExport(`export-${i}.json`, t);
      if (!r.ok) throw new Error(r.message);
      return { name: r.file, records: r.records };
    });
    const t1 = performance.now();
    const merged = mergeExports(files);
    const review = buildReview(merged.records.map((m) => m.record));
    const t2 = performance.now();
    if (merged.records.length !== USERS || review.rows.length !== ACCOUNTS) throw new Error(`review of the book is wrong: ${merged.records.length} users, ${review.rows.length} accounts`);
    total.push(t2 - t0);
    mergeRoll.push(t2 - t1);
  }
  record({ name: `review: import, merge, roll up ${USERS} users, median`, value: round(median(total)), unit: 'ms', budget: { op: '<=', value: 1000 }, note: `${FILES + 1} JSON files, ${USERS + older.length} records: parsed, validated, merged, rolled up` });
  record({ name: `review: merge + roll up only (${ACCOUNTS} accounts), median`, value: round(median(mergeRoll)), unit: 'ms' });
}

/** Loads a 10,000-user export through the options page's file input; times the account table's render from the page's own marks. */
export async function reviewRender(record: Record, context: BrowserContext, records: ExportRecord[], now: number) {
  const file = join(tmpdir(), `uptake-bench-${process.pid}.json`);
  // Compact JSON: Uptake's own indented export of 10,000 users is over the 50 MB a single file may have.
  writeFileSync(file, JSON.stringify(exportFile(records, now)));
  try {
    return await renderRuns(record, context, file);
  } finally {
    rmSync(file, { force: true });
  }
}

async function renderRuns(record: Record, context: BrowserContext, file: string) {
  const page = await context.newPage();
  await page.bringToFront();
  const render: number[] = [];
  const load: number[] = [];
  for (let run = 0; run < 7; run++) {
    // A fresh document each run: going to the same URL with a hash would keep the page (and its loaded files).
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${await extensionId(context)}/options.html#review`);
    await page.getByLabel('Choose export files').setInputFiles(file);
    const rows = page.locator('[data-testid="account-table"] tbody tr');
    await Promise.race([
      rows.nth(ACCOUNTS - 1).waitFor({ state: 'attached', timeout: 60_000 }),
      page.getByTestId('file-problems').waitFor({ timeout: 60_000 }).then(async () => {
        throw new Error(`the review refused the benchmark file: ${await page.getByTestId('file-problems').innerText()}`);
      }),
    ]);
    const marks = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).map((e) => e.startTime);
      const [picked] = at('uptake:review:picked');
      const [merged] = at('uptake:review:merged');
      const rendered = at('uptake:review:rendered').find((t) => t >= merged!);
      return { picked: picked!, merged: merged!, rendered: rendered! };
    });
    render.push(marks.rendered - marks.merged);
    load.push(marks.rendered - marks.picked);
  }
  await page.close();
  record({ name: `review page: render account table (${ACCOUNTS} rows), median`, value: round(median(render)), unit: 'ms', budget: { op: '<=', value: 200 } });
  record({ name: `review page: ${USERS}-user file picked → table, median`, value: round(median(load)), unit: 'ms', note: 'read, validate, merge, roll up and render in Chromium' });
}
