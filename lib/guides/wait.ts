
export type AnchorResult = { found: Element } | { missing: true };

/**
 * Finds an element now or as soon as it appears (`find`: an anchor's resolver), watching DOM
 * mutations (throttled) for up to `waitMs`: the element is often rendered after the step starts.
 * Changes come from capture's observer where it runs (the document and every open shadow root,
 * see lib/anchors/roots.ts), else from the document alone.
 */
export function waitForAnchor(find: () => Element | null, waitMs: number, doc: Document = document): { result: Promise<AnchorResult>; cancel(): void } {
  let done = false;
  let unwatch: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let throttle: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    done = true;
    unwatch?.();
    clearTimeout(timer);
    clearTimeout(throttle);
  };
  const result = new Promise<AnchorResult>((resolve) => {
    const check = () => {
      throttle = undefined;
      if (done) return;
      const el = find();
      if (el) {
        cancel();
        resolve({ found: el });
      }
    };
    check();
    if (done) return;
    const changed = () => {
      throttle ??= setTimeout(check, 50);
    };
    const shared = doc === document ? globalThis.__uptakeDom : undefined;
    if (shared) unwatch = shared.listen(changed);
    else {
      const observer = new MutationObserver(changed);
      observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
      unwatch = () => observer.disconnect();
    }
    timer = setTimeout(() => {
      check();
      if (!done) {
        cancel();
        resolve({ missing: true });
      }
    }, waitMs);
  });
  return { result, cancel };
}
