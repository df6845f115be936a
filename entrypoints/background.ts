import { createClock } from '@/lib/background/clock';
import { createHandlers } from '@/lib/background/handlers';
import { loadActivePlaybook } from '@/lib/background/playbook-store';
import { createRegistrar, injectWidget } from '@/lib/background/registration';
import { clearOutboxes, drainOutboxes } from '@/lib/background/outbox-drain';
import { createRouter } from '@/lib/background/router';
import { createConnection } from '@/lib/store/connection';
import { pruneEvents } from '@/lib/store/queries';
import { rescoreAll } from '@/lib/store/scores';

const DAILY_ALARM = 'uptake-daily';

export default defineBackground(() => {
  const ensureRegistered = () =>
    register().catch((error) => console.error('Uptake: registering the capture script failed', error));
  const connection = createConnection();
  const db = connection.db;
  const clock = createClock(db);
  let lastCheck = 0;
  const register = createRegistrar(() => db().then(loadActivePlaybook).then((active) => active.playbook));
  const handlers = createHandlers({
    db,
    now: clock.now,
    onPlaybookChanged: () => register().then(() => undefined),
    injectWidget: (tabId, frameId) => injectWidget(tabId, frameId),
    tabExists: (tabId) => browser.tabs.get(tabId).then(
      () => true,
      () => false,
    ),
    setClockOffset: clock.set,
    clearOutboxes: () => clearOutboxes(browser.storage.local),
    health: connection.health,
    checkRegistration: () => {
      // At most every 10 s: pages say hello on every load.
      if (Date.now() - lastCheck < 10_000) return;
      lastCheck = Date.now();
      void ensureRegistered();
    },
  });
  const route = createRouter(handlers, {
    ready: clock.ready,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onError: (type, error) => {
      // A storage failure is remembered for the warning, and a dead connection reopened by the next message.
      connection.failed(error);
      if (connection.health()) drainSoon();
      console.error(`Uptake: handling ${type} failed`, error);
    },
    onSuccess: (type) => {
      // Storage works again: closed tabs' copies are stored now, not at the next worker start.
      if ((type === 'cs:batch' || type === 'ui:reset-data') && connection.ok()) void drain();
    },
  });
  // While storage fails, the copies are tried again now and then (the open pages retry on their own).
  let drainTimer: ReturnType<typeof setTimeout> | undefined;
  const drainSoon = () => {
    if (drainTimer !== undefined) return;
    drainTimer = setTimeout(() => {
      drainTimer = undefined;
      void drain();
    }, 5000);
  };

  // sendResponse + `return true` works in every browser; a returned promise does not everywhere.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse);
    return true;
  });

  // Every worker start: events that pages copied aside before a quit or a tab close are stored now.
  const drain = () =>
    drainOutboxes(browser.storage.local, async (msg) => {
      const reply = await route(msg, { id: browser.runtime.id });
      // Kept only when storing failed (the database); a copy that is not a valid batch is dropped.
      return reply.ok || !reply.error.startsWith('failed');
    }).catch((error) => console.error('Uptake: storing the pages\' saved events failed', error));
  void drain();

  // Every worker start checks and repairs the registration: a worker stopped between a
  // playbook save and its registration would otherwise leave the old pages until a restart.
  void ensureRegistered();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A first install says what Uptake does and keeps; updates and reloads stay quiet.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    void ensureRegistered();
    void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.runtime.onStartup.addListener(() => void ensureRegistered());
  browser.permissions.onAdded.addListener(() => void ensureRegistered());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_ALARM) return;
    void drain();
    void Promise.all([db(), db().then(loadActivePlaybook)])
      .then(async ([d, active]) => {
        await pruneEvents(d, active.playbook.settings.retentionDays, Date.now());
        await rescoreAll(d, active.playbook, Date.now());
      })
      .catch((error) => console.error('Uptake: the daily prune and rescore failed', error));
  });
});
