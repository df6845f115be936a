import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One step per database version. A shipped step never changes: a new version
 * gets a new step (and a test that upgrades a populated database from the one before).
 */
type Db = IDBPDatabase<unknown>;
type Tx = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Migration = (db: Db, tx: Tx) => void;

export const USER_KEY = ['app', 'account', 'user'] as const;

/** v1: raw events keyed by their capture id, daily rollups per app/account/user/day/feature, settings. */
const v1: Migration = (db) => {
  db.createObjectStore('events', { keyPath: 'id' });
  db.createObjectStore('rollups', { keyPath: ['app', 'account', 'user', 'day', 'feature'] });
  db.createObjectStore('meta');
};

/** v2: retention needs events by time; milestones and meter readings get their own stores; rollups by user. */
const v2: Migration = (db, tx) => {
  tx.objectStore('events').createIndex('byTs', 'ts');
  tx.objectStore('rollups').createIndex('byUser', [...USER_KEY]);
  const milestones = db.createObjectStore('milestones', { keyPath: ['app', 'account', 'user', 'milestone'] });
  milestones.createIndex('byUser', [...USER_KEY]);
  const meters = db.createObjectStore('meters', { keyPath: ['app', 'account', 'user', 'meter', 'day'] });
  meters.createIndex('byUser', [...USER_KEY]);
};

/** v3: a daily history of each user's score and component vector. */
const v3: Migration = (db) => {
  const scores = db.createObjectStore('scores', { keyPath: ['app', 'account', 'user', 'day'] });
  scores.createIndex('byUser', [...USER_KEY]);
};

/** v4: guide progress per user (tours resume where they were), and guide failures for Diagnostics. */
const v4: Migration = (db) => {
  const guides = db.createObjectStore('guides', { keyPath: ['app', 'account', 'user', 'guide'] });
  guides.createIndex('byUser', [...USER_KEY]);
  const diagnostics = db.createObjectStore('diagnostics', { keyPath: 'id', autoIncrement: true });
  diagnostics.createIndex('byTs', 'ts');
};

/** v5: each user's nudge history (shown, held out, clicked, dismissed, snoozed): caps, backoff and lift read it. */
const v5: Migration = (db) => {
  const log = db.createObjectStore('nudges', { keyPath: 'id', autoIncrement: true });
  log.createIndex('byUser', [...USER_KEY]);
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5];
