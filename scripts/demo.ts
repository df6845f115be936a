/**
 * `npm run demo`: builds Uptake, serves the Tasklane demo app on 127.0.0.1 and opens
 * Chromium with the extension loaded. With a display, a window to explore; without
 * one (CI, SSH) a scripted walkthrough in headless Chromium, then a summary of what
 * Uptake recorded. Pass --headless to force the walkthrough.
 */
import { spawnSync } from 'node:child_process';
import { startDemoServer } from '../demo/server.mjs';
import { parsePlaybook } from '../lib/playbook/parse';
import type { UserSummary } from '../lib/types';
import { userFacingFeatureIds } from '../components/features';
import { plural } from '../components/format';
import { ask, launchWithExtension, openExtensionPage, until, waitForCaptureRegistration } from './lib/browser';
import { walkthrough } from './lib/walkthrough';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && !process.argv.includes('--headless');

function printSummary(s: UserSummary, shown: Set<string>) {
  const when = (ts: number | null) => (ts === null ? '—' : new Date(ts).toLocaleTimeString());
  console.log(`\nWhat Uptake recorded in ${s.app.name} for user "${s.identity.user}" of account "${s.identity.account}":\n`);
  console.log('Features');
  // Guide-completion counters are the playbook's bookkeeping, not features anyone uses.
  for (const f of s.features.filter((x) => shown.has(x.id))) {
    console.log(`  ${f.count > 0 ? '✓' : ' '} ${f.name.padEnd(28)} ${plural(f.count, 'use').padStart(8)}   last ${when(f.lastUsed)}`);
  }
  console.log('\nMilestones');
  for (const m of s.milestones) console.log(`  ${m.reachedAt ? '✓' : ' '} ${m.name.padEnd(34)} ${m.reachedAt ? `reached ${when(m.reachedAt)}` : 'not yet'}${m.valueMoment ? '  (value moment)' : ''}`);
  console.log('\nMeters');
  for (const m of s.meters) console.log(`    ${m.name.padEnd(28)} ${m.used ?? '—'}${m.limit !== null ? ` of ${m.limit}` : ''}`);
  if (s.score) {
    const sc = s.score;
    console.log(`\nAdoption score ${sc.score}/100 (${sc.band}, ${sc.stage})`);
    for (const r of sc.reasons) console.log(`  ${r.delta > 0 ? '▲' : '▼'} ${r.text} (${r.delta > 0 ? '+' : ''}${Math.round(r.delta)} pts)`);
    if (sc.ttvDays !== null) console.log(`  Time to first value: ${sc.ttvDays === 0 ? 'on the first day' : plural(sc.ttvDays, 'day')}`);
    if (sc.nextStep) console.log(`  Next step: ${sc.nextStep.text}`);
  }
  console.log(`\n${plural(s.totalEvents, 'feature use')} stored in IndexedDB, inside the extension: nothing left this machine.`);
}

const HOW_TO_SEE = `
To see it yourself, run \`npm run demo\` on a machine with a display (or load .output/chrome-mv3 as an unpacked
extension in Chrome, then \`npm run serve-demo\`):
  Widget   open Tasklane's /projects page: the "Getting started" checklist sits in a corner; "Show me" runs a tour.
  Popup    select the Uptake icon in the toolbar: your score, the next step and your milestones.
  Console  right-click the icon > Options (chrome-extension://<id>/options.html): My data and Settings for you;
           Playbook, Review, Nudges, Export and Diagnostics for customer success.`;

async function main() {
  console.log('Building the extension…');
  const build = spawnSync('node_modules/.bin/wxt', ['build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  const server = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
  console.log(`Tasklane demo app on ${server.url}`);
  const context = await launchWithExtension({ headless: !headed });
  try {
    await waitForCaptureRegistration(context);
    const app = await context.newPage();
    if (headed) {
      await app.goto(`${server.url}/projects`);
      await openExtensionPage(context, `popup.html?url=${encodeURIComponent(`${server.url}/projects`)}`);
      await app.bringToFront();
      console.log(
        'Chromium is open with Uptake loaded. Use Tasklane (the checklist is in a corner of the page), then look at the Uptake popup tab for your progress; the console is at options.html in the same extension. Close the browser to stop.',
      );
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
      return;
    }
    const extPage = await openExtensionPage(context);
    await app.bringToFront();
    console.log('No display: running a scripted walkthrough of Tasklane in headless Chromium…');
    const used = await walkthrough(app, server.url);
    const total = Object.values(used).reduce((a, b) => a + b, 0);
    const summary = await until(
      async () => (await ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${server.url}/projects` })).summary,
      (s) => (s?.totalEvents ?? 0) >= total,
      20_000,
      'the walkthrough to be stored',
    );
    const info = await ask<'ui:get-playbook'>(extPage, { type: 'ui:get-playbook' });
    const parsed = parsePlaybook(info.text);
    printSummary(summary!, parsed.ok ? userFacingFeatureIds(parsed.playbook.features) : new Set(summary!.features.map((f) => f.id)));
    console.log(HOW_TO_SEE);
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`npm run demo failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
