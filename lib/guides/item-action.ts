import type { Anchor, Milestone, Playbook } from '../playbook/schema';

/** What a checklist item (or a celebration's next step) offers: its tour, or where its feature lives. */
export interface ItemAction {
  guide?: string;
  path?: string;
  anchor?: Anchor;
}

type Pb = Pick<Playbook, 'features' | 'guides'>;

/** A route the tab can be sent to as it is: no ":param" or "*" in it. */
const plain = (p: string) => !/[:*]/.test(p);

/**
 * The milestone's tour if the playbook has it; else the page (a route rule the tab can go to)
 * and element (anchor) of its first feature that has either; null when there is nowhere to go.
 */
export function itemAction(pb: Pb, m: Milestone): ItemAction | null {
  if (m.guide && pb.guides.some((g) => g.id === m.guide)) return { guide: m.guide };
  for (const c of [...(m.allOf ?? []), ...(m.anyOf ?? [])]) {
    const f = pb.features.find((x) => x.id === c.feature);
    const rule = f?.detect.find((r) => r.on === 'route' && plain(r.path));
    const path = rule?.on === 'route' ? rule.path : undefined;
    if (path || f?.anchor) return { path, anchor: f?.anchor };
  }
  return null;
}

/** The first milestone not reached yet with a tour or a page to go to: a celebration's next step, wherever the user is. */
export function nextStep(pb: Pb & Pick<Playbook, 'milestones'>, reached: ReadonlySet<string>): { milestone: Milestone; action: ItemAction } | null {
  for (const milestone of pb.milestones) {
    const action = reached.has(milestone.id) ? null : itemAction(pb, milestone);
    if (action?.guide || action?.path) return { milestone, action: action! };
  }
  return null;
}
