import type { ComponentChildren } from 'preact';
import type { UserScore } from '@/lib/scoring/types';

// An end user reads this: during onboarding a low score means "early", not "failing".
const BAND_TEXT = {
  onboarding: { green: 'On track', yellow: 'Making progress', red: 'Just getting started' },
  adopted: { green: 'On track', yellow: 'Needs attention', red: 'At risk' },
} as const;

/** Onboarding and still low: shown in a neutral colour, not as a red alarm. */
const tone = (s: UserScore) => (s.stage === 'onboarding' && s.band === 'red' ? 'start' : s.band);

interface Props {
  score: UserScore;
  /** The popup: no heading over the reasons. */
  compact?: boolean;
  /** A button that does the next step. */
  action?: ComponentChildren;
}

/** Score and band, the biggest reasons in plain words, time to value and the next best step. */
export function ScoreCard({ score, compact, action }: Props) {
  const { reasons } = score;
  return (
    <section aria-labelledby="score-h" class={`score band-${tone(score)}`}>
      <h2 id="score-h" class="sr-only">
        Adoption score
      </h2>
      <div class="score-line">
        <span class="score-value" data-testid="score">
          {score.score}
        </span>
        <span class="sr-only"> out of 100</span>
        <span class="band" data-testid="band" data-band={score.band}>
          {BAND_TEXT[score.stage][score.band]}
        </span>
        <span class="muted stage">{score.stage === 'onboarding' ? 'Onboarding' : 'Adopted'}</span>
      </div>
      <div class="score-bar" aria-hidden="true">
        <span style={{ width: `${score.score}%` }} />
      </div>
      {!compact && <h3>What moved it this week</h3>}
      {reasons.length ? (
        <ul data-testid="reasons" class="reasons" aria-label="What moved it this week">
          {reasons.map((r) => (
            <li key={r.code} data-code={r.code}>
              <span aria-hidden="true" class={r.delta > 0 ? 'up' : 'down'}>
                {r.delta > 0 ? '▲' : '▼'}
              </span>{' '}
              {r.text}{' '}
              <span class="muted">
                ({r.delta > 0 ? '+' : ''}
                {Math.round(r.delta)} pts)
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="reasons" class="muted">
          No big change this week.
        </p>
      )}
      {score.ttvDays !== null && (
        <p data-testid="ttv" class="ttv">
          First value reached {score.ttvDays === 0 ? 'on your first day' : `${score.ttvDays} day${score.ttvDays === 1 ? '' : 's'} after you started`}.
        </p>
      )}
      {score.nextStep && (
        <div class="next">
          <p data-testid="next-step">
            <strong>Next step:</strong> {score.nextStep.text}
          </p>
          {action}
        </div>
      )}
      {score.alert.active && (
        <p class="alert" data-testid="drop-alert">
          Your use dropped {Math.round(score.alert.drop * 100)}% against your usual weeks.
        </p>
      )}
    </section>
  );
}
