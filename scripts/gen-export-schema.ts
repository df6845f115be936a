/**
 * Writes export.schema.json (repo root) from the zod schema of the adoption export,
 * so whoever consumes Uptake exports (a warehouse loader, a script) can validate them.
 *
 *   npx jiti scripts/gen-export-schema.ts     (or `npm run schema`, which writes both schemas)
 *
 * tests/unit/export/json-schema.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { exportFileSchema } from '../lib/export/schema';

export const EXPORT_SCHEMA_ID = 'https://uptake.dev/export.schema.json';
export const EXPORT_SCHEMA_FILE = resolve(fileURLToPath(new URL('..', import.meta.url)), 'export.schema.json');

export function buildExportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(exportFileSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    $id: EXPORT_SCHEMA_ID,
    title: 'Uptake adoption export (version 1)',
    ...rest,
    description: 'Adoption scores exported by Uptake: one record per user per app. See docs/export.md.',
  };
}

export function exportSchemaText(): string {
  return `${JSON.stringify(buildExportJsonSchema(), null, 2)}\n`;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  writeFileSync(EXPORT_SCHEMA_FILE, exportSchemaText());
  console.log(`wrote ${EXPORT_SCHEMA_FILE}`);
}
