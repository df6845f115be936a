/**
 * `npm test`: builds the extension, runs the unit tests (vitest) and the browser
 * tests (Playwright, real Chromium with the built extension), then prints one
 * line totalling both: `N passed, N failed`. Fails when anything failed or nothing ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
const bin = (name: string) => `node_modules/.bin/${name}`;

function run(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const built = run('build (chrome-mv3)', bin('wxt'), ['build']);
run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}/unit.json`]);
if (built) run('browser tests (Playwright + Chromium)', bin('playwright'), ['test']);
else console.error('\nThe build failed, so the browser tests could not run.');

const unit = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(`${RESULTS}/unit.json`);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(`${RESULTS}/e2e.json`);

let passed = 0;
let failed = built ? 0 : 1;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else failed += 1; // no report: the unit run crashed
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
} else if (built) failed += 1;

console.log(`\nunit: ${unit ? `${unit.numPassedTests} passed, ${unit.numFailedTests} failed` : 'no report'}; browser: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed` : 'no report'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
