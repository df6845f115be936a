import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Component } from '../scoring/defaults';
import type { Band, ComponentVector, Reason, Stage } from '../scoring/types';
import type { CaptureKind } from '../types';
import { MIGRATIONS, type Migration } from './migrations';

export const DB_NAME = 'uptake';
export const DB_VERSION = MIGRATIONS.length;

export type UserKey = [app: string, account: string, user: string];

export interface StoredEvent {
  id: string;
  app: string;
  account: string;
  user: string;
  feature: string;
  kind: CaptureKind;
  ts: number;
  day: string;
  path: string;
}

/** Uses of one feature by one user on one local calendar day. Kept after raw events expire. */
export interface Rollup {
  app: string;
  account: string;
  user: string;
  day: string;
  feature: string;
  count: number;
  firstTs: number;
  lastTs: number;
}

export interface MilestoneRecord {
  app: string;
  account: string;
  user: string;
  milestone: string;
  reachedAt: number;
}

export interface MeterReading {
  app: string;
  account: string;
  user: string;
  meter: string;
  day: string;
  used: number;
  limit: number | null;
  ts: number;
}

/** One user's score on one day (the last computed that day), kept to chart it and to re-fit the weights later. */
export interface ScoreRecord {
  app: string;
  account: string;
  user: string;
  day: string;
  score: number;
  band: Band;
  stage: Stage;
  components: ComponentVector;
  contributions: Record<Component, number>;
  reasons: Reason[];
  alert: boolean;
  expansionReady: boolean;
  scoringVersion: string;
  computedAt: number;
}

export type GuideStatus = 'active' | 'completed' | 'dismissed';

/** Where a user is in a guide: tours resume at `step` after a reload or route change. */
export interface GuideProgress {
  app: string;
  account: string;
  user: string;
  guide: string;
  step: number;
  status: GuideStatus;
  updatedAt: number;
}

/** A guide step that could not be shown, listed in Diagnostics for the playbook author. */
export interface GuideFailure {
  id?: number;
  app: string;
  guide: string;
  step: string;
  path: string;
  reason: string;
  ts: number;
}

export interface NudgeRecord {
  id?: number;
  app: string;
  account: string;
  user: string;
  nudge: string;
  action: 'shown' | 'heldout' | 'clicked' | 'dismissed' | 'snoozed' | 'never';
  ts: number;
}

export interface UptakeSchema extends DBSchema {
  events: { key: string; value: StoredEvent; indexes: { byTs: number } };
  rollups: { key: [string, string, string, string, string]; value: Rollup; indexes: { byUser: UserKey } };
  milestones: { key: [string, string, string, string]; value: MilestoneRecord; indexes: { byUser: UserKey } };
  meters: { key: [string, string, string, string, string]; value: MeterReading; indexes: { byUser: UserKey } };
  scores: { key: [string, string, string, string]; value: ScoreRecord; indexes: { byUser: UserKey } };
  guides: { key: [string, string, string, string]; value: GuideProgress; indexes: { byUser: UserKey } };
  diagnostics: { key: number; value: GuideFailure; indexes: { byTs: number } };
  nudges: { key: number; value: NudgeRecord; indexes: { byUser: UserKey } };
  meta: { key: string; value: unknown };
}

export type UptakeDb = IDBPDatabase<UptakeSchema>;

/** Opens (creating or upgrading) the database, running every migration step past the stored version. */
export function openStore(
  name = DB_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<UptakeDb> {
  return openDB<UptakeSchema>(name, migrations.length, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < migrations.length; v++) {
        // The steps are written against the untyped database: a step sees the schema as it was.
        migrations[v]!(db as unknown as IDBPDatabase<unknown>, tx as never);
      }
    },
  });
}

/** Meta key: raw events before this time have been pruned (epoch ms). */
export const PRUNED_BEFORE = 'prunedBefore';

/** Local calendar day of a timestamp, e.g. "2026-11-23". */
export function dayOf(ts: number): string {
  const d = new Date(ts);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}
