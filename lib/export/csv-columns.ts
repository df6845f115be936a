import { COMPONENTS } from '../scoring/defaults';

/**
 * The columns of the CSV export: one per scalar of a record, JSON in one cell for
 * each list. `path` says where a column's value lives in the record, `kind` how it is
 * written and read back.
 */

export type Kind = 'text' | 'num' | 'num?' | 'bool' | 'json';
export type Column = readonly [header: string, path: readonly string[], kind: Kind];

export const VERSION_COLUMN = 'uptake_export_version';

export const RECORD_COLUMNS: readonly Column[] = [
  ['exported_at', ['exportedAt'], 'text'],
  ['app_id', ['playbook', 'appId'], 'text'],
  ['app_name', ['playbook', 'appName'], 'text'],
  ['playbook_hash', ['playbook', 'hash'], 'text'],
  ['playbook_version', ['playbook', 'version'], 'num'],
  ['scoring_version', ['scoringVersion'], 'text'],
  ['account', ['account'], 'text'],
  ['user', ['user'], 'text'],
  ['identity_hashed', ['identityHashed'], 'bool'],
  ['score', ['score'], 'num'],
  ['band', ['band'], 'text'],
  ['stage', ['stage'], 'text'],
  ['first_seen', ['firstSeen'], 'text'],
  ['ttv_days', ['ttvDays'], 'num?'],
  ['usage_drop_alert', ['usageDrop', 'active'], 'bool'],
  ['usage_drop', ['usageDrop', 'drop'], 'num'],
  ['trend', ['usageDrop', 'trend'], 'num'],
  ['week_total', ['usageDrop', 'weekTotal'], 'num'],
  ['baseline_mean', ['usageDrop', 'baselineMean'], 'num?'],
  ['expansion_ready', ['expansion', 'ready'], 'bool'],
  ['csm_flag', ['expansion', 'csmFlag'], 'bool'],
  ['value_proven', ['expansion', 'conditions', 'valueProven'], 'bool'],
  ['stable', ['expansion', 'conditions', 'stable'], 'bool'],
  ['pull', ['expansion', 'conditions', 'pull'], 'bool'],
  ['not_fatigued', ['expansion', 'conditions', 'notFatigued'], 'bool'],
  ['expansion_signals', ['expansion', 'signals'], 'json'],
  ...COMPONENTS.map((k): Column => [`component_${k}`, ['components', k], 'num?']),
  ...COMPONENTS.map((k): Column => [`weight_${k}`, ['weights', k], 'num']),
  ...COMPONENTS.map((k): Column => [`contribution_${k}`, ['contributions', k], 'num']),
  ['reasons', ['reasons'], 'json'],
  ['features', ['features'], 'json'],
  ['milestones', ['milestones'], 'json'],
  ['meters', ['meters'], 'json'],
  ['nudges', ['nudges'], 'json'],
];

export const HEADER = [VERSION_COLUMN, ...RECORD_COLUMNS.map((c) => c[0])];

export function get(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const k of path) v = (v as Record<string, unknown>)[k];
  return v;
}

export function set(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const k of path.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

export function encode(v: unknown, kind: Kind): string {
  if (kind === 'json') return JSON.stringify(v);
  return v === null ? '' : String(v);
}

export const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Cell text to a value; anything that does not decode is passed on as text for the schema to name. */
export function decode(cell: string, kind: Kind): unknown {
  switch (kind) {
    case 'text':
      return cell;
    case 'num?':
      if (cell === '') return null;
      return NUMBER.test(cell) ? Number(cell) : cell;
    case 'num':
      return NUMBER.test(cell) ? Number(cell) : cell;
    case 'bool':
      return cell === 'true' ? true : cell === 'false' ? false : cell;
    case 'json':
      return JSON.parse(cell);
  }
}
