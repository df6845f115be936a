import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { exportFile } from '../../lib/export/build';
import { type ImportResult, importExport } from '../../lib/export/import';
import type { ExportRecord } from '../../lib/export/schema';
import { writeExportJson } from '../../lib/export/write-json';
import { parsePlaybook } from '../../lib/playbook/parse';
import { syntheticRecords } from '../../scripts/lib/synthetic-export';
import { history, span, uses, weekly } from '../unit/helpers/history';

export const DEMO_TEXT = readFileSync('demo/playbook.json', 'utf8');
const parsed = parsePlaybook(DEMO_TEXT);
if (!parsed.ok) throw new Error('demo playbook does not parse');
export const DEMO = parsed.playbook;

/** Clicks `trigger` and returns the file the page downloads, read back as text. */
export async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: (download as Download).suggestedFilename(), text: readFileSync((await (download as Download).path())!, 'utf8') };
}

/** A downloaded export read with the same importer the Review uses; fails the test if it does not import. */
export function imported(name: string, text: string): ExportRecord[] {
  const r: ImportResult = importExport(name, text);
  if (!r.ok) throw new Error(`${name} did not import: ${r.message}`);
  return r.records;
}

/** Two users who never used this browser: Li, onboarding at Acme, and Sam, a steady user at Globex. */
export async function otherUsers(now = Date.now()): Promise<{ li: ExportRecord; sam: ExportRecord }> {
  const core = ['create-project', 'add-task', 'invite-teammate', 'build-report', 'share-report'];
  const [li, sam] = await syntheticRecords(
    DEMO,
    DEMO_TEXT,
    [
      { account: 'acme', user: 'li', history: history({ usage: uses(['create-project', 'add-task'], span(2), 1, now), milestones: { 'first-project': 2 } }, now) },
      {
        account: 'globex',
        user: 'sam',
        history: history(
          { usage: uses(core, weekly(5, 70, 0), 3, now), milestones: { 'first-project': 70, 'plan-work': 70, 'invite-team': 69, 'first-report-shared': 68 }, meters: [{ meter: 'seats', used: 9, limit: 10 }] },
          now,
        ),
      },
    ],
    now,
  );
  return { li: li!, sam: sam! };
}

export const jsonFile = (name: string, records: ExportRecord[]) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(writeExportJson(exportFile(records, Date.parse(records[0]!.exportedAt)))),
});

export const textFile = (name: string, text: string, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

/** The numbers a CSM should read for an account, worked out here from the records themselves. */
export function expectedRow(records: ExportRecord[]) {
  const scores = records.map((r) => r.score).sort((a, b) => a - b);
  const n = scores.length;
  const median = n % 2 ? scores[(n - 1) / 2]! : (scores[n / 2 - 1]! + scores[n / 2]!) / 2;
  const share = (band: string) => `${Math.round((records.filter((r) => r.band === band).length / n) * 100)}%`;
  return {
    users: String(n),
    mean: String(Math.round((scores.reduce((a, b) => a + b, 0) / n) * 10) / 10),
    median: String(median),
    green: share('green'),
    yellow: share('yellow'),
    red: share('red'),
    ready: String(records.filter((r) => r.expansion.ready).length),
    alerts: String(records.filter((r) => r.usageDrop.active).length),
  };
}
