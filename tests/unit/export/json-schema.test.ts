import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_FILE, buildExportJsonSchema, exportSchemaText } from '../../../scripts/gen-export-schema';

describe('export.schema.json', () => {
  it('is up to date with the zod export schema', () => {
    const committed: unknown = JSON.parse(readFileSync(EXPORT_SCHEMA_FILE, 'utf8'));
    expect(committed, 'export.schema.json is stale: run `npm run schema` and commit it').toEqual(buildExportJsonSchema());
  });

  it('is written with 2-space indent and a trailing newline', () => {
    expect(readFileSync(EXPORT_SCHEMA_FILE, 'utf8'), 'run `npm run schema`').toBe(exportSchemaText());
  });

  it('pins the format name and version, and refuses unknown fields', () => {
    const s = buildExportJsonSchema() as { $id: string; properties: Record<string, unknown>; additionalProperties: boolean; required: string[] };
    expect(s.$id).toMatch(/export\.schema\.json$/);
    expect(s.properties.format).toMatchObject({ const: 'uptake-export' });
    expect(s.properties.version).toMatchObject({ const: 1 });
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['format', 'version', 'exportedAt', 'records']);
  });
});
