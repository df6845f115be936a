import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { clearOutboxes, drainOutboxes, type KeyValueStore } from '../../../lib/background/outbox-drain';
import { createRouter } from '../../../lib/background/router';
import { OUTBOX_PREFIX } from '../../../lib/content/outbox-key';
import { openStore } from '../../../lib/store/db';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
let n = 0;

function memoryStore(init: Record<string, unknown>): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    get: async () => Object.fromEntries(data),
    remove: async (keys) => {
      for (const k of keys) data.delete(k);
    },
  };
}

const copy = (page: string, from: number, count: number) => ({
  type: 'cs:batch',
  app: 'tasklane',
  identity: { account: 'acme', user: 'maria' },
  events: Array.from({ length: count }, (_, i) => ({ id: `${page}:${from + i}`, feature: 'export-csv', kind: 'click', ts: NOW - 1000 + i, path: '/reports' })),
  meters: [],
});

async function background() {
  const db = await openStore(`drain-${++n}-${Date.now()}`);
  const deps: BackgroundDeps = { db: async () => db, now: () => NOW, onPlaybookChanged: async () => {}, injectWidget: async () => {}, tabExists: async () => true, setClockOffset: async () => {} };
  const route = createRouter(createHandlers(deps), { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/` });
  const deliver = async (msg: unknown) => {
    const reply = await route(msg, { id: EXT_ID });
    return reply.ok || !reply.error.startsWith('failed');
  };
  return { db, deliver };
}

describe('drainOutboxes: the copies pages keep of unacknowledged events', () => {
  it('stores every copy once (copies of already stored events count nothing twice) and removes them; other keys stay', async () => {
    const { db, deliver } = await background();
    const store = memoryStore({
      [`${OUTBOX_PREFIX}p1:0`]: copy('p1', 0, 150),
      [`${OUTBOX_PREFIX}p1:1`]: copy('p1', 100, 100), // overlaps the first: a re-copy after a partial acknowledgement
      [`${OUTBOX_PREFIX}p2:0`]: { type: 'cs:batch', app: 'tasklane' }, // not a valid batch: dropped, never retried forever
      unrelated: 1,
    });
    await drainOutboxes(store, deliver);
    expect(await db.count('events')).toBe(200);
    expect([...store.data.keys()]).toEqual(['unrelated']);
    await drainOutboxes(memoryStore({ [`${OUTBOX_PREFIX}p1:0`]: copy('p1', 0, 150) }), deliver);
    expect(await db.count('events')).toBe(200);
  });

  it('keeps a copy whose storing failed, for the next drain', async () => {
    const store = memoryStore({ [`${OUTBOX_PREFIX}p1:0`]: copy('p1', 0, 3) });
    await drainOutboxes(store, async () => false);
    expect(store.data.size).toBe(1);
  });

  it('clearOutboxes (data reset) removes only the copies', async () => {
    const store = memoryStore({ [`${OUTBOX_PREFIX}p1:0`]: copy('p1', 0, 3), other: 2 });
    await clearOutboxes(store);
    expect([...store.data.keys()]).toEqual(['other']);
  });
});
