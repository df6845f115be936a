import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, buildJsonSchema, schemaText } from '../../../scripts/gen-schema';

type Schema = { [key: string]: unknown };
const at = (schema: unknown, ...path: string[]): Schema => {
  let node = schema;
  for (const key of path) node = (node as Schema | undefined)?.[key];
  if (node === null || typeof node !== 'object') throw new Error(`no schema at ${path.join('.')}`);
  return node as Schema;
};

describe('playbook.schema.json', () => {
  const built = buildJsonSchema();

  it('is up to date with the zod playbook schema', () => {
    const committed: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(committed, 'playbook.schema.json is stale: run `npm run schema` (npx jiti scripts/gen-schema.ts) and commit it').toEqual(built);
  });

  it('is written with 2-space indent and a trailing newline', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run `npm run schema` (npx jiti scripts/gen-schema.ts)').toBe(schemaText());
  });

  it('has an $id and a title', () => {
    expect(built).toMatchObject({ $id: expect.stringMatching(/playbook\.schema\.json$/), title: expect.stringContaining('playbook') });
  });

  it('pins version to the constant 1', () => {
    expect(at(built, 'properties', 'version')).toMatchObject({ const: 1 });
  });

  it('lists every detect rule kind', () => {
    const rules = at(built, 'properties', 'features', 'items', 'properties', 'detect', 'items');
    const kinds = (rules.oneOf as Schema[]).map((r) => at(r, 'properties', 'on').const);
    expect(kinds.sort()).toEqual(['change', 'click', 'dblclick', 'drag', 'guide', 'key', 'route', 'submit', 'visible']);
  });

  it('describes the input an author writes: fields with defaults are optional', () => {
    expect(built.required).toEqual(['version', 'app', 'features']);
    expect(at(built, 'properties', 'features', 'items').required).toEqual(['id', 'name', 'detect']);
    expect(at(built, 'properties', 'settings', 'properties', 'retentionDays')).toMatchObject({ default: 90 });
  });

  it('refuses unknown fields, so an editor flags a typo such as "featurs"', () => {
    expect(built.additionalProperties).toBe(false);
    expect(at(built, 'properties', 'features', 'items').additionalProperties).toBe(false);
  });

  it('allows only http(s) upgrade URLs', () => {
    const url = at(built, 'properties', 'app', 'properties', 'plan', 'properties', 'upgradeUrl');
    const re = new RegExp(url.pattern as string);
    expect(re.test('https://tasklane.example/upgrade')).toBe(true);
    expect(re.test('javascript:alert(1)')).toBe(false);
  });
});
