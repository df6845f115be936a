/**
 * The markdown subset playbook text may use: **bold**, *italic*, [text](https://…).
 * Parsed into tokens that the widget renders as text nodes — never as HTML.
 */

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'link'; text: string; href: string };

const PATTERN = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function isSafeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href);
}

export function parseMarkdown(source: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    if (m.index > last) out.push({ kind: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'bold', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'italic', text: m[2] });
    else if (isSafeHref(m[4]!)) out.push({ kind: 'link', text: m[3]!, href: m[4]! });
    else out.push({ kind: 'text', text: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}

/** Link targets that are not http(s): rejected when the playbook is parsed. */
export function unsafeLinks(source: string): string[] {
  return [...source.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)].map((m) => m[1]!.trim()).filter((href) => !isSafeHref(href));
}
