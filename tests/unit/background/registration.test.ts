import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRegistrar, SCRIPT_ID, syncContentScripts } from '../../../lib/background/registration';
import type { Playbook } from '../../../lib/playbook/schema';
import { createHandlers } from '../../../lib/background/handlers';
import { openStore } from '../../../lib/store/db';
import { demoDraft, demoPlaybook } from '../helpers/playbook';

// WXT's fake browser has no scripting API: this one keeps registrations the way Chrome does,
// each call answering after a turn of the event loop, and refuses an id registered twice.
type Script = { id: string; matches?: string[] };
let registered: Map<string, Script>;
const turn = () => new Promise((r) => setTimeout(r, 1));

beforeEach(() => {
  fakeBrowser.reset();
  registered = new Map();
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = vi.fn(async (filter?: { ids?: string[] }) => {
    await turn();
    return [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
  });
  scripting.registerContentScripts = vi.fn(async (scripts: Script[]) => {
    await turn();
    for (const s of scripts) {
      if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.set(s.id, s);
    }
  });
  scripting.updateContentScripts = vi.fn(async (scripts: Script[]) => {
    await turn();
    for (const s of scripts) {
      if (!registered.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
      registered.set(s.id, s);
    }
  });
  scripting.unregisterContentScripts = vi.fn(async (filter: { ids: string[] }) => {
    await turn();
    for (const id of filter.ids) registered.delete(id);
  });
  (fakeBrowser.permissions as unknown as Record<string, unknown>).contains = vi.fn(async () => true);
});

const playbookFor = (host: string): Playbook => {
  const pb = demoPlaybook();
  pb.app.matches = [`https://${host}/*`];
  return pb;
};

describe('registering the capture script', () => {
  it('without one run at a time, two at once both register and Chrome refuses one (the race the registrar removes)', async () => {
    const results = await Promise.allSettled([syncContentScripts(playbookFor('a.example')), syncContentScripts(playbookFor('b.example'))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('runs one at a time: the worker starting while a playbook is saved ends with the saved playbook registered, and no error', async () => {
    let active = playbookFor('old.example');
    const register = createRegistrar(async () => active);
    const atStart = register();
    await new Promise((r) => setTimeout(r, 0));
    // The start's run has read its playbook and is registering it when the user saves a playbook for another app.
    active = playbookFor('new.example');
    const afterSave = register();
    await expect(Promise.all([atStart, afterSave])).resolves.toEqual([['https://old.example/*'], ['https://new.example/*']]);
    expect([...registered.values()]).toEqual([expect.objectContaining({ id: SCRIPT_ID, matches: ['https://new.example/*'] })]);
  });

  it('goes on after a failed run', async () => {
    let reads = 0;
    const register = createRegistrar(async () => {
      if (reads++ === 0) throw new Error('the store could not be read');
      return playbookFor('a.example');
    });
    const first = register();
    await expect(first).rejects.toThrow('the store could not be read');
    await expect(register()).resolves.toEqual(['https://a.example/*']);
  });

  it('converges: a new worker finds the scripts of the playbook before the save and registers the stored one; when right, changes nothing', async () => {
    registered.set(SCRIPT_ID, { id: SCRIPT_ID, matches: ['https://old.example/*'] });
    // The worker stopped after storing the new playbook, before registering it; the next start runs this.
    const register = createRegistrar(async () => playbookFor('new.example'));
    await register();
    expect(registered.get(SCRIPT_ID)?.matches).toEqual(['https://new.example/*']);
    const update = fakeBrowser.scripting.updateContentScripts as unknown as ReturnType<typeof vi.fn>;
    const calls = update.mock.calls.length;
    await register(); // a page's hello: already right
    expect(update.mock.calls.length).toBe(calls);
  });

  it('registers only the pages whose origin the user granted, and nothing when none is', async () => {
    const granted = new Set(['https://granted.example/*']);
    (fakeBrowser.permissions as unknown as Record<string, unknown>).contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)));
    const pb = demoPlaybook();
    pb.app.matches = ['https://granted.example/app/*', 'https://refused.example/*'];
    expect(await syncContentScripts(pb)).toEqual(['https://granted.example/app/*']);
    expect(registered.get(SCRIPT_ID)?.matches).toEqual(['https://granted.example/app/*']);
    granted.clear(); // the user removed the permission
    expect(await syncContentScripts(pb)).toEqual([]);
    expect(registered.has(SCRIPT_ID)).toBe(false);
  });
});

describe('saving a playbook and registration', () => {
  it('reports the save as successful when the playbook is stored, trying a failed registration again', async () => {
    const db = await openStore(`registration-${Date.now()}`);
    let attempts = 0;
    const checks = vi.fn();
    const h = createHandlers({
      db: async () => db,
      now: () => Date.now(),
      onPlaybookChanged: async () => {
        if (attempts++ === 0) throw new Error('the worker is shutting down');
      },
      checkRegistration: checks,
      injectWidget: async () => {},
      tabExists: async () => true,
      setClockOffset: async () => {},
    });
    const draft = demoDraft();
    (draft.app as { name: string }).name = 'Renamed';
    await expect(h['ui:set-playbook']({ type: 'ui:set-playbook', text: JSON.stringify(draft) }, {})).resolves.toMatchObject({ ok: true });
    expect(attempts).toBe(2);
    expect((await h['ui:get-playbook']({ type: 'ui:get-playbook' }, {})).app.name).toBe('Renamed');
    // Every page's hello checks the registration against the stored playbook.
    await h['cs:hello']({ type: 'cs:hello', url: 'http://127.0.0.1/projects' }, {});
    expect(checks).toHaveBeenCalledTimes(1);
  });
});
