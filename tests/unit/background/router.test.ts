import { describe, expect, it, vi } from 'vitest';
import { type Handlers, type Sender, createRouter, isExtensionPage } from '../../../lib/background/router';
import { type MessageOf, type MessageType, isPrivileged, messageSchema } from '../../../lib/protocol';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OPTS = { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/` };

type Tab = NonNullable<Sender['tab']>;
const tab = { id: 12, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, frozen: false, groupId: -1 } as Tab;

/** Where messages come from in a real browser. */
const SENDERS = {
  contentScript: { id: EXT_ID, url: 'https://app.example.com/projects/7', origin: 'https://app.example.com', tab, frameId: 0 },
  popup: { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html`, origin: `chrome-extension://${EXT_ID}` },
  options: { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html#review` },
  otherExtension: { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/bg.html' },
  lookalikeOrigin: { id: EXT_ID, url: `chrome-extension://${EXT_ID}x/popup.html` },
  noUrl: { id: EXT_ID },
} satisfies Record<string, Sender>;

function fakeHandlers() {
  const handlers = {
    'cs:hello': vi.fn<Handlers['cs:hello']>(async () => ({ playbook: null })),
    'cs:batch': vi.fn<Handlers['cs:batch']>(async (msg) => ({ ack: msg.events.map((e) => (e as { id: string }).id), refused: [], newMilestones: [] })),
    'cs:load-widget': vi.fn<Handlers['cs:load-widget']>(async () => ({ loaded: true })),
    'cs:state': vi.fn<Handlers['cs:state']>(async () => ({ milestones: [], guides: [] })),
    'cs:guide': vi.fn<Handlers['cs:guide']>(async () => ({ milestones: [], guides: [] })),
    'cs:guide-failure': vi.fn<Handlers['cs:guide-failure']>(async () => ({ recorded: true })),
    'ui:diagnostics': vi.fn<Handlers['ui:diagnostics']>(async () => ({ failures: [], selfCost: [], refused: { count: 0, lastReason: null, lastAt: null } })),
    'cs:self-cost': vi.fn<Handlers['cs:self-cost']>(async () => ({ recorded: true })),
    'cs:nudge': vi.fn<Handlers['cs:nudge']>(async () => ({ nudge: null, reason: 'none' })),
    'cs:nudge-event': vi.fn<Handlers['cs:nudge-event']>(async () => ({ recorded: true })),
    'cs:nudge-pause': vi.fn<Handlers['cs:nudge-pause']>(async () => ({ pausedUntil: 0 })),
    'ui:nudge-stats': vi.fn<Handlers['ui:nudge-stats']>(async () => ({ stats: [] })),
    'ui:get-clock': vi.fn<Handlers['ui:get-clock']>(async () => ({ offsetMs: 0 })),
    'ui:set-clock': vi.fn<Handlers['ui:set-clock']>(async () => ({ offsetMs: 0 })),
    'ui:summary': vi.fn<Handlers['ui:summary']>(async () => ({ summary: null, reason: 'nothing yet' })),
    'ui:get-playbook': vi.fn<Handlers['ui:get-playbook']>(async () => ({
      source: 'built-in',
      text: '{}',
      app: { id: 'tasklane', name: 'Tasklane' },
      savedAt: null,
    })),
    'ui:set-playbook': vi.fn<Handlers['ui:set-playbook']>(async () => ({ ok: true, app: 'Tasklane' })),
    'ui:reset-playbook': vi.fn<Handlers['ui:reset-playbook']>(async () => ({ ok: true })),
    'ui:storage-stats': vi.fn<Handlers['ui:storage-stats']>(async () => ({ events: 1, rollups: 1, milestones: 0, meters: 0, scores: 0 })),
    'ui:export': vi.fn<Handlers['ui:export']>(async () => ({ file: null, reason: 'nothing yet' })),
    'ui:score-history': vi.fn<Handlers['ui:score-history']>(async () => ({ app: { id: 'tasklane', name: 'Tasklane' }, identity: null, days: [] })),
    'ui:get-settings': vi.fn<Handlers['ui:get-settings']>(async () => ({ paused: false })),
    'ui:set-settings': vi.fn<Handlers['ui:set-settings']>(async () => ({ paused: true })),
    'ui:reset-data': vi.fn<Handlers['ui:reset-data']>(async () => ({ ok: true })),
    'ui:health': vi.fn<Handlers['ui:health']>(async () => ({ storage: null })),
  } satisfies Handlers;
  const called = () => (Object.keys(handlers) as MessageType[]).filter((t) => handlers[t].mock.calls.length > 0);
  return { handlers, called };
}

function setup() {
  const fakes = fakeHandlers();
  const onError = vi.fn();
  const route = createRouter(fakes.handlers, { ...OPTS, onError });
  return { ...fakes, route, onError };
}

const batch = {
  type: 'cs:batch',
  app: 'tasklane',
  identity: { account: 'acme', user: 'u-1' },
  events: [{ id: 'p:1', feature: 'add-task', kind: 'submit', ts: 1, path: '/tasks' }],
  meters: [],
};

type UiType = Extract<MessageType, `ui:${string}`>;
/** One valid message of every ui: type (typed: a ui: type added to the protocol without one here fails to compile). */
const UI_SAMPLES: { [T in UiType]: MessageOf<T> } = {
  'ui:diagnostics': { type: 'ui:diagnostics' },
  'ui:nudge-stats': { type: 'ui:nudge-stats' },
  'ui:get-clock': { type: 'ui:get-clock' },
  'ui:set-clock': { type: 'ui:set-clock', offsetMs: 86_400_000 },
  'ui:summary': { type: 'ui:summary' },
  'ui:get-playbook': { type: 'ui:get-playbook' },
  'ui:set-playbook': { type: 'ui:set-playbook', text: '{}' },
  'ui:reset-playbook': { type: 'ui:reset-playbook' },
  'ui:storage-stats': { type: 'ui:storage-stats' },
  'ui:health': { type: 'ui:health' },
  'ui:export': { type: 'ui:export', scope: 'all', hashIdentities: false },
  'ui:score-history': { type: 'ui:score-history' },
  'ui:get-settings': { type: 'ui:get-settings' },
  'ui:set-settings': { type: 'ui:set-settings', paused: true },
  'ui:reset-data': { type: 'ui:reset-data', confirm: true },
};
/** Every message type the protocol accepts, read from its schema rather than listed by hand. */
const PROTOCOL_TYPES = messageSchema.options.map((o) => o.shape.type.value as MessageType);
const UI_TYPES = PROTOCOL_TYPES.filter((t): t is UiType => t.startsWith('ui:'));

describe('createRouter: who may send what', () => {
  it('covers every ui: type of the protocol, each with a valid sample', () => {
    expect(UI_TYPES.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(UI_SAMPLES).sort()).toEqual([...UI_TYPES].sort());
    for (const t of UI_TYPES) expect(messageSchema.safeParse(UI_SAMPLES[t]).success, t).toBe(true);
  });

  it.each(UI_TYPES.map((t) => [t, UI_SAMPLES[t]] as const))('refuses %s from a content script inside a web page', async (type, msg) => {
    const { route, called } = setup();
    const reply = await route(msg, SENDERS.contentScript);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(`refused: "${type}"`) });
    expect(called()).toEqual([]);
  });

  it('treats exactly the ui: types as privileged, and every other type is a cs: one', () => {
    expect(PROTOCOL_TYPES.filter(isPrivileged)).toEqual(UI_TYPES);
    expect(PROTOCOL_TYPES.filter((t) => !isPrivileged(t)).every((t) => t.startsWith('cs:'))).toBe(true);
  });

  it.each([
    ['the popup', SENDERS.popup],
    ['the options page', SENDERS.options],
  ])('handles a ui: message from %s', async (_, sender) => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'ui:storage-stats' }, sender);
    expect(reply).toEqual({ ok: true, data: { events: 1, rollups: 1, milestones: 0, meters: 0, scores: 0 } });
    expect(handlers['ui:storage-stats']).toHaveBeenCalledWith({ type: 'ui:storage-stats' }, sender);
  });

  it('refuses a ui: message from a URL that only starts like the extension origin', async () => {
    const { route, called } = setup();
    expect(await route({ type: 'ui:reset-playbook' }, SENDERS.lookalikeOrigin)).toMatchObject({ ok: false });
    expect(called()).toEqual([]);
  });

  it('refuses a ui: message from a sender without a URL', async () => {
    const { route, called } = setup();
    expect(await route({ type: 'ui:storage-stats' }, SENDERS.noUrl)).toMatchObject({ ok: false, error: expect.stringContaining('refused') });
    expect(called()).toEqual([]);
  });

  it('handles cs: messages from a content script', async () => {
    const { route, handlers } = setup();
    expect(await route(batch, SENDERS.contentScript)).toEqual({ ok: true, data: { ack: ['p:1'], refused: [], newMilestones: [] } });
    expect(await route({ type: 'cs:hello', url: 'https://app.example.com/' }, SENDERS.contentScript)).toEqual({ ok: true, data: { playbook: null } });
    expect(handlers['cs:batch']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a cs: message', batch],
    ['a ui: message', { type: 'ui:storage-stats' }],
  ])('refuses %s from another extension', async (_, msg) => {
    const { route, called } = setup();
    expect(await route(msg, SENDERS.otherExtension)).toEqual({ ok: false, error: expect.stringContaining('another extension') });
    expect(called()).toEqual([]);
  });
});

describe('createRouter: malformed messages', () => {
  it.each([
    ['an unknown type', { type: 'ui:delete-everything' }],
    ['no type', { url: 'https://app.example.com/' }],
    ['a non-object', 'cs:hello'],
    ['null', null],
    ['undefined', undefined],
    ['a number where a string belongs', { type: 'cs:hello', url: 42 }],
    ['an extra field', { type: 'ui:get-playbook', all: true }],
    ['an empty user id', { ...batch, identity: { account: 'acme', user: '' } }],
    ['more than 1000 events', { ...batch, events: Array.from({ length: 1001 }, (_, i) => ({ ...batch.events[0], id: `p:${i}` })) }],
  ])('answers %s with ok:false and a reason, calling no handler', async (_, msg) => {
    const { route, called } = setup();
    const reply = await route(msg, SENDERS.popup);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^invalid message.*: \S/);
    expect(called()).toEqual([]);
  });

  it('names the type of an invalid message in the reason', async () => {
    const { route } = setup();
    const reply = await route({ type: 'cs:hello', url: 42 }, SENDERS.contentScript);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('invalid message "cs:hello"') });
  });

  it('validates before authorising: a malformed ui: message from a content script is invalid, not run', async () => {
    const { route, called } = setup();
    expect(await route({ type: 'ui:set-playbook', text: 7 }, SENDERS.contentScript)).toMatchObject({ ok: false });
    expect(called()).toEqual([]);
  });
});

describe('createRouter: failing handlers', () => {
  it('turns a handler that throws into ok:false and reports it to onError', async () => {
    const { route, handlers, onError } = setup();
    const boom = new Error('database is closed');
    handlers['ui:storage-stats'].mockRejectedValueOnce(boom);
    expect(await route({ type: 'ui:storage-stats' }, SENDERS.popup)).toEqual({ ok: false, error: 'failed: database is closed' });
    expect(onError).toHaveBeenCalledWith('ui:storage-stats', boom);
  });

  it('survives a handler that throws a non-Error', async () => {
    const { route, handlers } = setup();
    handlers['cs:hello'].mockImplementationOnce(() => {
      throw 'plain string';
    });
    expect(await route({ type: 'cs:hello', url: 'https://x.test/' }, SENDERS.contentScript)).toEqual({ ok: false, error: 'failed: plain string' });
  });

  it('keeps working after a handler failed', async () => {
    const { route, handlers } = setup();
    handlers['ui:storage-stats'].mockRejectedValueOnce(new Error('once'));
    await route({ type: 'ui:storage-stats' }, SENDERS.popup);
    expect(await route({ type: 'ui:storage-stats' }, SENDERS.popup)).toMatchObject({ ok: true });
  });
});

describe('isExtensionPage', () => {
  it('is true only for this extension id and a URL under its origin', () => {
    expect(isExtensionPage(SENDERS.popup, OPTS)).toBe(true);
    expect(isExtensionPage(SENDERS.contentScript, OPTS)).toBe(false);
    expect(isExtensionPage({ ...SENDERS.popup, id: 'other' }, OPTS)).toBe(false);
  });
});
