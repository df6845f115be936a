import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { createRouter } from '../../../lib/background/router';
import { createConnection } from '../../../lib/store/connection';
import { type UptakeDb, openStore } from '../../../lib/store/db';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const page = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` };
const tab = { id: EXT_ID, url: 'http://127.0.0.1/projects', tab: { id: 1 } as never, frameId: 0 };
let n = 0;
let seq = 0;

/** The background as entrypoints/background.ts wires it, over `open`. */
function background(open: () => Promise<UptakeDb>) {
  const connection = createConnection(open, () => NOW);
  const deps: BackgroundDeps = {
    db: connection.db,
    now: () => NOW,
    onPlaybookChanged: async () => {},
    injectWidget: async () => {},
    tabExists: async () => true,
    setClockOffset: async () => {},
    health: connection.health,
  };
  const route = createRouter(createHandlers(deps), {
    extensionId: EXT_ID,
    extensionOrigin: `chrome-extension://${EXT_ID}/`,
    onError: (_type, error) => connection.failed(error),
    onSuccess: (type) => {
      if (type === 'cs:batch' || type === 'ui:reset-data') connection.ok();
    },
  });
  const batch = () =>
    route(
      { type: 'cs:batch', app: 'tasklane', identity: { account: 'acme', user: 'maria' }, events: [{ id: `p:${++seq}`, feature: 'add-task', kind: 'submit', ts: NOW - 1000, path: '/tasks' }], meters: [] },
      tab,
    );
  const health = async () => ((await route({ type: 'ui:health' }, page)) as { data: { storage: { error: string } | null } }).data.storage;
  return { route, batch, health };
}

describe('the worker database connection', () => {
  it('is reopened after the browser closed it: messages, and a reset, work again without a restart', async () => {
    const name = `conn-${++n}-${Date.now()}`;
    const opened: UptakeDb[] = [];
    const bg = background(async () => {
      const db = await openStore(name);
      opened.push(db);
      return db;
    });
    expect(await bg.batch()).toMatchObject({ ok: true });
    opened[0]!.close(); // as Chrome does after an I/O error: "The database connection is closing"
    expect(await bg.batch()).toMatchObject({ ok: false });
    expect(await bg.health()).toMatchObject({ error: expect.any(String), since: NOW });
    // The next message opens a new connection.
    expect(await bg.batch()).toMatchObject({ ok: true });
    expect(opened).toHaveLength(2);
    expect(await bg.health()).toBeNull();
    expect(await bg.route({ type: 'ui:reset-data', confirm: true }, page)).toMatchObject({ ok: true });
    expect(await bg.route({ type: 'ui:storage-stats' }, page)).toMatchObject({ ok: true, data: { events: 0 } });
  });

  it('on a full disk (QuotaExceededError) refuses the batch, so the page keeps it, warns, and recovers when space is back', async () => {
    const real = await openStore(`conn-${++n}-${Date.now()}`);
    let full = false;
    const quota = () => new DOMException('Quota exceeded', 'QuotaExceededError');
    // The real database, with writes failing while the disk is "full".
    const db = new Proxy(real, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (full && (prop === 'put' || prop === 'add' || (prop === 'transaction' && args[1] === 'readwrite'))) throw quota();
          return v.apply(target, args);
        };
      },
    });
    const bg = background(async () => db);
    full = true;
    const refused = await bg.batch();
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('Quota exceeded') });
    expect(await bg.health()).toEqual({ error: 'Quota exceeded', since: NOW });
    full = false;
    expect(await bg.batch()).toMatchObject({ ok: true });
    expect(await bg.health()).toBeNull();
  });

  it('tries to open again after a failed open', async () => {
    let attempts = 0;
    const name = `conn-${++n}-${Date.now()}`;
    const connection = createConnection(async () => {
      if (attempts++ === 0) throw new DOMException('disk I/O error', 'UnknownError');
      return openStore(name);
    });
    await expect(connection.db()).rejects.toThrow('disk I/O error');
    await expect(connection.db()).resolves.toBeDefined();
  });
});
