import { describe, expect, it, vi } from 'vitest';
import { stepGuard } from '../../../scripts/lib/bench-step';

describe('bench step guard', () => {
  it('reports a failing or overrunning step as not measured, cleans up, and runs the next steps', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const cleanup = vi.fn(async () => {});
    const { step, notMeasured } = stepGuard(cleanup);
    const ran: string[] = [];
    expect(
      await step('nudge latency', async () => {
        throw new Error('locator.waitFor: Timeout 30000ms exceeded.\nCall log: …');
      }),
    ).toBe(false);
    expect(await step('hangs', () => new Promise(() => {}), 50)).toBe(false);
    expect(await step('end to end', () => ran.push('end to end'))).toBe(true);
    expect(notMeasured).toEqual([
      { step: 'nudge latency', why: 'locator.waitFor: Timeout 30000ms exceeded.' },
      { step: 'hangs', why: 'still running after 0.05 s' },
    ]);
    expect(ran).toEqual(['end to end']);
    expect(cleanup).toHaveBeenCalledTimes(2);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^nudge latency +not measured +\(locator\.waitFor/), expect.stringMatching(/^hangs +not measured/)]);
    log.mockRestore();
  });

  it('tries a step once more when recover repaired its cause, and reports the second failure with both reasons', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { step, notMeasured, retried } = stepGuard();
    let tries = 0;
    const undo = vi.fn();
    const crashOnce = () => {
      if (++tries === 1) throw new Error('Target page, context or browser has been closed');
    };
    expect(await step('host overhead', crashOnce, { recover: async () => 'Chromium was gone: relaunched it', beforeRetry: undo })).toBe(true);
    expect(tries).toBe(2);
    expect(undo).toHaveBeenCalledOnce();
    expect(retried).toEqual([{ step: 'host overhead', why: 'Target page, context or browser has been closed; Chromium was gone: relaunched it' }]);
    const fails = () => Promise.reject(new Error('closed'));
    expect(await step('large DOM', fails, { recover: async () => 'relaunched' })).toBe(false);
    expect(await step('review', fails, { recover: async () => null })).toBe(false);
    expect(await step('render', fails, { recover: () => Promise.reject(new Error('did not start again')) })).toBe(false);
    expect(notMeasured).toEqual([
      { step: 'large DOM', why: 'relaunched, then: closed' },
      { step: 'review', why: 'closed' },
      { step: 'render', why: 'closed; did not start again' },
    ]);
    log.mockRestore();
  });
});
