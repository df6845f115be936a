import { parsePlaybook } from '../playbook/parse';
import { urlMatchesAny } from '../playbook/match-url';
import type { StorageHealth } from '../store/connection';
import type { UptakeDb } from '../store/db';
import { storeBatch } from '../store/batch';
import { type StorageEstimate, createCompactor } from '../store/compact';
import { identityKey, storageStats, updateMilestones, userSummary } from '../store/queries';
import { listFailures, recordFailure, saveGuideProgress, widgetState } from '../store/guides';
import { rescoreAll, rescoreUser } from '../store/scores';
import { listSelfCost, recordSelfCost } from '../store/self-cost';
import type { Identity } from '../types';
import { checkBatch, recordRefused, refusedStats } from './batch-check';
import { readClockOffset } from './clock';
import { createConsoleHandlers } from './console-handlers';
import { createNudgeHandlers } from './nudge-handlers';
import { createScoreCache } from './score-cache';
import { type ActivePlaybook, clearSavedPlaybook, loadActivePlaybook, savePlaybook } from './playbook-store';
import type { Handlers } from './router';
import { loadSettings } from './settings-store';

/** Quiet time after the last stored batch before a user is rescored. */
export const RESCORE_DEBOUNCE_MS = 2000;

export interface BackgroundDeps {
  db: () => Promise<UptakeDb>;
  now: () => number;
  /** Called after the active playbook changed (re-register content scripts). */
  onPlaybookChanged: (active: ActivePlaybook) => Promise<void>;
  /**
   * Compares the registered content scripts with the stored playbook and repairs them (a
   * worker stopped between a save and its registration); called on every `cs:hello`.
   */
  checkRegistration?: () => void;
  /** Loads the guidance widget into a tab's content-script world, on demand. */
  injectWidget: (tabId: number, frameId: number) => Promise<void>;
  tabExists: (tabId: number) => Promise<boolean>;
  /**
   * Moves Uptake's clock (scores, nudges, milestones): lets a playbook author preview
   * what a user sees days from now, and the tests check caps and backoff in real time.
   */
  setClockOffset: (offsetMs: number) => Promise<void>;
  /** `navigator.storage.estimate()` (injected in tests): under quota pressure, old raw events are compacted away. */
  estimateStorage?: () => Promise<StorageEstimate>;
  clearOutboxes?: () => Promise<void>;
  /** Why storage failed last (lib/store/connection.ts), for the pages' warning. */
  health?: () => StorageHealth | null;
}

/** The browser's storage estimate; "no pressure" where there is none (Node, old browsers). */
const browserEstimate = async (): Promise<StorageEstimate> => (await globalThis.navigator?.storage?.estimate?.()) ?? {};

export function createHandlers(deps: BackgroundDeps): Handlers {
  const scores = createScoreCache();
  const compactor = createCompactor({ db: deps.db, estimate: deps.estimateStorage ?? browserEstimate });
  let active: Promise<ActivePlaybook> | null = null;
  // While the database cannot be read (a full disk), pages still get the last playbook this worker read:
  // their events wait in the outbox instead of never being captured; a failed load is tried again.
  let lastGood: ActivePlaybook | null = null;
  let lastPaused = false;
  const current = async () => {
    active ??= deps.db().then(loadActivePlaybook).then(
      (a) => (lastGood = a),
      (error) => {
        active = null;
        if (lastGood) return lastGood;
        throw error;
      },
    );
    return active;
  };
  const reload = async () => {
    active = null;
    const next = await current();
    scores.invalidate();
    // The playbook is stored and active: a failed registration is tried again, and every
    // worker start and page hello repairs it, so the save itself has succeeded.
    await deps.onPlaybookChanged(next).catch(() =>
      deps.onPlaybookChanged(next).catch((error) => console.error('Uptake: registering the capture script failed; repaired at the next start', error)),
    );
    // Scores are recomputed from the stored rollups under the new playbook: nothing lost, nothing counted twice.
    await rescoreAll(await deps.db(), next.playbook, deps.now());
    return next;
  };
  // Rescore once a burst of batches has settled; if the worker stops first, the popup or the daily alarm rescores.
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const rescoreSoon = (id: Identity) => {
    const k = JSON.stringify([id.account, id.user]);
    clearTimeout(timers.get(k));
    timers.set(
      k,
      setTimeout(() => {
        timers.delete(k);
        Promise.all([deps.db(), current()])
          .then(([db, a]) => rescoreUser(db, a.playbook, id, deps.now()))
          .catch((error) => console.error('Uptake: rescoring failed', error));
      }, RESCORE_DEBOUNCE_MS),
    );
  };

  return {
    ...createConsoleHandlers({ db: deps.db, now: deps.now, current, clearOutboxes: deps.clearOutboxes }),
    ...createNudgeHandlers({ db: deps.db, now: deps.now, current, tabExists: deps.tabExists, scores }),

    async 'ui:get-clock'() {
      return { offsetMs: await readClockOffset(await deps.db()) };
    },

    async 'ui:set-clock'(msg) {
      await deps.setClockOffset(msg.offsetMs);
      return { offsetMs: msg.offsetMs };
    },

    async 'cs:hello'(msg) {
      deps.checkRegistration?.();
      // Paused: no playbook, so capture does not start on pages loaded from now on.
      const paused = await deps.db().then(loadSettings).then((s) => (lastPaused = s.paused), () => lastPaused);
      if (paused) return { playbook: null };
      const { playbook } = await current();
      return { playbook: urlMatchesAny(playbook.app.matches, msg.url) ? playbook : null };
    },

    async 'cs:batch'(msg) {
      const db = await deps.db();
      const checked = checkBatch(msg.events, msg.meters);
      const { refused } = checked;
      if (checked.invalid > 0) await recordRefused(db, checked.invalid, checked.reason, deps.now());
      // Paused: events from pages opened before the pause are acknowledged (so they are not re-sent) but not recorded.
      if ((await loadSettings(db)).paused) return { ack: checked.events.map((e) => e.id), refused, newMilestones: [] };
      const ack = await storeBatch(db, { ...msg, events: checked.events, meters: checked.meters });
      const { playbook } = await current();
      await db.put('meta', msg.identity, identityKey(msg.app));
      let newMilestones: string[] = [];
      if (playbook.app.id === msg.app) {
        newMilestones = await updateMilestones(db, playbook, msg.identity, deps.now());
        scores.invalidate(msg.identity);
        rescoreSoon(msg.identity);
      }
      // Throttled and not awaited: the content script gets its acknowledgement first.
      compactor.afterBatch().catch((error) => console.error('Uptake: compacting raw events failed', error));
      return { ack, refused, newMilestones };
    },

    async 'cs:load-widget'(_msg, sender) {
      if (sender.tab?.id === undefined) return { loaded: false };
      await deps.injectWidget(sender.tab.id, sender.frameId ?? 0);
      return { loaded: true };
    },

    async 'cs:state'(msg) {
      return widgetState(await deps.db(), msg.app, msg.identity);
    },

    async 'cs:guide'(msg) {
      const db = await deps.db();
      await saveGuideProgress(db, msg.app, msg.identity, msg.guide, msg.step, msg.status, deps.now());
      return widgetState(db, msg.app, msg.identity);
    },

    async 'cs:guide-failure'(msg) {
      const { type: _, ...failure } = msg;
      await recordFailure(await deps.db(), { ...failure, ts: deps.now() });
      return { recorded: true };
    },

    async 'ui:diagnostics'() {
      const db = await deps.db();
      const [failures, selfCost, refused] = await Promise.all([listFailures(db), listSelfCost(db), refusedStats(db)]);
      return { failures, selfCost, refused };
    },

    async 'cs:self-cost'(msg) {
      const { type: _, ...cost } = msg;
      await recordSelfCost(await deps.db(), { ...cost, ts: deps.now() });
      return { recorded: true };
    },

    async 'ui:summary'(msg) {
      const { playbook } = await current();
      if (msg.url !== undefined && !urlMatchesAny(playbook.app.matches, msg.url)) {
        return { summary: null, reason: `This tab is not part of ${playbook.app.name}, the app your playbook describes.` };
      }
      const db = await deps.db();
      const identity = (await db.get('meta', identityKey(playbook.app.id))) as Identity | undefined;
      if (!identity) return { summary: null, reason: `Nothing recorded in ${playbook.app.name} yet. Use the app and your progress shows here.` };
      const [summary, score] = await Promise.all([userSummary(db, playbook, identity), rescoreUser(db, playbook, identity, deps.now())]);
      return { summary: { ...summary, score } };
    },

    async 'ui:get-playbook'() {
      return (await current()).info;
    },

    async 'ui:set-playbook'(msg) {
      const parsed = parsePlaybook(msg.text);
      // An invalid playbook changes nothing: the last valid one stays active and stored data is untouched.
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      await savePlaybook(await deps.db(), msg.text, deps.now());
      const next = await reload();
      return { ok: true, app: next.info.app.name };
    },

    async 'ui:reset-playbook'() {
      await clearSavedPlaybook(await deps.db());
      await reload();
      return { ok: true };
    },

    async 'ui:health'() {
      return { storage: deps.health?.() ?? null };
    },

    async 'ui:storage-stats'() {
      return storageStats(await deps.db());
    },
  };
}
