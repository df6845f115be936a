import { describe, expect, it } from 'vitest';
import { needle, textIncludes } from '../../../lib/anchors/match';
import { readMeter } from '../../../lib/capture/meters';
import type { Meter } from '../../../lib/playbook/schema';

// An anchor's text filter is compared with at most 500 characters of the element's text, yet the
// whole text is normalised first: on a container (`main`, `#grid`) of a large page that is
// megabytes, on every click and every mutation inside it.
/** A flat string, as an element's textContent is (a joined one is a rope, flattened on first use). */
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

describe('attack: text filters on large elements', () => {
  it('comparing a spaced text filter with 5 MB of text costs what 500 characters do (under 20 ms)', () => {
    const big = flat(Array.from({ length: 220_000 }, (_, i) => `Row ${i} of 40  cell\n`).join(''));
    const n = needle('report saved');
    textIncludes(big.slice(0, 1000), n);
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect(textIncludes(big, n)).toBe(false);
      worst = Math.max(worst, performance.now() - t);
    }
    expect(worst, `${worst.toFixed(1)} ms for ${big.length} characters`).toBeLessThan(20);
  });
});

describe('attack: text meters on large elements', () => {
  it("reading a text meter whose anchor is a container with 5 MB of text costs what its first 200 characters do (under 20 ms), same value", () => {
    const big = flat(` 9 of 10 seats\n ${Array.from({ length: 220_000 }, (_, i) => `Row ${i} of 40  cell\n`).join('')}`);
    // A stand-in for the document: readMeter asks it for the anchor's element and reads its text.
    const root = { nodeType: 1, querySelectorAll: () => [{ textContent: big }] } as unknown as ParentNode;
    const meter = { id: 'seats', name: 'Seats', source: { from: 'text', anchor: { selectors: ['main'] }, pattern: '(\\d+) of (\\d+) seats' } } as unknown as Meter;
    const re = /(\d+) of (\d+) seats/;
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect(readMeter(meter, re, root)).toEqual({ used: 9, limit: 10 });
      worst = Math.max(worst, performance.now() - t);
    }
    expect(worst, `${worst.toFixed(1)} ms for ${big.length} characters`).toBeLessThan(20);
  });
});
