import type { UserSummary } from '@/lib/types';
import { formatWhen } from './format';
import { ScoreCard } from './ScoreCard';

/** The current user's recorded data: features used, milestones reached, meters. */
export function Progress({ summary }: { summary: UserSummary }) {
  const used = summary.features.filter((f) => f.count > 0);
  const unused = summary.features.filter((f) => f.count === 0);
  const reached = summary.milestones.filter((m) => m.reachedAt !== null).length;
  const firstSeen = summary.score ? new Date(`${summary.score.firstSeen}T00:00:00`).getTime() : null;
  // Time to each milestone, counted from the first recorded use.
  const dayOf = (ts: number) => (firstSeen === null ? '' : ` · day ${Math.max(0, Math.floor((ts - firstSeen) / 86_400_000))}`);
  return (
    <div class="progress">
      <p class="who">
        {summary.app.name} · <span data-testid="identity">{summary.identity.user}</span> ({summary.identity.account})
      </p>
      {summary.score && <ScoreCard score={summary.score} />}

      <section aria-labelledby="ms-h">
        <h2 id="ms-h">
          Milestones <span class="muted">{reached} of {summary.milestones.length}</span>
        </h2>
        <ul class="milestones">
          {summary.milestones.map((m) => (
            <li key={m.id} data-milestone={m.id} data-reached={m.reachedAt !== null}>
              <span aria-hidden="true">{m.reachedAt !== null ? '✓' : '○'}</span> {m.name}
              {m.valueMoment ? <span class="tag">value</span> : null}
              <span class="muted"> {m.reachedAt !== null ? `${formatWhen(m.reachedAt)}${dayOf(m.reachedAt)}` : 'not yet'}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ft-h">
        <h2 id="ft-h">
          Features used <span class="muted">{used.length} of {summary.features.length}</span>
        </h2>
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
      </section>

      {summary.meters.length > 0 && (
        <section aria-labelledby="mt-h">
          <h2 id="mt-h">Usage</h2>
          <ul class="meters">
            {summary.meters.map((m) => (
              <li key={m.id} data-meter={m.id}>
                {m.name}:{' '}
                <strong data-meter-value>
                  {m.used === null ? 'not read yet' : m.limit === null ? `${m.used}` : `${m.used} of ${m.limit}`}
                </strong>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
