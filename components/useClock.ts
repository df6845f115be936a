import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';

export const DAY = 86_400_000;

// One copy per page, so the banner and the Settings preview never disagree.
let offset: number | null = null;
const listeners = new Set<(ms: number) => void>();
const publish = (ms: number) => {
  offset = ms;
  for (const fn of listeners) fn(ms);
};

/** Moves Uptake's clock (0 = real time) and tells every user of the hook on this page. */
export const setClockOffset = (ms: number) => request<'ui:set-clock'>({ type: 'ui:set-clock', offsetMs: ms }).then((r) => publish(r.offsetMs));

/** Uptake's clock offset as the background holds it (null while loading). */
export function useClockOffset(): number | null {
  const [ms, setMs] = useState<number | null>(offset);
  useEffect(() => {
    listeners.add(setMs);
    request<'ui:get-clock'>({ type: 'ui:get-clock' }).then((r) => publish(r.offsetMs), () => undefined);
    return () => listeners.delete(setMs);
  }, []);
  return ms;
}

/** "3 days ahead", "1 day behind", "5 hours ahead". */
export function describeOffset(ms: number): string {
  const days = Math.abs(ms) / DAY;
  const [n, unit] = days >= 1 ? [Math.round(days * 10) / 10, 'day'] : [Math.round((Math.abs(ms) / 3_600_000) * 10) / 10, 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ${ms > 0 ? 'ahead' : 'behind'}`;
}
