import { describe, expect, it } from 'vitest';
import { sidesToTry } from '../../../components/widget/position';

describe('sidesToTry', () => {
  it('tries the side asked for first, then every side', () => {
    expect(sidesToTry('right')).toEqual(['right', 'bottom', 'top', 'right', 'left']);
    expect(new Set(sidesToTry('top'))).toEqual(new Set(['top', 'bottom', 'right', 'left']));
  });
  it('auto starts below, then above, then beside', () => {
    expect(sidesToTry('auto')).toEqual(['bottom', 'bottom', 'top', 'right', 'left']);
  });
  it('keeps an alignment on every side', () => {
    expect(sidesToTry('top-end')).toEqual(['top-end', 'bottom-end', 'top-end', 'right-end', 'left-end']);
  });
});
