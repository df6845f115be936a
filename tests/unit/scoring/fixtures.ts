import { validatePlaybook } from '../../../lib/playbook/parse';
import type { Playbook } from '../../../lib/playbook/schema';
import type { ScoringOverrides } from '../../../lib/scoring/defaults';
import { scoreUser } from '../../../lib/scoring/score';
import type { UserHistory, UserScore } from '../../../lib/scoring/types';
import { history, NOW, uses, weekly } from '../helpers/history';
import { demoDraft, type Json } from '../helpers/playbook';

/** The demo playbook, edited and then validated like an author's file; throws with the errors if the edit broke it. */
export function demoWith(change: (draft: { [key: string]: Json }) => void = () => {}): Playbook {
  const draft = demoDraft();
  change(draft);
  const r = validatePlaybook(draft);
  if (!r.ok) throw new Error(`test playbook does not validate: ${JSON.stringify(r.errors)}`);
  return r.playbook;
}

/** The demo playbook with `settings.scoring` overrides. */
export function demoScoring(scoring: ScoringOverrides): Playbook {
  return demoWith((d) => {
    d.settings = { scoring: scoring as Json };
  });
}

/** Any valid playbook from a plain object (a small synthetic one). */
export function playbook(value: unknown): Playbook {
  const r = validatePlaybook(value);
  if (!r.ok) throw new Error(`test playbook does not validate: ${JSON.stringify(r.errors)}`);
  return r.playbook;
}

export const DEMO = demoWith();
export const CORE = DEMO.features.filter((f) => f.core).map((f) => f.id);
export const VALUE_MILESTONE = 'first-report-shared';
export const featureName = (id: string) => DEMO.features.find((f) => f.id === id)!.name;
export const milestoneName = (id: string) => DEMO.milestones.find((m) => m.id === id)!.name;

/** Every demo milestone reached, value moment included, `firstSeen - 1 … - 5` days ago (days 1–5 of the user's life). */
export function allMilestones(firstSeen: number): Record<string, number> {
  return Object.fromEntries(DEMO.milestones.map((m, i) => [m.id, firstSeen - 1 - i]));
}

/**
 * A healthy long-time user of the demo app: every core feature on 5 days a week for
 * `weeks` weeks, every milestone reached in the first week. Extra parts are merged in.
 */
export function healthyUser(extra: Partial<Parameters<typeof history>[0]> = {}, weeks = 17): UserHistory {
  // An active weekday, so the first day of use is `firstSeen` days ago.
  const firstSeen = weeks * 7 - 3;
  return history({ usage: uses(CORE, weekly(5, firstSeen), 3), milestones: allMilestones(firstSeen), ...extra });
}

/** scoreUser, failing the test (not returning null) when the history has no use. */
export function score(pb: Playbook, h: UserHistory, now = NOW): UserScore {
  const r = scoreUser(pb, h, now);
  if (!r) throw new Error('scoreUser returned null for a history with use');
  return r;
}
