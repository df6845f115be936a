import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needle, normalise, textIncludes } from '../../../lib/anchors/match';

// Text made of the characters that matter here: letters in both cases, the whitespace that
// normalising collapses (a no-break space, and U+FEFF, which lower-casing sees through), and
// Greek capitals, whose final sigma lower-cases by its neighbours; and the characters that
// lower-case into ASCII or into two characters (the Kelvin sign is "k", "İ" is "i" and a dot).
const piece = fc.constantFrom('a', 'B', 'x', 'k', 'K', 'i', 'Save', 'save', ' ', '  ', '\n', '\t', '\u00a0', '\ufeff', 'Α', 'Β', 'Σ', 'σ', 'ς', 'é', 'İ', '\u212a', 'ẞ');
const text = (max: number) => fc.array(piece, { maxLength: max }).map((xs) => xs.join(''));

describe('text and accessible-name filters', () => {
  it('match case- and whitespace-insensitively', () => {
    expect(textIncludes('  Export\n  CSV ', needle('export csv'))).toBe(true);
    expect(textIncludes('Save changes', needle('  SAVE  '))).toBe(true);
    expect(textIncludes('Saving…', needle('save'))).toBe(false);
    expect(textIncludes(null, needle('save'))).toBe(false);
    // A final sigma before an invisible U+FEFF is still final once that becomes a space.
    expect(textIncludes('ΑΣ\ufeffΒ', needle('ας'))).toBe(normalise('ΑΣ\ufeffΒ').includes('ας'));
  });

  it('fold case beyond ASCII as lower-casing does', () => {
    // The Kelvin sign lower-cases to an ASCII "k": "\u212aey" is "key".
    expect(textIncludes('Hot\u212aey', needle('hotkey'))).toBe(true);
    expect(textIncludes('ÉXPORT', needle('éxport'))).toBe(true);
    expect(textIncludes('Sa\ufeffve', needle('save'))).toBe(false);
    expect(textIncludes('\ufeffSave', needle('save'))).toBe(true);
  });

  it('only look at the first 500 characters, as normalised', () => {
    const long = `${'x '.repeat(300)}Save`;
    expect(textIncludes(long, needle('save'))).toBe(false);
    expect(textIncludes(`Save ${'x '.repeat(300)}`, needle('save'))).toBe(true);
  });

  it('agree with comparing the normalised texts, for any text and filter, short or long', () => {
    fc.assert(
      fc.property(fc.oneof(text(40), text(400)), text(6), (raw, filter) => {
        expect(textIncludes(raw, needle(filter))).toBe(normalise(raw).includes(normalise(filter)));
      }),
      { numRuns: 2000 },
    );
  });
});
