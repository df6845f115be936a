import type { UptakeDb } from '../store/db';
import { identityKey } from '../store/queries';
import { resetData } from '../store/reset';
import { scoreHistory } from '../store/scores';
import type { Identity } from '../types';
import { collectExport } from './export';
import { type ActivePlaybook, PLAYBOOK_KEY } from './playbook-store';
import type { Handlers } from './router';
import { SETTINGS_KEY, loadSettings, saveSettings } from './settings-store';

export type ConsoleHandlers = Pick<Handlers, 'ui:export' | 'ui:score-history' | 'ui:get-settings' | 'ui:set-settings' | 'ui:reset-data'>;

interface ConsoleDeps {
  db: () => Promise<UptakeDb>;
  now: () => number;
  current: () => Promise<ActivePlaybook>;
  /** Drops the pages' unacknowledged copies too (lib/background/outbox-drain.ts). */
  clearOutboxes?: () => Promise<void>;
}

/** The options console's messages: export, the current user's score history, pause, reset. Extension pages only (router). */
export function createConsoleHandlers({ db, now, current, clearOutboxes }: ConsoleDeps): ConsoleHandlers {
  return {
    async 'ui:export'(msg) {
      return collectExport(await db(), await current(), msg, now());
    },

    async 'ui:score-history'() {
      const [d, { playbook }] = await Promise.all([db(), current()]);
      const app = { id: playbook.app.id, name: playbook.app.name };
      const identity = (await d.get('meta', identityKey(app.id))) as Identity | undefined;
      if (!identity) return { app, identity: null, days: [] };
      const days = (await scoreHistory(d, app.id, identity)).map((r) => ({ day: r.day, score: r.score, band: r.band, stage: r.stage }));
      return { app, identity, days: days.sort((a, b) => a.day.localeCompare(b.day)) };
    },

    async 'ui:get-settings'() {
      return loadSettings(await db());
    },

    async 'ui:set-settings'(msg) {
      return saveSettings(await db(), { paused: msg.paused });
    },

    async 'ui:reset-data'() {
      // The saved playbook and the settings are configuration, not recorded data: a reset keeps them.
      // The database first: a reset that fails (a full disk) leaves the pages' waiting copies in place too.
      await resetData(await db(), [PLAYBOOK_KEY, SETTINGS_KEY]);
      await clearOutboxes?.();
      return { ok: true };
    },
  };
}
