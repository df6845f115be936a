import { useState } from 'preact/hooks';
import type { AppReview, ReviewRow } from '@/lib/export/review';

/** Accounts shown before "Show all": a heatmap of hundreds of rows helps nobody. */
const FIRST = 50;

/** Five steps of one hue, light to dark, nearest quarter: 0% is the lightest step, shown, not blank. The number carries the meaning. */
const STEPS = [0, 0.25, 0.5, 0.75, 1] as const;
const step = (a: number) => Math.max(0, Math.min(4, Math.round(a * 4)));

/**
 * Feature adoption by account: mean adoption of each core feature across the
 * account's users (100% = every user uses it regularly). It is a table, so the
 * numbers themselves are the text alternative of the colours.
 */
export function Heatmap({ app, rows, multipleApps }: { app: AppReview; rows: ReviewRow[]; multipleApps: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST);
  if (rows.length === 0 || app.coreFeatures.length === 0) return null;
  const id = `heat-${app.app}`;
  return (
    <section aria-labelledby={id} class="heatmap">
      <h3 id={id}>Core feature adoption by account{multipleApps ? ` — ${app.appName}` : ''}</h3>
      <div class="scroll">
        <table class="data heat" data-testid="heatmap">
          <caption>
            Mean adoption per core feature, in the account table's order{shown.length < rows.length ? ` (first ${shown.length} of ${rows.length} accounts)` : ''}. 100% = every user uses the feature regularly, 50% = tried once on average.
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              {app.coreFeatures.map((f) => (
                <th scope="col" key={f.id}>
                  {f.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.account}</th>
                {app.coreFeatures.map((f) => {
                  const a = r.adoption[f.id];
                  return (
                    <td class={a === undefined ? 'num' : `num heat-${step(a)}`} key={f.id} data-feature={f.id}>
                      {a === undefined ? '—' : `${Math.round(a * 100)}%`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="heat-legend" aria-hidden="true">
        Adoption{' '}
        {STEPS.map((v, i) => (
          <span key={v} class={`heat-${i}`}>
            {Math.round(v * 100)}%
          </span>
        ))}
      </p>
      {shown.length < rows.length && (
        <button type="button" class="secondary" onClick={() => setAll(true)}>
          Show all {rows.length} accounts
        </button>
      )}
    </section>
  );
}
