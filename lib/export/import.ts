import { readRecordsCsv } from './csv-record';
import { readExportJson } from './json';
import { type ExportRecord, MAX_FILE_BYTES } from './schema';

export type ImportResult =
  | { ok: true; file: string; format: 'json' | 'csv'; records: ExportRecord[] }
  | { ok: false; file: string; message: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checked before a file is read, so a huge file never reaches memory. */
export function checkSize(file: string, bytes: number): ImportResult | null {
  if (bytes > MAX_FILE_BYTES) {
    return { ok: false, file, message: `is ${mb(bytes)}; files over ${mb(MAX_FILE_BYTES)} are refused. Split the export into smaller files.` };
  }
  if (bytes === 0) return { ok: false, file, message: 'is empty' };
  return null;
}

/**
 * Reads one export file (JSON or CSV, told apart by content, not by name) into
 * records. Never throws: a wrong, truncated or hostile file becomes a message that
 * names the file and the problem, with a JSON path or a CSV line.
 */
export function importExport(file: string, text: string): ImportResult {
  const sized = checkSize(file, text.length);
  if (sized) return sized;
  if (text.includes('\u0000')) return { ok: false, file, message: 'is a binary file, not an Uptake export (JSON or CSV)' };
  const unmarked = text.replace(/^\uFEFF/, '');
  const first = unmarked.trimStart()[0];
  if (first === undefined) return { ok: false, file, message: 'is empty' };
  const json = first === '{' || first === '[';
  try {
    const read = json ? readExportJson(unmarked) : readRecordsCsv(unmarked);
    if (!read.ok) return { ok: false, file, message: read.message };
    if (read.records.length === 0) return { ok: false, file, message: 'holds no records' };
    return { ok: true, file, format: json ? 'json' : 'csv', records: read.records };
  } catch (error) {
    // e.g. a JSON nested deeper than the parser's stack: still the file's fault, not the page's.
    return { ok: false, file, message: `could not be read: ${(error as Error)?.message ?? String(error)}` };
  }
}

/** One line for the reader: "team.csv is empty", "team.csv, line 4, column "score": must be …". */
export function problemText(file: string, message: string): string {
  return /^(is|has|holds|was|could) /.test(message) ? `${file} ${message}` : `${file}, ${message}`;
}
