import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { createRouter } from '../../../lib/background/router';
import { openStore } from '../../../lib/store/db';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const page = { id: EXT_ID, url: 'http://127.0.0.1/projects', tab: { id: 3 } as never, frameId: 0 };
const options = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` };
let n = 0;

/** Handlers over a database that can be made to fail to open, as on a full disk. */
async function setup() {
  const real = await openStore(`failing-${++n}-${Date.now()}`);
  let failing = false;
  const db = async () => {
    if (failing) throw Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' });
    return real;
  };
  const deps: BackgroundDeps = { db, now: Date.now, onPlaybookChanged: async () => {}, injectWidget: async () => {}, tabExists: async () => true, setClockOffset: async () => {} };
  const route = createRouter(createHandlers(deps), { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/` });
  return { route, fail: (on: boolean) => (failing = on) };
}

const hello = { type: 'cs:hello', url: 'http://127.0.0.1/projects' };

describe('while the database cannot be opened', () => {
  it('a page opened now still gets the playbook the worker last read, so its events wait in its outbox', async () => {
    const { route, fail } = await setup();
    const before = await route(hello, page);
    expect(before).toMatchObject({ ok: true, data: { playbook: { app: { id: 'tasklane' } } } });
    fail(true);
    expect(await route(hello, page)).toEqual(before);
  });

  it('a playbook load that failed is tried again, not remembered as failed', async () => {
    const { route, fail } = await setup();
    fail(true);
    expect(await route(hello, page)).toMatchObject({ ok: false });
    expect(await route({ type: 'ui:get-playbook' }, options)).toMatchObject({ ok: false });
    fail(false);
    expect(await route({ type: 'ui:get-playbook' }, options)).toMatchObject({ ok: true, data: { app: { id: 'tasklane' } } });
  });
});
