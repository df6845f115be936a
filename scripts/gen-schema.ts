/**
 * Writes playbook.schema.json (repo root) from the zod playbook schema, so playbook
 * authors get completion and inline errors in their editor.
 *
 *   npx jiti scripts/gen-schema.ts
 *
 * tests/unit/playbook/json-schema.test.ts rebuilds the schema with `buildJsonSchema`
 * and fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { playbookSchema } from '../lib/playbook/schema';

export const SCHEMA_ID = 'https://uptake.dev/playbook.schema.json';
export const SCHEMA_FILE = resolve(fileURLToPath(new URL('..', import.meta.url)), 'playbook.schema.json');

/**
 * zod emits only `format: "uri"` for `z.url({ protocol })`, so an editor would accept
 * "javascript:…" where Uptake refuses it. Carry the protocol rule over as a pattern.
 */
function keepUrlProtocol(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const def = ctx.zodSchema._zod.def as { format?: string; protocol?: RegExp };
  if (def.format !== 'url' || !(def.protocol instanceof RegExp)) return;
  const scheme = def.protocol.source.replace(/^\^/, '').replace(/\$$/, '');
  ctx.jsonSchema.pattern = `^(?:${scheme})://`;
}

/** The JSON Schema of playbook v1, as an author writes it: fields with defaults are optional. */
export function buildJsonSchema(): Record<string, unknown> {
  // Cross-reference checks (superRefine) have no JSON Schema form; zod leaves them out, and parsePlaybook reports them.
  const generated = z.toJSONSchema(playbookSchema, { io: 'input', target: 'draft-2020-12', override: keepUrlProtocol });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'Uptake playbook (version 1)',
    description:
      'One SaaS app described for Uptake: how to recognise it, who is using it, which features and milestones to track. See docs/playbook.md.',
    ...rest,
  };
}

export function schemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
