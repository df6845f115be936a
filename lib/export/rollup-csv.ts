import { writeCsv } from './csv';
import type { ReviewRow } from './review';

const pct = (x: number) => String(Math.round(x * 1000) / 10);

export const ROLLUP_HEADER = [
  'app_id',
  'account',
  'users',
  'mean_score',
  'median_score',
  'green_pct',
  'yellow_pct',
  'red_pct',
  'expansion_ready_users',
  'usage_drop_alerts',
  'median_ttv_days',
  'least_adopted_core_features',
];

/** The account roll-up as a spreadsheet-safe CSV (account names are neutralised like every cell). */
export function writeRollupCsv(rows: readonly ReviewRow[]): string {
  return writeCsv([
    ROLLUP_HEADER,
    ...rows.map((r) => [
      r.app,
      r.account,
      String(r.users),
      String(r.meanScore),
      String(r.medianScore),
      pct(r.bandShare.green),
      pct(r.bandShare.yellow),
      pct(r.bandShare.red),
      String(r.expansionReady),
      String(r.usageDropAlerts),
      r.medianTtvDays === null ? '' : String(r.medianTtvDays),
      r.leastAdopted.map((f) => `${f.name} (${Math.round(f.adoption * 100)}%)`).join('; '),
    ]),
  ]);
}
