import type { JSX } from 'preact';
import { barLayout } from '../logic/stats-chart.js';

const W = 340;
const H = 150;
const PAD = { left: 34, right: 8, top: 10, bottom: 26 };

/**
 * Vertical bars with a value axis, in the dial-in chart's look (dial-in.css). `labelEvery`
 * thins the category labels so they never overlap on a phone; the table shows them all.
 */
export function BarChart(props: {
  label: string;
  values: readonly { label: string; value: number | null }[];
  /** A fixed top of the scale (5 for ratings). */
  top?: number;
  labelEvery?: number;
}): JSX.Element {
  const plot = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };
  const layout = barLayout(props.values, plot, props.top);
  const every = props.labelEvery ?? 1;
  return (
    <svg
      class="chart stat-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={props.label}
      data-bars={layout.bars.filter((b) => b.value !== null && b.value > 0).length}
    >
      {layout.yTicks.map((t) => (
        <g key={t.label}>
          <line
            class="grid"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + t.at}
            y2={PAD.top + t.at}
          />
          <text x={PAD.left - 6} y={PAD.top + t.at + 4} text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {layout.bars.map((b, i) => (
        <g key={b.label}>
          {b.height > 0 ? (
            <rect
              class="bar"
              x={PAD.left + b.x}
              y={PAD.top + b.y}
              width={b.width}
              height={b.height}
              data-value={b.value}
            >
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
          ) : null}
          {i % every === 0 ? (
            <text x={PAD.left + b.x + b.width / 2} y={H - PAD.bottom + 16} text-anchor="middle">
              {b.label}
            </text>
          ) : null}
        </g>
      ))}
      <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
    </svg>
  );
}
