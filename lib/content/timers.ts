import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * A timeout cleared if the extension goes away, like `ctx.setTimeout` — but which also
 * drops its invalidation listener once it has run. `ctx.setTimeout` keeps one listener
 * per call for the page's lifetime: four checks a second add up in a tab left open all day.
 */
export function timeout(ctx: ContentScriptContext, fn: () => void, ms: number): number {
  let off: () => void = () => undefined;
  const id = window.setTimeout(() => {
    off();
    if (ctx.isValid) fn();
  }, ms);
  off = ctx.onInvalidated(() => clearTimeout(id));
  return id;
}
