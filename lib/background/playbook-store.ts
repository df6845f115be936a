import demoPlaybook from '../../demo/playbook.json';
import { parsePlaybook } from '../playbook/parse';
import type { Playbook } from '../playbook/schema';
import type { PlaybookInfo } from '../protocol';
import type { UptakeDb } from '../store/db';

/** The demo app's playbook ships inside the extension: with nothing else saved, Uptake uses it. */
export const BUILT_IN_TEXT = JSON.stringify(demoPlaybook, null, 2);

interface SavedPlaybook {
  text: string;
  savedAt: number;
}

const KEY = 'playbook';
/** The meta entry of the saved playbook: a data reset keeps it. */
export const PLAYBOOK_KEY = KEY;

export interface ActivePlaybook {
  playbook: Playbook;
  info: PlaybookInfo;
}

function activate(text: string, source: PlaybookInfo['source'], savedAt: number | null): ActivePlaybook | null {
  const parsed = parsePlaybook(text);
  if (!parsed.ok) return null;
  const { id, name } = parsed.playbook.app;
  return { playbook: parsed.playbook, info: { source, text, savedAt, app: { id, name } } };
}

/** The saved playbook, or the built-in one when none is saved (or the saved one no longer parses). */
export async function loadActivePlaybook(db: UptakeDb): Promise<ActivePlaybook> {
  const saved = (await db.get('meta', KEY)) as SavedPlaybook | undefined;
  const fromSaved = saved ? activate(saved.text, 'saved', saved.savedAt) : null;
  const active = fromSaved ?? activate(BUILT_IN_TEXT, 'built-in', null);
  if (!active) throw new Error('Uptake: the built-in demo playbook does not parse; the build is broken');
  return active;
}

export async function savePlaybook(db: UptakeDb, text: string, now: number): Promise<void> {
  await db.put('meta', { text, savedAt: now } satisfies SavedPlaybook, KEY);
}

export async function clearSavedPlaybook(db: UptakeDb): Promise<void> {
  await db.delete('meta', KEY);
}
