import { describe, expect, it } from 'vitest';
import demo from '../../../demo/playbook.json';
import { validatePlaybook } from '../../../lib/playbook/parse';
import { storeBatch } from '../../../lib/store/batch';
import { openStore } from '../../../lib/store/db';
import { MIGRATIONS } from '../../../lib/store/migrations';
import { storageStats, updateMilestones } from '../../../lib/store/queries';
import { rescoreAll, rescoreUser, scoreHistory } from '../../../lib/store/scores';
import type { CapturedEvent } from '../../../lib/types';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const DAY = 86_400_000;
const parsed = validatePlaybook(demo);
if (!parsed.ok) throw new Error('demo playbook does not parse');
const pb = parsed.playbook;
const maria = { account: 'acme', user: 'maria' };
let n = 0;

function events(): CapturedEvent[] {
  const out: CapturedEvent[] = [];
  for (let d = 20; d >= 0; d -= 2) {
    for (const feature of ['create-project', 'add-task', 'build-report', 'share-report']) {
      out.push({ id: `e${d}-${feature}`, feature, kind: 'click', ts: NOW - d * DAY, path: '/projects' });
    }
  }
  return out;
}

async function populated(migrations = MIGRATIONS) {
  const db = await openStore(`scores-${++n}-${Date.now()}`, migrations);
  await storeBatch(db, { app: 'tasklane', identity: maria, events: events(), meters: [{ meter: 'seats', used: 8, limit: 10, ts: NOW }] });
  await updateMilestones(db, pb, maria, NOW - 20 * DAY);
  return db;
}

describe('the v3 score history', () => {
  it('upgrading a populated v2 database keeps all data and adds the score store', async () => {
    const v2 = await populated(MIGRATIONS.slice(0, 2));
    const name = v2.name;
    const before = { events: await v2.count('events'), rollups: await v2.getAll('rollups'), milestones: await v2.getAll('milestones') };
    expect(v2.objectStoreNames.contains('scores')).toBe(false);
    v2.close();

    const db = await openStore(name);
    expect(db.version).toBe(MIGRATIONS.length);
    expect(db.objectStoreNames.contains('scores')).toBe(true);
    expect(await db.count('events')).toBe(before.events);
    expect(await db.getAll('rollups')).toEqual(before.rollups);
    expect(await db.getAll('milestones')).toEqual(before.milestones);
    const score = await rescoreUser(db, pb, maria, NOW);
    expect(score).not.toBeNull();
    expect(await scoreHistory(db, 'tasklane', maria)).toHaveLength(1);
  });

  it('rescoring after a playbook change recomputes from rollups: nothing lost, nothing counted twice', async () => {
    const db = await populated();
    const first = await rescoreUser(db, pb, maria, NOW);
    const stats = await storageStats(db);

    // Rescoring again and again under the same playbook changes nothing.
    await rescoreAll(db, pb, NOW);
    await rescoreAll(db, pb, NOW);
    expect((await rescoreUser(db, pb, maria, NOW))?.score).toBe(first?.score);
    expect(await storageStats(db)).toEqual(stats);

    // A playbook that weighs milestones more gives a different score from the same rollups…
    const heavier = validatePlaybook({ ...demo, settings: { scoring: { weights: { adopted: { milestones: 1 }, onboarding: { milestones: 1 } } } } });
    if (!heavier.ok) throw new Error(JSON.stringify(heavier.errors));
    await rescoreAll(db, heavier.playbook, NOW);
    const reweighted = (await scoreHistory(db, 'tasklane', maria)).at(-1)!;
    expect(reweighted.score).not.toBe(first?.score);
    // …and going back restores the original exactly: rollups were never touched.
    await rescoreAll(db, pb, NOW);
    expect((await scoreHistory(db, 'tasklane', maria)).at(-1)!.score).toBe(first?.score);
    expect(await storageStats(db)).toEqual(stats);
  });

  it('keeps one entry per day, the latest computation of that day', async () => {
    const db = await populated();
    await rescoreUser(db, pb, maria, NOW - DAY);
    await rescoreUser(db, pb, maria, NOW);
    await rescoreUser(db, pb, maria, NOW + 1000);
    const history = await scoreHistory(db, 'tasklane', maria);
    expect(history.map((h) => h.day)).toEqual(['2026-11-22', '2026-11-23']);
    expect(history[1]!.computedAt).toBe(NOW + 1000);
  });
});
