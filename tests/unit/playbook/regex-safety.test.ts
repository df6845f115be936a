import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeterText } from '../../../lib/capture/meters';
import { parsePlaybook } from '../../../lib/playbook/parse';
import { meterPattern } from '../../../lib/playbook/references';
import { regexHazard } from '../../../lib/playbook/regex-safety';
import { demoDraft, edit } from '../helpers/playbook';

const withPattern = (pattern: string) => {
  const draft = demoDraft();
  edit(draft, 'meters[0].source.pattern', pattern);
  return parsePlaybook(JSON.stringify(draft));
};

describe('meter patterns that backtrack catastrophically are refused at parse', () => {
  it('refuses the reported pattern, naming the JSON path and the nested quantifier', () => {
    const r = withPattern('((\\d+,?)+) of (\\d+) seats');
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('meters[0].source.pattern');
    expect(errors[0]!.message).toContain('"(\\d+,?)"');
    expect(errors[0]!.message).toContain('nested quantifiers');
  });

  it.each([
    ['(a+)+', 'nested'],
    ['(\\d*)*', 'nested'],
    ['(?:\\d+,?)+', 'nested'],
    ['(\\d{1,3})+', 'nested'],
    ['(\\d+){3}', 'nested'],
    ['(?:a|ab)+', 'alternatives'],
    ['(?:\\d|\\w)*x', 'alternatives'],
    ['(?:x(?:a|ab))+', 'alternatives'],
    ['(?:a|)+', 'empty text'],
    ['(?:\\b)+', 'empty text'],
    ['(\\d+)\\d+', 'same characters'],
    ['.*(\\d+) seats', 'same characters'],
    ['(\\d+)\\s*\\d* of', 'same characters'],
    ['a?a?a?a?a?a?a?a?aaaaaaaa', 'same characters'],
    ['(?:a|a)(?:a|a)(?:a|a)', 'same characters'],
    ['(?:x\\d+|y)\\d+', 'same characters'],
    ['(\\d+) of \\1', 'backreference "\\1"'],
    ['(?<n>\\d+) of \\k<n>', 'backreference "\\k<n>"'],
    ['(\\d{1,5000})', 'more than 1000 times'],
  ])('refuses %s (%s)', (pattern, construct) => {
    const hazard = regexHazard(pattern);
    expect(hazard).toContain(construct);
    const r = withPattern(pattern);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain('meters[0].source.pattern');
  });

  it.each([
    '(\\d+) of (\\d+) seats',
    '([\\d,]+) of ([\\d,]+)',
    '(\\d{1,3}(?:,\\d{3})*) of (\\d+)',
    '(\\d+(?:\\.\\d+)?) of (\\d+)',
    '(\\d+)\\s*/\\s*(\\d+)',
    '(\\d+)\\s*of\\s*(\\d+)',
    'Seats: (\\d+) \\/ (\\d+)',
    '(\\d+) (?:of )?(\\d+) users?',
    '^\\s*(\\d+)[^0-9]+(\\d+)',
    '(?<used>\\d+) of (?<limit>\\d+)',
    '(?=.*seats)(\\d+) of (\\d+)',
    '(\\d+)/(\\d+) seats',
  ])('accepts the ordinary pattern %s', (pattern) => {
    expect(regexHazard(pattern)).toBeNull();
    expect(withPattern(pattern).ok).toBe(true);
  });

  const atom = fc.constantFrom('a', '\\d', '\\w', '\\s', '.', '[\\d,]', '[^x]', '(?:ab)', '\\S');
  const quant = fc.constantFrom('+', '*', '{1,4}', '{2,}', '+?', '?');
  const loop = fc.constantFrom('+', '*', '{2,}', '{3}', '*?');

  it('refuses every nested quantifier, whatever the parts', () => {
    fc.assert(
      fc.property(atom, quant, loop, fc.constantFrom('', ',', 'x'), (a, q, l, sep) => {
        expect(regexHazard(`(${a}${q}${sep})${l}`)).toContain('nested quantifiers');
      }),
    );
  });

  it('refuses two quantified parts that can take turns on the same characters', () => {
    fc.assert(
      fc.property(fc.constantFrom('\\d', '[0-9]', '\\w', '.', '[\\d,]'), fc.constantFrom('+', '*', '{1,9}', '+?'), fc.constantFrom('', '\\s*', ',?', '(?:)', '\\b'), fc.constantFrom('+', '*', '{2,}'), (a, q1, mid, q2) => {
        expect(regexHazard(`(${a}${q1})${mid}(\\d${q2})`)).not.toBeNull();
      }),
    );
  });

  it('accepts "(number) word (number)" for any word, and reads it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.nat(99_999), fc.nat(99_999), (word, used, limit) => {
        const pattern = `(\\d+) ${word} (\\d+)`;
        expect(meterPattern(pattern)).toEqual({ groups: 2 });
        expect(parseMeterText(`${used} ${word} ${limit}`, new RegExp(pattern), undefined)).toEqual({ used, limit });
      }),
    );
  });

  it('never throws and agrees with the browser on syntax, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'()[]{}|?*+.\\^$,:=!<>-1ad'.split('')), maxLength: 30 }), (s) => {
        let valid = true;
        try {
          new RegExp(s);
        } catch {
          valid = false;
        }
        const r = meterPattern(s);
        if (!valid) expect('problem' in r && r.problem).toMatch(/^is not a valid regular expression/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('meter text is bounded before a pattern sees it', () => {
  it('looks at the first 200 characters only, however long the element text', () => {
    const seats = /(\d+) of (\d+) seats/;
    expect(parseMeterText(`${' '.repeat(150)}7 of 10 seats`, seats, undefined)).toEqual({ used: 7, limit: 10 });
    expect(parseMeterText(`${' '.repeat(200)}7 of 10 seats`, seats, undefined)).toBeNull();
  });
});
