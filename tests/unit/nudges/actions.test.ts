import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../lib/nudges/decide';
import type { DecideInput, NudgeLogEntry } from '../../../lib/nudges/types';
import { CAPS, DAY, decideInput, entries, HOUR, NOW, nudge, offered, withNudges } from './fixtures';

/** What the user does with a shown nudge: snooze, dismiss, "pause tips for today", click. */

const MINUTE = 60_000;
const HOME = { on: 'route', path: '/' };
const ONE = withNudges([nudge('tip', HOME)]);
const TWO = withNudges([nudge('tip', HOME, { priority: 60 }), nudge('other', HOME, { priority: 40 })]);
const at = (pb: DecideInput['playbook'], now: number, log: readonly NudgeLogEntry[], over: Partial<DecideInput> = {}) =>
  decideNudge(decideInput(pb, { now, log, ...over }));

describe('snooze', () => {
  const shownAt = NOW;
  const log = entries('tip', ['shown', shownAt], ['snoozed', shownAt + MINUTE]);

  it('hides the nudge for snoozeHours', () => {
    const d = at(ONE, shownAt + MINUTE + CAPS.snoozeHours * HOUR - MINUTE, log);
    expect(d).toEqual({ kind: 'none', reason: expect.stringContaining('snoozed') });
  });

  it('lets it return after snoozeHours when nothing else holds it back (repeatAfterDays 0)', () => {
    const noRepeat = withNudges([nudge('tip', HOME)], (d) => {
      d.caps = { repeatAfterDays: 0 };
    });
    expect(at(noRepeat, shownAt + MINUTE + CAPS.snoozeHours * HOUR - MINUTE, log).kind).toBe('none');
    expect(offered(at(noRepeat, shownAt + MINUTE + CAPS.snoozeHours * HOUR, log))).toBe('tip');
  });

  it('lets it return after snoozeHours with the default caps', () => {
    expect(offered(at(ONE, shownAt + MINUTE + CAPS.snoozeHours * HOUR, log))).toBe('tip');
  });

  it('hides only the snoozed nudge: another due nudge may show once the tip caps allow', () => {
    const later = shownAt + MINUTE + CAPS.minHoursApart * HOUR;
    expect(offered(at(TWO, later, log))).toBe('other');
  });
});

describe('dismiss: back off, then retire', () => {
  it('walks the clock through every backoff, then retires the nudge', () => {
    let t = NOW;
    const log: NudgeLogEntry[] = [];
    const showAndDismiss = () => {
      const d = at(ONE, t, log);
      expect(d).toEqual({ kind: 'show', nudge: 'tip', heldOut: false });
      log.push(...entries('tip', ['shown', t], ['dismissed', t + MINUTE]));
      return t + MINUTE;
    };

    for (const wait of CAPS.dismissBackoffDays) {
      const dismissedAt = showAndDismiss();
      t = dismissedAt + wait * DAY - HOUR;
      expect(at(ONE, t, log)).toEqual({ kind: 'none', reason: expect.stringContaining('dismissed recently') });
      t = dismissedAt + wait * DAY;
    }
    // One more dismissal than there are backoff steps: retired for good.
    showAndDismiss();
    for (const later of [DAY, 365 * DAY]) {
      expect(at(ONE, t + later, log)).toEqual({ kind: 'none', reason: expect.stringContaining('retired') });
    }
  });

  it('backs off longer after each dismissal', () => {
    const [first, second] = CAPS.dismissBackoffDays;
    expect(second).toBeGreaterThan(first!);
    // Dismissed twice: the first wait has passed since the last dismissal, the second has not.
    const last = NOW - first! * DAY - HOUR;
    const log = entries('tip', ['shown', last - 60 * DAY], ['dismissed', last - 60 * DAY], ['shown', last], ['dismissed', last]);
    expect(at(ONE, NOW, log).kind).toBe('none');
    expect(offered(at(ONE, last + second! * DAY, log))).toBe('tip');
  });

  it('retires only the dismissed nudge', () => {
    // One dismissal more than there are backoff steps, long ago.
    const log = Array.from({ length: CAPS.dismissBackoffDays.length + 1 }, (_, i) => NOW - (i + 1) * 60 * DAY).flatMap((ts) =>
      entries('tip', ['shown', ts], ['dismissed', ts]),
    );
    expect(at(ONE, NOW, log)).toEqual({ kind: 'none', reason: expect.stringContaining('retired') });
    expect(offered(at(TWO, NOW, log))).toBe('other');
  });
});

describe('pause tips for today', () => {
  const endOfDay = (() => {
    const d = new Date(NOW);
    d.setHours(24, 0, 0, 0);
    return d.getTime();
  })();

  it('shows nothing until pausedUntil', () => {
    expect(at(ONE, NOW, [], { pausedUntil: endOfDay })).toEqual({ kind: 'none', reason: expect.stringContaining('paused') });
    expect(at(ONE, endOfDay - 1, [], { pausedUntil: endOfDay }).kind).toBe('none');
  });

  it('shows again from pausedUntil on (the next day)', () => {
    expect(offered(at(ONE, endOfDay, [], { pausedUntil: endOfDay }))).toBe('tip');
  });

  it('pauses expansion prompts too', () => {
    const pb = withNudges([nudge('up', HOME, { kind: 'expansion' })]);
    expect(at(pb, NOW, [], { pausedUntil: endOfDay }).kind).toBe('none');
  });
});

describe('click', () => {
  it('retires the clicked nudge for good', () => {
    const log = entries('tip', ['shown', NOW], ['clicked', NOW + MINUTE]);
    for (const later of [CAPS.repeatAfterDays * DAY, 365 * DAY]) {
      expect(at(ONE, NOW + later, log)).toEqual({ kind: 'none', reason: expect.stringContaining('already acted on') });
    }
  });

  it('leaves other nudges due', () => {
    const log = entries('tip', ['shown', NOW - 30 * DAY], ['clicked', NOW - 30 * DAY]);
    expect(offered(at(TWO, NOW, log))).toBe('other');
  });
});

describe("don't show this again", () => {
  const log = entries('tip', ['shown', NOW], ['never', NOW + MINUTE]);

  it('retires that nudge for good, however long the clock runs and whatever the caps', () => {
    const noRepeat = withNudges([nudge('tip', HOME)], (d) => {
      d.caps = { repeatAfterDays: 0, minHoursApart: 0 };
    });
    for (const later of [HOUR, DAY, 400 * DAY]) expect(at(noRepeat, NOW + later, log)).toEqual({ kind: 'none', reason: expect.stringContaining('not to see it again') });
  });

  it('leaves other nudges due', () => {
    expect(offered(at(TWO, NOW + CAPS.minHoursApart * HOUR + MINUTE, log))).toBe('other');
  });
});
