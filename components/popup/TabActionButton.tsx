import { useState } from 'preact/hooks';
import type { TabAction } from './next-action';
import { type TargetTab, runInTab } from './tab';

/** A button that does something in the app's tab (start a tour, open the checklist, go to a page), then closes the popup. */
export function TabActionButton({ tab, action, label, secondary }: { tab: TargetTab; action: TabAction; label: string; secondary?: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = () =>
    runInTab(tab, action).then(
      (p) => {
        setProblem(p);
        // Opened as Chrome's popup (no ?url=): it has done its job.
        if (p === null && !new URLSearchParams(location.search).has('url')) window.close();
      },
      (e: Error) => setProblem(e.message),
    );
  return (
    <>
      <button type="button" class={secondary ? 'secondary' : undefined} onClick={run} data-action={action.kind}>
        {label}
      </button>
      {problem && (
        <span class="errors" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
