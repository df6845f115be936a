import { describe, expect, it } from 'vitest';
import { plural } from '../../../components/format';

describe('plural', () => {
  it('says "1 use" and "2 uses", never "use(s)"', () => {
    expect(plural(1, 'use')).toBe('1 use');
    expect(plural(2, 'use')).toBe('2 uses');
    expect(plural(0, 'use')).toBe('0 uses');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});
