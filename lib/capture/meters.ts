import { collapse, resolveAnchor } from '../anchors/match';
import type { Meter } from '../playbook/schema';

export interface MeterValue {
  used: number;
  limit: number | null;
}

const MAX_TEXT = 200;

function toNumber(s: string | undefined): number | null {
  const digits = s?.replace(/[,\s]/g, '');
  if (!digits) return null;
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}

/** Parses meter text with the playbook pattern: group 1 is used, group 2 (if any) the limit. */
export function parseMeterText(text: string, pattern: RegExp, fallbackLimit: number | undefined): MeterValue | null {
  const m = pattern.exec(text.slice(0, MAX_TEXT));
  const used = toNumber(m?.[1]);
  if (used === null) return null;
  return { used, limit: toNumber(m?.[2]) ?? fallbackLimit ?? null };
}

/** Reads a text meter from the page: only the anchored element's text, and only the numbers the pattern picks out. */
export function readMeter(meter: Meter, pattern: RegExp, root: ParentNode = document): MeterValue | null {
  if (meter.source.from !== 'text') return null;
  const el = resolveAnchor(meter.source.anchor, root);
  if (!el) return null;
  return parseMeterText(collapse(el.textContent ?? '', MAX_TEXT), pattern, meter.limit);
}
