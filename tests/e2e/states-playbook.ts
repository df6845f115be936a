import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CapturedEvent } from '../../lib/types';
import { ask, until } from '../../scripts/lib/browser';

/**
 * The demo playbook with one of every widget state within reach: a tour with a step per
 * placement, a tooltip, and one nudge of each kind on its own route, with caps that let
 * each show when its page opens. Used by the geometry suite and the screenshot gallery.
 */
export interface Theme {
  brandColor: string;
  dir: 'ltr' | 'rtl';
  launcher?: { corner: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'; offset?: { x?: number; y?: number } };
}

const DAY = 86_400_000;
const nav = (href: string) => ({ selectors: [`#main-nav a[href='${href}']`] });
const step = (id: string, selector: string, placement: string, title: string) => ({
  id,
  anchor: { selectors: [selector] },
  title,
  body: `A ${placement} card, pointing at its element. It stays on screen and off the element at any width.`,
  placement,
});

/** Each nudge kind and the route that shows it; the last two need a healthy, value-proven user. */
export const NUDGE_ROUTES = {
  tip: '/team',
  'tour-invite': '/integrations',
  reminder: '/automations',
  celebrate: '/settings',
  expansion: '/insights',
  referral: '/settings',
} as const;

export function statesPlaybook(theme: Theme): string {
  const pb = JSON.parse(readFileSync('demo/playbook.json', 'utf8'));
  pb.theme = { ...pb.theme, ...theme };
  pb.guides.push(
    {
      id: 'placements',
      name: 'Every placement',
      kind: 'tour',
      steps: [
        step('p-top', '#create-project', 'top', 'Above'),
        step('p-bottom', '.brand', 'bottom', 'Below'),
        step('p-left', '#current-user', 'left', 'On the left'),
        step('p-right', "#main-nav a[href='/reports']", 'right', 'On the right'),
        step('p-auto', '#seat-meter', 'auto', 'Wherever there is room'),
      ],
    },
    { id: 'tooltip', name: 'A tooltip', kind: 'tooltip', steps: [{ ...step('t-one', '#open-palette', 'bottom', 'Search everything'), body: 'Press **Ctrl K** to find any project, task or page.' }] },
  );
  pb.milestones.push(
    { id: 'placements-seen', name: 'See every placement', allOf: [{ feature: 'command-palette' }], guide: 'placements' },
    { id: 'tooltip-seen', name: 'Read a tooltip', allOf: [{ feature: 'export-csv' }], guide: 'tooltip' },
  );
  const route = (path: string) => ({ on: 'route', path });
  pb.nudges = [
    { id: 'tip', kind: 'tip', trigger: route(NUDGE_ROUTES.tip), title: 'See how work is moving', body: 'You have not tried **Reports** yet: one click shows progress across every project.', anchor: nav('/reports'), cta: { label: 'Show me', guide: 'share-first-report' } },
    { id: 'tour-invite', kind: 'tour-invite', trigger: route(NUDGE_ROUTES['tour-invite']), title: 'Tasklane works better together', body: 'Invite a teammate to share projects and tasks.', anchor: nav('/team'), cta: { label: 'Take the tour', guide: 'invite-team' } },
    { id: 'reminder', kind: 'tip', trigger: route(NUDGE_ROUTES.reminder), title: 'Two steps left', body: 'Finish getting started: open the checklist to see what is next.' },
    { id: 'celebrate', kind: 'celebrate', trigger: route(NUDGE_ROUTES.celebrate), title: 'Your first report is out', body: 'Nice work: your team now sees the same numbers. Next, *automate* the routine steps.' },
    { id: 'expansion', kind: 'expansion', trigger: route(NUDGE_ROUTES.expansion), title: 'Room for your growing team', body: 'The **Business** plan adds seats and advanced insights.', cta: { label: 'See plans' } },
    { id: 'referral', kind: 'referral', priority: 95, trigger: route(NUDGE_ROUTES.referral), title: 'Know a team that would like Tasklane?', body: 'Invite them and you both get a month of Business.', cta: { label: 'Refer a team', url: 'https://tasklane.example/refer' } },
  ];
  pb.caps = { perSession: 20, minHoursApart: 0, perWeek: 50, holdout: 0, repeatAfterDays: 0, expansionEveryDays: 1 };
  return JSON.stringify(pb);
}

export async function loadPlaybook(extPage: Page, text: string): Promise<void> {
  const r = await ask<'ui:set-playbook'>(extPage, { type: 'ui:set-playbook', text });
  if (!r.ok) throw new Error(`test playbook refused: ${JSON.stringify(r.errors)}`);
}

/** Forty days of steady use of every feature the checklist asks for: a healthy user past the value milestone, with every milestone reached. */
export async function seedHealthyHistory(extPage: Page, demoUrl: string): Promise<void> {
  const features = ['create-project', 'add-task', 'invite-teammate', 'connect-integration', 'build-report', 'share-report', 'automation-rule', 'command-palette', 'export-csv'];
  const events: CapturedEvent[] = [];
  for (let d = -40; d <= 0; d++) {
    features.forEach((feature, i) => {
      for (let k = 0; k < 3; k++) events.push({ id: `seed:${d}:${i}:${k}`, feature, kind: 'click', ts: Date.now() + d * DAY - (k + 1) * 60_000, path: '/projects' });
    });
  }
  // Milestones are stamped with Uptake's clock: set it back so they were reached back then.
  await ask<'ui:set-clock'>(extPage, { type: 'ui:set-clock', offsetMs: -40 * DAY });
  for (let i = 0; i < events.length; i += 500) {
    await ask<'cs:batch'>(extPage, { type: 'cs:batch', app: 'tasklane', identity: { account: 'acme', user: 'maria' }, events: events.slice(i, i + 500), meters: [] });
  }
  await ask<'ui:set-clock'>(extPage, { type: 'ui:set-clock', offsetMs: 0 });
  await until(
    () => ask<'ui:summary'>(extPage, { type: 'ui:summary', url: `${demoUrl}/projects` }),
    (s) => s.summary?.score?.expansion.ready === true,
    20_000,
    'an expansion-ready user',
  );
}
