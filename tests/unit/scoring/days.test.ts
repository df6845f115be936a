import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, localDay } from '../../../lib/scoring/days';

describe('day numbers', () => {
  it('agree with Date.UTC for every day from 1969 to 2101, leap years included', () => {
    for (let n = -400; n <= 48_000; n++) {
      const s = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(s) !== n) throw new Error(`${s}: got ${dayNumber(s)}, want ${n}`);
      expect(dayString(n)).toBe(s);
    }
  });

  it('takes the local calendar day of a timestamp', () => {
    const noon = new Date(2026, 1, 28, 12).getTime();
    expect(dayString(localDay(noon))).toBe('2026-02-28');
    expect(localDay(noon + 86_400_000) - localDay(noon)).toBe(1);
  });
});
