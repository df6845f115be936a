import type { NudgeStats } from '@/lib/nudges/stats';
import type { Playbook } from '@/lib/playbook/schema';

type Trigger = Playbook['nudges'][number]['trigger'];

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** A nudge's trigger in plain words, with the playbook's names for what it refers to. */
export function describeTrigger(t: Trigger, pb: Pick<Playbook, 'features' | 'milestones' | 'meters' | 'guides'>): string {
  const name = (list: readonly { id: string; name?: string }[], id: string) => `"${list.find((x) => x.id === id)?.name ?? id}"`;
  switch (t.on) {
    case 'feature-not-adopted':
      return `${name(pb.features, t.feature)} still unused ${days(t.afterDays)} after first use of the app`;
    case 'milestone-stalled':
      return `${name(pb.milestones, t.milestone)} not reached ${days(t.afterDays)} after first use`;
    case 'usage-drop':
      return 'The user’s usage dropped against their usual weeks';
    case 'meter':
      return `${name(pb.meters, t.meter)} at ${Math.round(t.atLeast * 100)}% of its limit or more`;
    case 'gated-attempts':
      return `${t.atLeast} or more tries of features behind the plan’s upgrade wall`;
    case 'guide-completed':
      return `Right after the tour ${name(pb.guides, t.guide)} is completed`;
    case 'milestone-reached':
      return `Within ${days(t.withinDays)} of reaching ${name(pb.milestones, t.milestone)}`;
    case 'route':
      return `On the page ${t.path}`;
  }
}

const KIND: Record<Playbook['nudges'][number]['kind'], string> = { tip: 'Tip', 'tour-invite': 'Tour invitation', celebrate: 'Celebration', referral: 'Referral', expansion: 'Expansion prompt' };
export const kindLabel = (k: keyof typeof KIND) => KIND[k];

/** Lift in points with its 95% confidence interval (normal approximation of a difference of two rates). */
export function liftText(s: Pick<NudgeStats, 'lift' | 'shown' | 'converted' | 'heldOut' | 'controlConverted'>): string {
  if (s.lift === null) return '—';
  const sign = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x))}`;
  if (s.shown === 0 || s.heldOut === 0) return `${sign(s.lift)} pts`;
  const p1 = s.converted / s.shown;
  const p2 = s.controlConverted / s.heldOut;
  const half = 196 * Math.sqrt((p1 * (1 - p1)) / s.shown + (p2 * (1 - p2)) / s.heldOut);
  return `${sign(s.lift)} pts (95% CI ${sign(s.lift - half)} to ${sign(s.lift + half)})`;
}
