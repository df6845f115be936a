/** Compiles a route pattern ("/projects/:id", "/reports/*", "#/settings") to a RegExp over a path or hash. */
export function compileRoute(pattern: string): RegExp {
  const source = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => {
      if (seg === '*') return '.*';
      if (seg.startsWith(':')) return '[^/]+';
      return seg.replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** What a route pattern is matched against: the hash for "#…" patterns, the path otherwise. */
export function routeTarget(pattern: string, loc: { pathname: string; hash: string }): string {
  return pattern.startsWith('#') ? loc.hash : loc.pathname;
}
