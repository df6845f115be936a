import { type AccountRollup, type AccountUser, rollUpAccounts } from '../scoring/account';
import type { ExportRecord } from './schema';

export interface FeatureRef {
  id: string;
  name: string;
}

export interface ReviewRow extends AccountRollup {
  /** Unique per app + account. */
  key: string;
  app: string;
  appName: string;
  /** Core features the account's users adopt least (below full adoption), least first, at most 3. */
  leastAdopted: (FeatureRef & { adoption: number })[];
  /** Mean adoption per core feature id, for the heatmap. */
  adoption: Record<string, number>;
}

export interface AppReview {
  app: string;
  appName: string;
  /** The app's core features, in playbook order: the heatmap's columns. */
  coreFeatures: FeatureRef[];
}

export interface Review {
  rows: ReviewRow[];
  apps: AppReview[];
}

const LEAST = 3;

function asAccountUser(r: ExportRecord): AccountUser {
  // No prototype: a feature id such as "constructor" must not read Object.prototype's.
  const adoption: Record<string, number> = Object.create(null);
  for (const f of r.features) if (f.core) adoption[f.id] = f.adoption ?? 0;
  return {
    account: r.account,
    user: r.user,
    score: { score: r.score, band: r.band, ttvDays: r.ttvDays, adoption, expansion: { ready: r.expansion.ready }, alert: { active: r.usageDrop.active } },
  };
}

/**
 * The CSM's account table, from merged export records: the scoring roll-up
 * (lib/scoring/account.ts) per app, with feature names attached.
 */
export function buildReview(records: readonly ExportRecord[]): Review {
  const byApp = new Map<string, { name: string; records: ExportRecord[]; features: Map<string, string> }>();
  for (const r of records) {
    let g = byApp.get(r.playbook.appId);
    if (!g) {
      g = { name: r.playbook.appName, records: [], features: new Map() };
      byApp.set(r.playbook.appId, g);
    }
    g.records.push(r);
    for (const f of r.features) if (f.core && !g.features.has(f.id)) g.features.set(f.id, f.name);
  }
  const rows: ReviewRow[] = [];
  const apps: AppReview[] = [];
  for (const [app, g] of [...byApp].sort((a, b) => a[0].localeCompare(b[0]))) {
    apps.push({ app, appName: g.name, coreFeatures: [...g.features].map(([id, name]) => ({ id, name })) });
    for (const roll of rollUpAccounts(g.records.map(asAccountUser))) {
      const least = roll.featureAdoption
        .filter((f) => f.adoption < 1)
        .sort((a, b) => a.adoption - b.adoption || a.feature.localeCompare(b.feature))
        .slice(0, LEAST);
      rows.push({
        ...roll,
        key: `${app}\u0000${roll.account}`,
        app,
        appName: g.name,
        leastAdopted: least.map((f) => ({ id: f.feature, name: g.features.get(f.feature) ?? f.feature, adoption: f.adoption })),
        adoption: Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(roll.featureAdoption.map((f) => [f.feature, f.adoption]))),
      });
    }
  }
  return { rows, apps };
}
