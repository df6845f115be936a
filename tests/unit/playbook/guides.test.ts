import { describe, expect, it } from 'vitest';
import demo from '../../../demo/playbook.json';
import { parseMarkdown, unsafeLinks } from '../../../lib/playbook/markdown';
import { validatePlaybook } from '../../../lib/playbook/parse';

// The demo's features without the one counted on completing a demo guide.
const features = demo.features.filter((f) => f.id !== 'tour-reports');
const withGuides = (guides: unknown[], extra: Record<string, unknown> = {}) => validatePlaybook({ ...structuredClone(demo), features, guides, nudges: [], ...extra });
const step = (over: Record<string, unknown> = {}) => ({ id: 's1', title: 'Title', body: 'Body', anchor: { selectors: ['#x'] }, ...over });
const errorsOf = (r: ReturnType<typeof validatePlaybook>) => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`));

describe('guides in the playbook', () => {
  it('fills step defaults: a Next button, and a 3 s wait then skip for a missing element', () => {
    const r = withGuides([{ id: 'g', name: 'G', kind: 'tour', steps: [step()] }], { milestones: [] });
    expect(r.ok && r.playbook.guides[0]!.steps[0]).toMatchObject({ advance: { on: 'next' }, missing: { waitMs: 3000, fallback: 'skip' }, placement: 'auto' });
  });

  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['data:', '[x](data:text/html,<script>alert(1)</script>)'],
    ['relative', '[x](/settings)'],
  ])('rejects a %s link in step text, naming the step', (_, body) => {
    const r = withGuides([{ id: 'g', name: 'G', kind: 'tour', steps: [step({ body })] }], { milestones: [] });
    expect(errorsOf(r)).toEqual([expect.stringMatching(/^guides\[0\]\.steps\[0\]\.body: has a link to .*only http:\/\/ and https:\/\/ links are allowed/)]);
  });

  it('rejects a tooltip or hotspot with more than one step', () => {
    const r = withGuides([{ id: 'g', name: 'G', kind: 'hotspot', steps: [step(), step({ id: 's2' })] }], { milestones: [] });
    expect(errorsOf(r)).toEqual(['guides[0].steps: a tooltip or hotspot has exactly one step']);
  });

  it('rejects references to unknown guides and features, listing the known ones', () => {
    const r = withGuides([{ id: 'g', name: 'G', kind: 'tour', steps: [step({ advance: { on: 'feature', feature: 'nope' } })] }], {
      milestones: [{ id: 'm', name: 'M', allOf: [{ feature: 'add-task' }], guide: 'missing-tour' }],
    });
    const errors = errorsOf(r);
    expect(errors).toContainEqual(expect.stringMatching(/^milestones\[0\]\.guide: names "missing-tour".*known guide ids: g/));
    expect(errors).toContainEqual(expect.stringMatching(/^guides\[0\]\.steps\[0\]\.advance\.feature: names "nope"/));
  });

  it('rejects a brand colour that is not a hex colour', () => {
    const r = validatePlaybook({ ...structuredClone(demo), theme: { brandColor: 'red; background: url(x)' } });
    expect(errorsOf(r)).toEqual([expect.stringMatching(/^theme\.brandColor: must be a colour/)]);
  });

  it('puts the launcher bottom right, 16 px in, unless the theme says otherwise', () => {
    const r = validatePlaybook(structuredClone(demo));
    expect(r.ok && r.playbook.theme.launcher).toEqual({ corner: 'bottom-right', offset: { x: 16, y: 16 } });
    const moved = validatePlaybook({ ...structuredClone(demo), theme: { launcher: { corner: 'top-left', offset: { y: 80 } } } });
    expect(moved.ok && moved.playbook.theme.launcher).toEqual({ corner: 'top-left', offset: { x: 16, y: 80 } });
  });

  it('rejects an unknown launcher corner or an offset off the screen, naming the field', () => {
    const r = validatePlaybook({ ...structuredClone(demo), theme: { launcher: { corner: 'middle', offset: { x: -5 } } } });
    expect(errorsOf(r)).toEqual([
      expect.stringMatching(/^theme\.launcher\.corner: must be one of "bottom-right"/),
      expect.stringMatching(/^theme\.launcher\.offset\.x: /),
    ]);
  });
});

describe('the safe markdown subset', () => {
  it('turns bold, italic and http(s) links into tokens, and everything else into text', () => {
    expect(parseMarkdown('Try **Reports**, *now*: [help](https://x.example/a) <b>not html</b>')).toEqual([
      { kind: 'text', text: 'Try ' },
      { kind: 'bold', text: 'Reports' },
      { kind: 'text', text: ', ' },
      { kind: 'italic', text: 'now' },
      { kind: 'text', text: ': ' },
      { kind: 'link', text: 'help', href: 'https://x.example/a' },
      { kind: 'text', text: ' <b>not html</b>' },
    ]);
  });

  it('renders an unsafe link as its text only', () => {
    expect(parseMarkdown('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: 'x' }, { kind: 'text', text: ')' }]);
    expect(unsafeLinks('[a](https://ok.example) [b](JavaScript:x)')).toEqual(['JavaScript:x']);
  });
});
