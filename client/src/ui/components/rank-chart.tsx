import type { JSX } from 'preact';

const W = 340;
const ROW = 26;
const LABEL_W = 120;
const VALUE_W = 34;

/**
 * Horizontal bars, one row per group (a bag, an origin, a process), best first: the name at
 * the left, the bar to scale out of `top`, the value at the end. Long names are cut with an
 * ellipsis; the table holds them whole.
 */
export function RankChart(props: {
  label: string;
  rows: readonly { key: string; label: string; value: number }[];
  top: number;
}): JSX.Element {
  const barW = W - LABEL_W - VALUE_W;
  const short = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
  return (
    <svg
      class="chart stat-chart"
      viewBox={`0 0 ${W} ${props.rows.length * ROW + 4}`}
      role="img"
      aria-label={props.label}
      data-bars={props.rows.length}
    >
      {props.rows.map((r, i) => (
        <g key={r.key}>
          <text x={0} y={i * ROW + 17}>
            {short(r.label)}
          </text>
          <rect
            class="bar"
            x={LABEL_W}
            y={i * ROW + 5}
            width={Math.max(2, (r.value / props.top) * barW)}
            height={ROW - 10}
            data-value={r.value}
          >
            <title>{`${r.label}: ${r.value}`}</title>
          </rect>
          <text x={W} y={i * ROW + 17} text-anchor="end" class="value">
            {r.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
