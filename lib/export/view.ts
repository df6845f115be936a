import type { Band } from '../scoring/types';
import type { ReviewRow } from './review';

/** The account table's sortable columns and how each reads a row. */
export const SORT_KEYS = {
  account: (r: ReviewRow) => r.account,
  users: (r: ReviewRow) => r.users,
  mean: (r: ReviewRow) => r.meanScore,
  median: (r: ReviewRow) => r.medianScore,
  green: (r: ReviewRow) => r.bandShare.green,
  yellow: (r: ReviewRow) => r.bandShare.yellow,
  red: (r: ReviewRow) => r.bandShare.red,
  ready: (r: ReviewRow) => r.expansionReady,
  alerts: (r: ReviewRow) => r.usageDropAlerts,
  ttv: (r: ReviewRow) => r.medianTtvDays,
} satisfies Record<string, (r: ReviewRow) => string | number | null>;

export type SortKey = keyof typeof SORT_KEYS;
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

/** Sorted copy; rows without a value (e.g. no time to value yet) go last in either direction; ties by account. */
export function sortRows(rows: readonly ReviewRow[], { key, dir }: Sort): ReviewRow[] {
  const read = SORT_KEYS[key];
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === null || y === null) return x === y ? a.account.localeCompare(b.account) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return c !== 0 ? sign * c : a.account.localeCompare(b.account) || a.app.localeCompare(b.app);
  });
}

export type BandFilter = 'all' | Band;

/** Accounts whose name (or app) contains `text`, case-insensitive, and, unless `band` is "all", that have users in that band. */
export function filterRows(rows: readonly ReviewRow[], text: string, band: BandFilter): ReviewRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) => (band === 'all' || r.bandShare[band] > 0) && (needle === '' || r.account.toLowerCase().includes(needle) || r.appName.toLowerCase().includes(needle)),
  );
}

/** The default first click on a column: names A→Z, numbers largest first. */
export const firstDirection = (key: SortKey): SortDir => (key === 'account' ? 'ascending' : 'descending');
