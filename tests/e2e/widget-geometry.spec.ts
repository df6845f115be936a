import type { Locator } from 'playwright-core';
import { expect, test } from './fixtures';
import { axeProblems, measureWidget } from './geometry';
import { loadPlaybook, NUDGE_ROUTES, seedHealthyHistory, statesPlaybook, type Theme } from './states-playbook';
import { widget } from './widget-helpers';

/**
 * Every widget state, measured as rendered at each size and colour scheme: one browser per
 * direction and brand colour, every state reached once at 375 px and measured there and at
 * 1280 px, light and dark.
 */
const SIZES = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];
const THEMES: Theme[] = [
  { dir: 'ltr', brandColor: '#ffd400' },
  { dir: 'rtl', brandColor: '#1a237e' },
  { dir: 'rtl', brandColor: '#ffd400', launcher: { corner: 'top-right' } },
  { dir: 'ltr', brandColor: '#1a237e', launcher: { corner: 'bottom-left' } },
];

const settled = (card: Locator) => expect(card).toHaveAttribute('data-shown-ms', /\d/);

for (const theme of THEMES) {
  test(`every widget state fits the screen, keeps off its target, reads at 4.5:1 and passes axe (${theme.dir}, brand ${theme.brandColor}, launcher ${theme.launcher?.corner ?? 'default'})`, async ({ app, extPage, demo }) => {
    test.setTimeout(420_000);
    await loadPlaybook(extPage, statesPlaybook(theme));
    const w = widget(app);
    const problems: string[] = [];
    let states = 0;
    const t0 = Date.now();

    /** Measures what shows now at every size and scheme, then returns to the small screen where states are reached. */
    const measure = async (state: string, target: string | null) => {
      states++;
      for (const size of SIZES) {
        await app.setViewportSize(size);
        for (const colorScheme of ['light', 'dark'] as const) {
          await app.emulateMedia({ colorScheme });
          const where = `${state} @ ${size.width}px ${colorScheme}`;
          // Cards follow a resize on the next frame: measure again until the layout holds still or time is up.
          let found: string[] = [];
          for (let i = 0; i < 3; i++) {
            await app.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const m = await measureWidget(app, target);
            found = m.texts === 0 ? ['no text rendered', ...m.problems] : m.problems;
            if (found.length === 0) break;
            await app.waitForTimeout(150);
          }
          found.push(...(await axeProblems(app)));
          problems.push(...found.map((p) => `${where}: ${p}`));
          if (process.env.GEOMETRY_LOG) console.log(where, Date.now() - t0, found);
        }
      }
      await app.setViewportSize(SIZES[0]!);
      await app.emulateMedia({ colorScheme: 'light' });
    };
    const open = async (path: string) => {
      await app.goto(`${demo.url}${path}`);
      await expect(w.locator('.launcher')).toBeVisible();
    };
    const showMe = async (milestone: string) => {
      await open('/projects');
      await w.locator('.launcher').click();
      await w.locator(`[data-milestone="${milestone}"] .show-me`).click();
    };

    await app.setViewportSize(SIZES[0]!);
    await open('/projects');
    await measure('launcher', null);
    await w.locator('.launcher').click();
    await expect(w.locator('.panel')).toBeVisible();
    await measure('checklist open', null);

    await showMe('placements-seen');
    const targets: Record<string, string> = { 'p-top': '#create-project', 'p-bottom': '.brand', 'p-left': '#current-user', 'p-right': "#main-nav a[href='/reports']", 'p-auto': '#seat-meter' };
    for (const [id, target] of Object.entries(targets)) {
      const card = w.locator(`.card[data-step="${id}"]`);
      await settled(card);
      await measure(`tour step ${id}`, target);
      // By the keyboard: a card pushed off screen (a defect this suite reports) still moves on.
      await card.locator('.primary').focus();
      await app.keyboard.press('Enter');
    }

    await showMe('tooltip-seen');
    await settled(w.locator('.card[data-step="t-one"]'));
    await measure('tooltip', '#open-palette');
    await w.locator('.card[data-step="t-one"] .close').click();

    await open('/reports');
    await expect(w.locator('.hotspot')).toBeVisible();
    await measure('hotspot', null);
    await w.locator('.hotspot').click();
    await settled(w.locator('.card[data-step="export"]'));
    await measure('hotspot tip', '#export-csv');
    await w.locator('.card[data-step="export"] .close').click();

    const nudge = async (id: keyof typeof NUDGE_ROUTES, target: string | null) => {
      await open(NUDGE_ROUTES[id]);
      await settled(w.locator(`.card.nudge[data-nudge="${id}"]`));
      await measure(`nudge ${id}`, target);
    };
    await nudge('tip', "#main-nav a[href='/reports']");
    await nudge('tour-invite', "#main-nav a[href='/team']");
    await nudge('reminder', null);
    await nudge('celebrate', null);

    // A healthy user with every milestone reached: the complete checklist, then the prompts that need proven value.
    await seedHealthyHistory(extPage, demo.url);
    await open('/projects');
    await w.locator('.launcher').click();
    await expect(w.locator('.panel [data-reached="false"]')).toHaveCount(0);
    await measure('checklist complete', null);
    await nudge('expansion', null);
    await nudge('referral', null);

    expect(states).toBe(17);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

