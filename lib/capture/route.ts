import { globMatch } from '../playbook/glob';

/**
 * Route patterns ("/projects/:id", "/reports/*", "/files/report-*.csv", "#/settings", "#/active#*")
 * compiled to matchers over path segments. No RegExp is built: a match takes time linear in
 * the path (times the pattern's length), whatever the pattern.
 */
export interface RouteMatcher {
  test(target: string): boolean;
  /** The part of `target` the pattern looked at (hashbang spelled as "#/", an ignored "#…" suffix cut), or null: no match. */
  key(target: string): string | null;
}

/** Longer paths or hashes never match a route (no app route is this long; it bounds the work). */
export const MAX_ROUTE_TARGET = 2048;

/** One segment: a glob's parts, or null for ":name" (any non-empty segment). */
type Seg = string[] | null;

/** "#!active" and "#!/active" are the hashbang spellings of "#/active". */
const unbang = (s: string) => (s.startsWith('#!') ? `#/${s.slice(s[2] === '/' ? 3 : 2)}` : s);

const fitsAt = (piece: Seg[], t: string[], i: number) => piece.every((p, k) => (p ? globMatch(p, t[i + k]!) : t[i + k] !== ''));

/** Pieces of fixed segments with a `*` segment (one or more whole segments) between each two: ends anchored, middles leftmost. */
function fits(pieces: Seg[][], t: string[]): boolean {
  const head = pieces[0]!;
  if (pieces.length === 1) return t.length === head.length && fitsAt(head, t, 0);
  const tail = pieces[pieces.length - 1]!;
  const end = t.length - tail.length;
  if (end <= head.length || !fitsAt(head, t, 0) || !fitsAt(tail, t, end)) return false;
  let i = head.length;
  for (const piece of pieces.slice(1, -1)) {
    let s = i + 1;
    while (s + piece.length < end && !fitsAt(piece, t, s)) s++;
    if (s + piece.length >= end) return false;
    i = s + piece.length;
  }
  return true;
}

export function compileRoute(pattern: string): RouteMatcher {
  let p = unbang(pattern);
  // A trailing "#*" (after the first character) ignores a further "#…" suffix of the hash, e.g. "#/active#@2".
  const suffix = p.length > 2 && p.endsWith('#*');
  if (suffix) p = p.slice(0, -2);
  const pieces: Seg[][] = [[]];
  for (const seg of p.replace(/\/+$/, '').split('/')) {
    if (seg === '*') pieces.push([]);
    else pieces[pieces.length - 1]!.push(seg[0] === ':' ? null : seg.split('*'));
  }
  const once = (t: string) => fits(pieces, t.split('/'));
  const key = (target: string) => {
    if (target.length > MAX_ROUTE_TARGET) return null;
    let t = unbang(target);
    const cut = suffix ? t.indexOf('#', 1) : -1;
    if (cut > 0) t = t.slice(0, cut);
    // A trailing "/" on the page's path is optional, as it was for the RegExp form.
    return once(t) || (t.endsWith('/') && once(t.slice(0, -1))) ? t : null;
  };
  return { key, test: (target) => key(target) !== null };
}

/** What a route pattern is matched against: the hash for "#…" patterns, the path otherwise. */
export function routeTarget(pattern: string, loc: { pathname: string; hash: string }): string {
  return pattern.startsWith('#') ? loc.hash : loc.pathname;
}
