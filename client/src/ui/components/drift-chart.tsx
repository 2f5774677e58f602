import type { JSX } from 'preact';
import { plainGrind } from '../logic/grind-scale.js';
import type { GrindDrift } from '../logic/stats.js';
import { lineLayout } from '../logic/stats-chart.js';

const W = 340;
const H = 170;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };

/** The level of a setting on the drift's axis: its number, or its rank on a dial. */
function levelOf(drift: GrindDrift, grind: string): number {
  return drift.numeric ? (plainGrind(grind) ?? 0) : drift.settings.indexOf(grind);
}

/**
 * A bag's grind setting by day off roast (or since its first brew): a line through one dot
 * per day, finer at the bottom, so a bag that needs a finer grind as it ages slopes down.
 */
export function DriftChart({ drift }: { drift: GrindDrift }): JSX.Element {
  const plot = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };
  const layout = lineLayout(
    drift.points.map((p) => ({
      day: p.day,
      level: levelOf(drift, p.grind),
      label: `day ${p.day}: grind ${p.grind}`,
    })),
    plot,
  );
  const finest = drift.settings[0] ?? '';
  const coarsest = drift.settings[drift.settings.length - 1] ?? '';
  const path = layout.points.map((p) => `${PAD.left + p.x},${PAD.top + p.y}`).join(' ');
  return (
    <svg
      class="chart stat-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Grind setting by day ${drift.fromRoast ? 'off roast' : 'since the first brew'}`}
      data-points={layout.points.length}
    >
      <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
      <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      <text x={PAD.left - 6} y={PAD.top + 10} text-anchor="end">
        {coarsest}
      </text>
      {finest !== coarsest ? (
        <text x={PAD.left - 6} y={H - PAD.bottom} text-anchor="end">
          {finest}
        </text>
      ) : null}
      {layout.xTicks.map((t) => (
        <text key={t.label} x={PAD.left + t.at} y={H - PAD.bottom + 15} text-anchor="middle">
          {t.label}
        </text>
      ))}
      <text x={PAD.left + plot.width / 2} y={H - 4} text-anchor="middle">
        {drift.fromRoast ? 'days off roast' : 'days since the first brew'}
      </text>
      <polyline class="line" points={path} />
      {layout.points.map((p) => (
        <circle key={p.label} class="dot dot-none" cx={PAD.left + p.x} cy={PAD.top + p.y} r={4}>
          <title>{p.label}</title>
        </circle>
      ))}
    </svg>
  );
}
