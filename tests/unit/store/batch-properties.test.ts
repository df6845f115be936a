import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeBatch } from '../../../lib/store/batch';
import { openStore } from '../../../lib/store/db';
import { userRollups } from '../../../lib/store/queries';
import type { CapturedEvent, Identity } from '../../../lib/types';

/**
 * storeBatch stores each event id exactly once, however batches are split, repeated,
 * reordered and interleaved between senders — including when a batch's id range spans
 * many ids of other senders (the per-id lookup path) or crosses a digit boundary
 * ("p:99" sorts after "p:100").
 */

const T0 = new Date(2026, 10, 23, 14, 0).getTime();
const ME: Identity = { account: 'acme', user: 'u-1' };
const FEATURES = ['create-project', 'add-task', 'share-report'];
let dbs = 0;

const event = (sender: string, n: number): CapturedEvent => ({ id: `${sender}:${n}`, feature: FEATURES[n % FEATURES.length]!, kind: 'click', ts: T0 + n, path: '/p' });

/** Senders' event numbers, sent as slices (start, length) in any order, each maybe twice. */
const plan = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 3 }),
  sends: fc.array(fc.tuple(fc.nat(2), fc.nat(399), fc.integer({ min: 1, max: 120 }), fc.boolean()), { minLength: 1, maxLength: 25 }),
});

describe('storeBatch under re-sends', () => {
  it('counts every event exactly once, whatever the batches and their order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ sizes, sends }) => {
        const db = await openStore(`batch-prop-${++dbs}`);
        const senders = sizes.map((_, i) => ['p', 'q', 'pq'][i]!);
        const sentIds = new Set<string>();
        for (const [s, start, length, twice] of sends) {
          const sender = s % senders.length;
          const events: CapturedEvent[] = [];
          for (let n = start; n < Math.min(sizes[sender]!, start + length); n++) events.push(event(senders[sender]!, n));
          // Two senders' events in one batch now and then: the range then spans both.
          if (twice && sender + 1 < senders.length) events.push(event(senders[sender + 1]!, start % sizes[sender + 1]!));
          for (let k = 0; k < (twice ? 2 : 1); k++) {
            expect(await storeBatch(db, { app: 'tasklane', identity: ME, events, meters: [] })).toEqual(events.map((e) => e.id));
          }
          for (const e of events) sentIds.add(e.id);
        }
        const stored = await db.getAllKeys('events');
        expect(new Set(stored)).toEqual(sentIds);
        const counted = (await userRollups(db, 'tasklane', ME)).reduce((n, r) => n + r.count, 0);
        expect(counted).toBe(sentIds.size);
        db.close();
      }),
      { numRuns: 60, seed: 2026 },
    );
  });

  it('finds stored ids when a batch spans far more stored ids than it holds (the per-id path)', async () => {
    const db = await openStore(`batch-wide-${++dbs}`);
    const many = Array.from({ length: 600 }, (_, n) => event('p', n));
    await storeBatch(db, { app: 'tasklane', identity: ME, events: many, meters: [] });
    // "p:0" … "p:99999" spans every stored id; two are stored already, one is new.
    const wide = [event('p', 0), event('p', 599), event('p', 99_999)];
    await storeBatch(db, { app: 'tasklane', identity: ME, events: wide, meters: [] });
    expect(await db.count('events')).toBe(601);
    expect((await userRollups(db, 'tasklane', ME)).reduce((n, r) => n + r.count, 0)).toBe(601);
  });
});
