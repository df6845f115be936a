import { type Glob, compileGlob, globMatch } from '../playbook/glob';

/**
 * Route patterns ("/projects/:id", "/reports/*", "/files/report-*.csv", "#/settings", "#/active#*")
 * compiled to matchers over path segments. No RegExp is built: a match takes time linear in
 * the path (times the pattern's length), whatever the pattern.
 */
export interface RouteMatcher {
  test(target: string): boolean;
}

/** Longer paths or hashes never match a route (no app route is this long; it bounds the work). */
export const MAX_ROUTE_TARGET = 2048;

type Seg = { kind: 'lit'; text: string } | { kind: 'param' } | { kind: 'glob'; glob: Glob };
/** Pieces of fixed segments; a `*` segment (one or more whole segments) sits between each two. */
type Pieces = Seg[][];

/** "#!active" and "#!/active" are the hashbang spellings of "#/active". */
function unbang(s: string): string {
  return s.startsWith('#!') ? `#/${s.slice(s[2] === '/' ? 3 : 2)}` : s;
}

function compileSeg(seg: string): Seg {
  if (seg.startsWith(':')) return { kind: 'param' };
  return seg.includes('*') ? { kind: 'glob', glob: compileGlob(seg) } : { kind: 'lit', text: seg };
}

function segMatches(p: Seg, t: string): boolean {
  if (p.kind === 'lit') return p.text === t;
  if (p.kind === 'param') return t !== '';
  return globMatch(p.glob, t);
}

function pieceAt(piece: Seg[], t: string[], at: number): boolean {
  for (let i = 0; i < piece.length; i++) if (!segMatches(piece[i]!, t[at + i]!)) return false;
  return true;
}

/** Fixed pieces anchored at both ends, middle ones placed leftmost: leftmost leaves the most room for the rest. */
function segmentsMatch(pieces: Pieces, t: string[]): boolean {
  const head = pieces[0]!;
  const n = t.length;
  if (pieces.length === 1) return n === head.length && pieceAt(head, t, 0);
  const tail = pieces[pieces.length - 1]!;
  const tailAt = n - tail.length;
  if (tailAt < head.length + 1 || !pieceAt(head, t, 0) || !pieceAt(tail, t, tailAt)) return false;
  let at = head.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    let s = at + 1;
    while (s + piece.length < tailAt && !pieceAt(piece, t, s)) s++;
    if (s + piece.length >= tailAt) return false;
    at = s + piece.length;
  }
  return true;
}

export function compileRoute(pattern: string): RouteMatcher {
  let p = unbang(pattern);
  // A trailing "#*" (after the first character) ignores a further "#…" suffix of the hash, e.g. "#/active#@2".
  const ignoreSuffix = p.length > 2 && p.endsWith('#*');
  if (ignoreSuffix) p = p.slice(0, -2);
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  const pieces: Pieces = [[]];
  for (const seg of p.slice(0, end).split('/')) {
    if (seg === '*') pieces.push([]);
    else pieces[pieces.length - 1]!.push(compileSeg(seg));
  }
  const once = (t: string) => segmentsMatch(pieces, t.split('/'));
  return {
    test(target: string): boolean {
      if (target.length > MAX_ROUTE_TARGET) return false;
      let t = unbang(target);
      if (ignoreSuffix) {
        const cut = t.indexOf('#', 1);
        if (cut > 0) t = t.slice(0, cut);
      }
      // A trailing "/" on the page's path is optional, as it was for the RegExp form.
      return once(t) || (t.endsWith('/') && once(t.slice(0, -1)));
    },
  };
}

/** What a route pattern is matched against: the hash for "#…" patterns, the path otherwise. */
export function routeTarget(pattern: string, loc: { pathname: string; hash: string }): string {
  return pattern.startsWith('#') ? loc.hash : loc.pathname;
}
