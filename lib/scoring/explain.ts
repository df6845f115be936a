import { COMPONENTS, type Component, type ScoringSettings } from './defaults';
import { localDay } from './days';
import type { FeatureSnapshot, Timeline } from './timeline';
import type { ComponentVector, NextStep, Reason, ScoringPlaybook, UserHistory } from './types';

const quote = (s: string) => `"${s}"`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function ago(today: number, day: number): string {
  const d = today - day;
  return d === 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

/** The core feature whose adoption moved most between two snapshots, in the given direction. */
function movedFeature(pb: ScoringPlaybook, now: FeatureSnapshot, before: FeatureSnapshot | null, sign: 1 | -1): number {
  let best = -1;
  let bestDelta = 0;
  pb.features.forEach((f, i) => {
    if (!f.core) return;
    const delta = (now.adoption[i]! - (before?.adoption[i] ?? 0)) * sign * f.weight;
    if (delta > bestDelta) {
      best = i;
      bestDelta = delta;
    }
  });
  return best;
}

function evidence(component: Component, up: boolean, pb: ScoringPlaybook, t: Timeline, h: UserHistory): string {
  const today = t.today;
  const state = t.days[t.days.length - 1]!;
  const weekAgo = t.days.length > 7 ? t.days[t.days.length - 8]! : null;
  const name = (i: number) => quote(pb.features[i]!.name);
  switch (component) {
    case 'breadth': {
      const i = movedFeature(pb, t.current, t.weekAgo, up ? 1 : -1);
      if (i < 0) return up ? 'Using more core features' : 'Using fewer core features';
      if (up) return t.current.adoption[i] === 1 ? `${name(i)} is now used regularly` : `Tried ${name(i)}`;
      const last = t.current.lastUsed[i]!;
      return last >= 0 ? `${name(i)} last used ${ago(today, last)}` : `${name(i)} not used in the last 28 days`;
    }
    case 'depth': {
      let best = -1;
      let bestDelta = 0;
      pb.features.forEach((f, i) => {
        if (!f.core) return;
        const delta = (t.current.week[i]! - (t.weekAgo?.week[i] ?? 0)) * (up ? 1 : -1);
        if (delta > bestDelta) [best, bestDelta] = [i, delta];
      });
      if (best < 0) return up ? 'Using core features more' : 'Using core features less';
      return `${name(best)} used ${plural(t.current.week[best]!, 'time')} this week (${t.weekAgo?.week[best] ?? 0} the week before)`;
    }
    case 'stickiness':
      return `Active on ${state.coreActiveDays} of the last 28 days${weekAgo ? ` (${weekAgo.coreActiveDays} a week ago)` : ''}`;
    case 'recency':
      if (state.lastCoreDay < 0) return 'No core feature used yet';
      return up ? `Core features used ${ago(today, state.lastCoreDay)}` : `No core feature used for ${plural(today - state.lastCoreDay, 'day')}`;
    case 'milestones': {
      const recent = pb.milestones.filter((m) => h.milestones.some((r) => r.milestone === m.id && localDay(r.reachedAt) > today - 7));
      const reached = recent.map((m) => quote(m.name));
      if (!up) return 'Milestones count for less now that the user is past onboarding';
      if (reached.length === 0) return 'Reached a milestone';
      const more = reached.length > 2 ? ` and ${reached.length - 2} more` : '';
      return `Reached ${reached.slice(0, 2).join(reached.length > 2 ? ', ' : ' and ')}${more}`;
    }
    case 'ttv':
      if (state.ttvDays !== null) return state.ttvDays === 0 ? 'First value reached on the first day' : `First value reached in ${plural(state.ttvDays, 'day')}`;
      return `First value not reached after ${plural(state.age, 'day')}`;
    case 'trend': {
      const pct = Math.round((state.rho - 1) * 100);
      return pct >= 0 ? `Recent use up ${pct}% on the 4-week average` : `Recent use down ${-pct}% on the 4-week average`;
    }
  }
}

/** The three largest week-over-week changes of component points, as reason codes with evidence. */
/**
 * How much each component moved the score since a week before, in points, weighed with
 * today's weights: a change of stage or of which components are known must not read as
 * a change of behaviour. A component known now but not then (time to value on day 30)
 * is charged with how far it pulls the score from where it was.
 */
export function componentDeltas(
  now: ComponentVector,
  before: ComponentVector | null,
  beforeScore: number,
  weights: Record<Component, number>,
): Record<Component, number> {
  const out = {} as Record<Component, number>;
  for (const k of COMPONENTS) {
    const c = now[k];
    const b = before?.[k];
    if (c === null || weights[k] === 0) out[k] = 0;
    else if (before === null) out[k] = 100 * weights[k] * c;
    else if (b === null || b === undefined) out[k] = 100 * weights[k] * (c - beforeScore / 100);
    else out[k] = 100 * weights[k] * (c - b);
  }
  return out;
}

export function reasons(pb: ScoringPlaybook, t: Timeline, h: UserHistory, changes: Record<Component, number>): Reason[] {
  const deltas = COMPONENTS.map((k) => ({ k, delta: changes[k] }))
    .filter((d) => Math.abs(d.delta) >= 0.5)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || COMPONENTS.indexOf(a.k) - COMPONENTS.indexOf(b.k))
    .slice(0, 3);
  return deltas.map(({ k, delta }) => ({
    code: `${k.toUpperCase()}_${delta > 0 ? 'UP' : 'DOWN'}`,
    component: k,
    delta: Math.round(delta * 10) / 10,
    text: evidence(k, delta > 0, pb, t, h),
  }));
}

/**
 * The next best step: the component with the most headroom, w·(1 − c), pointed at a
 * specific unadopted core feature or missing milestone.
 */
export function nextStep(
  pb: ScoringPlaybook,
  t: Timeline,
  h: UserHistory,
  weights: Record<Component, number>,
  s: ScoringSettings,
): NextStep | null {
  const state = t.days[t.days.length - 1]!;
  const reached = new Set(h.milestones.filter((m) => localDay(m.reachedAt) <= state.day).map((m) => m.milestone));
  const openMilestones = pb.milestones.filter((m) => !reached.has(m.id)).sort((a, b) => Number(b.valueMoment) - Number(a.valueMoment) || b.weight - a.weight);
  const unadopted = pb.features
    .map((f, i) => ({ f, a: t.current.adoption[i]!, i }))
    .filter((x) => x.f.core && x.a < 1)
    .sort((x, y) => x.a - y.a || y.f.weight - x.f.weight);
  const mostUsed = pb.features
    .map((f, i) => ({ f, n: t.current.decayed[i]! }))
    .filter((x) => x.f.core)
    .sort((x, y) => y.n - x.n)[0];

  // Trend's headroom counts from flat (0.5): steady use is not a shortfall.
  const headroom = (k: Component) => {
    const c = state.components[k] ?? 1;
    return weights[k] * (k === 'trend' ? Math.max(0, 0.5 - c) : 1 - c);
  };
  const candidates = COMPONENTS.map((k) => ({ k, headroom: headroom(k) }))
    .filter((c) => c.headroom > 0.001)
    .sort((a, b) => b.headroom - a.headroom);
  for (const { k } of candidates) {
    switch (k) {
      case 'milestones':
      case 'ttv': {
        const m = k === 'ttv' ? openMilestones.find((x) => x.valueMoment) : openMilestones[0];
        if (m) return { component: k, milestone: m.id, text: `Next milestone: ${m.name}` };
        break;
      }
      case 'breadth': {
        const u = unadopted[0];
        if (u) return { component: k, feature: u.f.id, text: u.a === 0 ? `Try ${quote(u.f.name)}` : `Use ${quote(u.f.name)} again to make it a habit` };
        break;
      }
      case 'depth': {
        const shallow = pb.features
          .map((f, i) => ({ f, ratio: Math.log1p(t.current.decayed[i]!) / Math.log1p(f.depthTarget), a: t.current.adoption[i]! }))
          .filter((x) => x.f.core && x.a > 0 && x.ratio < 1)
          .sort((a, b) => a.ratio - b.ratio)[0];
        if (shallow) return { component: k, feature: shallow.f.id, text: `Get more out of ${quote(shallow.f.name)}` };
        break;
      }
      case 'stickiness':
      case 'recency':
      case 'trend':
        if (mostUsed) {
          const verb =
            k === 'recency' && state.lastCoreDay >= 0
              ? 'Pick up where you left off'
              : state.coreActiveDays < s.stickinessTargetDays
                ? `Come back on more days (${state.coreActiveDays} of the last 28, aim for ${s.stickinessTargetDays})`
                : 'Keep the rhythm going';
          return { component: k, feature: mostUsed.f.id, text: `${verb}: ${quote(mostUsed.f.name)}` };
        }
        break;
    }
  }
  return null;
}

