import fc from 'fast-check';
import schemaJson from '../../../playbook.schema.json';
import { DEMO_TEXT, type Json } from './playbook';

/**
 * Malformed playbooks for the property tests: the demo playbook with one to three
 * mutations at random paths. Which mutations break a playbook is read from the
 * published JSON Schema (playbook.schema.json), not from the validator under test:
 * a value of a type the schema does not allow there, a value outside the schema's
 * constraint (enum, const, pattern, length, range, integer), a required field deleted,
 * an unknown field added to a closed object.
 */

type Schema = { [key: string]: unknown };
type Path = (string | number)[];

export interface Mutation {
  kind: 'wrong-type' | 'bad-value' | 'delete-required' | 'unknown-field';
  path: Path;
  value?: Json;
}

const ROOT = schemaJson as unknown as Schema;
const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function branches(s: Schema): Schema[] {
  return [...((s.oneOf as Schema[]) ?? []), ...((s.anyOf as Schema[]) ?? [])];
}

/** The branch of a oneOf/anyOf that describes `value`: the one whose `const` fields it carries, else the first of its type. */
function resolve(s: Schema, value: Json): Schema {
  const options = branches(s);
  if (options.length === 0) return s;
  const byConst = options.find((b) => {
    const props = (b.properties ?? {}) as { [k: string]: Schema };
    const consts = Object.entries(props).filter(([, p]) => 'const' in p);
    return consts.length > 0 && isObject(value) && consts.every(([k, p]) => value[k] === p.const);
  });
  return resolve(byConst ?? options.find((b) => typesOf(b).some((t) => fits(t, value))) ?? options[0]!, value);
}

function typesOf(s: Schema): string[] {
  const own = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  return [...own, ...branches(s).flatMap(typesOf)];
}

function fits(type: string, v: Json): boolean {
  const t = jsonType(v);
  return type === t || (type === 'number' && t === 'integer');
}

function child(s: Schema, key: string | number, value: Json): Schema | undefined {
  const here = resolve(s, value);
  if (typeof key === 'number') return here.items as Schema | undefined;
  const props = (here.properties ?? {}) as { [k: string]: Schema };
  if (key in props) return props[key];
  return typeof here.additionalProperties === 'object' ? (here.additionalProperties as Schema) : undefined;
}

/** Every node of `root` with the schema that describes it. */
function nodes(root: Json): { path: Path; value: Json; schema: Schema; parent?: Schema }[] {
  const out: { path: Path; value: Json; schema: Schema; parent?: Schema }[] = [];
  const walk = (value: Json, schema: Schema, path: Path, parent?: Schema) => {
    out.push({ path, value, schema, parent });
    const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : [];
    for (const [k, v] of entries) {
      const s = child(schema, k, value);
      if (s) walk(v, s, [...path, k], resolve(schema, value));
    }
  };
  walk(root, ROOT, []);
  return out;
}

const SAMPLES: Record<string, Json> = { string: 'text', integer: 7, number: 2.5, boolean: true, array: [], object: {}, null: null };

/** A value of a JSON type the schema does not allow at this node, if there is one. */
function wrongType(schema: Schema, pick: number): Json | undefined {
  const allowed = typesOf(schema);
  if (allowed.length === 0) return undefined;
  const wrong = Object.entries(SAMPLES).filter(([, v]) => !allowed.some((t) => fits(t, v)));
  return wrong.length ? wrong[pick % wrong.length]![1] : undefined;
}

/** A value of the right type that breaks one of the schema's own constraints at this node. */
function badValue(schema: Schema, value: Json): Json | undefined {
  const s = resolve(schema, value);
  if (typeof value === 'string') {
    if (s.enum || 'const' in s) return 'not-one-of-the-allowed-values';
    if (typeof s.pattern === 'string') return ['', ' ', 'NOT VALID!', 'javascript:alert(1)'].find((c) => !new RegExp(s.pattern as string).test(c));
    if (typeof s.minLength === 'number' && s.minLength > 0) return '';
    if (typeof s.maxLength === 'number') return 'x'.repeat(s.maxLength + 1);
  }
  if (typeof value === 'number') {
    if ('const' in s) return (s.const as number) + 1;
    if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum;
    if (typeof s.minimum === 'number') return s.minimum - 1;
    if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER) return s.maximum + 1;
    if (typeof s.exclusiveMaximum === 'number') return s.exclusiveMaximum;
    if (s.type === 'integer') return value + 0.5;
  }
  if (Array.isArray(value) && typeof s.minItems === 'number' && s.minItems > 0) return [];
  return undefined;
}

/** The applicable mutation of `kind` (or, when there is none at that node, the first kind that applies). */
function mutationAt(node: ReturnType<typeof nodes>[number], kind: Mutation['kind'], pick: number): Mutation | null {
  const order: Mutation['kind'][] = [kind, 'wrong-type', 'bad-value', 'delete-required', 'unknown-field'];
  for (const k of order) {
    if (k === 'wrong-type') {
      const value = wrongType(node.schema, pick);
      if (value !== undefined) return { kind: k, path: node.path, value };
    } else if (k === 'bad-value') {
      const value = badValue(node.schema, node.value);
      if (value !== undefined) return { kind: k, path: node.path, value };
    } else if (k === 'delete-required') {
      const key = node.path.at(-1);
      if (typeof key === 'string' && ((node.parent?.required as string[] | undefined) ?? []).includes(key)) return { kind: k, path: node.path };
    } else if (isObject(node.value) && resolve(node.schema, node.value).additionalProperties === false) {
      return { kind: k, path: [...node.path, 'zzUnexpected'], value: 1 };
    }
  }
  return null;
}

function apply(root: Json, m: Mutation): boolean {
  let node: Json = root;
  for (const key of m.path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node) ? node[key as number] : isObject(node) ? node[key as string] : undefined;
    if (next === undefined) return false;
    node = next;
  }
  const last = m.path.at(-1)!;
  if (Array.isArray(node) && typeof last === 'number' && last < node.length) {
    if (m.kind === 'delete-required') node.splice(last, 1);
    else node[last] = m.value!;
    return true;
  }
  if (!isObject(node) || typeof last !== 'string') return false;
  if (m.kind === 'delete-required') {
    if (!(last in node)) return false;
    delete node[last];
  } else node[last] = m.value!;
  return true;
}

export interface Malformed {
  text: string;
  mutations: Mutation[];
}

const DEMO: Json = JSON.parse(DEMO_TEXT);
const SITES = nodes(DEMO).filter((n) => n.path.length > 0);

/** One to three schema-breaking mutations of the demo playbook, at random paths. */
export const malformedPlaybook: fc.Arbitrary<Malformed> = fc
  .array(fc.tuple(fc.nat({ max: SITES.length - 1 }), fc.constantFrom<Mutation['kind']>('wrong-type', 'bad-value', 'delete-required', 'unknown-field'), fc.nat()), {
    minLength: 1,
    maxLength: 3,
  })
  .map((picks) => {
    const root = structuredClone(DEMO);
    const mutations: Mutation[] = [];
    for (const [site, kind, pick] of picks) {
      const m = mutationAt(SITES[site]!, kind, pick);
      if (m && apply(root, m)) mutations.push(m);
    }
    return { text: JSON.stringify(root, null, 2), mutations };
  })
  .filter((m) => m.mutations.length > 0);
