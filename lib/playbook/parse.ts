import type { z } from 'zod';
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
  return typeof v === 'object' ? 'an object' : `the ${typeof v} ${JSON.stringify(v)}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `is required (${issue.expected})`;
    const expected = issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    return `must be ${expected}, not ${typeName(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against playbook.schema.json`;
  }
  return issue.message;
}

/** Validates an already-decoded playbook object, listing every problem with its path. */
export function validatePlaybook(value: unknown): ParseResult {
  const result = playbookSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, playbook: result.data };
  const errors = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
  // The cross-reference checks only run once the shape is right: run them here too, so every problem shows at once.
  const listed = new Set(errors.map((e) => `${e.path}\u0000${e.message}`));
  for (const r of referenceIssues(value)) {
    const e = { path: formatPath(r.path), message: r.message };
    if (!listed.has(`${e.path}\u0000${e.message}`)) errors.push(e);
  }
  return { ok: false, errors };
}

/** Parses playbook JSON text. Never throws. */
export function parsePlaybook(text: string): ParseResult {
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
