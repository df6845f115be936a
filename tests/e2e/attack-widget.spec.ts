import { expect, test } from './fixtures';
import { widget } from './widget-helpers';
import { servePages, usePlaybook } from './widget-lab';

// A hostile page restyling the widget from outside. `:host{all:initial !important}` and the host's
// inline !important styles reset every property but custom ones, and for normal declarations a
// page rule on the host beats the widget's own `:host` rule: the colours must not live there.
const pages = servePages();
test.beforeEach(async ({ extPage }) => usePlaybook(extPage));

const nudgeCard = (page: Parameters<typeof widget>[0]) => widget(page).locator('.card.nudge[data-nudge="tip"]');

test("attack: the page sets the widget's colour variables to transparent on its host (found as the page's only open popover): the nudge's text and background keep their colours", async ({
  app,
}) => {
  await app.goto(`${pages.url()}/nudge.html`);
  const card = nudgeCard(app);
  const link = card.getByRole('link', { name: 'Upgrade' });
  await expect(link).toBeVisible();
  const colours = () =>
    card.evaluate((c) => {
      const all = [c, ...c.querySelectorAll('*')];
      return all.map((el) => {
        const s = getComputedStyle(el);
        return `${el.tagName}.${el.className} ${s.color} on ${s.backgroundColor} ${s.borderTopColor}`;
      });
    });
  const before = await colours();
  // Before the fix the text went transparent and so did the card's background: page content laid
  // out under the card showed through it as the nudge's text, above Uptake's real Upgrade link.
  await app.addStyleTag({
    content: `:popover-open { ${['fg', 'bg', 'line', 'muted', 'brand', 'on-brand', 'brand-l', 'brand-d', 'focus', 'brand-text'].map((v) => `--${v}: transparent !important;`).join(' ')} }`,
  });
  expect(await colours()).toEqual(before);
});
