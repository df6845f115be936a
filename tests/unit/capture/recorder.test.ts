import { describe, expect, it } from 'vitest';
import { createRecorder } from '../../../lib/capture/recorder';
import type { CaptureKind } from '../../../lib/types';

type Use = [feature: string, kind: CaptureKind, at: number, path: string];
const drained = (r: ReturnType<typeof createRecorder>) => {
  const out: Use[] = [];
  r.drain((...use) => out.push(use));
  return out;
};

describe('recorder', () => {
  it('hands back every use in the order it was recorded, then holds nothing', () => {
    const r = createRecorder();
    expect(r.add('export-csv', 'click', 1200.25, '/reports')).toBe(1);
    expect(r.add('view-reports', 'route', 1300.5, '/reports')).toBe(2);
    expect(drained(r)).toEqual([
      ['export-csv', 'click', 1200.25, '/reports'],
      ['view-reports', 'route', 1300.5, '/reports'],
    ]);
    expect(drained(r)).toEqual([]);
  });

  it('keeps uses recorded after a drain apart from the ones drained', () => {
    const r = createRecorder();
    r.add('a', 'click', 1, '/');
    drained(r);
    expect(r.add('b', 'key', 2, '/x')).toBe(1);
    expect(drained(r)).toEqual([['b', 'key', 2, '/x']]);
  });

  it('holds more uses than it started with room for, none lost', () => {
    const r = createRecorder();
    for (let i = 0; i < 1000; i++) r.add(`f${i}`, 'click', i + 0.5, `/p${i}`);
    const out = drained(r);
    expect(out).toHaveLength(1000);
    expect(out[999]).toEqual(['f999', 'click', 999.5, '/p999']);
    expect(new Set(out.map(([f]) => f)).size).toBe(1000);
  });
});
