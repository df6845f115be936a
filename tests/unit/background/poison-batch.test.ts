import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../../lib/background/batch-check';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { type Handlers, createRouter } from '../../../lib/background/router';
import { createQueue } from '../../../lib/capture/queue';
import { openStore } from '../../../lib/store/db';
import type { CapturedEvent } from '../../../lib/types';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const contentScript = { id: EXT_ID, url: 'http://127.0.0.1/projects', tab: { id: 3 } as never, frameId: 0 };
const identity = { account: 'acme', user: 'maria' };
let n = 0;

const ev = (i: number, over: Partial<CapturedEvent> | Record<string, unknown> = {}) => ({ id: `page:${i}`, feature: 'add-task', kind: 'submit', ts: NOW - 60_000 + i, path: '/tasks', ...over });

async function setup() {
  const db = await openStore(`poison-${++n}-${Date.now()}`);
  const deps: BackgroundDeps = { db: async () => db, now: () => NOW, onPlaybookChanged: async () => {}, injectWidget: async () => {}, tabExists: async () => true, setClockOffset: async () => {} };
  const handlers = createHandlers(deps);
  const route = createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/` });
  return { db, handlers, route };
}

describe('a batch with invalid events', () => {
  it.each([
    ['a path over 2,048 characters', { path: `/${'a'.repeat(2048)}` }],
    ['an extra field', { html: '<b>' }],
    ['a kind that is not a capture kind', { kind: 'hover' }],
    ['a negative timestamp', { ts: -1 }],
    ['a timestamp of 1e300', { ts: 1e300 }],
    ['a timestamp before 2000', { ts: Date.UTC(1999, 11, 31) }],
  ])('with %s: stores the valid events, refuses the bad one by id', async (_, over) => {
    const { db, route } = await setup();
    const msg = { type: 'cs:batch', app: 'tasklane', identity, events: [ev(1), ev(2, over), ev(3)], meters: [] };
    const reply = await route(msg, contentScript);
    expect(reply).toEqual({ ok: true, data: { ack: ['page:1', 'page:3'], refused: ['page:2'], newMilestones: expect.any(Array) } });
    expect(await db.count('events')).toBe(2);
    const diag = (await route({ type: 'ui:diagnostics' }, { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` })) as {
      data: Awaited<ReturnType<Handlers['ui:diagnostics']>>;
    };
    expect(diag.data.refused).toMatchObject({ count: 1, lastAt: NOW, lastReason: expect.any(String) });
  });

  it('refuses an event without a usable id, and invalid meter samples, without refusing the rest', () => {
    const checked = checkBatch(
      [{ feature: 'x' }, ev(1), null, 7],
      [{ meter: 'seats', used: 1, limit: 10, ts: 1e300 }, { meter: 'seats', used: 2, limit: 10, ts: NOW }],
    );
    expect(checked.events.map((e) => e.id)).toEqual(['page:1']);
    expect(checked.refused).toEqual([]);
    expect(checked.meters).toEqual([{ meter: 'seats', used: 2, limit: 10, ts: NOW }]);
    expect(checked.invalid).toBe(4);
  });

  it('a poison event never blocks the outbox: later events on normal paths are all stored', async () => {
    const { db, route } = await setup();
    const queue = createQueue({
      maxBatch: 3,
      send: async (batch) => {
        const reply = (await route({ type: 'cs:batch', app: 'tasklane', identity, ...batch }, contentScript)) as { ok: boolean; data: { ack: string[]; refused: string[] } };
        if (!reply.ok) throw new Error('refused');
        return [...reply.data.ack, ...reply.data.refused];
      },
    });
    queue.push(ev(0, { path: `/${'x'.repeat(5000)}` }) as CapturedEvent);
    for (let i = 1; i <= 9; i++) queue.push(ev(i) as CapturedEvent);
    await queue.flush();
    expect(queue.size).toBe(0);
    expect(await db.count('events')).toBe(9);
  });
});
