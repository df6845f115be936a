import { describe, expect, it } from 'vitest';
import { createSelfMeter } from '../../../lib/capture/telemetry';

describe('self-measurement', () => {
  it('adds up the time of every wrapped run, keeps the longest and counts long ones', () => {
    let t = 0;
    const meter = createSelfMeter(() => t, 1);
    const work = (ms: number) => {
      t += ms;
    };
    const timed = meter.timed(work);
    timed(2);
    timed(0.5);
    timed(60);
    expect(meter.snapshot()).toEqual({ totalMs: 62.5, runs: 3, maxMs: 60, longRuns: 1 });
  });

  it('still counts a run that throws, and lets the error through', () => {
    let t = 0;
    const meter = createSelfMeter(() => t, 1);
    const failing = meter.timed(() => {
      t += 3;
      throw new Error('boom');
    });
    expect(() => failing()).toThrow('boom');
    expect(meter.snapshot()).toMatchObject({ totalMs: 3, runs: 1 });
  });

  it('times one run in N and scales it: the total stays an estimate of every run', () => {
    let t = 0;
    const meter = createSelfMeter(() => t, 4);
    const timed = meter.timed(() => {
      t += 1;
    });
    for (let i = 0; i < 400; i++) timed();
    expect(meter.snapshot()).toMatchObject({ runs: 400, totalMs: 400 });
  });
});
