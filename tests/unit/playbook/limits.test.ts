import { describe, expect, it } from 'vitest';
import { exportRecordSchema } from '../../../lib/export/schema';
import { LIMITS } from '../../../lib/playbook/limits';
import { type ParseResult, parsePlaybook, validatePlaybook } from '../../../lib/playbook/parse';
import { syntheticRecords } from '../../../scripts/lib/synthetic-export';
import { NOW, history, span, uses } from '../helpers/history';
import { type Json, demoDraft } from '../helpers/playbook';

const errorsOf = (r: ParseResult) => (r.ok ? [] : r.errors);
const textOf = (r: ParseResult) => errorsOf(r).map((e) => `${e.path}: ${e.message}`).join('\n');
const long = (n: number) => 'x'.repeat(n);

function feature(i: number, extra: Record<string, Json> = {}): Json {
  return { id: `f-${i}`, name: `Feature ${i}`, detect: [{ on: 'route', path: `/f/${i}` }], ...extra };
}

describe('a playbook of any size or depth is judged in bounded time and space', () => {
  it('refuses "locales" nested 5,000 deep at the first level too deep, without recursing', () => {
    for (const depth of [5_000, 200_000]) {
      let nested: Json = 'text';
      for (let i = 0; i < depth; i++) nested = { x: nested };
      const draft = demoDraft();
      draft.locales = { fr: nested };
      const r = validatePlaybook(draft);
      expect(errorsOf(r)).toEqual([{ path: `locales.fr${'.x'.repeat(LIMITS.depth - 2)}`, message: expect.stringContaining(`nested more than ${LIMITS.depth} levels`) }]);
    }
  });

  // Big documents take a while to build on a busy machine: a generous time limit, nothing timed.
  it('answers 8,000 features with 3,000 bad references with a line per section, not 1.58 billion characters', { timeout: 60_000 }, () => {
    const draft = demoDraft();
    draft.features = Array.from({ length: 8000 }, (_, i) => feature(i));
    draft.milestones = Array.from({ length: 3000 }, (_, i) => ({ id: `m-${i}`, name: 'M', allOf: [{ feature: `missing-${i}` }] }));
    const r = parsePlaybook(JSON.stringify(draft));
    expect(errorsOf(r).map((e) => e.path)).toEqual(['features', 'milestones']);
    expect(textOf(r)).toContain('has 8000 features: a playbook holds at most 500');
  });

  it('lists at most 50 problems and counts the rest, each message short however many ids there are', { timeout: 60_000 }, () => {
    const draft = demoDraft();
    draft.features = Array.from({ length: LIMITS.features }, (_, i) => feature(i));
    draft.milestones = Array.from({ length: 60 }, (_, i) => ({
      id: `m-${i}`,
      name: 'M',
      allOf: Array.from({ length: LIMITS.conditions }, (_, j) => ({ feature: `missing-${i}-${j}` })),
    }));
    const errors = errorsOf(parsePlaybook(JSON.stringify(draft)));
    expect(errors).toHaveLength(LIMITS.errors + 1);
    expect(errors[0]).toEqual({ path: 'milestones[0].allOf[0].feature', message: expect.stringContaining('known feature ids: f-0, f-1') });
    expect(errors[0]!.message).toContain('and 490 more');
    // 3,000 bad references and the demo meter's own (its feature is gone too).
    expect(errors.at(-1)).toEqual({ path: '(root)', message: `and ${60 * LIMITS.conditions + 1 - LIMITS.errors} more problems: fix the ones above first` });
    for (const e of errors) expect(e.message.length).toBeLessThan(300);
  });

  it('refuses a 100,000-character meter name, and any name longer than the export can show', () => {
    const draft = demoDraft();
    (draft.meters as { name: string }[])[0]!.name = long(100_000);
    expect(errorsOf(validatePlaybook(draft))).toEqual([{ path: 'meters[0].name', message: expect.stringContaining('is 100000 characters long') }]);
    (draft.meters as { name: string }[])[0]!.name = long(LIMITS.name + 1);
    expect(errorsOf(validatePlaybook(draft))).toEqual([{ path: 'meters[0].name', message: 'is too long (120 characters at most)' }]);
  });

  it('refuses any string over the limit anywhere, reserved sections included, and very many values', { timeout: 60_000 }, () => {
    const draft = demoDraft();
    draft.locales = { fr: { hello: long(LIMITS.string + 1) } };
    expect(errorsOf(validatePlaybook(draft)).map((e) => e.path)).toEqual(['locales.fr.hello']);
    draft.locales = { fr: { many: new Array(LIMITS.values).fill(0) } };
    expect(textOf(validatePlaybook(draft))).toContain(`more than ${LIMITS.values} values`);
  });

  it.each([
    ['features', LIMITS.features, (i: number) => feature(i)],
    ['meters', LIMITS.meters, (i: number) => ({ id: `m-${i}`, name: 'M', limit: 5, source: { from: 'events', feature: 'create-project' } })],
    ['milestones', LIMITS.milestones, (i: number) => ({ id: `m-${i}`, name: 'M', allOf: [{ feature: 'create-project' }] })],
    ['guides', LIMITS.guides, (i: number) => ({ id: `g-${i}`, name: 'G', kind: 'tour', steps: [{ id: 's', title: 'T', body: 'B' }] })],
    ['nudges', LIMITS.nudges, (i: number) => ({ id: `n-${i}`, kind: 'tip', trigger: { on: 'usage-drop' }, title: 'T', body: 'B' })],
  ] as const)('accepts %s up to the limit (%i) and refuses one more', (section, max, make) => {
    const draft = demoDraft();
    const own = (draft[section] as Json[] | undefined) ?? [];
    draft[section] = [...own, ...Array.from({ length: max - own.length }, (_, i) => make(i) as Json)];
    expect(errorsOf(validatePlaybook(draft))).toEqual([]);
    (draft[section] as Json[]).push(make(max) as Json);
    expect(errorsOf(validatePlaybook(draft)).map((e) => e.path)).toEqual([section]);
  });

  it.each([
    ['features[0].detect', () => Array.from({ length: LIMITS.rulesPerFeature + 1 }, (_, i) => ({ on: 'route', path: `/r/${i}` }))],
    ['features[0].detect[0]', () => ({ on: 'route', path: `/${long(LIMITS.route)}` })],
    ['app.matches', () => Array.from({ length: LIMITS.matches + 1 }, () => 'https://a.example/*')],
    ['app.identity.account', () => ({ from: 'constant', value: long(LIMITS.identity + 1) })],
    ['app.name', () => long(LIMITS.name + 1)],
  ] as const)('refuses too much at %s', (path, value) => {
    const draft = demoDraft();
    const [head, ...rest] = path.split(/\.|(?=\[)/);
    let node = draft as Record<string, Json>;
    const keys = [head!, ...rest].map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
    for (const k of keys.slice(0, -1)) node = (node as unknown as Record<string | number, Record<string, Json>>)[k]!;
    (node as unknown as Record<string | number, Json>)[keys.at(-1)!] = value() as Json;
    expect(errorsOf(validatePlaybook(draft)).map((e) => e.path.startsWith(path))).toContain(true);
  });
});

describe('a playbook at every limit exports a file Uptake can read back', () => {
  it('builds an export record that satisfies the export schema', { timeout: 60_000 }, async () => {
    const draft = demoDraft();
    const names = (prefix: string, i: number) => `${prefix}${i}`.padEnd(LIMITS.name, 'n');
    draft.app = { ...(draft.app as Record<string, Json>), name: long(LIMITS.name), identity: { account: { from: 'constant', value: long(LIMITS.identity) }, user: { from: 'constant', value: long(LIMITS.identity) } } };
    draft.features = Array.from({ length: LIMITS.features }, (_, i) => feature(i, { name: names('f', i), core: true, planGated: true }));
    draft.meters = Array.from({ length: LIMITS.meters }, (_, i) => ({ id: `m-${i}`, name: names('m', i), limit: 10, seats: true, source: { from: 'events', feature: 'f-0' } }));
    draft.milestones = Array.from({ length: LIMITS.milestones }, (_, i) => ({ id: `ms-${i}`, name: names('ms', i), valueMoment: true, allOf: [{ feature: `f-${i}` }] }));
    const text = JSON.stringify(draft);
    const r = parsePlaybook(text);
    if (!r.ok) throw new Error(textOf(r));
    const ids = r.playbook.features.map((f) => f.id);
    const h = history({
      usage: uses(ids, span(40)),
      milestones: Object.fromEntries(r.playbook.milestones.map((m) => [m.id, 30])),
      meters: r.playbook.meters.map((m) => ({ meter: m.id, used: 10, limit: 10 })),
    });
    const [record] = await syntheticRecords(r.playbook, text, [{ account: long(LIMITS.identity), user: long(LIMITS.identity), history: h }], NOW);
    expect(record!.expansion.signals.length).toBeGreaterThan(LIMITS.meters);
    const checked = exportRecordSchema.safeParse(record);
    expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
});
