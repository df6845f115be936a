import { buildRecord, exportFile } from '../export/build';
import { playbookHash } from '../export/hash';
import type { ExportFile, ExportRecord } from '../export/schema';
import { nudgeStats } from '../nudges/stats';
import type { Playbook } from '../playbook/schema';
import type { UptakeDb } from '../store/db';
import { identityKey, userRollups, userSummary } from '../store/queries';
import { listUsers, rescoreUser } from '../store/scores';
import type { Identity } from '../types';
import type { ActivePlaybook } from './playbook-store';

export interface ExportRequest {
  /** "current": the user the popup shows (the last seen in the app); "all": every user recorded in this browser. */
  scope: 'current' | 'all';
  hashIdentities: boolean;
}

/**
 * The export of the active playbook's app, one record per user, scored as of `now`
 * exactly as the popup scores them. Null with a reason when nobody has used the app yet.
 */
export async function collectExport(db: UptakeDb, active: ActivePlaybook, req: ExportRequest, now: number): Promise<{ file: ExportFile | null; reason?: string }> {
  const { playbook } = active;
  const app = playbook.app.id;
  let users: Identity[];
  if (req.scope === 'current') {
    const current = (await db.get('meta', identityKey(app))) as Identity | undefined;
    users = current ? [current] : [];
  } else {
    users = await listUsers(db, app);
  }
  const hash = await playbookHash(active.info.text);
  const records: ExportRecord[] = [];
  for (const id of users) {
    const [summary, score, nudges] = await Promise.all([userSummary(db, playbook, id), rescoreUser(db, playbook, id, now), userNudgeStats(db, playbook, id)]);
    if (!score) continue;
    records.push(await buildRecord({ ...summary, score }, score, { playbook, playbookHash: hash, now, hashIdentities: req.hashIdentities, nudges }));
  }
  if (records.length === 0) return { file: null, reason: `Nothing recorded in ${playbook.app.name} yet: there is no score to export.` };
  return { file: exportFile(records, now) };
}

/** One user's per-nudge stats: their nudge log against their own use of each nudge's target feature. */
async function userNudgeStats(db: UptakeDb, playbook: Playbook, id: Identity) {
  if (playbook.nudges.length === 0) return [];
  const [log, rollups] = await Promise.all([
    db.getAllFromIndex('nudges', 'byUser', [playbook.app.id, id.account, id.user]),
    userRollups(db, playbook.app.id, id),
  ]);
  const targets = new Set(playbook.nudges.flatMap((n) => (n.target ? [n.target] : [])));
  return nudgeStats(playbook.nudges, log, rollups.filter((r) => targets.has(r.feature)));
}
