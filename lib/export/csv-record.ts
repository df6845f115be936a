import { formatPath } from '../playbook/parse';
import { CsvSyntaxError, parseCsv, restore, writeCsv } from './csv';
import { HEADER, NUMBER, RECORD_COLUMNS, VERSION_COLUMN, decode, encode, get, set } from './csv-columns';
import { describeIssue, summarise } from './errors';
import { EXPORT_VERSION, type ExportRecord, MAX_BAD_RECORDS, MAX_RECORDS_PER_FILE, exportRecordSchema } from './schema';

/**
 * The CSV form of export records: one row per user per app. Scalars get a column
 * each so the file reads well in a spreadsheet; lists (reasons, features, milestones,
 * meters, signals, nudges) are JSON inside one cell each, so reading a row back gives
 * exactly the record that was written.
 */

export function writeRecordsCsv(records: readonly ExportRecord[]): string {
  const version = String(EXPORT_VERSION);
  return writeCsv([HEADER, ...records.map((r) => [version, ...RECORD_COLUMNS.map(([, path, kind]) => encode(get(r, path), kind))])]);
}

export type CsvRead = { ok: true; records: ExportRecord[] } | { ok: false; message: string };

/** Where a schema problem is, in the file's terms: `line 4, column "features" → [2].count`. */
function cellOf(line: number, path: readonly PropertyKey[]): string {
  const col = RECORD_COLUMNS.find(([, p]) => p.every((k, i) => path[i] === k));
  if (!col) return `line ${line}`;
  const rest = path.slice(col[1].length);
  return `line ${line}, column "${col[0]}"${rest.length ? ` → ${formatPath(rest)}` : ''}`;
}

function checkHeader(header: readonly string[]): string | null {
  if (header[0] !== VERSION_COLUMN) {
    return `is not an Uptake CSV export: its first column should be "${VERSION_COLUMN}", not ${JSON.stringify((header[0] ?? '').slice(0, 40))}`;
  }
  const known = new Set(HEADER);
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const h of header) {
    if (seen.has(h)) problems.push(`column "${h}" appears twice`);
    else if (!known.has(h)) problems.push(`unknown column "${h.slice(0, 60)}"`);
    seen.add(h);
  }
  const missing = HEADER.filter((h) => !seen.has(h));
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  return problems.length ? `line 1: ${summarise(problems)}` : null;
}

/** Reads an Uptake CSV export: every row is checked against the record schema; any problem rejects the file. */
export function readRecordsCsv(text: string): CsvRead {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
  const header = rows[0]?.cells ?? [];
  const bad = checkHeader(header);
  if (bad) return { ok: false, message: bad };
  const body = rows.slice(1).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  if (body.length === 0) return { ok: false, message: 'has a header but no records' };
  if (body.length > MAX_RECORDS_PER_FILE) return { ok: false, message: `holds more than ${MAX_RECORDS_PER_FILE} records` };
  const index = new Map(header.map((h, i) => [h, i]));
  const columns = RECORD_COLUMNS.map((c) => [c, index.get(c[0])!] as const);
  const versionAt = index.get(VERSION_COLUMN)!;
  const records: ExportRecord[] = [];
  const problems: string[] = [];
  let badRows = 0;
  let seen = 0;
  let checked = 0;
  for (const { line, cells } of body) {
    if (problems.length > seen) {
      badRows++;
      seen = problems.length;
    }
    // Stop at MAX_BAD_RECORDS broken rows: a huge broken file is refused fast.
    if (badRows >= MAX_BAD_RECORDS) break;
    checked++;
    if (cells.length !== header.length) {
      problems.push(`line ${line}: has ${cells.length} fields where the header has ${header.length} (is the file truncated, or a comma not quoted?)`);
      continue;
    }
    const version = restore(cells[versionAt]!);
    if (version !== String(EXPORT_VERSION)) {
      problems.push(`line ${line}, column "${VERSION_COLUMN}": ${NUMBER.test(version) && Number(version) > EXPORT_VERSION ? `version ${version} was written by a newer Uptake; this one reads version ${EXPORT_VERSION}` : `must be ${EXPORT_VERSION}`}`);
      continue;
    }
    const raw: Record<string, unknown> = {};
    let broken = false;
    for (const [[name, path, kind], at] of columns) {
      try {
        set(raw, path, decode(restore(cells[at]!), kind));
      } catch {
        problems.push(`line ${line}, column "${name}": is not valid JSON`);
        broken = true;
        break;
      }
    }
    if (broken) continue;
    const parsed = exportRecordSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) records.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`${cellOf(line, issue.path)}: ${describeIssue(issue)}`);
  }
  const rest = body.length - checked;
  if (!problems.length) return { ok: true, records };
  return { ok: false, message: `${summarise(problems)}${rest > 0 ? `; checking stopped after ${badRows} broken records, ${rest} more not checked` : ''}` };
}
