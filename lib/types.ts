import type { UserScore } from './scoring/types';

/** Data shapes shared by the content script, the background and the extension pages. Types only: no runtime code, so the content script stays small. */

export type CaptureKind = 'click' | 'dblclick' | 'submit' | 'change' | 'drag' | 'route' | 'visible' | 'key' | 'guide';

/** One detected feature use. `id` is unique per page load and sequence, so a re-sent event is stored once. */
export interface CapturedEvent {
  id: string;
  feature: string;
  kind: CaptureKind;
  /** Epoch milliseconds. */
  ts: number;
  /** Path of the page (no query string or hash: they can hold personal data). */
  path: string;
}

export interface MeterSample {
  meter: string;
  used: number;
  limit: number | null;
  ts: number;
}

export interface Identity {
  account: string;
  user: string;
}

export interface FeatureUsage {
  id: string;
  name: string;
  core: boolean;
  count: number;
  firstUsed: number | null;
  lastUsed: number | null;
}

export interface MilestoneStatus {
  id: string;
  name: string;
  valueMoment: boolean;
  reachedAt: number | null;
}

export interface MeterStatus {
  id: string;
  name: string;
  used: number | null;
  limit: number | null;
  readAt: number | null;
}

export interface UserSummary {
  app: { id: string; name: string };
  /** Adoption score as of now; null before any use. */
  score: UserScore | null;
  identity: Identity;
  features: FeatureUsage[];
  milestones: MilestoneStatus[];
  meters: MeterStatus[];
  totalEvents: number;
}
