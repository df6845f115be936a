import { describe, expect, it } from 'vitest';
import { needle, textIncludes } from '../../../lib/anchors/match';

// An anchor's text filter is compared with at most 500 characters of the element's text, yet the
// whole text is normalised first: on a container (`main`, `#grid`) of a large page that is
// megabytes, on every click and every mutation inside it.
describe('attack: text filters on large elements', () => {
  it('comparing a spaced text filter with 400 KB of text (a 100,000-element page) costs what 500 characters do (under 5 ms)', () => {
    const big = Array.from({ length: 22_000 }, (_, i) => `Row ${i} of 40  cell\n`).join('');
    const n = needle('report saved');
    textIncludes(big.slice(0, 1000), n);
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect(textIncludes(big, n)).toBe(false);
      worst = Math.max(worst, performance.now() - t);
    }
    expect(worst, `${worst.toFixed(1)} ms for ${big.length} characters`).toBeLessThan(5);
  });
});
