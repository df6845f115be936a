import type { TabAction } from './next-action';

export interface TargetTab {
  id: number | null;
  url: string;
}

/**
 * The tab the popup reports on: the active one, or `?url=` (and `?tab=`) when the
 * popup is opened as a page (tests, keyboard users).
 */
export async function targetTab(): Promise<TargetTab | null> {
  const q = new URLSearchParams(location.search);
  const url = q.get('url');
  if (url) return { id: q.has('tab') ? Number(q.get('tab')) : null, url };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? { id: tab.id ?? null, url: tab.url } : null;
}

/**
 * Runs in the app's tab, in Uptake's isolated world (where the page cannot reach): asks the
 * widget to open its checklist or run a milestone's tour. Self-contained: it is serialised into the tab.
 */
function openInWidget(milestone: string | null): string {
  const api = (globalThis as { __uptakeWidget?: { command?: (c: unknown) => string } }).__uptakeWidget;
  return api?.command?.(milestone === null ? { kind: 'checklist' } : { kind: 'guide', milestone }) ?? 'no-widget';
}

const FAILURE: Record<string, string> = {
  'no-widget': 'Uptake is not running in this tab yet. Reload the page and try again.',
  'no-checklist': 'This app has no checklist.',
  'no-guide': 'That tour is not available on this page.',
};

/** Does `action` in the tab; resolves to null when done, or to what went wrong in plain words. */
export async function runInTab(tab: TargetTab, action: TabAction): Promise<string | null> {
  if (tab.id === null) return 'No tab to act in.';
  if (action.kind === 'navigate') {
    await browser.tabs.update(tab.id, { url: new URL(action.path, tab.url).href, active: true });
    return null;
  }
  const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: openInWidget, args: [action.kind === 'guide' ? action.milestone : null] });
  const outcome = String(res?.result ?? 'no-widget');
  if (outcome !== 'done') return FAILURE[outcome] ?? outcome;
  await browser.tabs.update(tab.id, { active: true });
  return null;
}
