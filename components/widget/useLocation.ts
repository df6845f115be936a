import { useEffect, useState } from 'preact/hooks';

const where = () => `${location.pathname}${location.hash}`;

/** The page's path and hash, updated on single-page-app navigation. */
export function useLocation(): string {
  const [loc, setLoc] = useState(where);
  useEffect(() => {
    const update = () => setLoc(where());
    const nav = (window as Window & { navigation?: EventTarget }).navigation;
    nav?.addEventListener('currententrychange', update);
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    // Without the Navigation API, pushState is invisible to an isolated world: poll, cheaply.
    const timer = nav ? undefined : setInterval(update, 300);
    // A navigation between the first render and this effect (effects run after paint) would otherwise be missed.
    update();
    return () => {
      nav?.removeEventListener('currententrychange', update);
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
      clearInterval(timer);
    };
  }, []);
  return loc;
}
