import { OUTBOX_PREFIX } from '../content/outbox-key';

/** What the drain needs of `browser.storage.local` (injected in tests). */
export interface KeyValueStore {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Stores the copies of unacknowledged events that pages keep in extension storage (a tab
 * closed or a browser quit before the answer came), then removes them. Each copy goes
 * through `deliver`, the same validated path as a content script's `cs:batch`: stored once
 * per id, so a copy of events already acknowledged is harmless. A copy whose delivery
 * failed (the database cannot write) stays for the next drain.
 */
export async function drainOutboxes(store: KeyValueStore, deliver: (msg: unknown) => Promise<boolean>): Promise<number> {
  const all = await store.get(null);
  const done: string[] = [];
  let events = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    if (await deliver(value)) {
      done.push(key);
      events += Array.isArray((value as { events?: unknown })?.events) ? (value as { events: unknown[] }).events.length : 0;
    }
  }
  if (done.length) await store.remove(done);
  return events;
}

/** Removes every page's copy (a data reset must not bring back what it deleted). */
export async function clearOutboxes(store: KeyValueStore): Promise<void> {
  const keys = Object.keys(await store.get(null)).filter((k) => k.startsWith(OUTBOX_PREFIX));
  if (keys.length) await store.remove(keys);
}
