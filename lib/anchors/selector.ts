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
