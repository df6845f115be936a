import { formatPath } from '../playbook/parse';
import { describeIssue, lineAndColumn, summarise } from './errors';
import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportRecord, MAX_BAD_RECORDS, MAX_RECORDS_PER_FILE, exportFileSchema, exportRecordSchema } from './schema';

export type JsonRead = { ok: true; records: ExportRecord[] } | { ok: false; message: string };

/** The parser failed only because the text stopped (at `length`), not on a wrong character. */
function stoppedEarly(message: string, length: number): boolean {
  const pos = /position (\d+)/.exec(message);
  return pos ? Number(pos[1]) >= length : /end of JSON input|Unterminated string/.test(message);
}

/**
 * The offset of the first wrong character. V8 names a position for some errors only
 * ("Unexpected token" has none), so find it by bisection: every prefix before the
 * error fails only by stopping early, every prefix past it fails on the error.
 */
function errorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    let early = true;
    try {
      JSON.parse(text.slice(0, mid));
    } catch (e) {
      early = stoppedEarly((e as Error).message, mid);
    }
    if (early) lo = mid;
    else hi = mid;
  }
  return lo;
}

function syntaxError(text: string, error: Error): string {
  const end = text.trimEnd().length;
  if (stoppedEarly(error.message, end)) return 'is not valid JSON: it ends too early (is the file truncated?)';
  const at = errorOffset(text, error.message);
  return `is not valid JSON at ${lineAndColumn(text, at)}, near ${JSON.stringify(text.slice(at, at + 20).split(/\s/)[0])}`;
}

/** Tells a file from another tool (or a newer Uptake) apart from a broken export, before checking fields. */
function notAnExport(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `is not an Uptake export: expected a JSON object with "format": "${EXPORT_FORMAT}"`;
  }
  const v = value as Record<string, unknown>;
  if (v.format !== EXPORT_FORMAT) {
    if ('features' in v && 'app' in v) return 'is a playbook, not an adoption export: load it on the Playbook tab';
    return `is not an Uptake export: "format" must be "${EXPORT_FORMAT}"`;
  }
  if (typeof v.version === 'number' && v.version > EXPORT_VERSION) {
    return `was written by a newer Uptake (export version ${v.version}); this one reads version ${EXPORT_VERSION}`;
  }
  return null;
}

/** Reads an Uptake JSON export, validated against the export schema. Never throws. */
export function readExportJson(text: string): JsonRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: syntaxError(text, e as Error) };
  }
  const wrong = notAnExport(value);
  if (wrong) return { ok: false, message: wrong };
  // The envelope first, then record by record, stopping at MAX_BAD_RECORDS: a file of 200,000
  // broken records is refused in milliseconds, not after millions of issues (and a stack overflow).
  const envelope = envelopeSchema.safeParse(value, { reportInput: true });
  if (!envelope.success) return { ok: false, message: summarise(envelope.error.issues.map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`)) };
  const raw = envelope.data.records;
  const records: ExportRecord[] = [];
  const problems: string[] = [];
  let bad = 0;
  let i = 0;
  for (; i < raw.length && bad < MAX_BAD_RECORDS; i++) {
    const parsed = exportRecordSchema.safeParse(raw[i], { reportInput: true });
    if (parsed.success) records.push(parsed.data);
    else {
      bad++;
      for (const issue of parsed.error.issues) problems.push(`${formatPath(['records', i, ...issue.path])}: ${describeIssue(issue)}`);
    }
  }
  if (bad === 0) return { ok: true, records };
  const rest = raw.length - i;
  return { ok: false, message: `${summarise(problems)}${rest > 0 ? `; checking stopped after ${bad} broken records, ${rest} more not checked` : ''}` };
}

const envelopeSchema = exportFileSchema.extend({ records: z.array(z.unknown()).max(MAX_RECORDS_PER_FILE, { message: `holds more than ${MAX_RECORDS_PER_FILE} records` }) });
