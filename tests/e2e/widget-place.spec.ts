import type { Locator, Page } from 'playwright-core';
import { expect, test } from './fixtures';
import { loadPlaybook, NUDGE_ROUTES, seedHealthyHistory, statesPlaybook } from '../../scripts/lib/widget-states';
import { showMe, stepCard, widget } from './widget-helpers';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectInViewAndOff(page: Page, card: Locator, target: Locator) {
  const vp = page.viewportSize()!;
  await expect(card).toHaveAttribute('data-shown-ms', /\d/);
  await expect(async () => {
    const c = (await card.boundingBox())!;
    const t = (await target.boundingBox())!;
    const where = `card ${JSON.stringify(c)}, target ${JSON.stringify(t)}, viewport ${JSON.stringify(vp)}`;
    expect(c.x >= 0 && c.y >= 0 && c.x + c.width <= vp.width && c.y + c.height <= vp.height, `inside the viewport: ${where}`).toBe(true);
    expect(overlaps(c, t), `off its target: ${where}`).toBe(false);
  }).toPass({ timeout: 5_000 });
}

for (const width of [375, 320, 1920]) {
  test(`at ${width} px a right-placed tour step stays inside the viewport and off its target`, async ({ app, demo }) => {
    await app.setViewportSize({ width, height: 667 });
    await app.goto(`${demo.url}/projects`);
    await showMe(app, 'first-report-shared');
    await expectInViewAndOff(app, stepCard(app, 'open-reports'), app.locator("#main-nav a[href='/reports']"));
  });
}

/** WCAG contrast of two CSS rgb() colours as the browser computed them (both opaque here). */
function contrastOf(fg: string, bg: string): number {
  const lum = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.map(Number) as [number, number, number];
    return [r, g, b].map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

for (const brandColor of ['#ffd400', '#1a237e']) {
  test(`the expansion prompt's link-styled button is readable on the brand colour ${brandColor}, light and dark`, async ({ app, extPage, demo }) => {
    await loadPlaybook(extPage, statesPlaybook({ brandColor, dir: 'ltr' }));
    await seedHealthyHistory(extPage, demo.url);
    await app.goto(`${demo.url}${NUDGE_ROUTES.expansion}`);
    const cta = widget(app).locator('.card.nudge[data-kind="expansion"]').getByRole('link', { name: 'See plans' });
    await expect(cta).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme });
      const { color, background, border } = await cta.evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor, border: getComputedStyle(el.closest('.card')!).borderTopColor };
      });
      expect(contrastOf(color, background), `${colorScheme}: text ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      // The brand reaches the prompt's accent too.
      expect(border).toBe(background);
    }
  });
}

test('the launcher sits in the corner and at the offset the theme names, mirrored in right-to-left', async ({ app, extPage, demo }) => {
  const launcherAt = async (dir: 'ltr' | 'rtl') => {
    await loadPlaybook(extPage, statesPlaybook({ brandColor: '#2b59c3', dir, launcher: { corner: 'top-left', offset: { x: 40, y: 100 } } }));
    await app.goto(`${demo.url}/projects`);
    const launcher = widget(app).locator('.launcher');
    await expect(launcher).toBeVisible();
    // Where it sits before it is opened: an open panel may move to a corner that leaves the app's primary action clear.
    const at = (await launcher.boundingBox())!;
    await launcher.click();
    const panel = (await widget(app).locator('.panel').boundingBox())!;
    return { launcher: at, panel };
  };
  const ltr = await launcherAt('ltr');
  expect(ltr.launcher.x).toBeCloseTo(40, 0);
  expect(ltr.launcher.y).toBeCloseTo(100, 0);
  expect(ltr.panel.y, 'the panel opens below a launcher at the top').toBeGreaterThan(ltr.launcher.y + ltr.launcher.height);
  const rtl = await launcherAt('rtl');
  expect(rtl.launcher.x + rtl.launcher.width).toBeCloseTo(1280 - 40, 0);
  expect(rtl.launcher.y).toBeCloseTo(100, 0);
});
