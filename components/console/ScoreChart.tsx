import type { ScoreHistory } from '@/lib/protocol';

const W = 560;
const H = 160;
const PAD = { left: 30, right: 10, top: 10, bottom: 22 };
const BAND_COLOUR = { green: '#12b76a', yellow: '#f79009', red: '#f04438' } as const;
const ZONES = [
  { band: 'green', label: 'Green', from: 70, to: 100 },
  { band: 'yellow', label: 'Yellow', from: 40, to: 70 },
  { band: 'red', label: 'Red', from: 0, to: 40 },
] as const;

/** A plain sentence with what the chart shows: its text alternative. */
export function describeHistory(days: ScoreHistory['days']): string {
  if (days.length === 0) return 'No score recorded yet.';
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const scores = days.map((d) => d.score);
  if (days.length === 1) return `One day recorded: ${first.score} (${first.band}) on ${first.day}.`;
  return `${days.length} days from ${first.day} to ${last.day}: score ${first.score} then ${last.score} (${last.band}); lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}.`;
}

/** Score over time as a small SVG line chart (no chart library), with the description as its accessible name. */
export function ScoreChart({ days }: { days: ScoreHistory['days'] }) {
  const x = (i: number) => PAD.left + (days.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (days.length - 1));
  const y = (score: number) => PAD.top + ((100 - score) * (H - PAD.top - PAD.bottom)) / 100;
  const line = days.map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.score).toFixed(1)}`).join(' ');
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" data-testid="score-chart">
      <title id="chart-title">Adoption score over time</title>
      <desc id="chart-desc">{describeHistory(days)}</desc>
      {/* Band zones: where green, yellow and red start (the same thresholds as the score). */}
      {ZONES.map((z) => (
        <g key={z.band}>
          <rect x={PAD.left} width={W - PAD.left - PAD.right} y={y(z.to)} height={y(z.from) - y(z.to)} class={`zone zone-${z.band}`} />
          <text x={W - PAD.right - 4} y={y(z.to) + 13} text-anchor="end" class="axis zone-label">
            {z.label}
          </text>
        </g>
      ))}
      {[0, 40, 70, 100].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
          <text x={PAD.left - 4} y={y(v) + 4} text-anchor="end" class="axis">
            {v}
          </text>
        </g>
      ))}
      {days.length > 1 && <path d={line} class="line" />}
      {days.map((d, i) => (
        <circle key={d.day} cx={x(i)} cy={y(d.score)} r={3.5} fill={BAND_COLOUR[d.band]} />
      ))}
      {days.length > 0 && (
        <text x={x(days.length - 1) + (days.length === 1 ? 0 : -2)} y={y(days[days.length - 1]!.score) - 8} text-anchor={days.length === 1 ? 'middle' : 'end'} class="value" data-testid="chart-last">
          {days[days.length - 1]!.score}
        </text>
      )}
      {days.length > 0 && (
        <g class="axis">
          <text x={x(0)} y={H - 6} text-anchor={days.length === 1 ? 'middle' : 'start'}>
            {days[0]!.day}
          </text>
          {days.length > 1 && (
            <text x={x(days.length - 1)} y={H - 6} text-anchor="end">
              {days[days.length - 1]!.day}
            </text>
          )}
        </g>
      )}
    </svg>
  );
}
