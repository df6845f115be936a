import type { Playbook } from '@/lib/playbook/schema';
import type { UserSummary } from '@/lib/types';
import { formatWhen } from './format';
import { actionFor, actionLabel } from './popup/next-action';
import { TabActionButton } from './popup/TabActionButton';
import type { TargetTab } from './popup/tab';
import { ScoreCard } from './ScoreCard';

interface Props {
  summary: UserSummary;
  playbook?: Playbook | null;
  /** The app's tab, for the next step's button (the popup). */
  tab?: TargetTab | null;
  /** The popup: fewer reasons, the feature table folded away, so it fits 600 px. */
  compact?: boolean;
}

/** Whose data this is: app, user and account. */
export const Who = ({ summary }: { summary: UserSummary }) => (
  <p class="who">
    {summary.app.name} · <span data-testid="identity">{summary.identity.user}</span> <span class="muted">({summary.identity.account})</span>
  </p>
);

/** The current user's recorded data: score, milestones reached, features used, meters. */
export function Progress({ summary, playbook, tab, compact }: Props) {
  const used = summary.features.filter((f) => f.count > 0);
  const unused = summary.features.filter((f) => f.count === 0);
  const reachedIds = new Set(summary.milestones.filter((m) => m.reachedAt !== null).map((m) => m.id));
  const reached = reachedIds.size;
  const firstSeen = summary.score ? new Date(`${summary.score.firstSeen}T00:00:00`).getTime() : null;
  // Time to each milestone, counted from the first recorded use.
  const dayOf = (ts: number) => (firstSeen === null ? '' : ` · day ${Math.max(0, Math.floor((ts - firstSeen) / 86_400_000))}`);
  const action = playbook && tab && summary.score?.nextStep ? actionFor(playbook, summary.score.nextStep, reachedIds) : null;
  const milestone = (m: UserSummary['milestones'][number]) => (
    <li key={m.id} data-milestone={m.id} data-reached={m.reachedAt !== null}>
    <span aria-hidden="true" class={m.reachedAt !== null ? 'tick done' : 'tick'}>
      {m.reachedAt !== null ? '✓' : '○'}
    </span>{' '}
    <span class="name">
      {m.name}
      {m.valueMoment ? <span class="tag">value</span> : null}
    </span>
    <span class="muted when"> {m.reachedAt !== null ? compact ? formatWhen(m.reachedAt, Date.now(), true) : `${formatWhen(m.reachedAt)}${dayOf(m.reachedAt)}` : 'not yet'}</span>
            </li>
  );
  const meters = summary.meters.map((m) => (
    <li key={m.id} data-meter={m.id}>
      {m.name}: <strong data-meter-value>{m.used === null ? 'not read yet' : m.limit === null ? `${m.used}` : `${m.used} of ${m.limit}`}</strong>
    </li>
  ));
  const features = (
    <table class="features">
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Uses</th>
          <th scope="col">Last used</th>
        </tr>
      </thead>
      <tbody>
        {[...used, ...unused].map((f) => (
          <tr key={f.id} data-feature={f.id}>
            <th scope="row">{f.name}</th>
            <td data-count>{f.count}</td>
            <td>{formatWhen(f.lastUsed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div class={`progress${compact ? ' compact' : ''}`}>
      {!compact && <Who summary={summary} />}
      {summary.score && (
        <ScoreCard
          score={summary.score}
          compact={compact}
          action={action && tab ? <TabActionButton tab={tab} action={action} label={actionLabel(action)} /> : null}
        />
      )}

      <section aria-labelledby="ms-h">
        <h2 id="ms-h">
          Milestones <span class="muted">{reached} of {summary.milestones.length}</span>
        </h2>
        <div class="meter" aria-hidden="true">
          <span style={{ width: `${summary.milestones.length ? (100 * reached) / summary.milestones.length : 0}%` }} />
        </div>
        {compact && reached > 0 ? (
          <>
            {reached < summary.milestones.length && <ul class="milestones">{summary.milestones.filter((m) => m.reachedAt === null).map(milestone)}</ul>}
            <details class="fold">
              <summary>
                <span aria-hidden="true" class="tick done">
                  ✓
                </span>{' '}
                {reached === summary.milestones.length ? `All ${reached} reached` : `${reached} reached`}
              </summary>
              <ul class="milestones">{summary.milestones.filter((m) => m.reachedAt !== null).map(milestone)}</ul>
            </details>
          </>
        ) : (
          <ul class="milestones">{summary.milestones.map(milestone)}</ul>
        )}
      </section>

      {compact ? (
        <details class="features-fold">
          <summary>
            <h2 id="ft-h">
              Features used <span class="muted">{used.length} of {summary.features.length}</span>
            </h2>
          </summary>
          {features}
        </details>
      ) : (
        <section aria-labelledby="ft-h">
          <h2 id="ft-h">
            Features used <span class="muted">{used.length} of {summary.features.length}</span>
          </h2>
          {features}
        </section>
      )}

      {summary.meters.length > 0 && (
        <section aria-labelledby="mt-h" class="usage">
          <h2 id="mt-h">Usage</h2>
          <ul class="meters">{meters}</ul>
        </section>
      )}
    </div>
  );
}
