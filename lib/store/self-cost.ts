import type { SelfCost } from '../capture/telemetry';
import type { UptakeDb } from './db';

const KEY = 'self-cost';
/** Page loads kept: enough to see a pattern across the app's pages. */
export const MAX_COST_RECORDS = 50;

export interface SelfCostRecord extends SelfCost {
  app: string;
  /** One page load: later reports of the same page replace earlier ones. */
  pageId: string;
  path: string;
  /** How long the page was open when this was measured, in ms. */
  pageMs: number;
  ts: number;
}

/** Keeps the latest report of each page load, newest first, capped. */
export async function recordSelfCost(db: UptakeDb, record: SelfCostRecord): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const list = ((await tx.store.get(KEY)) as SelfCostRecord[] | undefined) ?? [];
  const others = list.filter((r) => r.pageId !== record.pageId);
  await Promise.all([tx.store.put([record, ...others].slice(0, MAX_COST_RECORDS), KEY), tx.done]);
}

export async function listSelfCost(db: UptakeDb): Promise<SelfCostRecord[]> {
  return ((await db.get('meta', KEY)) as SelfCostRecord[] | undefined) ?? [];
}
