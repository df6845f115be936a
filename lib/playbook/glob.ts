/**
 * Wildcard matching without RegExp: `*` matches any run of characters. The pieces
 * between stars are found leftmost with indexOf, which is enough for `*`-only globs
 * and keeps every match linear in the input (a backtracking `.*.*.*` is not).
 */
export type Glob = readonly string[];

export const compileGlob = (pattern: string): Glob => pattern.split('*');

export function globMatch(parts: Glob, s: string): boolean {
  const first = parts[0]!;
  if (parts.length === 1) return s === first;
  const last = parts[parts.length - 1]!;
  if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false;
  let at = first.length;
  const end = s.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const found = s.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
