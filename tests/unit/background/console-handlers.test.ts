import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import type { Handlers } from '../../../lib/background/router';
import { exportFileSchema } from '../../../lib/export/schema';
import { hashIdentity } from '../../../lib/export/hash';
import { messageSchema } from '../../../lib/protocol';
import { openStore } from '../../../lib/store/db';
import { storageStats } from '../../../lib/store/queries';
import type { CapturedEvent, Identity } from '../../../lib/types';
import { DEMO_TEXT, demoDraft } from '../helpers/playbook';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const PLAYBOOK_NUDGES = (JSON.parse(DEMO_TEXT).nudges as { id: string }[]).map((n) => n.id);
const DEMO_URL = 'http://127.0.0.1:5173/projects';
const maria: Identity = { account: 'acme', user: 'maria' };
const li: Identity = { account: 'globex', user: 'li' };
const sender = {};
let n = 0;

async function setup() {
  const db = await openStore(`console-${++n}-${Date.now()}`);
  const deps: BackgroundDeps = { db: async () => db, now: () => NOW, onPlaybookChanged: async () => {}, injectWidget: async () => {}, tabExists: async () => true, setClockOffset: async () => {} };
  const h = createHandlers(deps);
  const call = <T extends keyof Handlers>(type: T, msg: Omit<Parameters<Handlers[T]>[0], 'type'>) =>
    (h[type] as (m: unknown, s: unknown) => ReturnType<Handlers[T]>)({ type, ...msg }, sender);
  return { db, call };
}

let seq = 0;
const events = (features: string[]): CapturedEvent[] => features.map((feature) => ({ id: `e${++seq}`, feature, kind: 'submit', ts: NOW - 3_600_000, path: '/projects' }));
const batch = (identity: Identity, features: string[]) => ({ app: 'tasklane', identity, events: events(features), meters: [] });

describe('ui:export', () => {
  it('exports every user recorded in this browser, or only the current one, as a valid export file', async () => {
    const { call } = await setup();
    await call('cs:batch', batch(li, ['create-project']));
    await call('cs:batch', batch(maria, ['create-project', 'add-task', 'build-report', 'share-report']));

    const all = await call('ui:export', { scope: 'all', hashIdentities: false });
    expect(exportFileSchema.parse(all.file).records.map((r) => `${r.account}/${r.user}`).sort()).toEqual(['acme/maria', 'globex/li']);
    const mine = await call('ui:export', { scope: 'current', hashIdentities: false });
    expect(mine.file?.records.map((r) => r.user)).toEqual(['maria']);
    const record = mine.file!.records[0]!;
    expect(record.features.find((f) => f.id === 'share-report')?.count).toBe(1);
    expect(record.milestones.find((m) => m.id === 'first-report-shared')?.reachedAt).toBe(new Date(NOW).toISOString());
    expect(record.exportedAt).toBe(new Date(NOW).toISOString());
  });

  it('hashes identities when asked, unless the playbook already hashed them at capture', async () => {
    const { call } = await setup();
    await call('cs:batch', batch(maria, ['create-project']));
    const hashed = (await call('ui:export', { scope: 'current', hashIdentities: true })).file!.records[0]!;
    expect(hashed).toMatchObject({ account: await hashIdentity('tasklane', 'acme'), user: await hashIdentity('tasklane', 'maria'), identityHashed: true });

    const draft = demoDraft();
    (draft.app as { identity: { hash: boolean } }).identity.hash = true;
    expect(await call('ui:set-playbook', { text: JSON.stringify(draft) })).toMatchObject({ ok: true });
    // Capture stored these already hashed; the export does not hash them a second time.
    const stored = { account: await hashIdentity('tasklane', 'acme'), user: await hashIdentity('tasklane', 'maria') };
    await call('cs:batch', batch(stored, ['add-task']));
    const again = (await call('ui:export', { scope: 'current', hashIdentities: true })).file!.records[0]!;
    expect(again).toMatchObject({ ...stored, identityHashed: true });
  });

  it("carries each of the playbook's nudges with this user's stats from the nudge log", async () => {
    const { db, call } = await setup();
    await db.add('nudges', { app: 'tasklane', account: 'acme', user: 'maria', nudge: 'reports-tip', action: 'shown', ts: NOW - 2 * 3_600_000 });
    await db.add('nudges', { app: 'tasklane', account: 'globex', user: 'li', nudge: 'reports-tip', action: 'dismissed', ts: NOW - 2 * 3_600_000 });
    // Used an hour after the tip was shown: a conversion.
    await call('cs:batch', batch(maria, ['create-project', 'build-report']));
    const record = (await call('ui:export', { scope: 'current', hashIdentities: false })).file!.records[0]!;
    expect(record.nudges.map((n) => n.nudge).sort()).toEqual([...PLAYBOOK_NUDGES].sort());
    expect(record.nudges.find((n) => n.nudge === 'reports-tip')).toEqual({
      nudge: 'reports-tip',
      name: expect.any(String),
      eligible: 1,
      shown: 1,
      heldOut: 0,
      clicked: 0,
      dismissed: 0,
      converted: 1,
      controlConverted: 0,
      lift: null,
    });
    expect(record.nudges.find((n) => n.nudge === 'invite-tip')).toMatchObject({ eligible: 0, shown: 0, converted: 0 });
  });

  it('says why when there is nothing to export', async () => {
    const { call } = await setup();
    expect(await call('ui:export', { scope: 'all', hashIdentities: false })).toEqual({ file: null, reason: expect.stringContaining('Nothing recorded in Tasklane yet') });
  });
});

describe('pause and reset', () => {
  it('paused: pages get no playbook, and batches still in flight are acknowledged but not recorded', async () => {
    const { db, call } = await setup();
    expect((await call('cs:hello', { url: DEMO_URL })).playbook).not.toBeNull();
    expect(await call('ui:set-settings', { paused: true })).toEqual({ paused: true });
    expect(await call('ui:get-settings', {})).toEqual({ paused: true });
    expect((await call('cs:hello', { url: DEMO_URL })).playbook).toBeNull();
    const b = batch(maria, ['create-project']);
    expect((await call('cs:batch', b)).ack).toEqual(b.events.map((e) => e.id));
    expect((await storageStats(db)).events).toBe(0);

    await call('ui:set-settings', { paused: false });
    expect((await call('cs:hello', { url: DEMO_URL })).playbook?.app.id).toBe('tasklane');
  });

  it('reset deletes every recorded thing but keeps the saved playbook and the settings', async () => {
    const { db, call } = await setup();
    const draft = demoDraft();
    (draft.app as { name: string }).name = 'Tasklane EU';
    await call('ui:set-playbook', { text: JSON.stringify(draft) });
    await call('cs:batch', batch(maria, ['create-project', 'add-task']));
    await call('ui:summary', {});
    await db.put('guides', { app: 'tasklane', account: 'acme', user: 'maria', guide: 'g', step: 1, status: 'active', updatedAt: NOW });
    await call('ui:set-settings', { paused: true });
    expect((await call('ui:score-history', {})).days).toHaveLength(1);

    expect(await call('ui:reset-data', { confirm: true })).toEqual({ ok: true });
    expect(await storageStats(db)).toEqual({ events: 0, rollups: 0, milestones: 0, meters: 0, scores: 0 });
    expect(await db.count('guides')).toBe(0);
    expect(await call('ui:get-playbook', {})).toMatchObject({ source: 'saved', app: { name: 'Tasklane EU' } });
    expect(await call('ui:get-settings', {})).toEqual({ paused: true });
    expect(await call('ui:summary', {})).toMatchObject({ summary: null, reason: expect.stringContaining('Nothing recorded') });
    expect(await call('ui:score-history', {})).toMatchObject({ identity: null, days: [] });
  });

  it('refuses a reset message without confirm: true', () => {
    expect(messageSchema.safeParse({ type: 'ui:reset-data' }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'ui:reset-data', confirm: false }).success).toBe(false);
    expect(messageSchema.safeParse({ type: 'ui:reset-data', confirm: true }).success).toBe(true);
  });
});

describe('ui:score-history', () => {
  it('lists the current user\'s daily scores, oldest first', async () => {
    const { call } = await setup();
    expect(await call('ui:score-history', {})).toEqual({ app: { id: 'tasklane', name: 'Tasklane' }, identity: null, days: [] });
    await call('cs:batch', batch(maria, ['create-project']));
    await call('ui:summary', {});
    const h = await call('ui:score-history', {});
    expect(h.identity).toEqual(maria);
    expect(h.days).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), score: expect.any(Number), band: expect.any(String), stage: 'onboarding' }]);
  });
});
