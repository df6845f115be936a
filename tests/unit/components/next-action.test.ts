import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInternalFeature, withoutInternal } from '../../../components/features';
import { actionFor } from '../../../components/popup/next-action';
import { parsePlaybook } from '../../../lib/playbook/parse';

const parsed = parsePlaybook(readFileSync('demo/playbook.json', 'utf8'));
if (!parsed.ok) throw new Error('demo playbook does not parse');
const pb = parsed.playbook;

describe('the popup\'s next-step action', () => {
  it('starts the tour of a milestone that has one', () => {
    expect(actionFor(pb, { component: 'milestones', milestone: 'first-report-shared', text: '' })).toEqual({ kind: 'guide', guide: 'share-first-report', milestone: 'first-report-shared' });
  });
  it('sends the tab to the page of a feature detected by a plain route', () => {
    expect(actionFor(pb, { component: 'breadth', feature: 'view-reports', text: '' })).toEqual({ kind: 'navigate', path: '/reports' });
  });
  it('falls back to a tour that teaches the feature, skipping milestones already reached', () => {
    const a = actionFor(pb, { component: 'breadth', feature: 'share-report', text: '' });
    expect(a).toEqual({ kind: 'guide', guide: 'share-first-report', milestone: 'first-report-shared' });
    expect(actionFor(pb, { component: 'breadth', feature: 'share-report', text: '' }, new Set(['first-report-shared']))).toEqual({ kind: 'checklist' });
  });
  it('opens the checklist when nothing more specific exists, or there is no step', () => {
    expect(actionFor(pb, { component: 'stickiness', text: 'Keep the rhythm going' })).toEqual({ kind: 'checklist' });
    expect(actionFor(pb, null)).toEqual({ kind: 'checklist' });
    const noGuides = { ...pb, guides: [] };
    expect(actionFor(noGuides, { component: 'milestones', milestone: 'first-report-shared', text: '' })).toEqual({ kind: 'checklist' });
  });
  it('never navigates to a route with parameters', () => {
    const routed = { ...pb, features: pb.features.map((f) => (f.id === 'view-reports' ? { ...f, detect: [{ on: 'route' as const, path: '/reports/:id' }] } : f)) };
    expect(actionFor(routed, { component: 'breadth', feature: 'view-reports', text: '' }).kind).not.toBe('navigate');
  });
});

describe('internal pseudo-features', () => {
  it('are the features detected only by a guide completing', () => {
    expect(pb.features.filter(isInternalFeature).map((f) => f.id)).toEqual(['tour-reports']);
  });
  it('are left out of a summary\'s feature list', () => {
    const summary = { features: pb.features.map((f) => ({ id: f.id })) };
    expect(withoutInternal(summary, pb).features.map((f) => f.id)).not.toContain('tour-reports');
    expect(withoutInternal(summary, pb).features).toHaveLength(pb.features.length - 1);
  });
});
