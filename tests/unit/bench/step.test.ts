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
});
