import type { Anchor } from '../playbook/schema';
import { rootIndex } from './roots';

const MAX_TEXT = 500;

/** Text as anchors compare it: whitespace collapsed, trimmed, at most 500 characters, lower case. */
export const normalise = (s: string | null | undefined): string => collapse(s ?? '', MAX_TEXT).toLowerCase();

/** `s` with whitespace collapsed and trimmed, cut at `max`: word by word, as a container's text can be megabytes. */
export function collapse(s: string, max: number): string {
  const words = /\S+/g;
  let out = '';
  for (let m = words.exec(s); m !== null && out.length < max; m = words.exec(s)) out += out ? ` ${m[0].slice(0, max)}` : m[0].slice(0, max);
  return out.slice(0, max);
}

/** A playbook's text or name filter, prepared once: normalised, whether it holds whitespace, whether it is printable ASCII. */
export interface Needle {
  text: string;
  spaced: boolean;
  ascii: boolean;
}

export function needle(text: string): Needle {
  const t = normalise(text);
  return { text: t, spaced: /\s/.test(t), ascii: /^[ -~]*$/.test(t) };
}

/**
 * Whether `s` contains the lower-case ASCII needle `n`, ignoring ASCII case; undefined when a
 * non-ASCII character is met where the needle is compared (then lower-casing decides: the Kelvin
 * sign becomes "k", "İ" two characters). A plain loop of character codes: every built-in call on
 * a click's path (toLowerCase, includes) costs microseconds, run cold between clicks.
 */
function asciiFoldIncludes(s: string, n: string): boolean | undefined {
  const m = n.length;
  const last = s.length - m;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < m; j++) {
      let c = s.charCodeAt(i + j);
      if (c > 0x7f) return undefined;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== n.charCodeAt(j)) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Whether `normalise(raw)` contains the needle. A needle without whitespace lies inside one
 * run of non-space characters, which normalising leaves whole, so short text (under the
 * 500-character cut) needs only case folding: this runs inside the user's clicks. An ASCII
 * needle is found by comparing character codes; a match of ASCII characters in the raw text is
 * a match in the normalised text, and a match that involves any other character meets it and
 * falls back. The property test in tests/unit/anchors checks the ways agree.
 */
export function textIncludes(raw: string | null | undefined, n: Needle): boolean {
  const s = raw ?? '';
  if (n.spaced || s.length > MAX_TEXT) return normalise(s).includes(n.text);
  const folded = n.ascii ? asciiFoldIncludes(s, n.text) : undefined;
  if (folded !== undefined) return folded;
  // U+FEFF is whitespace to normalise() but invisible to lower-casing (a final Σ looks past
  // it), so text holding one takes the long way.
  return !s.includes('\uFEFF') ? s.toLowerCase().includes(n.text) : normalise(s).includes(n.text);
}

const NAMING_ATTRIBUTES = '[aria-label],[aria-labelledby],[title],[alt]';

/**
 * The text an element's accessible name comes from, as far as it can be had without layout:
 * aria-label, aria-labelledby, title, alt, then text. Compared through textIncludes().
 */
export function accessibleNameSource(el: Element): string {
  // Most controls are named by their text alone: one call tells, instead of four attribute reads.
  if (!el.matches(NAMING_ATTRIBUTES)) return el.textContent ?? '';
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const text = by
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return text;
  }
  return el.getAttribute('title') ?? el.getAttribute('alt') ?? el.textContent ?? '';
}

/** An anchor's text and name filters, prepared once per anchor: checks run on every matching element. */
const prepared = new WeakMap<Anchor, { text?: Needle; name?: Needle }>();
export function anchorNeedles(anchor: Anchor): { text?: Needle; name?: Needle } {
  let n = prepared.get(anchor);
  if (!n) {
    n = { text: anchor.text ? needle(anchor.text) : undefined, name: anchor.name ? needle(anchor.name) : undefined };
    prepared.set(anchor, n);
  }
  return n;
}

function passesFilters(el: Element, anchor: Anchor): boolean {
  const { text, name } = anchorNeedles(anchor);
  if (text && !textIncludes(el.textContent, text)) return false;
  if (name && !textIncludes(accessibleNameSource(el), name)) return false;
  return true;
}

/** Whether `el` itself is what the anchor describes. An invalid selector matches nothing rather than throwing. */
export function elementMatches(el: Element, anchor: Anchor): boolean {
  for (const selector of anchor.selectors) {
    try {
      if (el.matches(selector)) return passesFilters(el, anchor);
    } catch {
      // An invalid selector in a playbook must not break capture of the others.
    }
  }
  return false;
}

/**
 * The anchor's element on an event's path (`event.composedPath()`, which crosses
 * open shadow roots), closest to the target first.
 */
export function findOnPath(path: readonly EventTarget[], anchor: Anchor, maxDepth = 12): Element | null {
  let depth = 0;
  for (const node of path) {
    if (!(node instanceof Element)) continue;
    if (elementMatches(node, anchor)) return node;
    if (++depth >= maxDepth) break;
  }
  return null;
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * Finds the anchor's element in the document: selectors in order, each in the light
 * DOM first and then inside open shadow roots; text and name filters applied.
 */
export function resolveAnchor(anchor: Anchor, root: ParentNode = document): Element | null {
  let roots: readonly ShadowRoot[] | null = null;
  for (const selector of anchor.selectors) {
    const light = queryAll(root, selector).find((el) => passesFilters(el, anchor));
    if (light) return light;
    // The index knows the open shadow roots as they appear: no walk of the page per lookup.
    roots ??= (root as Node).nodeType === 9 ? rootIndex(root as Document).roots() : [];
    for (const sr of roots) {
      const found = queryAll(sr, selector).find((el) => passesFilters(el, anchor));
      if (found) return found;
    }
  }
  return null;
}
