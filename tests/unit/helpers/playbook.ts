import { readFileSync } from 'node:fs';
import { parsePlaybook } from '../../../lib/playbook/parse';
import type { Playbook } from '../../../lib/playbook/schema';

/** demo/playbook.json exactly as shipped. */
export const DEMO_TEXT = readFileSync(new URL('../../../demo/playbook.json', import.meta.url), 'utf8');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A fresh, freely editable copy of the demo playbook. */
export function demoDraft(): { [key: string]: Json } {
  // Without the guides and nudges, which name features and milestones: each case then reports only its own problem.
  const draft = JSON.parse(DEMO_TEXT) as { [key: string]: Json };
  delete draft.guides;
  delete draft.nudges;
  draft.features = (draft.features as { id: string }[]).filter((f) => f.id !== 'tour-reports') as Json;
  for (const m of draft.milestones as { guide?: string }[]) delete m.guide;
  return draft;
}

/** The demo playbook, parsed (defaults filled). Throws if it does not parse: the tests that use it need it valid. */
export function demoPlaybook(): Playbook {
  const r = parsePlaybook(DEMO_TEXT);
  if (!r.ok) throw new Error(`demo playbook does not parse: ${JSON.stringify(r.errors)}`);
  return r.playbook;
}

/** Marks a field to delete in `edit`. */
export const DELETE = Symbol('delete');

/** Splits an error-style path ("features[3].detect[0].on") into keys and indexes. */
export function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] as string)));
}

/**
 * Sets (or deletes) the value at `path` inside `root`, using the same path syntax the
 * parser reports, so a test case reads like the error it expects.
 */
export function edit(root: Json, path: string, value: Json | typeof DELETE): void {
  const parts = pathParts(path);
  const last = parts.pop();
  let node: Json = root;
  for (const part of parts) {
    const next: Json | undefined = Array.isArray(node)
      ? node[part as number]
      : node !== null && typeof node === 'object'
        ? node[part as string]
        : undefined;
    if (next === undefined) throw new Error(`edit: nothing at "${part}" in ${path}`);
    node = next;
  }
  if (last === undefined || node === null || typeof node !== 'object') throw new Error(`edit: cannot set ${path}`);
  if (Array.isArray(node)) {
    if (value === DELETE) node.splice(last as number, 1);
    else node[last as number] = value;
  } else if (value === DELETE) delete node[last as string];
  else node[last as string] = value;
}
