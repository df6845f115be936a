/**
 * Wildcard matching without RegExp: `*` (the split points of `parts`) matches any run of
 * characters. The pieces between stars are found leftmost with indexOf, which is enough for
 * `*`-only globs and keeps a match linear in the input (a backtracking `.*.*.*` is not).
 */
export function globMatch(parts: readonly string[], s: string): boolean {
  const first = parts[0]!;
  if (parts.length === 1) return s === first;
  const last = parts[parts.length - 1]!;
  const end = s.length - last.length;
  if (end < first.length || !s.startsWith(first) || !s.endsWith(last)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = s.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
