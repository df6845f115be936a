import { readFileSync } from 'node:fs';
import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { PER_RULE_WALK_MAX } from '../../lib/capture/capture';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

// A page whose controls each test one way a click rule matches or not (tests/fixtures/rules).
const FIXTURES = 'tests/fixtures/rules';
let pages: DemoServer;
test.beforeAll(async () => {
  pages = await startDemoServer({ root: FIXTURES });
});
test.afterAll(async () => pages.close());

// Capture takes one of two ways on a click that hits a rule, by the number of click rules: both
// must count the same.
for (const [how, extra] of [
  ['as written (each rule walks the path itself)', 0],
  ['with 20 more rules that match nothing (one walk, every rule checked per hit)', 20],
] as const) {
  test(`click rules, ${how}: nested features, name and text filters, invalid selectors, shadow roots and slots (open, closed, attached late), a target removed mid-click, one count per feature per click`, async ({ app, extPage }) => {
    const playbook = JSON.parse(readFileSync(`${FIXTURES}/playbook.json`, 'utf8')) as { features: { id: string; name: string; detect: { on: string }[] }[] };
    for (let i = 0; i < extra; i++) playbook.features.push({ id: `unused-${i}`, name: `Unused ${i}`, detect: [{ on: 'click', anchor: { selectors: [`#never-${i}`] } } as { on: string }] });
    const clickRules = playbook.features.flatMap((f) => f.detect).filter((d) => d.on === 'click').length;
    expect(clickRules <= PER_RULE_WALK_MAX, `${clickRules} click rules`).toBe(extra === 0);
    const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(playbook) });
    expect(saved.ok).toBe(true);
    const errors: string[] = [];
    app.on('pageerror', (e) => errors.push(e.message));
    await app.goto(`${pages.url}/`);

    // A link that is a feature inside a navigation that is one too: one click counts both.
    await app.click('#reports');
    // The navigation alone.
    await app.click('#plain');
    // "Save" is this button's name; the other one says "Save" but is named "Delete draft" by its aria-label.
    await app.click('#save');
    await app.click('#labelled');
    // The text filter ignores case and the page's line breaks and indentation; "Export PDF" does not match it.
    await app.click('#export');
    await app.click('#export-pdf');
    // A rule with an invalid selector still matches by its valid one, and breaks nothing else.
    await app.click('#other');
    // Inside an open shadow root within a feature's element: both count, and the inner feature,
    // which two of its rules match, counts once.
    await app.locator('x-inner button.inner').click();
    // Inside the shadow root but on no feature of its own: only the card.
    await app.locator('x-inner span').click();
    // Light-DOM content slotted into a component: the component's own toolbar (in its shadow
    // tree) and the component both count.
    await app.click('#slotted');
    // Deeper inside slotted content: the same two.
    await app.click('#deep-slotted');
    // A component whose shadow root comes after the page loaded: before, its content is plain
    // light DOM (nothing counts); after, the toolbar it is slotted into counts.
    await app.click('#late-slotted');
    await app.evaluate(() => (window as unknown as { defineLate: () => void }).defineLate());
    await app.click('#late-slotted');
    // Slotted into a closed shadow root: its toolbar stays the page's own; the card around it counts.
    await app.click('#closed-slotted');
    // The page removes the clicked item in its own listener, before Uptake's: the item and its
    // menu count all the same, as they were when the user clicked.
    await app.click('#menu-item span');
    await expect(app.locator('#menu-item')).toHaveCount(0);

    // The first rule's selectors are not valid CSS as a list ('a[title="x' would swallow every
    // selector after it): they are dropped, and every other rule still counts.
    await waitForCounts(extPage, pages.url, {
      'side-nav': 2,
      'open-reports': 1,
      save: 1,
      'export-csv': 1,
      other: 1,
      card: 3,
      inner: 1,
      toolbar: 3,
      'toolbar-host': 2,
      menu: 1,
      'menu-item': 1,
    });
    expect(errors).toEqual([]);
  });
}
