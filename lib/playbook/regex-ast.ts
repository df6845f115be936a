/**
 * A small parser for the JavaScript regular expressions playbooks use (no flags), enough
 * to judge how a pattern can backtrack (regex-safety.ts). It assumes `new RegExp` has
 * accepted the pattern already; character sets are approximated (ASCII exact, the rest
 * as one "other" bucket), which only ever makes the safety check stricter.
 */

/** Characters: a bitmap of ASCII plus one bit for everything beyond it. */
export interface CharSet {
  w: number[];
  other: boolean;
}

export type Node =
  | { t: 'char'; set: CharSet; from: number; to: number }
  | { t: 'empty'; from: number; to: number }
  | { t: 'look'; body: Node; from: number; to: number }
  | { t: 'group'; body: Node; from: number; to: number }
  | { t: 'seq'; items: Node[]; from: number; to: number }
  | { t: 'alt'; alts: Node[]; from: number; to: number }
  | { t: 'rep'; body: Node; min: number; max: number; from: number; to: number };

/** A construct Uptake refuses, with where it is in the pattern. */
export class RegexHazard extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

export const MAX_REPEAT = 1000;

export const emptySet = (): CharSet => ({ w: [0, 0, 0, 0], other: false });
export const union = (a: CharSet, b: CharSet): CharSet => ({ w: a.w.map((x, i) => x | b.w[i]!), other: a.other || b.other });
export const meet = (a: CharSet, b: CharSet): CharSet => ({ w: a.w.map((x, i) => x & b.w[i]!), other: a.other && b.other });
export const isEmpty = (s: CharSet): boolean => !s.other && s.w.every((x) => x === 0);
export const overlaps = (a: CharSet, b: CharSet): boolean => !isEmpty(meet(a, b));
const negate = (s: CharSet): CharSet => ({ w: s.w.map((x) => ~x), other: true });

function addRange(s: CharSet, lo: number, hi: number): void {
  for (let c = lo; c <= Math.min(hi, 127); c++) s.w[c >> 5]! |= 1 << (c & 31);
  if (hi > 127) s.other = true;
}
const setOf = (...ranges: [number, number][]): CharSet => {
  const s = emptySet();
  for (const [lo, hi] of ranges) addRange(s, lo, hi);
  return s;
};
const DIGIT = setOf([48, 57]);
const WORD = setOf([48, 57], [65, 90], [95, 95], [97, 122]);
const SPACE = { ...setOf([9, 13], [32, 32]), other: true };
const DOT = negate(setOf([10, 10], [13, 13]));
const CLASSES: Record<string, CharSet> = {
  d: DIGIT,
  D: negate(DIGIT),
  w: WORD,
  W: negate(WORD),
  s: SPACE,
  S: { ...negate(SPACE), other: true },
};
const SINGLE: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

export function parseRegex(src: string): Node {
  let i = 0;
  const hex = (n: number): number | null => {
    const h = src.slice(i, i + n);
    if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) return null;
    i += n;
    return Number.parseInt(h, 16);
  };
  /** One escaped character or class after a backslash (already skipped); `inClass` for `[...]`. */
  const escaped = (start: number, inClass: boolean): CharSet | number | 'assert' => {
    const c = src[i++] ?? '\\';
    if (c in CLASSES) return CLASSES[c]!;
    if (c in SINGLE && !(inClass && c === '0')) return SINGLE[c]!;
    if (c === 'b') return inClass ? 8 : 'assert';
    if (c === 'B' && !inClass) return 'assert';
    if (!inClass && c >= '1' && c <= '9') {
      while (/[0-9]/.test(src[i] ?? '')) i++;
      throw new RegexHazard(`uses the backreference "${src.slice(start, i)}": backreferences are not allowed (they can make matching take exponential time)`, start, i);
    }
    if (!inClass && c === 'k' && src[i] === '<') {
      i = Math.max(src.indexOf('>', i) + 1, i);
      throw new RegexHazard(`uses the backreference "${src.slice(start, i)}": backreferences are not allowed (they can make matching take exponential time)`, start, i);
    }
    if (inClass && c >= '0' && c <= '9') return setOf([0, 255]); // an octal escape
    if (c === 'x') return hex(2) ?? 120;
    if (c === 'u') return hex(4) ?? 117;
    if (c === 'c' && /[a-zA-Z]/.test(src[i] ?? '')) return src.charCodeAt(i++) & 31;
    return c.charCodeAt(0);
  };
  const asSet = (x: CharSet | number): CharSet => (typeof x === 'number' ? setOf([x, x]) : x);

  const charClass = (start: number): Node => {
    const negated = src[i] === '^';
    if (negated) i++;
    let set = emptySet();
    const one = (): CharSet | number => {
      const c = src[i++]!;
      if (c !== '\\') return c.charCodeAt(0);
      const e = escaped(i - 1, true);
      return e === 'assert' ? 66 : e;
    };
    while (i < src.length && src[i] !== ']') {
      const a = one();
      if (src[i] === '-' && i + 1 < src.length && src[i + 1] !== ']') {
        i++;
        const b = one();
        if (typeof a === 'number' && typeof b === 'number') set = union(set, setOf([a, b]));
        else set = union(union(union(set, asSet(a)), asSet(b)), setOf([45, 45]));
      } else set = union(set, asSet(a));
    }
    i++;
    return { t: 'char', set: negated ? negate(set) : set, from: start, to: i };
  };

  const atom = (): Node => {
    const start = i;
    const c = src[i++]!;
    if (c === '(') {
      let look = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) [i, look] = [i + 2, true];
      else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) [i, look] = [i + 3, true];
      else if (src.startsWith('?<', i)) i = src.indexOf('>', i) + 1;
      const body = alternation();
      i++;
      return { t: look ? 'look' : 'group', body, from: start, to: i };
    }
    if (c === '[') return charClass(start);
    if (c === '.') return { t: 'char', set: DOT, from: start, to: i };
    if (c === '^' || c === '$') return { t: 'empty', from: start, to: i };
    if (c === '\\') {
      const e = escaped(start, false);
      return e === 'assert' ? { t: 'empty', from: start, to: i } : { t: 'char', set: asSet(e), from: start, to: i };
    }
    return { t: 'char', set: asSet(c.charCodeAt(0)), from: start, to: i };
  };

  const quantifier = (): [number, number] | null => {
    const c = src[i];
    if (c === '*' || c === '+' || c === '?') {
      i++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24)) : null;
    if (!m) return null;
    i += m[0].length;
    const min = Number(m[1]);
    return [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
  };

  const sequence = (): Node => {
    const start = i;
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const from = i;
      const body = atom();
      const q = quantifier();
      if (!q) {
        items.push(body);
        continue;
      }
      if (src[i] === '?') i++;
      const [min, max] = q;
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
        throw new RegexHazard(`repeats "${src.slice(from, i)}" more than ${MAX_REPEAT} times`, from, i);
      }
      items.push({ t: 'rep', body, min, max, from, to: i });
    }
    return { t: 'seq', items, from: start, to: i };
  };

  function alternation(): Node {
    const start = i;
    const alts = [sequence()];
    while (src[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts, from: start, to: i };
  }

  const root = alternation();
  return root;
}
