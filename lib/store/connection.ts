import { type UptakeDb, openStore } from './db';

/** Why storage failed last, shown as "Uptake can't save right now: …" until a write succeeds again. */
export interface StorageHealth {
  error: string;
  since: number;
}

/** Errors after which the cached connection is no good (closed by the browser, or closing). */
const isDeadConnection = (error: unknown) => {
  const e = error as { name?: string; message?: string } | null;
  return e?.name === 'InvalidStateError' || /connection is clos|database.*closed/i.test(e?.message ?? '');
};
const isStorageError = (error: unknown) =>
  isDeadConnection(error) || ['QuotaExceededError', 'UnknownError', 'AbortError', 'DataError', 'VersionError'].includes((error as { name?: string } | null)?.name ?? '');

/**
 * The worker's one IndexedDB connection, reopened when the browser closes it (disk full,
 * storage cleared, a newer version opening) or a transaction fails because it is closing:
 * a dead cached connection would otherwise fail every message, even a reset, until a restart.
 */
export function createConnection(open: () => Promise<UptakeDb> = () => openStore(), now: () => number = Date.now) {
  let current: Promise<UptakeDb> | null = null;
  let opened: UptakeDb | null = null;
  let health: StorageHealth | null = null;
  const drop = (d: UptakeDb) => {
    if (opened !== d) return;
    opened = null;
    current = null;
  };
  const db = (): Promise<UptakeDb> => {
    if (current) return current;
    const opening = open().then((d) => {
      opened = d;
      // `close`: the browser closed it (e.g. after a write error); `versionchange`: another opener needs it closed.
      d.addEventListener('close', () => drop(d));
      d.addEventListener('versionchange', () => {
        d.close();
        drop(d);
      });
      return d;
    });
    current = opening;
    opening.catch(() => {
      if (current === opening) current = null;
    });
    return opening;
  };
  return {
    db,
    /** A handler failed: a storage error is remembered (and a dead connection dropped, so the next message reopens). */
    failed(error: unknown) {
      if (!isStorageError(error)) return;
      if (isDeadConnection(error) && opened) drop(opened);
      else if (isDeadConnection(error)) current = null;
      const message = (error as Error)?.message || String(error);
      health = { error: message, since: health?.since ?? now() };
    },
    /** A write went through: storage works again. True when it had failed until now. */
    ok(): boolean {
      const recovered = health !== null;
      health = null;
      return recovered;
    },
    health: (): StorageHealth | null => health,
  };
}

export type Connection = ReturnType<typeof createConnection>;
