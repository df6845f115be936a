import type { UptakeContext } from './context';

/** How often the URL is compared where the Navigation API is missing (Firefox before 147). */
const URL_POLL_MS = 300;

/**
 * Calls `fn` after each change of this document's URL (pushState, replaceState, back and
 * forward, hash changes). Events only prompt a look at `location`: one the page fakes changes nothing.
 */
export function onUrlChange(ctx: UptakeContext, fn: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    fn();
  };
  const nav = (window as Window & { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav, 'currententrychange', check);
  else ctx.setInterval(check, URL_POLL_MS);
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'hashchange', check);
}
