import { capturedEventSchema, meterSampleSchema } from '../protocol';
import type { UptakeDb } from '../store/db';
import type { CapturedEvent, MeterSample } from '../types';

export interface CheckedBatch {
  events: CapturedEvent[];
  meters: MeterSample[];
  /** Ids of invalid events, answered so the sender drops them instead of re-sending them forever. */
  refused: string[];
  /** Invalid items in all (events without a usable id and meter samples included). */
  invalid: number;
  reason: string | null;
}

const issueText = (error: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'event'}: ${issue.message}` : 'invalid';
};

/** Validates a batch's events and meter samples one by one: a poison event never blocks the good ones. */
export function checkBatch(events: readonly unknown[], meters: readonly unknown[]): CheckedBatch {
  const out: CheckedBatch = { events: [], meters: [], refused: [], invalid: 0, reason: null };
  for (const raw of events) {
    const parsed = capturedEventSchema.safeParse(raw);
    if (parsed.success) {
      out.events.push(parsed.data);
      continue;
    }
    out.invalid++;
    out.reason ??= issueText(parsed.error);
    const id = (raw as { id?: unknown } | null)?.id;
    // Bounded: the answer must not echo a huge string back.
    if (typeof id === 'string' && id.length > 0 && id.length <= 1000) out.refused.push(id);
  }
  for (const raw of meters) {
    const parsed = meterSampleSchema.safeParse(raw);
    if (parsed.success) out.meters.push(parsed.data);
    else {
      out.invalid++;
      out.reason ??= `meter ${issueText(parsed.error)}`;
    }
  }
  return out;
}

export const REFUSED_KEY = 'refused';

/** Counts of invalid items refused from content scripts, shown in Diagnostics. */
export interface RefusedStats {
  count: number;
  lastReason: string | null;
  lastAt: number | null;
}

export async function recordRefused(db: UptakeDb, count: number, reason: string | null, now: number): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const old = ((await tx.store.get(REFUSED_KEY)) as RefusedStats | undefined) ?? { count: 0, lastReason: null, lastAt: null };
  await Promise.all([tx.store.put({ count: old.count + count, lastReason: reason, lastAt: now } satisfies RefusedStats, REFUSED_KEY), tx.done]);
}

export async function refusedStats(db: UptakeDb): Promise<RefusedStats> {
  return ((await db.get('meta', REFUSED_KEY)) as RefusedStats | undefined) ?? { count: 0, lastReason: null, lastAt: null };
}
