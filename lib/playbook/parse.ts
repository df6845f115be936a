import type { z } from 'zod';
import { boundsIssues } from './bounds';
import { LIMITS } from './limits';
import { referenceIssues } from './references';
import { type Playbook, playbookSchema } from './schema';

export interface PlaybookError {
  /** JSON path of the problem, e.g. `features[3].detect[0].anchor.selectors`; `(root)` for the whole document. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** "line 3, column 7" for a character offset into `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function jsonSyntaxError(text: string, error: Error): PlaybookError {
  const pos = /position (\d+)/.exec(error.message);
  const where = pos ? lineAndColumn(text, Number(pos[1])) : 'the end of the text';
  return {
    path: '(root)',
    message: `is not valid JSON at ${where}: ${error.message.replace(/^.*?: /, '')}. Check for a missing comma, quote or bracket there.`,
  };
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isInteger(v)) return `the fraction ${v}`;
  if (typeof v === 'object') return 'an object';
  const shown = JSON.stringify(v) ?? String(v);
  return `the ${typeof v} ${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `is required (${issue.expected})`;
    const expected = issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    return `must be ${expected}, not ${typeName(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 5).map((k) => `"${k.length > 40 ? `${k.slice(0, 39)}…` : k}"`);
    if (issue.keys.length > 5) keys.push(`${issue.keys.length - 5} more`);
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}: check the spelling against playbook.schema.json`;
  }
  return issue.message;
}

/** At most LIMITS.errors problems, then one line counting the rest: 3,000 bad references once made 1.58 billion characters of errors. */
function capped(errors: PlaybookError[]): PlaybookError[] {
  if (errors.length <= LIMITS.errors) return errors;
  const rest = errors.length - LIMITS.errors;
  return [...errors.slice(0, LIMITS.errors), { path: '(root)', message: `and ${rest} more problem${rest > 1 ? 's' : ''}: fix the ones above first` }];
}

/** Validates an already-decoded playbook object, listing its problems (at most LIMITS.errors) with their paths. */
export function validatePlaybook(value: unknown): ParseResult {
  // Size and depth first: the schema never walks a document that is too big or too deep.
  const bounds = boundsIssues(value);
  if (bounds.length > 0) return { ok: false, errors: capped(bounds.map((b) => ({ path: formatPath(b.path), message: b.message }))) };
  const result = playbookSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, playbook: result.data };
  const errors = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
  // The cross-reference checks only run once the shape is right: run them here too, so every problem shows at once.
  const listed = new Set(errors.map((e) => `${e.path}\u0000${e.message}`));
  for (const r of referenceIssues(value)) {
    const e = { path: formatPath(r.path), message: r.message };
    if (!listed.has(`${e.path}\u0000${e.message}`)) errors.push(e);
  }
  return { ok: false, errors: capped(errors) };
}

/** Far above any real playbook (the demo's is 15 thousand characters); refused before JSON.parse. */
const MAX_TEXT = 5_000_000;

/** Parses playbook JSON text. Never throws. */
export function parsePlaybook(text: string): ParseResult {
  if (text.length > MAX_TEXT) {
    return { ok: false, errors: [{ path: '(root)', message: `is ${(text.length / 1e6).toFixed(1)} million characters long: a playbook is at most ${MAX_TEXT / 1e6} million` }] };
  }
  if (text.trim() === '') return { ok: false, errors: [{ path: '(root)', message: 'is empty: paste or choose a playbook JSON file' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [jsonSyntaxError(text, e as Error)] };
  }
  return validatePlaybook(value);
}

export function formatErrors(errors: readonly PlaybookError[]): string[] {
  return errors.map((e) => `${e.path}: ${e.message}`);
}
