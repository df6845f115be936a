import type { Locator, Page } from 'playwright-core';
import { registerWidgetEngine, widget } from '../../scripts/lib/widget-root';
import { expect } from './fixtures';

await registerWidgetEngine();

export { exposeWidgetRoot, widget, widgetHost } from '../../scripts/lib/widget-root';

/** Opens the checklist and starts a milestone's tour with "Show me", as a user does. */
export async function showMe(page: Page, milestone: string): Promise<void> {
  const w = widget(page);
  await w.locator('.launcher').click();
  await w.locator(`[data-milestone="${milestone}"] .show-me`).click();
}

/** A tour or tip step's card (not a nudge's, nor the completion card). */
export function stepCard(page: Page, step?: string): Locator {
  return widget(page).locator(step ? `.card[data-step="${step}"]` : '.card[data-step]');
}

/**
 * The card sits right next to its target (below, or above when flipped) and overlaps it
 * horizontally, once it has settled: after a scroll or a layout change the card follows on the
 * next frame, which on a busy machine can come after the first measurement.
 */
export async function expectNextTo(card: Locator, target: Locator): Promise<{ gap: number }> {
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-shown-ms', /\d/);
  let gap = -1;
  await expect(async () => {
    const c = (await card.boundingBox())!;
    const t = (await target.boundingBox())!;
    const below = c.y - (t.y + t.height);
    const above = t.y - (c.y + c.height);
    const right = c.x - (t.x + t.width);
    const left = t.x - (c.x + c.width);
    gap = [below, above, right, left].filter((g) => g >= 0).sort((a, b) => a - b)[0] ?? -1;
    const where = `card ${JSON.stringify(c)} vs target ${JSON.stringify(t)}`;
    expect(gap, where).toBeGreaterThanOrEqual(4);
    expect(gap, where).toBeLessThanOrEqual(24);
    const vertical = gap === below || gap === above;
    if (vertical) expect(c.x < t.x + t.width && c.x + c.width > t.x, 'overlaps horizontally').toBe(true);
    else expect(c.y < t.y + t.height && c.y + c.height > t.y, 'overlaps vertically').toBe(true);
  }).toPass({ timeout: 5_000 });
  return { gap };
}
