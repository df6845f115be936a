import { describe, expect, it } from 'vitest';
import { MAX_URL_PATH, originPattern, urlMatches, urlMatchesAny } from '../../../lib/playbook/match-url';

describe('urlMatches', () => {
  it.each([
    // Ports, as in Chrome: a pattern without a port matches any port; with one, only that port.
    ['http://127.0.0.1/*', 'http://127.0.0.1:5173/projects', true],
    ['http://localhost/*', 'http://localhost/', true],
    ['http://localhost:8080/*', 'http://localhost:8080/x', true],
    ['http://localhost:8080/*', 'http://localhost:9090/x', false],
    ['http://localhost:8080/*', 'http://localhost/x', false],
    ['https://app.example.com:443/*', 'https://app.example.com/x', true],
    // Hosts
    ['https://app.example.com/*', 'https://app.example.com/projects/1', true],
    ['https://app.example.com/*', 'https://other.example.com/', false],
    ['https://app.example.com/*', 'https://app.example.com.evil.test/', false],
    ['https://*.example.com/*', 'https://app.example.com/', true],
    ['https://*.example.com/*', 'https://a.b.example.com/', true],
    ['https://*.example.com/*', 'https://example.com/', true],
    ['https://*.example.com/*', 'https://badexample.com/', false],
    ['https://*.example.com/*', 'https://example.com.evil.test/', false],
    ['https://*/*', 'https://anything.test/x', true],
    // Schemes: "*" is http or https only.
    ['*://app.example.com/*', 'http://app.example.com/', true],
    ['*://app.example.com/*', 'https://app.example.com/', true],
    ['*://app.example.com/*', 'ftp://app.example.com/', false],
    ['*://app.example.com/*', 'ws://app.example.com/', false],
    ['*://*/*', 'file:///etc/passwd', false],
    ['https://app.example.com/*', 'http://app.example.com/', false],
    // Paths
    ['https://app.example.com/projects/*', 'https://app.example.com/projects/42', true],
    ['https://app.example.com/projects/*', 'https://app.example.com/reports', false],
    ['https://app.example.com/app', 'https://app.example.com/app', true],
    ['https://app.example.com/app', 'https://app.example.com/app/x', false],
    ['https://app.example.com/a.b', 'https://app.example.com/aXb', false],
    ['https://app.example.com/*', 'https://app.example.com/?q=1', true],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(urlMatches(pattern, url)).toBe(expected);
  });

  it('matches "*" paths without backtracking: the reported worker stall is instant', () => {
    // ".*a.*a.*a…b" against a long path backtracked for seconds in the worker; the test's timeout is the bound.
    const pattern = `https://app.example.com/${'*a'.repeat(12)}*b`;
    expect(urlMatches(pattern, `https://app.example.com/${'a'.repeat(1200)}`)).toBe(false);
    expect(urlMatches(pattern, `https://app.example.com/${'a'.repeat(1200)}b`)).toBe(true);
    expect(urlMatches('https://app.example.com/*x*y', 'https://app.example.com/-x-y')).toBe(true);
    expect(urlMatches('https://app.example.com/*x*y', 'https://app.example.com/-y-x')).toBe(false);
  });

  it('compares at most the first 2,048 characters of path and query', () => {
    const long = `https://app.example.com/p?q=${'a'.repeat(MAX_URL_PATH)}`;
    expect(urlMatches('https://app.example.com/p*', long)).toBe(true);
    expect(urlMatches('https://app.example.com/*z', `${long}z`)).toBe(false);
  });

  it('matches nothing with an invalid pattern or URL', () => {
    expect(urlMatches('<all_urls>', 'https://app.example.com/')).toBe(false);
    expect(urlMatches('https://app.example.com/*', 'not a url')).toBe(false);
  });
});

describe('urlMatchesAny', () => {
  it('matches when one pattern of several does', () => {
    const patterns = ['http://127.0.0.1/*', 'http://localhost/*'];
    expect(urlMatchesAny(patterns, 'http://localhost:3000/')).toBe(true);
    expect(urlMatchesAny(patterns, 'http://example.test/')).toBe(false);
    expect(urlMatchesAny([], 'http://localhost/')).toBe(false);
  });
});

describe('originPattern', () => {
  it('widens a pattern to every path of its scheme and host', () => {
    expect(originPattern('https://app.example.com/projects/*')).toBe('https://app.example.com/*');
    expect(originPattern('*://*.example.com/app')).toBe('*://*.example.com/*');
  });

  it('returns an invalid pattern unchanged', () => {
    expect(originPattern('nope')).toBe('nope');
  });
});
