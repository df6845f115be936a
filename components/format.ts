/** Short, locale-aware date and time for the popup and options page. */
export function formatWhen(ts: number | null, now = Date.now(), short = false): string {
  if (ts === null) return 'never';
  const d = new Date(ts);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  // Short (the popup): the day is enough.
  if (short) return sameDay ? 'today' : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return sameDay
    ? `today ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "1 use", "2 uses", "0 uses". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
