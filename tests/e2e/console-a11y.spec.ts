import { extensionId } from '../../scripts/lib/browser';
import { reviewBook } from '../../scripts/lib/review-book';
import { expect, test, waitForCounts } from './fixtures';
import { axeProblems } from './geometry';

// Every console tab and the popup, light and dark, with data in them (a demo user's history; Review
// with a book of 80 users in every band): axe's colour-contrast rule measures badges, heatmap cells,
// band bars and chart labels from their rendered colours, as it does every other serious rule.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`console tabs and popup, ${colorScheme}: axe finds nothing serious or critical, contrast included`, async ({ context, app, extPage, demo }) => {
    test.setTimeout(90_000);
    await app.goto(`${demo.url}/projects`);
    await app.click('#main-nav a[href="/reports"]');
    await app.click('#build-report');
    await waitForCounts(extPage, demo.url, { 'view-reports': 1, 'build-report': 1 });

    await extPage.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await extPage.reload();
    const tabs = extPage.getByRole('tab');
    await tabs.first().waitFor();
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(7);
    const book = await reviewBook();
    const found: string[] = [];
    for (const [i, name] of names.entries()) {
      await tabs.nth(i).click();
      if (/review/i.test(name)) {
        await extPage.getByLabel('Choose export files').setInputFiles(book);
        await extPage.getByTestId('account-table').waitFor();
      }
      await extPage.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      for (const p of await axeProblems(extPage, true)) found.push(`${name}: ${p}`);
    }

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?url=${encodeURIComponent(`${demo.url}/projects`)}`);
    await popup.locator('h1').first().waitFor();
    await popup.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    for (const p of await axeProblems(popup, true)) found.push(`popup: ${p}`);
    expect(found).toEqual([]);
  });
}
