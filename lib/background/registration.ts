import { originPattern } from '../playbook/match-url';
import type { Playbook } from '../playbook/schema';

export const SCRIPT_ID = 'uptake-guide';
export const SCRIPT_FILE = 'content-scripts/guide.js';

/** Match patterns of the playbook whose origins the user has granted. */
export async function grantedMatches(pb: Playbook): Promise<string[]> {
  const out: string[] = [];
  for (const m of pb.app.matches) {
    if (await browser.permissions.contains({ origins: [originPattern(m)] })) out.push(m);
  }
  return out;
}

/**
 * Registers the capture script for the playbook's pages (and only those), so the
 * manifest needs no all-URLs permission. Safe to call on every worker start.
 */
export async function syncContentScripts(pb: Playbook): Promise<string[]> {
  const matches = await grantedMatches(pb);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = { id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle' as const, persistAcrossSessions: true };
  // Already right (the usual case on a worker start or a page's hello): nothing to change.
  if (existing.length && sameSet(existing[0]?.matches ?? [], matches)) return matches;
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Registration, one run at a time, each with the active playbook as it is when its turn comes.
 * The worker's start and a playbook saved at that moment would otherwise both find no script
 * registered and both register it (Chrome refuses the second: "Duplicate script ID", and the
 * save is reported as failed), or the older playbook's run could end last and leave its pages
 * registered instead of the new ones.
 */
export function createRegistrar(activePlaybook: () => Promise<Playbook>, sync: (pb: Playbook) => Promise<string[]> = syncContentScripts) {
  let last: Promise<unknown> = Promise.resolve();
  return (): Promise<string[]> => {
    const run = last.catch(() => undefined).then(async () => sync(await activePlaybook()));
    last = run;
    return run;
  };
}

export const WIDGET_FILE = '/widget.js';

/**
 * The widget (Preact, positioning, styles) is loaded only into pages that show it,
 * into the same isolated world as the capture script: the page itself never sees it,
 * and the script that loads with every page stays small.
 */
export async function injectWidget(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [WIDGET_FILE], world: 'ISOLATED' });
}
