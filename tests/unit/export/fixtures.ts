import type { ExportRecord } from '../../../lib/export/schema';
import { type SyntheticUser, syntheticRecords } from '../../../scripts/lib/synthetic-export';
import { NOW, history, span, uses, weekly } from '../helpers/history';
import { DEMO_TEXT, demoPlaybook } from '../helpers/playbook';

export const PB = demoPlaybook();
export { NOW };

/** Three kinds of user: adopted and steady, onboarding, and one whose names would run as spreadsheet formulas. */
export const USERS: SyntheticUser[] = [
  {
    account: 'acme',
    user: 'maria',
    history: history({
      usage: [...uses(['create-project', 'add-task', 'invite-teammate', 'build-report', 'share-report'], weekly(5, 60)), ...uses('advanced-insights', [1, 3])],
      milestones: { 'first-project': 60, 'plan-work': 59, 'invite-team': 58, 'first-report-shared': 57 },
      meters: [{ meter: 'seats', used: 9, limit: 10 }],
    }),
  },
  {
    account: 'acme',
    user: 'li',
    history: history({ usage: uses(['create-project', 'add-task'], span(3)), milestones: { 'first-project': 3 } }),
  },
  {
    account: '=HYPERLINK("https://evil.example","click")',
    user: '@SUM(1+1)',
    history: history({ usage: uses('create-project', [10]), milestones: { 'first-project': 10 } }),
  },
];

export function sampleRecords(opts: { exportedAt?: number; hashIdentities?: boolean } = {}): Promise<ExportRecord[]> {
  return syntheticRecords(PB, DEMO_TEXT, USERS, NOW, opts);
}

/** A record with text fields an attacker controls: quotes, commas, line breaks, formula starts, markup. */
export function hostile(r: ExportRecord): ExportRecord {
  const copy = structuredClone(r);
  copy.account = '-2+3, "acme"\r\nInc.';
  copy.user = "'quoted";
  copy.reasons = [{ code: 'BREADTH_UP', component: 'breadth', delta: -4.5, text: '=cmd|"/c calc"!A1 <img src=x onerror=alert(1)>' }];
  copy.features[0]!.name = '\tTabbed, "quoted"\nname';
  copy.expansion.signals = ['+1 seat', '@risk'];
  copy.nudges = [
    { nudge: 'reports-tip', name: '=Try "Reports", today', eligible: 9, shown: 6, heldOut: 3, clicked: 2, dismissed: 1, converted: 3, controlConverted: 2, lift: -16.7 },
    { nudge: 'seats-expansion', name: 'More seats', eligible: 0, shown: 0, heldOut: 0, clicked: 0, dismissed: 0, converted: 0, controlConverted: 0, lift: null },
  ];
  return copy;
}
