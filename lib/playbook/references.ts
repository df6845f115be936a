import { LIMITS } from './limits';
import { regexHazard } from './regex-safety';

/**
 * Checks that span several parts of a playbook: ids unique, references resolve,
 * meter patterns compile. Written against loosely typed input so it can also run
 * on a playbook that failed the shape check: the author then sees every problem at once.
 */

export interface ReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function checkUnique(items: unknown[], section: string, what: string, out: ReferenceIssue[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const id = isObj(item) ? str(item.id) : null;
    if (id === null) return;
    if (ids.has(id)) out.push({ path: [section, i, 'id'], message: `repeats the ${what} id "${id}": each ${what} needs its own id` });
    ids.add(id);
  });
  return ids;
}

/** What is wrong with a meter pattern (syntax, catastrophic backtracking), or how many capture groups it has. */
export function meterPattern(pattern: string): { groups: number } | { problem: string } {
  try {
    new RegExp(pattern);
  } catch (e) {
    return { problem: `is not a valid regular expression (${(e as Error).message})` };
  }
  const hazard = regexHazard(pattern);
  if (hazard) return { problem: hazard };
  // Matching the empty alternative reports how many capture groups the pattern has.
  return { groups: (new RegExp(`(?:${pattern})|`).exec('')?.length ?? 1) - 1 };
}

/** "known feature ids: a, b, c" with at most 10 ids, computed once per set: the message repeats for every bad reference. */
function knownIds(set: Set<string>, what: string): () => string {
  let text: string | null = null;
  return () => {
    if (text === null) {
      const ids = [...set].slice(0, 10);
      const more = set.size > ids.length ? `, and ${set.size - ids.length} more` : '';
      text = `known ${what} ids: ${ids.join(', ') || '(none)'}${more}`;
    }
    return text;
  };
}

export function referenceIssues(raw: unknown): ReferenceIssue[] {
  if (!isObj(raw)) return [];
  const out: ReferenceIssue[] = [];
  const features = checkUnique(list(raw.features), 'features', 'feature', out);
  const named = (set: Set<string>, what: string) => {
    const known = knownIds(set, what);
    return (v: unknown, path: (string | number)[]) => {
      const x = str(v);
      if (x !== null && !set.has(x)) out.push({ path, message: `names "${x.slice(0, 64)}", which is not a ${what} of this playbook (${known()})` });
    };
  };
  const ref = named(features, 'feature');

  const milestones = list(raw.milestones);
  checkUnique(milestones, 'milestones', 'milestone', out);
  milestones.forEach((m, i) => {
    if (!isObj(m)) return;
    for (const key of ['allOf', 'anyOf'] as const) {
      list(m[key]).forEach((c, j) => {
        if (isObj(c)) ref(c.feature, ['milestones', i, key, j, 'feature']);
      });
    }
  });

  const guides = checkUnique(list(raw.guides), 'guides', 'guide', out);
  const guideRef = named(guides, 'guide');
  milestones.forEach((m, i) => {
    if (isObj(m)) guideRef(m.guide, ['milestones', i, 'guide']);
  });
  list(raw.features).forEach((f, i) => {
    if (!isObj(f)) return;
    list(f.detect).forEach((d, j) => {
      if (isObj(d) && d.on === 'guide') guideRef(d.guide, ['features', i, 'detect', j, 'guide']);
    });
  });
  list(raw.guides).forEach((g, i) => {
    if (!isObj(g)) return;
    list(g.steps).forEach((st, j) => {
      if (isObj(st) && isObj(st.advance) && st.advance.on === 'feature') ref(st.advance.feature, ['guides', i, 'steps', j, 'advance', 'feature']);
    });
  });

  const meters = list(raw.meters);
  const meterIds = checkUnique(meters, 'meters', 'meter', out);
  const milestoneIds = new Set(milestones.flatMap((m) => (isObj(m) && str(m.id) ? [str(m.id)!] : [])));
  const milestoneRef = named(milestoneIds, 'milestone');
  const meterRef = named(meterIds, 'meter');
  const nudges = list(raw.nudges);
  checkUnique(nudges, 'nudges', 'nudge', out);
  nudges.forEach((n, i) => {
    if (!isObj(n)) return;
    const t = isObj(n.trigger) ? n.trigger : {};
    const at = (...rest: (string | number)[]) => ['nudges', i, ...rest];
    if ('feature' in t) ref(t.feature, at('trigger', 'feature'));
    if ('milestone' in t) milestoneRef(t.milestone, at('trigger', 'milestone'));
    if ('guide' in t) guideRef(t.guide, at('trigger', 'guide'));
    if ('meter' in t) meterRef(t.meter, at('trigger', 'meter'));
    if (isObj(n.cta) && 'guide' in n.cta) guideRef(n.cta.guide, at('cta', 'guide'));
    if ('target' in n) ref(n.target, at('target'));
  });
  meters.forEach((m, i) => {
    if (!isObj(m) || !isObj(m.source)) return;
    const src = m.source;
    if (src.from === 'events') ref(src.feature, ['meters', i, 'source', 'feature']);
    const pattern = src.from === 'text' ? str(src.pattern) : null;
    // Over-long patterns are the shape check's to report; analysing them would cost time for nothing.
    if (pattern === null || pattern.length > LIMITS.pattern) return;
    const checked = meterPattern(pattern);
    const at = ['meters', i, 'source', 'pattern'];
    if ('problem' in checked) {
      out.push({ path: at, message: checked.problem });
      return;
    }
    const { groups } = checked;
    if (groups < 1) out.push({ path: at, message: 'needs a capture group, e.g. "(\\d+) of (\\d+) seats": group 1 is the amount used' });
    else if (groups < 2 && m.limit === undefined) {
      out.push({ path: ['meters', i, 'limit'], message: 'is needed: the pattern has no second group to read the limit from' });
    }
  });
  return out;
}
