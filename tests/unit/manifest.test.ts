import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// The Firefox build is not made by `npm test`: its manifest is checked here from the config that makes it
// (the built Chrome manifest is checked in tests/e2e/security.spec.ts).
type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Record<string, unknown>;
const manifest = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

describe('the manifest each build asks for', () => {
  it.each([
    ['chrome', 3, 'optional_host_permissions'],
    ['firefox', 2, 'optional_permissions'],
  ] as const)('%s (MV%s): only the allowed API permissions, the demo hosts at install, every other http(s) origin optional in %s, no external messaging', (browser, mv, optionalKey) => {
    const m = manifest(browser, mv);
    expect(m.permissions).toEqual(['storage', 'scripting', 'alarms', 'unlimitedStorage']);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(m[optionalKey]).toEqual(['https://*/*', 'http://*/*']);
    expect(Object.keys(m).filter((k) => k.startsWith('optional_'))).toEqual([optionalKey]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
  });
});
