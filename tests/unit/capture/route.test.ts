import { describe, expect, it } from 'vitest';
import { compileRoute, routeTarget } from '../../../lib/capture/route';

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

  it('treats regex characters in a pattern literally', () => {
    expect(matches('/v1.0/docs', '/v1.0/docs')).toBe(true);
    expect(matches('/v1.0/docs', '/v1x0/docs')).toBe(false);
    expect(matches('/a+b', '/aab')).toBe(false);
    expect(matches('/files/report*.csv', '/files/report-1.csv')).toBe(false);
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
