/**
 * Worst match time of playbook patterns, pure (no browser): fuzzed route patterns, URL match
 * patterns and meter patterns (only ones the playbook parser accepts) against 2,048-character
 * inputs built to make a backtracking matcher work hardest, each through the code Uptake runs.
 */
import { compileRoute } from '../../lib/capture/route';
import { parseMeterText } from '../../lib/capture/meters';
import { urlMatches } from '../../lib/playbook/match-url';
import { meterPattern } from '../../lib/playbook/references';

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const INPUT = 2048;

function fuzzRoute(rand: Rand): string {
  const segs = ['a', 'ab', ':id', '*', 'a*', '*a', 'a*b', '*a*a*b', 'x*y*z', ''];
  const n = 1 + Math.floor(rand() * 12);
  const body = Array.from({ length: n }, () => pick(rand, segs)).join('/');
  return pick(rand, [`/${body}`, `#/${body}`, `#!${body}`, `#/${body}#*`]);
}

function fuzzMatchPattern(rand: Rand): string {
  const parts = ['a', 'b', '/', '*', '*a', 'a*', '?q=', '*a*a*'];
  const n = 1 + Math.floor(rand() * 14);
  return `https://app.example.com/${Array.from({ length: n }, () => pick(rand, parts)).join('')}`;
}

const ATOMS = ['\\d', '\\w', '\\s', '.', 'a', ',', ' ', '[\\d,]', '[^a]', 'of', '\\.', '[a-z]'];
const QUANTS = ['', '', '*', '+', '?', '{1,3}', '{2}', '*?', '+?', '{0,5}'];
function fuzzRegexPart(rand: Rand, depth: number): string {
  const r = rand();
  if (depth < 3 && r < 0.2) return `(${fuzzRegex(rand, depth + 1)})${pick(rand, QUANTS)}`;
  if (depth < 3 && r < 0.3) return `(?:${fuzzRegex(rand, depth + 1)}|${fuzzRegex(rand, depth + 1)})${pick(rand, QUANTS)}`;
  return `${pick(rand, ATOMS)}${pick(rand, QUANTS)}`;
}
function fuzzRegex(rand: Rand, depth = 0): string {
  const n = 1 + Math.floor(rand() * 5);
  return Array.from({ length: n }, () => fuzzRegexPart(rand, depth)).join('');
}

/** Inputs that keep almost matching: long runs of one character or two, with a wrong last one. */
function hardTexts(): string[] {
  const runs = ['1', 'a', ' ', ',', '1,', 'a ', '1 ', '.', 'of ', '1.'];
  return runs.flatMap((r) => [`${r.repeat(INPUT).slice(0, INPUT - 1)}!`, r.repeat(INPUT).slice(0, INPUT)]);
}
function hardPaths(): string[] {
  return ['/a'.repeat(INPUT / 2), `/${'a'.repeat(INPUT - 1)}`, `/${'ab/'.repeat(700)}`.slice(0, INPUT), `#/${'a/'.repeat(1023)}`, `#!${'a'.repeat(INPUT - 2)}`];
}

function worst(cases: [string, () => unknown][]): { ms: number; pattern: string } {
  let max = { ms: 0, pattern: '' };
  for (const [pattern, run] of cases) {
    let best = Infinity;
    // The fastest of three: the pattern's own cost, not a GC pause or another process's time slice.
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      run();
      best = Math.min(best, performance.now() - t);
    }
    if (best > max.ms) max = { ms: best, pattern };
  }
  return max;
}

export function patternMatchTimes(rand: Rand, count = 300) {
  const routes = Array.from({ length: count }, () => fuzzRoute(rand));
  const matches = Array.from({ length: count }, () => fuzzMatchPattern(rand));
  const meters: string[] = ['(\\d+) of (\\d+) seats', '([\\d,]+) of ([\\d,]+)', '(\\d{1,3}(?:,\\d{3})*) of (\\d+)', '(\\d+)\\s*/\\s*(\\d+)'];
  let tried = 0;
  while (meters.length < count && tried < count * 200) {
    tried++;
    const p = fuzzRegex(rand);
    if ('groups' in meterPattern(p)) meters.push(p);
  }
  const paths = hardPaths();
  const texts = hardTexts();
  const route = worst(routes.flatMap((p) => paths.map((t): [string, () => unknown] => [p, () => compileRoute(p).test(t)])));
  const url = worst(matches.flatMap((p) => paths.map((t): [string, () => unknown] => [p, () => urlMatches(p, `https://app.example.com${t.replace(/^#!?/, '/')}`)])));
  const meter = worst(
    meters.flatMap((p) => {
      const re = new RegExp(p);
      return texts.map((t): [string, () => unknown] => [p, () => parseMeterText(t, re, 10)]);
    }),
  );
  return { route, url, meter, counts: { routes: routes.length, matches: matches.length, meters: meters.length, meterTried: tried } };
}
