/**
 * Selector constructs whose cost grows with the size of the page on every check: `:has()` makes the
 * browser re-match ancestors on any change below them, and `:nth-child(… of S)` matches S over every
 * sibling. Escapes and comments are resolved first, so `:h\61 s(` or a comment after `:has` cannot slip through.
 */
export function costlySelectorPart(selector: string): string | null {
  const plain = selector
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/g, '$1')
    .toLowerCase();
  if (/:has\s*\(/.test(plain)) return ':has()';
  if (/:nth-(last-)?child\s*\([^)]*\bof\b/.test(plain)) return ':nth-child(… of …)';
  return null;
}
