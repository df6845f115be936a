import type { z } from 'zod';

/** How many problems of one file are listed before "and N more". */
export const MAX_LISTED = 3;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v === '' ? 'an empty text' : `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return `${v} (a number too large to store)`;
  return `the ${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = { int: 'a whole number', number: 'a number', boolean: 'true or false', string: 'a text', array: 'a list', object: 'an object' };

/** One zod issue as a sentence an export's reader can act on. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `is missing (${expected})` : `must be ${expected}, not ${typeName(issue.input)}`;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? (issue as { maximum: number | bigint }).maximum : (issue as { minimum: number | bigint }).minimum);
      if (issue.origin === 'string') return big ? `must be at most ${limit} characters` : 'must not be empty';
      if (issue.origin === 'array') return big ? `has more than ${limit} items` : `needs at least ${limit} items`;
      return `must be ${big ? 'at most' : 'at least'} ${limit}, not ${typeName(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}, not ${typeName(issue.input)}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${typeName(issue.input)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}, which the Uptake export format does not have`;
    default:
      return issue.message;
  }
}

/** "a; b; c and 4 more problems". */
export function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length - MAX_LISTED;
  return more > 0 ? `${shown}; and ${more} more problem${more === 1 ? '' : 's'}` : shown;
}

/** "line 3, column 7" for a character offset into `text`. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}
