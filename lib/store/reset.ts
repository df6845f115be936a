import type { UptakeDb } from './db';

/**
 * Deletes everything Uptake recorded — every store, including ones added by later
 * versions — in one transaction, keeping only the meta entries named in `keep`
 * (the saved playbook and the settings). Returns the number of meta entries removed.
 */
export async function resetData(db: UptakeDb, keep: readonly string[]): Promise<number> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  const meta = tx.objectStore('meta');
  const keys = await meta.getAllKeys();
  const drop = keys.filter((k) => !keep.includes(String(k)));
  await Promise.all([
    ...names.filter((n) => n !== 'meta').map((n) => tx.objectStore(n).clear()),
    ...drop.map((k) => meta.delete(k)),
    tx.done,
  ]);
  return drop.length;
}
