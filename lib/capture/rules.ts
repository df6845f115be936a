import type { Anchor, Playbook } from '../playbook/schema';
import { type RouteMatcher, compileRoute } from './route';

/** The playbook's detection rules grouped by event type, so each listener looks only at its own rules. */
export interface CompiledRules {
  click: { feature: string; anchor: Anchor }[];
  dblclick: { feature: string; anchor: Anchor }[];
  submit: { feature: string; anchor: Anchor }[];
  change: { feature: string; anchor: Anchor }[];
  drag: { feature: string; from: Anchor; to: Anchor }[];
  route: { feature: string; pattern: string; re: RouteMatcher }[];
  visible: { feature: string; anchor: Anchor }[];
  /** Features counted when a guide is completed. */
  guide: { feature: string; guide: string }[];
  key: {
    feature: string;
    key: string;
    ctrl: boolean;
    meta: boolean;
    alt: boolean;
    shift: boolean;
    within?: Anchor;
  }[];
}

export function compileRules(pb: Pick<Playbook, 'features'>): CompiledRules {
  const rules: CompiledRules = { click: [], dblclick: [], submit: [], change: [], drag: [], route: [], visible: [], key: [], guide: [] };
  for (const f of pb.features) {
    for (const d of f.detect) {
      switch (d.on) {
        case 'click':
        case 'dblclick':
        case 'submit':
        case 'change':
        case 'visible':
          rules[d.on].push({ feature: f.id, anchor: d.anchor });
          break;
        case 'drag':
          rules.drag.push({ feature: f.id, from: d.from, to: d.to });
          break;
        case 'guide':
          rules.guide.push({ feature: f.id, guide: d.guide });
          break;
        case 'route':
          rules.route.push({ feature: f.id, pattern: d.path, re: compileRoute(d.path) });
          break;
        case 'key':
          rules.key.push({
            feature: f.id,
            key: d.key.toLowerCase(),
            ctrl: d.ctrl ?? false,
            meta: d.meta ?? false,
            alt: d.alt ?? false,
            shift: d.shift ?? false,
            within: d.within,
          });
          break;
      }
    }
  }
  return rules;
}
