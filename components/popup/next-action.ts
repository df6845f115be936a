import type { Playbook } from '@/lib/playbook/schema';
import type { NextStep } from '@/lib/scoring/types';

/** What the popup's next-step button does in the app's tab. */
export type TabAction = { kind: 'guide'; guide: string; milestone: string } | { kind: 'navigate'; path: string } | { kind: 'checklist' };

/** A route a tab can be sent to as it is: no ":param" or "*" in it. */
const staticPath = (p: string) => p.startsWith('/') && !/[:*]/.test(p);

/**
 * The one thing that moves the user forward: the milestone's tour, the page of the
 * feature to try, or else the checklist. Only tours the playbook really has.
 */
export function actionFor(pb: Pick<Playbook, 'features' | 'milestones' | 'guides'>, step: NextStep | null, reached: ReadonlySet<string> = new Set()): TabAction {
  const hasGuide = (g: string | undefined): g is string => g !== undefined && pb.guides.some((x) => x.id === g);
  if (step?.milestone) {
    const m = pb.milestones.find((x) => x.id === step.milestone);
    if (m && hasGuide(m.guide)) return { kind: 'guide', guide: m.guide, milestone: m.id };
  }
  if (step?.feature) {
    const f = pb.features.find((x) => x.id === step.feature);
    const route = f?.detect.find((r) => r.on === 'route' && staticPath(r.path));
    if (route?.on === 'route') return { kind: 'navigate', path: route.path };
    // A tour that teaches the feature: an open milestone that counts it.
    const m = pb.milestones.find((x) => !reached.has(x.id) && hasGuide(x.guide) && [...(x.allOf ?? []), ...(x.anyOf ?? [])].some((c) => c.feature === step.feature));
    if (m?.guide) return { kind: 'guide', guide: m.guide, milestone: m.id };
  }
  return { kind: 'checklist' };
}

export const actionLabel = (a: TabAction) => (a.kind === 'guide' ? 'Show me how' : a.kind === 'navigate' ? 'Take me there' : 'Open the checklist');
