import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackgroundDeps, createHandlers } from '../../../lib/background/handlers';
import { createRouter } from '../../../lib/background/router';
import { formatPath, parsePlaybook } from '../../../lib/playbook/parse';
import type { Reply } from '../../../lib/protocol';
import { openStore } from '../../../lib/store/db';
import { type Malformed, malformedPlaybook } from '../helpers/malformed';
import { DEMO_TEXT } from '../helpers/playbook';

/**
 * 1,000 generated malformed playbooks (the demo playbook broken at random paths, see
 * helpers/malformed.ts). Each must be rejected with an error whose path leads to what
 * was broken; nothing may throw; and through the background's own message route the
 * last valid playbook stays active and stored.
 */

const RUNS = 1000;
const EXTENSION = { id: 'uptake-test', origin: 'chrome-extension://uptake-test/' };
const optionsPage = { id: EXTENSION.id, url: `${EXTENSION.origin}options.html` };

/** An error path and a mutation path are related when one leads to the other ("features[2]" and "features[2].detect[0].on"). */
function related(errorPath: string, mutationPath: string): boolean {
  if (errorPath === mutationPath || errorPath === '(root)') return true;
  const under = (a: string, b: string) => a.startsWith(b) && (a[b.length] === '.' || a[b.length] === '[');
  return under(mutationPath, errorPath) || under(errorPath, mutationPath);
}

const describeCase = (m: Malformed) => m.mutations.map((x) => `${x.kind} at ${formatPath(x.path)}${'value' in x ? ` = ${JSON.stringify(x.value)}` : ''}`).join('; ');

describe(`${RUNS} generated malformed playbooks`, () => {
  it('are each rejected, every error with a path and a message, one of them at what was broken; none throws', () => {
    fc.assert(
      fc.property(malformedPlaybook, (m) => {
        const r = parsePlaybook(m.text);
        expect(r.ok, describeCase(m)).toBe(false);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.path, describeCase(m)).toMatch(/\S/);
          expect(e.message, describeCase(m)).toMatch(/\S/);
        }
        const paths = m.mutations.map((x) => formatPath(x.kind === 'unknown-field' ? x.path.slice(0, -1) : x.path));
        const hit = r.errors.some((e) => paths.some((p) => related(e.path, p)));
        expect(hit, `${describeCase(m)} → ${JSON.stringify(r.errors)}`).toBe(true);
      }),
      { numRuns: RUNS, seed: 8_2026 },
    );
  });

  it('sent to the background as ui:set-playbook, are each answered with the errors and leave the last valid playbook active', async () => {
    const db = await openStore(`malformed-${Date.now()}`);
    let changes = 0;
    const deps: BackgroundDeps = {
      db: async () => db,
      now: () => Date.now(),
      onPlaybookChanged: async () => {
        changes++;
      },
      injectWidget: async () => {},
      tabExists: async () => true,
      setClockOffset: async () => {},
    };
    const route = createRouter(createHandlers(deps), { extensionId: EXTENSION.id, extensionOrigin: EXTENSION.origin });

    // The last valid playbook: the demo one under another name, so "still active" is visible.
    const valid = DEMO_TEXT.replace('"name": "Tasklane"', '"name": "Tasklane (last valid)"');
    expect(valid).not.toBe(DEMO_TEXT);
    const saved = (await route({ type: 'ui:set-playbook', text: valid }, optionsPage)) as Reply<'ui:set-playbook'>;
    expect(saved).toEqual({ ok: true, data: { ok: true, app: 'Tasklane (last valid)' } });
    expect(changes).toBe(1);

    await fc.assert(
      fc.asyncProperty(malformedPlaybook, async (m) => {
        const reply = (await route({ type: 'ui:set-playbook', text: m.text }, optionsPage)) as Reply<'ui:set-playbook'>;
        // A thrown error would come back as { ok: false, error: "failed: …" }: the handler must answer, not throw.
        expect(reply.ok, `${describeCase(m)} → ${JSON.stringify(reply)}`).toBe(true);
        if (!reply.ok) return;
        expect(reply.data.ok, describeCase(m)).toBe(false);
        if (!reply.data.ok) expect(reply.data.errors).toEqual((parsePlaybook(m.text) as { errors: unknown }).errors);
      }),
      { numRuns: RUNS, seed: 8_2027 },
    );

    expect(changes).toBe(1);
    const active = (await route({ type: 'ui:get-playbook' }, optionsPage)) as Reply<'ui:get-playbook'>;
    expect(active.ok && active.data).toMatchObject({ source: 'saved', text: valid, app: { name: 'Tasklane (last valid)' } });
    const hello = (await route({ type: 'cs:hello', url: 'http://127.0.0.1:5173/projects' }, { id: EXTENSION.id, url: 'http://127.0.0.1:5173/projects' })) as Reply<'cs:hello'>;
    expect(hello.ok && hello.data.playbook?.app.name).toBe('Tasklane (last valid)');
  }, 120_000);
});
