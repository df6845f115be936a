import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ROUTE_TARGET, compileRoute, routeTarget } from '../../../lib/capture/route';

const matches = (pattern: string, path: string) => compileRoute(pattern).test(path);

describe('compileRoute', () => {
  it.each([
    ['/reports', '/reports', true],
    ['/reports', '/reports/', true],
    ['/reports/', '/reports', true],
    ['/reports', '/reports/42', false],
    ['/reports', '/report', false],
    ['/reports', '/myreports', false],
    ['/projects/:id', '/projects/42', true],
    ['/projects/:id', '/projects', false],
    ['/projects/:id', '/projects/42/tasks', false],
    ['/projects/:id/tasks', '/projects/p-7/tasks', true],
    ['/reports/*', '/reports/2026/q1', true],
    ['/reports/*', '/reportsX', false],
    ['/', '/', true],
    ['/', '/reports', false],
    ['#/settings', '#/settings', true],
    ['#/settings', '#/settings/billing', false],
    ['#/settings/*', '#/settings/billing', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('keys a match by what the pattern looked at: an ignored "#…" suffix and the hashbang spelling give the same key', () => {
    const active = compileRoute('#/active#*');
    expect(active.key('#/active')).toBe('#/active');
    expect(active.key('#/active#@2')).toBe('#/active');
    expect(active.key('#!active')).toBe('#/active');
    expect(active.key('#/completed')).toBeNull();
    // Without "#*" a suffix is part of the route: no match, no key.
    expect(compileRoute('#/active').key('#/active#@2')).toBeNull();
  });

  it('treats regex characters in a pattern literally', () => {
    expect(matches('/v1.0/docs', '/v1.0/docs')).toBe(true);
    expect(matches('/v1.0/docs', '/v1x0/docs')).toBe(false);
    expect(matches('/a+b', '/aab')).toBe(false);
  });

  it.each([
    // "*" inside a segment matches within that segment only.
    ['/files/report-*.csv', '/files/report-1.csv', true],
    ['/files/report-*.csv', '/files/report-.csv', true],
    ['/files/report-*.csv', '/files/report-1/2.csv', false],
    ['/files/report-*.csv', '/files/report-1.pdf', false],
    ['/p/*-edit', '/p/42-edit', true],
    ['/p/*-edit/:tab', '/p/42-edit/share', true],
    ['/p/a*b*c', '/p/aXbYc', true],
    ['/p/a*b*c', '/p/acb', false],
    ['/p/ab*ba', '/p/aba', false],
    // A "*" segment is one or more whole segments, in the middle too.
    ['/a/*/z', '/a/b/c/z', true],
    ['/a/*/z', '/a/z', false],
    ['/a/*/:id/*/z', '/a/x/y/7/q/z', true],
    ['/a/*/*', '/a/b', false],
    ['/a/*/*', '/a/b/c', true],
    ['/a/b*/c/*', '/a', false],
    // Hashbang routes are hash routes: "#!x", "#!/x" and "#/x" are one route.
    ['#/active', '#!active', true],
    ['#/active', '#!/active', true],
    ['#!active', '#/active', true],
    ['#!/items/:id', '#!items/7', true],
    ['#/active', '#!activeX', false],
    // A trailing "#*" ignores a further "#…" suffix of the hash.
    ['#/active#*', '#/active#@2', true],
    ['#/active#*', '#/active', true],
    ['#/active#*', '#/active/', true],
    ['#/active#*', '#/completed#@2', false],
    ['#/active', '#/active#@2', false],
    ['#!active#*', '#!active#@2', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('agrees with a RegExp of the same meaning on short paths', () => {
    const reference = (pattern: string) => {
      const source = pattern
        .replace(/\/+$/, '')
        .split('/')
        .map((seg) => (seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')))
        .join('/');
      return new RegExp(`^${source}/?$`);
    };
    const seg = fc.constantFrom('a', 'b', 'ab', ':id', '*', '', 'a*');
    const pat = fc.array(seg, { minLength: 1, maxLength: 6 }).map((s) => `/${s.join('/')}`);
    const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'x', ''), { maxLength: 7 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(pat, path, (p, t) => {
        expect(matches(p, t)).toBe(reference(p).test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('runs in time linear in the path: the reported stall (many "*" on a 1,201-character path) is instant', () => {
    // As a RegExp this pattern backtracked for seconds; the test's own timeout is the bound.
    const pattern = `/${Array(12).fill('*').join('/')}/end`;
    const path = `/${'a/'.repeat(600)}x`;
    expect(path.length).toBe(1202);
    expect(matches(pattern, path)).toBe(false);
    expect(matches('/*a*a*a*a*a*a*a*b', `/${'a'.repeat(2040)}`)).toBe(false);
    expect(compileRoute(pattern)).not.toBeInstanceOf(RegExp);
  });

  it('never matches a path over 2,048 characters', () => {
    expect(matches('/*', `/${'a'.repeat(MAX_ROUTE_TARGET - 1)}`)).toBe(true);
    expect(matches('/*', `/${'a'.repeat(MAX_ROUTE_TARGET)}`)).toBe(false);
  });
});

describe('routeTarget', () => {
  const loc = { pathname: '/app/board', hash: '#/settings' };

  it('matches "#" patterns against the hash', () => {
    expect(routeTarget('#/settings', loc)).toBe('#/settings');
  });

  it('matches "/" patterns against the path', () => {
    expect(routeTarget('/app/:view', loc)).toBe('/app/board');
  });
});
