/**
 * The anchor's element only while the page shows it: hidden (display: none, a closed dialog) counts as
 * absent, so a card waits instead of pointing at nothing. A target found earlier is lost when the anchor
 * no longer finds it: removed, hidden, or replaced (a re-render, a recycled row).
 */
export const displayed = (el: Element | null): Element | null => (el?.checkVisibility() ? el : null);
