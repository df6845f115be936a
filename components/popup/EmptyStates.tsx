import type { Playbook } from '@/lib/playbook/schema';
import { TabActionButton } from './TabActionButton';
import type { TargetTab } from './tab';

/** A site no playbook covers: say so, and where a playbook for it is loaded. */
export function NotCovered({ reason }: { reason: string }) {
  return (
    <section class="empty-state" aria-labelledby="empty-h">
      <h2 id="empty-h">Nothing to show on this site</h2>
      <p class="empty" data-testid="empty">
        {reason}
      </p>
      <p class="muted">Uptake only runs in the apps its playbooks name, and records nothing anywhere else.</p>
      <a class="button-like secondary" href={`${browser.runtime.getURL('/options.html')}#playbook`} target="_blank" rel="noreferrer">
        Load a playbook
      </a>
    </section>
  );
}

/** A brand-new user: a neutral welcome with the first milestones, not a red score. */
export function GettingStarted({ reason, playbook, tab }: { reason: string; playbook: Playbook | null; tab: TargetTab | null }) {
  const first = playbook?.milestones.slice(0, 3) ?? [];
  return (
    <section class="empty-state start" aria-labelledby="start-h">
      <h2 id="start-h">Getting started{playbook ? ` with ${playbook.app.name}` : ''}</h2>
      <p class="empty" data-testid="empty">
        {reason}
      </p>
      {first.length > 0 && (
        <>
          <p class="muted">First steps:</p>
          <ul class="milestones">
            {first.map((m) => (
              <li key={m.id}>
                <span aria-hidden="true">○</span> {m.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {tab && playbook?.theme.checklist && (
        <div class="row">
          <TabActionButton tab={tab} action={{ kind: 'checklist' }} label="Open the checklist" />
        </div>
      )}
    </section>
  );
}
