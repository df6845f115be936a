import type { UptakeDb } from '../store/db';

/** User settings of the extension itself (not of an app: those live in the playbook). */
export interface Settings {
  /** Capture paused: the background hands no playbook to pages, so nothing is recorded from the next page load on. */
  paused: boolean;
}

export const SETTINGS_KEY = 'settings';
const DEFAULTS: Settings = { paused: false };

export async function loadSettings(db: UptakeDb): Promise<Settings> {
  return { ...DEFAULTS, ...((await db.get('meta', SETTINGS_KEY)) as Partial<Settings> | undefined) };
}

export async function saveSettings(db: UptakeDb, change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(db)), ...change };
  await db.put('meta', next, SETTINGS_KEY);
  return next;
}
