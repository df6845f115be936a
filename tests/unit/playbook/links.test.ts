import { describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../../lib/playbook/parse';
import { DEMO_TEXT, type Json } from '../helpers/playbook';

/**
 * Links a playbook can put in front of a user — nudge text, call-to-action URLs and the
 * plan's upgrade page — must be http(s): a javascript: or data: link is refused when
 * the playbook is parsed, naming the field (guide step text: tests/unit/playbook/guides.test.ts).
 */

type Draft = { [key: string]: Json };
const draft = (): Draft => JSON.parse(DEMO_TEXT) as Draft;
const errorsOf = (value: Draft) => {
  const r = validatePlaybook(value);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const firstNudge = (d: Draft) => (d.nudges as Draft[])[0]!;

const UNSAFE = [
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
] as const;

describe('links in nudges and the plan', () => {
  it('accepts the demo playbook as shipped (its links are https)', () => {
    expect(errorsOf(draft())).toEqual([]);
  });

  it.each(UNSAFE)('rejects a %s link in a nudge body, naming the nudge', (_, href) => {
    const d = draft();
    firstNudge(d).body = `Read [the guide](${href}) first.`;
    expect(errorsOf(d)).toEqual([expect.stringMatching(/^nudges\[0\]\.body: has a link to .*only http:\/\/ and https:\/\/ links are allowed/)]);
  });

  it.each(UNSAFE)('rejects a %s link in a nudge title', (_, href) => {
    const d = draft();
    firstNudge(d).title = `[Click](${href})`;
    expect(errorsOf(d)).toEqual([expect.stringMatching(/^nudges\[0\]\.title: has a link to /)]);
  });

  it.each(UNSAFE)('rejects a %s call-to-action URL', (_, href) => {
    const d = draft();
    firstNudge(d).cta = { label: 'Go', url: href };
    expect(errorsOf(d)).toEqual(['nudges[0].cta.url: must be an http(s) URL']);
  });

  it.each(UNSAFE)('rejects a %s upgrade URL for the plan', (_, href) => {
    const d = draft();
    ((d.app as Draft).plan as Draft).upgradeUrl = href;
    expect(errorsOf(d)).toEqual(['app.plan.upgradeUrl: must be an http(s) URL']);
  });

  it('rejects a relative link in a nudge body: the widget runs inside someone else\'s app', () => {
    const d = draft();
    firstNudge(d).body = 'See [settings](/settings).';
    expect(errorsOf(d)).toEqual([expect.stringMatching(/^nudges\[0\]\.body: has a link to "\/settings"/)]);
  });

  it('accepts http and https links and URLs', () => {
    const d = draft();
    firstNudge(d).body = 'See [docs](https://docs.example/a) and [old docs](http://old.example/b).';
    firstNudge(d).cta = { label: 'Go', url: 'https://tasklane.example/pricing' };
    expect(errorsOf(d)).toEqual([]);
  });
});
