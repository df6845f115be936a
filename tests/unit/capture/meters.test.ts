import { describe, expect, it } from 'vitest';
import { parseMeterText } from '../../../lib/capture/meters';

const SEATS = /(\d+) of (\d+) seats/;
const GROUPED = /([\d,]+) of ([\d,]+)/;

describe('parseMeterText', () => {
  it('reads used and limit from "7 of 10 seats"', () => {
    expect(parseMeterText('7 of 10 seats', SEATS, undefined)).toEqual({ used: 7, limit: 10 });
  });

  it('reads numbers with thousands separators: "1,234 of 5,000"', () => {
    expect(parseMeterText('Projects: 1,234 of 5,000', GROUPED, undefined)).toEqual({ used: 1234, limit: 5000 });
  });

  it('returns null when the pattern does not match', () => {
    expect(parseMeterText('Seats: unlimited', SEATS, 10)).toBeNull();
  });

  it('returns null when the used group does not take part in the match', () => {
    expect(parseMeterText('no seats', /(\d+)? ?no seats/, 10)).toBeNull();
  });

  it('uses the fallback limit when the pattern has no limit group', () => {
    expect(parseMeterText('7 seats used', /(\d+) seats used/, 25)).toEqual({ used: 7, limit: 25 });
  });

  it('prefers the limit read from the page over the fallback', () => {
    expect(parseMeterText('7 of 10 seats', SEATS, 25)).toEqual({ used: 7, limit: 10 });
  });

  it('reports an unknown limit as null when there is neither a limit group nor a fallback', () => {
    expect(parseMeterText('7 seats used', /(\d+) seats used/, undefined)).toEqual({ used: 7, limit: null });
  });

  it('reads only the first 200 characters of the text', () => {
    const text = `${'x'.repeat(200)} 7 of 10 seats`;
    expect(parseMeterText(text, SEATS, undefined)).toBeNull();
  });

  // Number('') is 0: a group that matches the empty string must read as "not shown".
  it('treats an empty limit group as "not shown" and falls back', () => {
    expect(parseMeterText('7 of  seats', /(\d+) of ?(\d*) seats/, 25)).toEqual({ used: 7, limit: 25 });
  });
});
