/**
 * Whether a target found earlier no longer stands for its anchor: removed, hidden (display: none, a
 * closed dialog), or replaced, so that the anchor now finds another element (a re-render, a recycled row).
 */
export const lost = (el: Element, find: () => Element | null): boolean => !el.isConnected || !el.checkVisibility() || find() !== el;
