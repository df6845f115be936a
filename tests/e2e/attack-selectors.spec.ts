import { type DemoServer, startDemoServer } from '../../demo/server.mjs';
import { ask } from '../../scripts/lib/browser';
import { expect, test, waitForCounts } from './fixtures';

// Playbook selectors are patterns too: one that passes validation must not cost the page in
// proportion to its size on every mutation (tests/fixtures/attack).
let large: DemoServer;
test.beforeAll(async () => {
  large = await startDemoServer({ root: 'tests/fixtures/attack' });
});
test.afterAll(async () => {
  await large.close();
});

const playbook = (visible: string) => ({
  version: 1,
  app: {
    id: 'attack',
    name: 'Attack',
    matches: ['http://127.0.0.1/*'],
    identity: { account: { from: 'constant', value: 'lab' }, user: { from: 'constant', value: 'tester' } },
  },
  features: [
    { id: 'save', name: 'Save', detect: [{ on: 'click', anchor: { selectors: ['#save'] } }] },
    { id: 'done', name: 'Done notice', detect: [{ on: 'visible', anchor: { selectors: [visible] } }] },
  ],
});

test('attack: a visible rule div:has(.done-toast) on a 100,000-element page whose <body> class flips 10 times a second: the page\'s 10 ms timers are never held up 500 ms', async ({ app, extPage }) => {
  test.setTimeout(240_000);
  // An ordinary author's way to say "the panel that holds the toast"; the page flips a theme or
  // "busy" class on <body>, as apps do.
  const saved = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text: JSON.stringify(playbook('div:has(.done-toast)')) });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  await app.goto(`${large.url}/?n=100000&body=1`);
  await app.waitForFunction(() => 'built' in window);
  // The page's own timers for 5 s: with a plain `.done-toast` the worst gap here was 90-175 ms on
  // a loaded machine; with the :has() rule 1.8-2.5 s, again and again.
  const gaps = await app.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const g: number[] = [];
        const start = performance.now();
        let t = start;
        const tick = () => {
          const now = performance.now();
          g.push(Math.round(now - t));
          t = now;
          if (now - start < 5000) setTimeout(tick, 10);
          else done(g);
        };
        setTimeout(tick, 10);
      }),
  );
  const worst = [...gaps].sort((a, b) => b - a).slice(0, 5);
  expect(worst[0], `worst timer gaps ${worst.join(', ')} ms over ${gaps.length} ticks`).toBeLessThan(500);
  const box = (await app.locator('#save').boundingBox())!;
  await app.mouse.click(box.x + 5, box.y + 5);
  await waitForCounts(extPage, large.url, { save: 1 }, 60_000);
});
