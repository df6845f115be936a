import type { Page } from 'playwright-core';
import { openExtensionPage } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

/** The computed font size of the body and of every text element with its own text, in CSS px. */
const sizes = (page: Page) =>
  page.evaluate(() => {
    const px = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);
    const own = [...document.querySelectorAll('p, li, td, th, label, button, a, span, h1, h2, h3')].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
    );
    return { body: px(document.body), smallest: Math.min(...own.map(px)), texts: own.length };
  });

// Chrome's stylesheet for extension pages scales `body` to 75%: 14 px on :root came out as 10.5 px.
for (const path of ['popup.html?url=https%3A%2F%2Fnews.example.org%2F', 'options.html#playbook', 'options.html#settings']) {
  test(`${path.split('?')[0]} renders body text at a reading size (>= 14 px computed)`, async ({ context }) => {
    const page = await openExtensionPage(context, path);
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const s = await sizes(page);
    expect(s.texts).toBeGreaterThan(0);
    expect(s.body).toBeGreaterThanOrEqual(14);
    // Secondary text (captions, tags, axis labels) may be smaller, never below 12 px.
    expect(s.smallest).toBeGreaterThanOrEqual(12);
  });
}
