import { z } from 'zod';
import type { RefusedStats } from './background/batch-check';
import type { Settings } from './background/settings-store';
import type { ExportFile } from './export/schema';
import type { PlaybookError } from './playbook/parse';
import type { NudgeStats } from './nudges/stats';
import type { Nudge } from './playbook/nudges-schema';
import type { Playbook } from './playbook/schema';
import type { StorageHealth } from './store/connection';
import type { GuideFailure } from './store/db';
import type { SelfCostRecord } from './store/self-cost';
import type { WidgetState } from './store/guides';
import type { UserSummary } from './types';

/**
 * The one message protocol between the parts of the extension. Names show the
 * direction: `cs:` from a content script, `ui:` from an extension page (popup,
 * options). Every incoming message is parsed with `messageSchema` before use.
 */

const text = (max: number) => z.string().max(max);
/** Longest page path an event keeps: capture cuts longer ones to this. */
export const MAX_PATH = 2048;
/**
 * Timestamps accepted at the boundary (2000-01-01 to 2100-01-01 UTC): a time outside
 * them is a broken clock or a forged value, and would break every date written later.
 */
export const MIN_TS = Date.UTC(2000, 0, 1);
export const MAX_TS = Date.UTC(2100, 0, 1);
const epoch = z.number().min(MIN_TS).max(MAX_TS);
export const capturedEventSchema = z.strictObject({
  id: text(80).min(1),
  feature: text(64).min(1),
  kind: z.enum(['click', 'dblclick', 'submit', 'change', 'drag', 'route', 'visible', 'key', 'guide']),
  ts: epoch,
  path: text(MAX_PATH),
});
export const meterSampleSchema = z.strictObject({
  meter: text(64).min(1),
  used: z.number().finite(),
  limit: z.number().finite().nullable(),
  ts: epoch,
});

const identity = z.strictObject({ account: text(256).min(1), user: text(256).min(1) });

export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cs:hello'), url: text(4096) }),
  z.strictObject({ type: z.literal('cs:load-widget') }),
  z.strictObject({ type: z.literal('cs:state'), app: text(64).min(1), identity }),
  z.strictObject({
    type: z.literal('cs:guide'),
    app: text(64).min(1),
    identity,
    guide: text(64).min(1),
    step: z.number().int().min(0).max(1000),
    status: z.enum(['active', 'completed', 'dismissed']),
  }),
  z.strictObject({
    type: z.literal('cs:guide-failure'),
    app: text(64).min(1),
    guide: text(64).min(1),
    step: text(64).min(1),
    path: text(2048),
    reason: text(300).min(1),
  }),
  z.strictObject({ type: z.literal('ui:diagnostics') }),
  z.strictObject({
    type: z.literal('cs:nudge'),
    app: text(64).min(1),
    identity,
    pathname: text(2048),
    hash: text(2048),
    sessionShown: z.number().int().min(0).max(1000),
  }),
  z.strictObject({
    type: z.literal('cs:nudge-event'),
    app: text(64).min(1),
    identity,
    nudge: text(64).min(1),
    action: z.enum(['clicked', 'dismissed', 'snoozed', 'closed', 'never']),
  }),
  z.strictObject({ type: z.literal('cs:nudge-pause'), app: text(64).min(1), identity }),
  z.strictObject({ type: z.literal('ui:nudge-stats') }),
  z.strictObject({
    type: z.literal('cs:self-cost'),
    app: text(64).min(1),
    pageId: text(64).min(1),
    path: text(2048),
    pageMs: z.number().finite().nonnegative(),
    totalMs: z.number().finite().nonnegative(),
    runs: z.number().int().nonnegative(),
    maxMs: z.number().finite().nonnegative(),
    longRuns: z.number().int().nonnegative(),
  }),
  z.strictObject({ type: z.literal('ui:get-clock') }),
  z.strictObject({ type: z.literal('ui:set-clock'), offsetMs: z.number().int().min(-3650 * 86_400_000).max(3650 * 86_400_000) }),
  z.strictObject({
    type: z.literal('cs:batch'),
    app: text(64).min(1),
    identity,
    // Checked one by one (lib/background/batch-check.ts): one bad event must not refuse the others.
    events: z.array(z.unknown()).max(1000),
    meters: z.array(z.unknown()).max(100),
  }),
  z.strictObject({ type: z.literal('ui:summary'), url: text(4096).optional() }),
  z.strictObject({ type: z.literal('ui:get-playbook') }),
  z.strictObject({ type: z.literal('ui:set-playbook'), text: text(2_000_000) }),
  z.strictObject({ type: z.literal('ui:reset-playbook') }),
  z.strictObject({ type: z.literal('ui:storage-stats') }),
  z.strictObject({ type: z.literal('ui:health') }),
  // The console: export, the user's score history, settings, data reset.
  z.strictObject({ type: z.literal('ui:export'), scope: z.enum(['current', 'all']), hashIdentities: z.boolean() }),
  z.strictObject({ type: z.literal('ui:score-history') }),
  z.strictObject({ type: z.literal('ui:get-settings') }),
  z.strictObject({ type: z.literal('ui:set-settings'), paused: z.boolean() }),
  // `confirm: true` is required so that no caller can wipe data by sending a bare type.
  z.strictObject({ type: z.literal('ui:reset-data'), confirm: z.literal(true) }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export interface PlaybookInfo {
  source: 'built-in' | 'saved';
  text: string;
  app: { id: string; name: string };
  savedAt: number | null;
}

export interface StorageStats {
  events: number;
  rollups: number;
  milestones: number;
  meters: number;
  scores: number;
}

/** The current user's daily scores, oldest first, for the console's "My data". */
export interface ScoreHistory {
  app: { id: string; name: string };
  identity: { account: string; user: string } | null;
  days: { day: string; score: number; band: 'green' | 'yellow' | 'red'; stage: 'onboarding' | 'adopted' }[];
}

/** What each message is answered with. */
export interface Responses {
  'cs:hello': { playbook: Playbook | null };
  /** `refused`: ids of events that failed validation; the sender drops them like acknowledged ones. */
  'cs:batch': { ack: string[]; refused: string[]; newMilestones: string[] };
  'cs:load-widget': { loaded: boolean };
  'cs:state': WidgetState;
  'cs:guide': WidgetState;
  'cs:guide-failure': { recorded: true };
  'ui:diagnostics': { failures: GuideFailure[]; selfCost: SelfCostRecord[]; refused: RefusedStats };
  'cs:self-cost': { recorded: true };
  'cs:nudge': { nudge: Nudge | null; upgradeUrl?: string | null; signals?: string[]; reason: string };
  'cs:nudge-event': { recorded: true };
  'cs:nudge-pause': { pausedUntil: number };
  'ui:nudge-stats': { stats: NudgeStats[] };
  'ui:get-clock': { offsetMs: number };
  'ui:set-clock': { offsetMs: number };
  'ui:summary': { summary: UserSummary | null; reason?: string };
  'ui:get-playbook': PlaybookInfo;
  'ui:set-playbook': { ok: true; app: string } | { ok: false; errors: PlaybookError[] };
  'ui:reset-playbook': { ok: true };
  'ui:storage-stats': StorageStats;
  /** `storage`: why Uptake cannot save right now (events wait in the pages' outboxes), or null. */
  'ui:health': { storage: StorageHealth | null };
  'ui:export': { file: ExportFile | null; reason?: string };
  'ui:score-history': ScoreHistory;
  'ui:get-settings': Settings;
  'ui:set-settings': Settings;
  'ui:reset-data': { ok: true };
}

/** Every reply is wrapped so a refused or failed message is told apart from an answer. */
export type Reply<T extends MessageType> = { ok: true; data: Responses[T] } | { ok: false; error: string };

/** Messages that read, export or change stored data or settings: extension pages only. */
export function isPrivileged(type: MessageType): boolean {
  return type.startsWith('ui:');
}
