import { MATCH_PATTERN_RE } from './schema';

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

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
  const re = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(u.pathname + u.search);
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
