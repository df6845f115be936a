import { LIMITS } from './limits';

/**
 * Size checks on the decoded JSON, before the schema walks it: depth (5,000 nested `locales`
 * levels once saved fine and then could not be sent to any page), the number of values,
 * every string's length and the size of each section. Iterative, and it stops early, so a
 * hostile document costs at most LIMITS.values steps.
 */

export interface BoundsIssue {
  path: (string | number)[];
  message: string;
}

const SECTIONS = { features: LIMITS.features, meters: LIMITS.meters, milestones: LIMITS.milestones, guides: LIMITS.guides, nudges: LIMITS.nudges } as const;

export function boundsIssues(root: unknown): BoundsIssue[] {
  const out: BoundsIssue[] = [];
  if (typeof root === 'object' && root !== null && !Array.isArray(root)) {
    for (const [key, max] of Object.entries(SECTIONS)) {
      const v = (root as Record<string, unknown>)[key];
      if (Array.isArray(v) && v.length > max) out.push({ path: [key], message: `has ${v.length} ${key}: a playbook holds at most ${max}` });
    }
  }
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: root, path: [] }];
  let values = 0;
  const tooMany = { path: [], message: `has more than ${LIMITS.values} values: a playbook is far smaller (see the limits in docs/playbook.md)` };
  while (stack.length > 0 && out.length <= LIMITS.errors) {
    const { v, path } = stack.pop()!;
    values++;
    if (typeof v === 'string') {
      if (v.length > LIMITS.string) out.push({ path, message: `is ${v.length} characters long: no text in a playbook may exceed ${LIMITS.string}` });
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= LIMITS.depth) {
      out.push({ path, message: `is nested more than ${LIMITS.depth} levels deep: a playbook needs at most 7` });
      continue;
    }
    const keys = Array.isArray(v) ? null : Object.keys(v);
    const n = keys ? keys.length : (v as unknown[]).length;
    // Counted before any child is queued: what is seen, queued and inside this value already exceeds the limit.
    if (values + stack.length + n > LIMITS.values) {
      out.push(tooMany);
      break;
    }
    for (let i = n - 1; i >= 0; i--) {
      const key = keys ? keys[i]! : i;
      stack.push({ v: (v as Record<string | number, unknown>)[key], path: [...path, key] });
    }
  }
  return out;
}
