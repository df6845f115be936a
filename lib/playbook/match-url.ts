import { globMatch } from './glob';
import { MATCH_PATTERN_RE } from './schema';

/** Only this much of a URL's path and query is compared with a pattern's path (a bound on the work; real paths are shorter). */
export const MAX_URL_PATH = 2048;

/** Whether `url` falls under a Chrome-style match pattern (port optional, as in Chrome: absent means any). */
export function urlMatches(pattern: string, url: string): boolean {
  const m = MATCH_PATTERN_RE.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, port] = m as unknown as [string, string, string, string | undefined];
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  if (port && port.slice(1) !== (u.port || (protocol === 'https' ? '443' : '80'))) return false;
  const path = pattern.slice(pattern.indexOf('/', pattern.indexOf('://') + 3));
  // A glob, not a RegExp: "/*a*a*a*b" against a long path took seconds as ".*a.*a.*a.*b".
  return globMatch(path.split('*'), (u.pathname + u.search).slice(0, MAX_URL_PATH));
}

export function urlMatchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => urlMatches(p, url));
}

/** The origin permission pattern a match pattern needs, e.g. "https://app.example.com/*". */
export function originPattern(pattern: string): string {
  const m = MATCH_PATTERN_RE.exec(pattern);
  if (!m) return pattern;
  return `${m[1]}://${m[2]}/*`;
}
