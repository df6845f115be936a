import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test, waitForCounts } from './fixtures';
import { exposeWidgetRoot, showMe, stepCard, widget } from './widget-helpers';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core over the page, keeping what it finds inside the widget. Injected by evaluation: page CSPs cannot block it. */
async function widgetViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const host = await exposeWidgetRoot(page);
  const { violations, inside } = await page.evaluate(async (host) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[]; passes: AxeViolation[] }> } }).axe;
    const result = await axe.run({ include: [[host]] }, { resultTypes: ['violations'] });
    // A node inside a shadow root has a nested target path: axe did look into the closed root.
    const inside = [...result.passes, ...result.violations].flatMap((r) => r.nodes).filter((n) => Array.isArray(n.target[0])).length;
    return { violations: result.violations, inside };
  }, host);
  expect(inside, 'axe checked nodes inside the widget').toBeGreaterThan(0);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (v: AxeViolation[]) => v.map((x) => `${x.id} (${x.impact}): ${x.help} @ ${JSON.stringify(x.nodes.map((n) => n.target))}`).join('\n');

test('axe finds no serious or critical violation in any widget state, light or dark', async ({ app, demo }) => {
  for (const scheme of ['dark', 'light'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.goto(`${demo.url}/reports`);
    const launcher = widget(app).locator('.launcher');
    const hotspot = widget(app).locator('.hotspot');
    await expect(launcher).toBeVisible();
    await expect(hotspot).toBeVisible();
    const states: Record<string, () => Promise<unknown>> = {
      'launcher and hotspot': async () => undefined,
      'checklist open': () => launcher.click(),
      'tour step': async () => {
        await launcher.click();
        await showMe(app, 'first-report-shared');
        await expect(stepCard(app, 'build')).toHaveAttribute('data-shown-ms', /\d/);
      },
      // Last: once its tip is done, a hotspot does not come back.
      'hotspot tip open': async () => {
        await app.keyboard.press('Escape');
        await hotspot.click();
        await expect(stepCard(app, 'export')).toHaveAttribute('data-shown-ms', /\d/);
      },
    };
    if (scheme === 'dark') delete states['hotspot tip open'];
    for (const [state, reach] of Object.entries(states)) {
      await reach();
      const found = await widgetViolations(app);
      expect(found, `${scheme}, ${state}:\n${describeViolations(found)}`).toEqual([]);
    }
    await app.keyboard.press('Escape');
  }
});

async function focusIn(page: Page): Promise<string> {
  const tag = await exposeWidgetRoot(page);
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const inner = host?.shadowRoot?.activeElement;
    const el = document.activeElement === host ? inner : document.activeElement;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}` : '';
  }, tag);
}

async function tabUntil(page: Page, want: RegExp, key = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (want.test(await focusIn(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${want}; it is on ${await focusIn(page)}`);
}

test('a whole tour can be completed with the keyboard alone', async ({ app, extPage, demo }) => {
  await app.goto(`${demo.url}/projects`);
  await expect(widget(app).locator('.launcher')).toBeVisible();
  await tabUntil(app, /launcher/);
  await app.keyboard.press('Enter');
  await tabUntil(app, /Show me: Share your first report/, 'Shift+Tab');
  await app.keyboard.press('Enter');

  // Step 1: focus is in the card; Tab reaches the highlighted link, Enter follows it.
  await expect(stepCard(app, 'open-reports')).toBeFocused();
  await tabUntil(app, /^a\[href=\/reports\]/);
  await app.keyboard.press('Enter');

  // Steps 2 and 3: Tab cycles from the card to the target; Enter clicks it.
  await expect(stepCard(app, 'build')).toBeFocused();
  await tabUntil(app, /button#build-report/);
  await app.keyboard.press('Enter');
  await expect(stepCard(app, 'share')).toBeFocused();
  await expect(app.locator('#share-report')).toBeEnabled();
  await tabUntil(app, /button#share-report/);
  await app.keyboard.press('Enter');

  await expect(stepCard(app)).toHaveCount(0);
  await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'build-report': 1, 'share-report': 1, 'tour-reports': 1 });
  // Tab cycling kept focus between the card and its target: Shift+Tab from the target went back to the card.
});
