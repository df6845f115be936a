import { accessibleNameSource, resolveAnchor } from '../anchors/match';
import { compileRoute, routeTarget } from '../capture/route';
import type { ShownNudge, WidgetHost } from '../guides/host';
import { request } from '../messaging';
import type { Playbook } from '../playbook/schema';
import type { WidgetState } from '../store/guides';
import type { Identity } from '../types';
import { UptakeContext } from './context';

export interface HostDeps {
  ctx: UptakeContext;
  playbook: Playbook;
  who: () => Promise<Identity>;
  /** Counts a feature use detected outside capture (a guide completed). */
  emitFeature: (feature: string) => void;
}

/**
 * The widget's side of the session: the user's milestones and guide progress from
 * the background, feature uses from capture, and guide progress back to storage.
 */
export function createWidgetHost(deps: HostDeps) {
  const { ctx, playbook } = deps;
  let state: WidgetState = { milestones: [], guides: [] };
  const stateListeners = new Set<(s: WidgetState) => void>();
  const featureListeners = new Set<(f: string) => void>();
  const nudgeListeners = new Set<(n: ShownNudge | null) => void>();
  let nudge: ShownNudge | null = null;
  let sessionShown = 0;
  let asking = false;
  let busy = false;
  // The widget's mount ends with the session, or when the app leaves the playbook's pages (hide).
  let mount = new UptakeContext(ctx);
  let loaded = false;
  let hidden = false;
  const setNudge = (n: ShownNudge | null) => {
    nudge = n;
    for (const fn of nudgeListeners) fn(n);
  };
  const setState = (s: WidgetState) => {
    state = s;
    for (const fn of stateListeners) fn(s);
  };
  const warn = (what: string) => (error: unknown) => console.warn(`Uptake: ${what}`, error);

  const refresh = async () => setState(await request<'cs:state'>({ type: 'cs:state', app: playbook.app.id, identity: await deps.who() }));

  const host: WidgetHost = {
    get ctx() {
      return mount;
    },
    playbook,
    state: () => state,
    subscribe(fn) {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
    onFeature(fn) {
      featureListeners.add(fn);
      return () => featureListeners.delete(fn);
    },
    saveGuide(guide, step, status) {
      return deps
        .who()
        .then((identity) => request<'cs:guide'>({ type: 'cs:guide', app: playbook.app.id, identity, guide, step, status }))
        .then(setState, warn('saving guide progress failed'));
    },
    reportFailure(guide, step, reason) {
      request<'cs:guide-failure'>({ type: 'cs:guide-failure', app: playbook.app.id, guide, step, path: location.pathname, reason }).catch(warn('recording a guide failure failed'));
    },
    onNudge(fn) {
      nudgeListeners.add(fn);
      fn(nudge);
      return () => nudgeListeners.delete(fn);
    },
    nudgeEvent(id, action) {
      setNudge(null);
      deps
        .who()
        .then((identity) => request<'cs:nudge-event'>({ type: 'cs:nudge-event', app: playbook.app.id, identity, nudge: id, action }))
        .catch(warn('recording a nudge event failed'));
    },
    setBusy(b) {
      busy = b;
    },
    pauseTips() {
      setNudge(null);
      deps
        .who()
        .then((identity) => request<'cs:nudge-pause'>({ type: 'cs:nudge-pause', app: playbook.app.id, identity }))
        .catch(warn('pausing tips failed'));
    },
    resolveAnchor: (anchor) => resolveAnchor(anchor, document),
    nameOf: accessibleNameSource,
    atRoute: (pattern) => compileRoute(pattern).test(routeTarget(pattern, location)),
    guideCompleted(guide) {
      for (const f of playbook.features) if (f.detect.some((d) => d.on === 'guide' && d.guide === guide)) deps.emitFeature(f.id);
    },
  };

  return {
    /** Loads the widget into this page and shows it, once the user's state is known. */
    async load(): Promise<void> {
      await refresh();
      if (ctx.isInvalid) return;
      if (!globalThis.__uptakeWidget) await request<'cs:load-widget'>({ type: 'cs:load-widget' });
      loaded = true;
      if (!hidden && mount.isValid) globalThis.__uptakeWidget?.mount(host);
    },
    /** The app left the playbook's pages: the widget goes, and no nudge is asked for. */
    hide() {
      hidden = true;
      busy = false;
      setNudge(null);
      mount.invalidate();
    },
    show() {
      if (!hidden || ctx.isInvalid) return;
      hidden = false;
      mount = new UptakeContext(ctx);
      if (loaded) globalThis.__uptakeWidget?.mount(host);
    },
    refresh: () => refresh().catch(warn('refreshing the checklist failed')),
    /** Asks the background whether a nudge is due on this page now; shows it if so. */
    async checkNudge(triggeredAt = performance.now()): Promise<void> {
      if (nudge || asking || busy || hidden || playbook.nudges.length === 0 || ctx.isInvalid) return;
      asking = true;
      const requestedAt = triggeredAt;
      try {
        const identity = await deps.who();
        const r = await request<'cs:nudge'>({ type: 'cs:nudge', app: playbook.app.id, identity, pathname: location.pathname, hash: location.hash, sessionShown });
        if (r.nudge && !hidden) {
          sessionShown++;
          setNudge({ nudge: r.nudge, upgradeUrl: r.upgradeUrl ?? null, signals: r.signals ?? [], requestedAt });
        }
      } catch (error) {
        warn('asking for a nudge failed')(error);
      } finally {
        asking = false;
      }
    },
    featureUsed(feature: string) {
      if (featureListeners.size) for (const fn of featureListeners) fn(feature);
    },
  };
}

/** Whether this playbook has anything for the widget to show. */
export function wantsWidget(pb: Playbook): boolean {
  return pb.guides.length > 0 || pb.nudges.length > 0 || (pb.theme.checklist && pb.milestones.length > 0);
}
