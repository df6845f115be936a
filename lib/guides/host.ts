import type { UptakeContext } from '../content/context';
import type { Nudge } from '../playbook/nudges-schema';
import type { Anchor, Playbook } from '../playbook/schema';
import type { GuideStatus } from '../store/db';
import type { WidgetState } from '../store/guides';

/** What the capture script hands the lazily loaded widget: data, events and the way back to the background. */
export interface WidgetHost {
  ctx: UptakeContext;
  playbook: Playbook;
  state(): WidgetState;
  subscribe(fn: (state: WidgetState) => void): () => void;
  /** Called with each feature use capture detects (steps can advance on one). */
  onFeature(fn: (feature: string) => void): () => void;
  /** Resolves once stored (a navigation may follow). */
  saveGuide(guide: string, step: number, status: GuideStatus): Promise<unknown>;
  reportFailure(guide: string, step: string, reason: string): void;
  /** A guide was completed: counted for features detected `{ "on": "guide" }`. */
  guideCompleted(guide: string): void;
  /** The nudge the background decided to show (null: hide), with when it was asked for. */
  onNudge(fn: (shown: ShownNudge | null) => void): () => void;
  nudgeEvent(nudge: string, action: 'clicked' | 'dismissed' | 'snoozed' | 'closed' | 'never'): void;
  pauseTips(): void;
  /** A guide is running: no nudge may interrupt it. */
  setBusy(busy: boolean): void;
  /**
   * The anchor's element in the page now, or null; and whether the page is at a route pattern.
   * Capture's own code, lent to the widget: its bundle, all a page loads of Uptake with the
   * content script, then carries no second copy.
   */
  resolveAnchor(anchor: Anchor): Element | null;
  atRoute(pattern: string): boolean;
  /** The text an element's accessible name comes from (capture's, lent like resolveAnchor). */
  nameOf(el: Element): string;
}

export interface ShownNudge {
  nudge: Nudge;
  upgradeUrl: string | null;
  /** Why an expansion prompt shows now, in plain words. */
  signals: string[];
  /** performance.now() when the page asked: the card reports the latency from here. */
  requestedAt: number;
}

/** What the popup asks of the widget in the user's tab: open the checklist, or run a milestone's tour. */
export type WidgetCommand = { kind: 'checklist' } | { kind: 'guide'; milestone: string };
export type CommandOutcome = 'done' | 'no-widget' | 'no-checklist' | 'no-guide';

export interface WidgetApi {
  mount(host: WidgetHost): void;
  /** Called by the popup through scripting.executeScript in this isolated world; the page cannot reach it. */
  command?(c: WidgetCommand): CommandOutcome;
}

declare global {
  // The widget script sets this in the extension's isolated world; the page never sees it.
  var __uptakeWidget: WidgetApi | undefined;
}
