import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import type { UserSummary } from '@/lib/types';
import { Progress } from './Progress';
import { ShareProgress } from './ShareProgress';
import { StorageWarning } from './StorageWarning';

type State = { kind: 'loading' } | { kind: 'empty'; reason: string } | { kind: 'data'; summary: UserSummary } | { kind: 'error'; message: string };

/** The page to report on: `?url=` when the popup is opened as a page (tests, keyboard users), else the active tab. */
async function targetUrl(): Promise<string | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    targetUrl()
      .then((url) => request<'ui:summary'>({ type: 'ui:summary', url: url ?? '' }))
      .then((r) => setState(r.summary ? { kind: 'data', summary: r.summary } : { kind: 'empty', reason: r.reason ?? '' }))
      .catch((e: Error) => setState({ kind: 'error', message: e.message }));
  }, []);

  return (
    <main class="popup">
      <header>
        <h1>Uptake</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings
        </a>
      </header>
      <StorageWarning />
      {state.kind === 'loading' && <p aria-busy="true">Loading your progress…</p>}
      {state.kind === 'empty' && (
        <p class="empty" data-testid="empty">
          {state.reason}
        </p>
      )}
      {state.kind === 'error' && <p role="alert">Uptake could not load your progress: {state.message}</p>}
      {state.kind === 'data' && <Progress summary={state.summary} />}
      {state.kind === 'data' && <ShareProgress />}
    </main>
  );
}
