import type { Identity } from '../types';
import type { GuideFailure, GuideStatus, UptakeDb, UserKey } from './db';

const key = (app: string, id: Identity): UserKey => [app, id.account, id.user];
/** Diagnostics kept, newest first: enough to see a pattern, never a growing log. */
export const MAX_FAILURES = 200;

export interface WidgetState {
  milestones: { id: string; reachedAt: number }[];
  guides: { guide: string; step: number; status: GuideStatus; updatedAt: number }[];
}

export async function widgetState(db: UptakeDb, app: string, id: Identity): Promise<WidgetState> {
  const tx = db.transaction(['milestones', 'guides'], 'readonly');
  const [milestones, guides] = await Promise.all([
    tx.objectStore('milestones').index('byUser').getAll(key(app, id)),
    tx.objectStore('guides').index('byUser').getAll(key(app, id)),
  ]);
  return {
    milestones: milestones.map((m) => ({ id: m.milestone, reachedAt: m.reachedAt })),
    guides: guides.map((g) => ({ guide: g.guide, step: g.step, status: g.status, updatedAt: g.updatedAt })),
  };
}

export async function saveGuideProgress(db: UptakeDb, app: string, id: Identity, guide: string, step: number, status: GuideStatus, now: number) {
  await db.put('guides', { app, account: id.account, user: id.user, guide, step, status, updatedAt: now });
}

export async function recordFailure(db: UptakeDb, failure: GuideFailure): Promise<void> {
  const tx = db.transaction('diagnostics', 'readwrite');
  await tx.store.add(failure);
  const count = await tx.store.count();
  let cursor = count > MAX_FAILURES ? await tx.store.index('byTs').openCursor() : null;
  for (let extra = count - MAX_FAILURES; cursor && extra > 0; extra--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

export async function listFailures(db: UptakeDb): Promise<GuideFailure[]> {
  return (await db.getAllFromIndex('diagnostics', 'byTs')).reverse();
}
