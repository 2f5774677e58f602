import type { JSX } from 'preact';
import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';
import { isFilter } from '../../../../shared/model/ratio.js';
import { chartModel } from '../logic/chart.js';

export interface ChartBrew {
  id: string;
  method: BrewMethod | null;
  grindSetting: string | null;
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
  timeS: number | null;
  taste: Taste | null;
  rating: number | null;
}

const W = 340;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

/**
 * Grind setting (ordered, one column per distinct setting) against shot time for espresso
 * or ratio for filter; each brew a dot coloured by taste and sized by rating. The target
 * band (25–30 s, or 1:15–1:17) is shaded so "move into the band" reads at a glance.
 */
export function DialInChart(props: { brews: readonly ChartBrew[]; method: BrewMethod }) {
  const filter = isFilter(props.method);
  const model = chartModel(props.brews, props.method, {
    width: W - PAD.left - PAD.right,
    height: H - PAD.top - PAD.bottom,
  });
  const yName = filter ? 'ratio (1:x)' : 'shot time (s)';
  if (model.points.length === 0) {
    return (
      <p class="muted">
        No {filter ? 'brews with a ratio' : 'timed shots'} with a grind setting yet: the chart
        appears after the first one.
      </p>
    );
  }
  const summary = `Dial-in chart: ${model.points.length} brews, grind setting against ${yName}.`;
  const dots: JSX.Element[] = model.points.map((p) => (
    <circle
      key={p.id}
      cx={PAD.left + p.x}
      cy={PAD.top + p.y}
      r={p.r}
      class={`dot-${p.taste ?? 'none'}`}
      data-brew={p.id}
    >
      <title>{p.label}</title>
    </circle>
  ));
  return (
    <figure style={{ margin: 0 }}>
      <svg
        class="chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        data-points={model.points.length}
      >
        {model.band ? (
          <rect
            class="band"
            x={PAD.left}
            width={W - PAD.left - PAD.right}
            y={PAD.top + model.band.y}
            height={model.band.height}
          />
        ) : null}
        <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
        <line
          class="axis"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
        />
        {model.yTicks.map((t) => (
          <text key={t.label} x={PAD.left - 6} y={PAD.top + t.y + 4} text-anchor="end">
            {t.label}
          </text>
        ))}
        {model.xTicks.map((t) => (
          <text key={t.label} x={PAD.left + t.x} y={H - PAD.bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        ))}
        <text x={PAD.left + (W - PAD.left - PAD.right) / 2} y={H - 4} text-anchor="middle">
          grind setting (finer → coarser)
        </text>
        {dots}
      </svg>
      <figcaption class="legend">
        <span>y: {yName}</span>
        <span>
          <span class="chip-dot" style={{ background: 'var(--sour)' }} /> sour
        </span>
        <span>
          <span class="chip-dot" style={{ background: 'var(--balanced)' }} /> balanced
        </span>
        <span>
          <span class="chip-dot" style={{ background: 'var(--bitter)' }} /> bitter
        </span>
        <span>bigger dot = higher rating</span>
      </figcaption>
    </figure>
  );
}
