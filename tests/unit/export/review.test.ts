import { describe, expect, it } from 'vitest';
import { parseCsv, restore } from '../../../lib/export/csv';
import { buildReview } from '../../../lib/export/review';
import { writeRollupCsv } from '../../../lib/export/rollup-csv';
import type { ExportRecord } from '../../../lib/export/schema';
import { filterRows, sortRows } from '../../../lib/export/view';
import { sampleRecords } from './fixtures';

/** A record of `base` for another user with the numbers the roll-up reads. */
function user(base: ExportRecord, account: string, name: string, score: number, band: ExportRecord['band'], extra: { ready?: boolean; alert?: boolean; ttv?: number | null; adopt?: Record<string, number> } = {}): ExportRecord {
  return {
    ...structuredClone(base),
    account,
    user: name,
    score,
    band,
    ttvDays: extra.ttv ?? null,
    expansion: { ...base.expansion, ready: extra.ready ?? false },
    usageDrop: { ...base.usageDrop, active: extra.alert ?? false },
    features: base.features.map((f) => ({ ...f, adoption: f.core ? (extra.adopt?.[f.id] ?? 1) : null })),
  };
}

describe('buildReview: the account table from merged records', () => {
  it('gives per account: users, mean and median, band shares, expansion-ready users, alerts, median time to value', async () => {
    const [base] = await sampleRecords();
    const rows = buildReview([
      user(base!, 'acme', 'a', 90, 'green', { ready: true, ttv: 2 }),
      user(base!, 'acme', 'b', 50, 'yellow', { alert: true, ttv: 10 }),
      user(base!, 'acme', 'c', 20, 'red'),
      user(base!, 'acme', 'd', 80, 'green', { ready: true, ttv: 4 }),
      user(base!, 'globex', 'e', 30, 'red', { alert: true }),
    ]).rows;
    expect(rows.map((r) => r.account)).toEqual(['acme', 'globex']);
    expect(rows[0]).toMatchObject({
      app: 'tasklane',
      appName: 'Tasklane',
      users: 4,
      meanScore: 60,
      medianScore: 65,
      bandShare: { green: 0.5, yellow: 0.25, red: 0.25 },
      expansionReady: 2,
      usageDropAlerts: 1,
      medianTtvDays: 4,
    });
    expect(rows[1]).toMatchObject({ users: 1, meanScore: 30, medianScore: 30, bandShare: { green: 0, yellow: 0, red: 1 }, medianTtvDays: null });
  });

  it('names the least-adopted core features, least first, and leaves fully adopted ones out', async () => {
    const [base] = await sampleRecords();
    const { rows, apps } = buildReview([
      user(base!, 'acme', 'a', 50, 'yellow', { adopt: { 'share-report': 0, 'connect-integration': 0.5 } }),
      user(base!, 'acme', 'b', 50, 'yellow', { adopt: { 'share-report': 0, 'connect-integration': 1, 'build-report': 0.5 } }),
    ]);
    expect(rows[0]!.leastAdopted).toEqual([
      { id: 'share-report', name: 'Share a report', adoption: 0 },
      { id: 'build-report', name: 'Build a report', adoption: 0.75 },
      { id: 'connect-integration', name: 'Connect an integration', adoption: 0.75 },
    ]);
    expect(rows[0]!.adoption['create-project']).toBe(1);
    expect(apps).toEqual([{ app: 'tasklane', appName: 'Tasklane', coreFeatures: expect.arrayContaining([{ id: 'add-task', name: 'Add a task' }]) }]);
    expect(apps[0]!.coreFeatures.map((f) => f.id)).toEqual(['create-project', 'add-task', 'invite-teammate', 'connect-integration', 'build-report', 'share-report']);
  });

  it('keeps accounts of different apps apart', async () => {
    const [base] = await sampleRecords();
    const other = user(base!, 'acme', 'a', 10, 'red');
    other.playbook = { ...other.playbook, appId: 'crm', appName: 'CRM' };
    const { rows } = buildReview([user(base!, 'acme', 'a', 90, 'green'), other]);
    expect(rows.map((r) => [r.app, r.account, r.meanScore])).toEqual([
      ['crm', 'acme', 10],
      ['tasklane', 'acme', 90],
    ]);
  });
});

describe('sorting and filtering the account table', () => {
  const rowsOf = async () => {
    const [base] = await sampleRecords();
    return buildReview([
      user(base!, 'acme', 'a', 90, 'green', { ttv: 3 }),
      user(base!, 'globex', 'b', 20, 'red'),
      user(base!, 'initech', 'c', 55, 'yellow', { ttv: 12 }),
      user(base!, 'initech', 'd', 75, 'green', { ttv: 1 }),
    ]).rows;
  };

  it('sorts by any column both ways, ties and missing values last', async () => {
    const rows = await rowsOf();
    expect(sortRows(rows, { key: 'mean', dir: 'descending' }).map((r) => r.account)).toEqual(['acme', 'initech', 'globex']);
    expect(sortRows(rows, { key: 'mean', dir: 'ascending' }).map((r) => r.account)).toEqual(['globex', 'initech', 'acme']);
    expect(sortRows(rows, { key: 'users', dir: 'descending' }).map((r) => r.account)).toEqual(['initech', 'acme', 'globex']);
    expect(sortRows(rows, { key: 'account', dir: 'descending' }).map((r) => r.account)).toEqual(['initech', 'globex', 'acme']);
    expect(sortRows(rows, { key: 'ttv', dir: 'ascending' }).map((r) => r.account)).toEqual(['acme', 'initech', 'globex']);
    expect(sortRows(rows, { key: 'ttv', dir: 'descending' }).map((r) => r.account)).toEqual(['initech', 'acme', 'globex']);
  });

  it('filters by account text and by band present', async () => {
    const rows = await rowsOf();
    expect(filterRows(rows, ' INI ', 'all').map((r) => r.account)).toEqual(['initech']);
    expect(filterRows(rows, '', 'red').map((r) => r.account)).toEqual(['globex']);
    expect(filterRows(rows, '', 'green').map((r) => r.account)).toEqual(['acme', 'initech']);
    expect(filterRows(rows, 'acme', 'yellow')).toEqual([]);
  });
});

describe('the roll-up CSV', () => {
  it('has one row per account with the table numbers, and neutralises hostile account names', async () => {
    const [base] = await sampleRecords();
    const csv = writeRollupCsv(
      buildReview([user(base!, 'acme', 'a', 90, 'green', { ready: true, ttv: 2, adopt: { 'share-report': 0 } }), user(base!, '=cmd|"/c calc"!A1', 'b', 20, 'red')]).rows,
    );
    const rows = parseCsv(csv).map((r) => r.cells);
    expect(rows[0]).toEqual(['app_id', 'account', 'users', 'mean_score', 'median_score', 'green_pct', 'yellow_pct', 'red_pct', 'expansion_ready_users', 'usage_drop_alerts', 'median_ttv_days', 'least_adopted_core_features']);
    const byAccount = new Map(rows.slice(1).map((r) => [restore(r[1]!), r]));
    expect(byAccount.get('acme')).toEqual(['tasklane', 'acme', '1', '90', '90', '100', '0', '0', '1', '0', '2', 'Share a report (0%)']);
    expect(byAccount.get('=cmd|"/c calc"!A1')).toEqual(['tasklane', "'=cmd|\"/c calc\"!A1", '1', '20', '20', '0', '0', '100', '0', '0', '', '']);
  });
});
