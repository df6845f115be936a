import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { CapturedEvent } from '../../lib/types';
import { ask, until } from './browser';
import { registerWidgetEngine, widget } from './widget-root';

/**
 * The demo playbook with one of every widget state within reach: a tour with a step per
 * placement, a tooltip, and one nudge of each kind on its own route, with caps that let
 * each show when its page opens; and the walk through them all, shared by the geometry
 * suite (tests/e2e/widget-geometry.spec.ts) and the gallery (scripts/screenshots.ts).
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
  body: `Placed "${placement}": this card points at its element, and stays on screen and off it at any width.`,
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
  // Tour polish (#14): a backdrop step, a step waiting for a late element, and the completion card.
  pb.guides.push({
    id: 'polish',
    name: 'Spotlight and waiting',
    kind: 'tour',
    done: 'Next, share a report with your team from **Reports**.',
    steps: [
      { ...step('x-backdrop', '#create-project', 'bottom', 'With a backdrop'), backdrop: true },
      { ...step('x-waiting', '#late-report', 'top', 'A late element'), anchor: { selectors: ['#late-report'], name: 'Quarterly report' }, missing: { waitMs: 30_000, fallback: 'skip' } },
    ],
  });
  pb.milestones.push({ id: 'polish-seen', name: 'See the spotlight', allOf: [{ feature: 'add-task' }], guide: 'polish' });
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
  checklistStates(pb);
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

/** A state reached: its name, and the page element its card points at (null: none). */
export type Visit = (state: string, target: string | null) => Promise<void>;

/** Waits for a widget element, and for a card to have been placed. */
async function shown(l: Locator): Promise<void> {
  await l.waitFor({ state: 'visible' });
  if (await l.evaluate((el) => el.classList.contains('card'))) await l.page().waitForFunction((el) => (el as HTMLElement).dataset.shownMs !== undefined, await l.elementHandle());
}

/**
 * Reaches every widget state in turn on `app` (the states playbook loaded, a fresh
 * profile) and calls `visit` in each; seeds a healthy history on the way for the
 * states that need proven value. 21 states.
 */
export async function walkStates(app: Page, extPage: Page, demoUrl: string, visit: Visit): Promise<void> {
  await registerWidgetEngine();
  const w = widget(app);
  const open = async (path: string) => {
    await app.goto(`${demoUrl}${path}`);
    await shown(w.locator('.launcher'));
  };
  const showMe = async (milestone: string) => {
    await open('/projects');
    await w.locator('.launcher').click();
    await w.locator(`[data-milestone="${milestone}"] .show-me`).click();
  };
  /** By the keyboard: a card pushed off screen (a defect the suite reports) still moves on. */
  const press = async (l: Locator) => {
    await l.focus();
    await app.keyboard.press('Enter');
  };

  await open('/projects');
  await visit('launcher', null);
  await w.locator('.launcher').click();
  await shown(w.locator('.panel'));
  await visit('checklist-open', null);

  await showMe('placements-seen');
  const steps: [string, string][] = [
    ['top', '#create-project'],
    ['bottom', '.brand'],
    ['left', '#current-user'],
    ['right', "#main-nav a[href='/reports']"],
    ['auto', '#seat-meter'],
  ];
  for (const [placement, target] of steps) {
    const card = w.locator(`.card[data-step="p-${placement}"]`);
    await shown(card);
    await visit(`tour-step-${placement}`, target);
    await press(card.locator('.primary'));
  }

  await showMe('tooltip-seen');
  await shown(w.locator('.card[data-step="t-one"]'));
  await visit('tooltip', '#open-palette');
  await press(w.locator('.card[data-step="t-one"] .close'));

  await open('/reports');
  await shown(w.locator('.hotspot'));
  await visit('hotspot', '#export-csv');
  await w.locator('.hotspot').click();
  await shown(w.locator('.card[data-step="export"]'));
  await visit('hotspot-tip', '#export-csv');
  await press(w.locator('.card[data-step="export"] .close'));

  // Tour polish (#14): the backdrop, the waiting card (until the page renders its element), the completion card.
  await showMe('polish-seen');
  await shown(w.locator('.card[data-step="x-backdrop"]'));
  await visit('tour-backdrop', '#create-project');
  await press(w.locator('.card[data-step="x-backdrop"] .primary'));
  const late = w.locator('.card.waiting[data-step="x-waiting"]');
  await late.waitFor();
  await app.waitForFunction((el) => el?.checkVisibility({ visibilityProperty: true }), await late.elementHandle());
  await visit('tour-waiting', null);
  await app.evaluate(() => document.querySelector('main')?.prepend(Object.assign(document.createElement('p'), { id: 'late-report', textContent: 'Quarterly report' })));
  await shown(w.locator('.card[data-step="x-waiting"]:not(.waiting)'));
  await press(w.locator('.card[data-step="x-waiting"] .primary'));
  await w.locator('.card[role="status"]').waitFor();
  await visit('tour-done', null);
  await press(w.locator('.card[role="status"] .primary'));

  const nudge = async (id: keyof typeof NUDGE_ROUTES, target: string | null) => {
    await open(NUDGE_ROUTES[id]);
    await shown(w.locator(`.card.nudge[data-nudge="${id}"]`));
    await visit(`nudge-${id}`, target);
  };
  await nudge('tip', "#main-nav a[href='/reports']");
  await nudge('tour-invite', "#main-nav a[href='/team']");
  await nudge('reminder', null);
  await nudge('celebrate', null);

  // A healthy user with every milestone reached: the celebration and the complete checklist, then the prompts that need proven value.
  await seedHealthyHistory(extPage, demoUrl);
  await completeChecklist(app, extPage, visit);
  await nudge('expansion', null);
  await nudge('referral', null);
}

// ---- Checklist and nudge cards (issue #14, branch checklist): descriptions, the 100% celebration, reopening. ----

/** Milestone descriptions (and a feature-only milestone, whose item offers "Go there") in the states playbook. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON draft, checked by the playbook schema when loaded.
function checklistStates(pb: any): void {
  pb.milestones[0].description = 'Projects hold your tasks, files and reports.';
  pb.milestones[2].description = 'Teammates see the same projects and can take tasks.';
}

/** Asks the widget in `app`'s tab to open the checklist, as the popup's "Open the checklist" does. */
export async function openChecklistFromPopup(app: Page, extPage: Page): Promise<void> {
  await extPage.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => (globalThis as { __uptakeWidget?: { command?: (c: unknown) => string } }).__uptakeWidget?.command?.({ kind: 'checklist' }) });
  }, app.url());
}

/** Every milestone reached: the panel celebrates (held open with focus in it while measured), hides, and is reopened complete. */
async function completeChecklist(app: Page, extPage: Page, visit: Visit): Promise<void> {
  const w = widget(app);
  await app.goto(`${new URL(app.url()).origin}/projects`);
  await shown(w.locator('.panel .party'));
  await w.locator('.panel').focus();
  await visit('checklist-celebrating', null);
  await w.locator('.panel .close').click();
  await w.locator('.checklist').waitFor({ state: 'detached' });
  await openChecklistFromPopup(app, extPage);
  await shown(w.locator('.panel'));
  await w.locator('.panel [data-reached="false"]').first().waitFor({ state: 'detached' });
  await visit('checklist-complete', null);
}
