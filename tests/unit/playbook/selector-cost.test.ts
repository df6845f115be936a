import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../../lib/playbook/parse';
import { costlySelectorPart } from '../../../lib/playbook/selector-cost';

describe('selectors whose cost grows with the page are refused', () => {
  it.each([
    ['div:has(.done-toast)', ':has()'],
    ['*:not(:has(.x))', ':has()'],
    ['div:HAS (> span)', ':has()'],
    ['div:h\\61 s(.x)', ':has()'],
    ['div:\\68 as(.x)', ':has()'], ['div:ha\\s(.x)', ':has()'],
    ['div:has/* hidden */(.x)', ':has()'],
    ['span:nth-child(1 of :is(.x))', ':nth-child(… of …)'],
    ['li:nth-last-child(2n+1 of .row)', ':nth-child(… of …)'],
  ])('%s → %s', (sel, part) => expect(costlySelectorPart(sel)).toBe(part));

  it.each(['#save', '[data-has="1"]', '.has-items > li:nth-child(2)', 'li:nth-of-type(3)', 'a[title="of"]:nth-child(odd)', '.toast, .has'])('%s is fine', (sel) =>
    expect(costlySelectorPart(sel)).toBeNull(),
  );

  it('a playbook with one is refused, naming the JSON path and the construct', () => {
    const pb = {
      version: 1,
      app: { id: 'a', name: 'A', matches: ['http://127.0.0.1/*'], identity: { account: { from: 'constant', value: 'x' }, user: { from: 'constant', value: 'y' } } },
      features: [{ id: 'done', name: 'Done', detect: [{ on: 'visible', anchor: { selectors: ['#ok', 'div:has(.done-toast)'] } }] }],
    };
    const r = parsePlaybook(JSON.stringify(pb));
    expect(r.ok).toBe(false);
    const text = JSON.stringify(r);
    expect(text).toContain('features[0].detect[0].anchor.selectors[1]');
    expect(text).toContain('uses :has()');
  });
});
