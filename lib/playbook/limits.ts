/**
 * The most a playbook may hold (docs/playbook.md, "Limits"). They keep parsing, the worker and
 * every page bounded, and they stay inside what an export accepts (lib/export/schema.ts: names
 * up to 1,000 characters, 1,000 features, milestones and nudges, 200 meters, 50 signals; one
 * signal per meter, so meters stay well under 50).
 */
export const LIMITS = {
  /** Nesting of the JSON document; the deepest real playbook path is 7 levels. */
  depth: 20,
  /** Every value of the document (objects, arrays, strings, numbers) counted. */
  values: 100_000,
  /** Any string anywhere, also in reserved sections such as `locales`. */
  string: 2000,
  features: 500,
  rulesPerFeature: 20,
  selectors: 10,
  matches: 20,
  meters: 40,
  milestones: 200,
  conditions: 50,
  guides: 100,
  steps: 50,
  routes: 50,
  nudges: 200,
  locales: 50,
  localeEntries: 2000,
  /** Names and titles shown to users and CSMs. */
  name: 120,
  /** Anchor text and accessible-name filters, meta names, plan names. */
  label: 200,
  route: 300,
  /** Meter patterns: short, and only ones that cannot backtrack badly (regex-safety.ts). */
  pattern: 200,
  matchPattern: 500,
  url: 2048,
  /** A constant identity value: the export holds account and user up to 256 characters. */
  identity: 256,
  /** Problems listed for one playbook; the rest are counted in a last line. */
  errors: 50,
} as const;
