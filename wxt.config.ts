import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Hosts the extension may read at install: only the local demo. Any other origin a
// playbook names is requested at runtime as an optional host permission.
const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OTHER_HOSTS = ['https://*/*', 'http://*/*'];
// Rendered from public/icon/uptake.svg by scripts/make-icons.ts.
const ICONS = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' };

export default defineConfig({
  vite: () => ({
    plugins: [preact()],
    // Terser packs the content script and widget ~1.5 KiB (gzip) tighter than esbuild's minifier: the 28 KiB budget.
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 2 } } },
    // WXT's content-script context lets any page stop the script and posts into the page
    // (lib/content/wxt-context.ts); its wrapper gets Uptake's own context instead.
    resolve: { alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./lib/content/wxt-context.ts', import.meta.url)) }] },
  }),
  manifest: ({ manifestVersion }) => ({
    name: 'Uptake',
    description: 'Local-first in-app guidance and adoption scoring for the SaaS apps you use.',
    permissions: ['storage', 'scripting', 'alarms', 'unlimitedStorage'],
    host_permissions: DEMO_HOSTS,
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 3 ? { optional_host_permissions: OTHER_HOSTS } : { optional_permissions: OTHER_HOSTS }),
    icons: ICONS,
    action: { default_title: 'Uptake: your progress', default_icon: ICONS },
    browser_specific_settings: { gecko: { id: 'uptake@uptake.local' } },
  }),
});
