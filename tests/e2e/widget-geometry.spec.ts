import { loadPlaybook, statesPlaybook, type Theme, walkStates } from '../../scripts/lib/widget-states';
import { expect, test } from './fixtures';
import { axeProblems, measureWidget } from './geometry';

/**
 * Every widget state, measured as rendered: one browser per direction and brand colour
 * (and a launcher corner), every state reached once at 375 px and measured there and at
 * 1280 px, light and dark: inside the viewport, off its own target, every text at 4.5:1,
 * and nothing serious or critical from axe.
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

for (const theme of THEMES) {
  test(`every widget state fits the screen, keeps off its target, reads at 4.5:1 and passes axe (${theme.dir}, brand ${theme.brandColor}, launcher ${theme.launcher?.corner ?? 'default'})`, async ({ app, extPage, demo }) => {
    test.setTimeout(480_000);
    await loadPlaybook(extPage, statesPlaybook(theme));
    const problems: string[] = [];
    const states: string[] = [];
    const t0 = Date.now();
    await app.setViewportSize(SIZES[0]!);

    await walkStates(app, extPage, demo.url, async (state, target) => {
      states.push(state);
      for (const size of SIZES) {
        await app.setViewportSize(size);
        for (const colorScheme of ['light', 'dark'] as const) {
          await app.emulateMedia({ colorScheme });
          // Cards follow a resize on the next frame: measure again until the layout holds still, three tries.
          let found: string[] = [];
          for (let i = 0; i < 3; i++) {
            await app.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const m = await measureWidget(app, target);
            found = m.texts === 0 ? ['no text rendered', ...m.problems] : m.problems;
            if (found.length === 0) break;
            await app.waitForTimeout(150);
          }
          found.push(...(await axeProblems(app)));
          const where = `${state} @ ${size.width}px ${colorScheme}`;
          problems.push(...found.map((p) => `${where}: ${p}`));
          if (process.env.GEOMETRY_LOG) console.log(where, Date.now() - t0, found);
        }
      }
      // States are reached on the small screen, where finding room is hardest.
      await app.setViewportSize(SIZES[0]!);
      await app.emulateMedia({ colorScheme: 'light' });
    });

    expect(states).toHaveLength(21);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
