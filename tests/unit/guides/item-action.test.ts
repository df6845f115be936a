import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemAction, nextStep } from '../../../lib/guides/item-action';
import { parsePlaybook } from '../../../lib/playbook/parse';
import type { Playbook } from '../../../lib/playbook/schema';

const demo = () => {
  const r = parsePlaybook(readFileSync('demo/playbook.json', 'utf8'));
  if (!r.ok) throw new Error('demo playbook invalid');
  return r.playbook as Playbook;
};
const milestone = (pb: Playbook, id: string) => pb.milestones.find((m) => m.id === id)!;

describe('what a checklist item offers', () => {
  it('is the milestone’s tour when the playbook has it', () => {
    const pb = demo();
    expect(itemAction(pb, milestone(pb, 'invite-team'))).toEqual({ guide: 'invite-team' });
  });

  it('is the feature’s page and element when the milestone has no tour', () => {
    const pb = demo();
    pb.milestones.push({ id: 'reports', name: 'Open Reports', weight: 1, valueMoment: false, allOf: [{ feature: 'view-reports', atLeast: 1 }] });
    expect(itemAction(pb, milestone(pb, 'reports'))).toEqual({ path: '/reports', anchor: pb.features.find((f) => f.id === 'view-reports')!.anchor });
    // An anchor alone (no route rule): point at it on this page.
    expect(itemAction(pb, milestone(pb, 'first-project'))).toEqual({ path: undefined, anchor: { selectors: ['#create-project'], name: 'Create project' } });
  });

  it('skips a route with parameters, a tour the playbook lacks, and features with nowhere to go', () => {
    const pb = demo();
    pb.features.push({ id: 'open-project', name: 'Open a project', core: false, weight: 1, depthTarget: 10, planGated: false, detect: [{ on: 'route', path: '/projects/:id' }] });
    pb.milestones.push({ id: 'opened', name: 'Open a project', weight: 1, valueMoment: false, guide: 'no-such-tour', anyOf: [{ feature: 'open-project', atLeast: 1 }, { feature: 'command-palette', atLeast: 1 }] });
    expect(itemAction(pb, milestone(pb, 'opened'))).toBeNull();
  });

  it('a celebration’s next step is the first open milestone with a tour or a page, not an element that may be elsewhere', () => {
    const pb = demo();
    // first-project and plan-work only name elements (on other pages, maybe): invite-team has a tour.
    expect(nextStep(pb, new Set())?.milestone.id).toBe('invite-team');
    expect(nextStep(pb, new Set(['invite-team']))?.milestone.id).toBe('first-report-shared');
    expect(nextStep(pb, new Set(pb.milestones.map((m) => m.id)))).toBeNull();
  });
});
