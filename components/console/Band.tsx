import type { ReviewRow } from '@/lib/export/review';

type Band = 'green' | 'yellow' | 'red';
const LABEL: Record<Band, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/** A band as a coloured badge that says its name: the colour is never the only cue. */
export const BandBadge = ({ band }: { band: Band }) => <span class={`badge badge-${band}`}>{LABEL[band]}</span>;

/** Shares of users per band as one stacked bar (decorative: the numbers are beside it). */
export function BandBar({ share, title }: { share: ReviewRow['bandShare']; title?: string }) {
  return (
    <span class="bandbar" title={title} aria-hidden="true">
      {(['green', 'yellow', 'red'] as const).map((b) => (share[b] > 0 ? <span key={b} class={`seg-${b}`} style={{ width: `${share[b] * 100}%` }} /> : null))}
    </span>
  );
}
