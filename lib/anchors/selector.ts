import type { Anchor } from '../playbook/schema';
import { accessibleNameSource, anchorNeedles, type Needle, textIncludes } from './match';

/**
 * A selector in its canonical form, or null when it is not valid CSS. Joining selectors into
 * one list needs it: the browser accepts `button[title` or `a[title="x` alone by closing them at
 * the end, but in a list they would swallow the selectors after them, or break the whole list
 * and with it all capture. A selector that is not valid CSS is dropped: it must not break the others.
 */
export function canonicalSelector(sel: string, doc: Document): string | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.insertRule(`${sel}{}`);
    const text = (sheet.cssRules[0] as CSSStyleRule | undefined)?.selectorText;
    if (!text) return null;
    doc.createDocumentFragment().querySelector(text);
    return text;
  } catch {
    return null;
  }
}

/** An anchor prepared for matching: its valid selectors as one list, and its text and name filters. */
export interface CompiledAnchor {
  selector: string;
  text?: Needle;
  name?: Needle;
}
export function compileAnchor(anchor: Anchor, doc: Document): CompiledAnchor | null {
  const selectors = anchor.selectors.map((s) => canonicalSelector(s, doc)).filter((s) => s !== null);
  return selectors.length ? { selector: selectors.join(','), ...anchorNeedles(anchor) } : null;
}
/** Whether `el`, which matches the selector, passes the text and name filters. */
export const filtersPass = (el: Element, t: CompiledAnchor): boolean =>
  (t.text === undefined || textIncludes(el.textContent, t.text)) && (t.name === undefined || textIncludes(accessibleNameSource(el), t.name));
/** The nearest element from `start` up that the anchor describes. */
export function closestMatch(start: unknown, t: CompiledAnchor): Element | null {
  if (!(start instanceof Element)) return null;
  for (let el = start.closest(t.selector); el !== null; el = el.parentElement?.closest(t.selector) ?? null) if (filtersPass(el, t)) return el;
  return null;
}
