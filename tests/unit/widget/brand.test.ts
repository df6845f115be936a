import { describe, expect, it } from 'vitest';
import { brandVars, CARD_BG, contrast } from '../../../components/widget/brand';

describe('brandVars', () => {
  it('matches the WCAG contrast formula at its ends', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });

  it.each(['#ffd400', '#1a237e', '#2b59c3', '#ffffff', '#000000', '#777777', '#00ff00', '#ff0000'])('keeps every brand use readable for %s', (brand) => {
    const v = brandVars(brand);
    expect(contrast(v['--on-brand']!, brand)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v['--brand-l']!, CARD_BG[0])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v['--brand-d']!, CARD_BG[1])).toBeGreaterThanOrEqual(4.5);
  });

  it('picks dark text on a light brand and white on a dark one, and leaves a readable brand as it is', () => {
    expect(brandVars('#ffd400')['--on-brand']).toBe('#000000');
    expect(brandVars('#1a237e')['--on-brand']).toBe('#ffffff');
    expect(brandVars('#1a237e')['--brand-l']).toBe('#1a237e');
    expect(brandVars('#ffd400')['--brand-d']).toBe('#ffd400');
    expect(brandVars('#ffd400')['--brand-l']).not.toBe('#ffd400');
  });
});
