import { type CharSet, MAX_REPEAT, type Node, RegexHazard, emptySet, isEmpty, meet, overlaps, parseRegex, union } from './regex-ast';

/**
 * Whether a playbook regular expression can backtrack badly. Rejected:
 * - a repeat of something that has its own quantifier, or can match empty text ("(\d+,?)+", "(a*)*");
 * - inside a repeat, alternatives that can start alike ("(a|ab)+");
 * - two quantified parts (or optional parts, or alternatives that start alike) that can take
 *   turns on the same characters with nothing between them that only one can match
 *   ("\d+\d+", ".*\d+", "a?a?"): polynomial, or exponential when chained;
 * - backreferences, and counts over MAX_REPEAT.
 * What passes backtracks at most linearly from each start, so a search of a capped text
 * (meters read at most 200 characters) stays well under a millisecond.
 */

interface Info {
  nullable: boolean;
  chars: CharSet;
  first: CharSet;
  /** The first quantifier of variable count inside, if any. */
  variable: Node | null;
}

/** A quantified part, optional part or ambiguous alternation, with the barriers seen between it and an edge. */
interface Turn {
  node: Node;
  first: CharSet;
  chars: CharSet;
  bar: CharSet[];
}
interface Summary {
  heads: Turn[];
  tails: Turn[];
  through: CharSet[];
}

export function regexHazard(src: string): string | null {
  let root: Node;
  try {
    root = parseRegex(src);
    const infos = new Map<Node, Info>();
    const show = (n: Node) => {
      const s = src.slice(n.from, n.to);
      return `"${s.length > 40 ? `${s.slice(0, 39)}…` : s}"`;
    };
    const info = (n: Node): Info => {
      const known = infos.get(n);
      if (known) return known;
      const r = compute(n);
      infos.set(n, r);
      return r;
    };
    const compute = (n: Node): Info => {
      switch (n.t) {
        case 'char':
          return { nullable: false, chars: n.set, first: n.set, variable: null };
        case 'empty':
          return { nullable: true, chars: emptySet(), first: emptySet(), variable: null };
        case 'look':
          return { nullable: true, chars: emptySet(), first: emptySet(), variable: info(n.body).variable };
        case 'group':
          return info(n.body);
        case 'seq': {
          let first = emptySet();
          let chars = emptySet();
          let nullable = true;
          let variable: Node | null = null;
          for (const item of n.items) {
            const x = info(item);
            if (nullable) first = union(first, x.first);
            nullable &&= x.nullable;
            chars = union(chars, x.chars);
            variable ??= x.variable;
          }
          return { nullable, chars, first, variable };
        }
        case 'alt': {
          const xs = n.alts.map(info);
          const all = (f: (x: Info) => CharSet) => xs.map(f).reduce(union, emptySet());
          return { nullable: xs.some((x) => x.nullable), chars: all((x) => x.chars), first: all((x) => x.first), variable: xs.find((x) => x.variable)?.variable ?? null };
        }
        case 'rep': {
          const b = info(n.body);
          if (n.max === 0) return { nullable: true, chars: emptySet(), first: emptySet(), variable: null };
          return { nullable: n.min === 0 || b.nullable, chars: b.chars, first: b.first, variable: n.min !== n.max ? n : b.variable };
        }
      }
    };
    /** Alternatives that can start alike (or match empty text): the matcher may try both. */
    const ambiguous = (n: Node & { t: 'alt' }): [Node, Node] | null => {
      for (let a = 0; a < n.alts.length; a++) {
        for (let b = a + 1; b < n.alts.length; b++) {
          const x = info(n.alts[a]!);
          const y = info(n.alts[b]!);
          if (x.nullable || y.nullable || overlaps(x.first, y.first)) return [n.alts[a]!, n.alts[b]!];
        }
      }
      return null;
    };

    const walk = (n: Node, loop: Node | null): void => {
      if (n.t === 'rep' && n.max > 1) {
        const b = info(n.body);
        if (b.variable) {
          throw new RegexHazard(
            `repeats ${show(n.body)}, which has a quantifier of its own (${show(b.variable)}): nested quantifiers can take exponential time. Repeat a part of fixed length, e.g. "(\\d{1,3}(?:,\\d{3})*)", or use one character class, e.g. "([\\d,]+)"`,
            n.from,
            n.to,
          );
        }
        if (b.nullable) throw new RegexHazard(`repeats ${show(n.body)}, which can match empty text`, n.from, n.to);
        walk(n.body, n);
      } else if (n.t === 'alt') {
        const pair = loop && ambiguous(n);
        if (pair) {
          throw new RegexHazard(
            `repeats ${show(loop!)}, in which the alternatives ${show(pair[0])} and ${show(pair[1])} can match the same text: this can take exponential time. Make each alternative start with a different character`,
            n.from,
            n.to,
          );
        }
        for (const a of n.alts) walk(a, loop);
      } else if (n.t === 'seq') for (const item of n.items) walk(item, loop);
      else if (n.t === 'group' || n.t === 'look' || n.t === 'rep') walk(n.body, loop);
    };

    const turn = (n: Node): Turn => ({ node: n, first: info(n).first, chars: info(n).chars, bar: [] });
    const none = (): Summary => ({ heads: [], tails: [], through: [] });
    const check = (t: Turn, h: Turn, bar: CharSet[]) => {
      const shared = meet(t.chars, h.chars);
      if (isEmpty(shared) || !overlaps(h.first, t.chars) || !overlaps(t.first, h.chars)) return;
      if (bar.some((b) => !overlaps(b, shared))) return;
      throw new RegexHazard(
        `has ${show(t.node)} and then ${show(h.node)}, which can match the same characters with nothing between them that only one can match: this makes matching slow. Remove one, or put a fixed text between them (the pattern is searched anywhere in the text: no ".*" is needed)`,
        t.node.from,
        h.node.to,
      );
    };
    const sum = (n: Node): Summary => {
      switch (n.t) {
        case 'char':
          return { heads: [], tails: [], through: [n.set] };
        case 'empty':
          return none();
        case 'look':
          sum(n.body); // its own backtracking, checked on its own
          return none();
        case 'group':
          return sum(n.body);
        case 'seq': {
          let acc = none();
          for (const item of n.items) {
            const b = sum(item);
            for (const t of acc.tails) for (const h of b.heads) check(t, h, [...t.bar, ...h.bar]);
            acc = {
              heads: [...acc.heads, ...b.heads.map((h) => ({ ...h, bar: [...acc.through, ...h.bar] }))],
              tails: [...b.tails, ...acc.tails.map((t) => ({ ...t, bar: [...t.bar, ...b.through] }))],
              through: [...acc.through, ...b.through],
            };
          }
          return acc;
        }
        case 'alt': {
          const parts = n.alts.map(sum);
          const self = ambiguous(n) ? [turn(n)] : [];
          return {
            heads: [...self, ...parts.flatMap((p) => p.heads)],
            tails: [...self, ...parts.flatMap((p) => p.tails)],
            through: info(n).nullable ? [] : [info(n).chars],
          };
        }
        case 'rep': {
          if (n.max === 0) return none();
          if (n.max === 1) {
            const s = sum(n.body);
            if (n.min === 1) return s;
            return { heads: [turn(n), ...s.heads], tails: [turn(n), ...s.tails], through: [] };
          }
          if (n.min === n.max) return { heads: [], tails: [], through: [info(n.body).chars] };
          return { heads: [turn(n)], tails: [turn(n)], through: n.min > 0 ? [info(n.body).chars] : [] };
        }
      }
    };
    walk(root, null);
    sum(root);
    return null;
  } catch (e) {
    if (e instanceof RegexHazard) return e.message;
    throw e;
  }
}

export { MAX_REPEAT };
