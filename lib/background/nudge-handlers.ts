import { decideNudge } from '../nudges/decide';
import { offerLines } from '../nudges/offer-text';
import { nudgeStats } from '../nudges/stats';
import type { UptakeDb } from '../store/db';
import type { NudgeLogEntry } from '../nudges/types';
import { LEASE_KEY, LEASE_MS, type Lease, decideInputs, logNudge, pauseForToday } from '../store/nudges';
import type { ActivePlaybook } from './playbook-store';
import type { ScoreCache } from './score-cache';
import type { Handlers } from './router';

export type NudgeHandlers = Pick<Handlers, 'cs:nudge' | 'cs:nudge-event' | 'cs:nudge-pause' | 'ui:nudge-stats'>;

interface NudgeDeps {
  db: () => Promise<UptakeDb>;
  now: () => number;
  current: () => Promise<ActivePlaybook>;
  tabExists: (tabId: number) => Promise<boolean>;
  scores: ScoreCache;
}

/** Nudges: decide (pure, lib/nudges), record what happened, and keep one nudge visible across all tabs. */
export function createNudgeHandlers({ db, now, current, tabExists, scores }: NudgeDeps): NudgeHandlers {
  /** Whether another live tab already shows a nudge. */
  const leasedElsewhere = async (d: UptakeDb, tabId: number, t: number) => {
    const lease = (await d.get('meta', LEASE_KEY)) as Lease | undefined;
    return !!lease && lease.tabId !== tabId && lease.until > t && (await tabExists(lease.tabId));
  };
  const release = async (d: UptakeDb, tabId: number | undefined) => {
    const lease = (await d.get('meta', LEASE_KEY)) as Lease | undefined;
    if (lease && lease.tabId === tabId) await d.delete('meta', LEASE_KEY);
  };

  return {
    async 'cs:nudge'(msg, sender) {
      const [d, { playbook }] = await Promise.all([db(), current()]);
      const t = now();
      const tabId = sender.tab?.id ?? -1;
      if (playbook.app.id !== msg.app || playbook.nudges.length === 0) return { nudge: null, reason: 'no nudges in the playbook' };
      // Read in parallel: this runs on every route change, and the nudge should appear with the page.
      const [elsewhere, score, inputs] = await Promise.all([leasedElsewhere(d, tabId, t), scores.get(d, playbook, msg.identity, t), decideInputs(d, playbook, msg.identity)]);
      if (elsewhere) return { nudge: null, reason: 'another tab shows a nudge' };
      const decision = decideNudge({
        playbook,
        score,
        ...inputs,
        sessionShown: msg.sessionShown,
        route: { pathname: msg.pathname, hash: msg.hash },
        userKey: `${playbook.app.id}:${msg.identity.account}:${msg.identity.user}`,
        now: t,
      });
      if (decision.kind === 'none') return { nudge: null, reason: decision.reason };
      if (decision.kind === 'hold-out') {
        await logNudge(d, playbook.app.id, msg.identity, decision.nudge, 'heldout', t);
        return { nudge: null, reason: `${decision.nudge}: held out (control group)` };
      }
      const tx = d.transaction(['meta', 'nudges'], 'readwrite');
      await Promise.all([
        tx.objectStore('meta').put({ tabId, nudge: decision.nudge, until: t + LEASE_MS } satisfies Lease, LEASE_KEY),
        tx.objectStore('nudges').add({ app: playbook.app.id, account: msg.identity.account, user: msg.identity.user, nudge: decision.nudge, action: 'shown', ts: t }),
        tx.done,
      ]);
      const nudge = playbook.nudges.find((n) => n.id === decision.nudge)!;
      // An expansion prompt says why now in the customer's words; the scoring's signals are the CSM's.
      const signals = nudge.kind === 'expansion' ? offerLines(playbook, inputs.meters, score) : [];
      return { nudge, upgradeUrl: playbook.app.plan?.upgradeUrl ?? null, signals, reason: 'shown' };
    },

    async 'cs:nudge-event'(msg, sender) {
      const d = await db();
      if (msg.action !== 'closed') await logNudge(d, msg.app, msg.identity, msg.nudge, msg.action, now());
      await release(d, sender.tab?.id);
      return { recorded: true };
    },

    async 'cs:nudge-pause'(msg, sender) {
      const d = await db();
      const until = await pauseForToday(d, msg.app, msg.identity, now());
      await release(d, sender.tab?.id);
      return { pausedUntil: until };
    },

    async 'ui:nudge-stats'() {
      const [d, { playbook }] = await Promise.all([db(), current()]);
      const log: NudgeLogEntry[] = [];
      for (const r of await d.getAll('nudges')) if (r.app === playbook.app.id) log.push({ nudge: r.nudge, action: r.action, ts: r.ts });
      const targets = new Set(playbook.nudges.flatMap((n) => (n.target ? [n.target] : [])));
      const uses = (await d.getAll('rollups')).filter((r) => r.app === playbook.app.id && targets.has(r.feature));
      return { stats: nudgeStats(playbook.nudges, log, uses) };
    },
  };
}
