import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { type ChartInput, type ChartModel, chartModel } from '../logic/chart.js';
import { METHOD_LABELS } from '../logic/format.js';
import { MethodOptions } from './method-options.js';

export type ChartBrew = ChartInput;

const W = 340;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

/**
 * The dial-in card: grind setting against brew time (or ratio), each brew a dot coloured by
 * taste and sized by rating, the newest ringed, the target band shaded and labelled. The
 * method filter lives here; `onMethodChange` lets the screen keep its hint on the same
 * method. The numbers are also a table, for screen readers and for reading exact values.
 */
export function DialInChart(props: {
  brews: readonly ChartBrew[];
  method: BrewMethod;
  onMethodChange?: (method: BrewMethod) => void;
}): JSX.Element {
  const [picked, setPicked] = useState<BrewMethod | null>(null);
  const [asTable, setAsTable] = useState(false);
  const methods = [
    ...new Set(props.brews.map((b) => b.method).filter((m): m is BrewMethod => m !== null)),
  ];
  const method = picked && methods.includes(picked) ? picked : props.method;
  const model = chartModel(props.brews, method, {
    width: W - PAD.left - PAD.right,
    height: H - PAD.top - PAD.bottom,
  });
  const pick = (m: BrewMethod) => {
    setPicked(m);
    props.onMethodChange?.(m);
  };
  return (
    <section class="card dial-in" aria-labelledby="dial-title">
      <div class="screen-head">
        <h2 id="dial-title">Dial-in</h2>
        {methods.length > 1 ? (
          <select
            class="input"
            aria-label="Method for the chart"
            value={method}
            onChange={(e) => pick(e.currentTarget.value as BrewMethod)}
          >
            <MethodOptions methods={methods} />
          </select>
        ) : (
          <span class="muted">{METHOD_LABELS[method]}</span>
        )}
      </div>
      {model.points.length === 0 ? (
        <p class="muted">
          No {METHOD_LABELS[method].toLowerCase()} brews with a grind setting and a{' '}
          {model.metric === 'time' ? 'time' : 'ratio'} yet: the chart appears after the first one.
        </p>
      ) : (
        <ChartBody model={model} asTable={asTable} onToggle={() => setAsTable(!asTable)} />
      )}
    </section>
  );
}

function chartDescription(model: ChartModel): string {
  const newest = model.points.find((p) => p.newest);
  const inBand = model.band
    ? model.points.filter((p) => p.y >= (model.band?.y ?? 0) - 0.01 && p.y <= bandBottom(model))
        .length
    : null;
  return [
    `${model.points.length} brews, grind setting${model.numeric ? ' (a number scale)' : ''} against ${model.yName}.`,
    newest ? `${newest.label}.` : '',
    model.band && inBand !== null ? `${inBand} in the ${model.band.label}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function bandBottom(model: ChartModel): number {
  return model.band ? model.band.y + model.band.height + 0.01 : 0;
}

function ChartBody(props: {
  model: ChartModel;
  asTable: boolean;
  onToggle: () => void;
}): JSX.Element {
  const { model } = props;
  const plotW = W - PAD.left - PAD.right;
  return (
    <>
      <p class="visually-hidden" id="dial-desc">
        {chartDescription(model)}
      </p>
      <figure class="dial-figure">
        <svg
          class="chart"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="Dial-in chart"
          aria-describedby="dial-desc"
          data-points={model.points.length}
          data-axis={model.numeric ? 'numeric' : 'ordinal'}
        >
          {model.band ? (
            <g class="band">
              <rect
                x={PAD.left}
                width={plotW}
                y={PAD.top + model.band.y}
                height={model.band.height}
              />
              <text
                class="band-label"
                x={W - PAD.right - 4}
                y={PAD.top + model.band.y + 12}
                text-anchor="end"
              >
                {model.band.label}
              </text>
            </g>
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
          <g class="x-ticks">
            {model.xTicks.map((t) => (
              <text key={t.label} x={PAD.left + t.x} y={H - PAD.bottom + 16} text-anchor="middle">
                {t.label}
              </text>
            ))}
          </g>
          <text x={PAD.left + plotW / 2} y={H - 4} text-anchor="middle">
            grind setting (finer → coarser)
          </text>
          {model.points.map((p) => (
            <circle
              key={p.id}
              cx={PAD.left + p.x}
              cy={PAD.top + p.y}
              r={p.r}
              class={`dot dot-${p.taste ?? 'none'}${p.newest ? ' dot-newest' : ''}`}
              data-brew={p.id}
            >
              <title>{p.label}</title>
            </circle>
          ))}
          {model.points
            .filter((p) => p.newest)
            .map((p) => (
              <g key="newest" class="newest-mark">
                <circle cx={PAD.left + p.x} cy={PAD.top + p.y} r={p.r + 4} />
                <text
                  x={PAD.left + p.x}
                  y={PAD.top + p.y + (p.y < 24 ? p.r + 16 : -p.r - 7)}
                  text-anchor="middle"
                >
                  newest
                </text>
              </g>
            ))}
        </svg>
        <figcaption class="legend">
          <span>y: {model.yName}</span>
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
      <button
        type="button"
        class="btn btn-ghost"
        aria-expanded={props.asTable}
        aria-controls="dial-table"
        onClick={props.onToggle}
      >
        {props.asTable ? 'Hide the numbers' : 'Show as a table'}
      </button>
      <ChartTable model={model} hidden={!props.asTable} />
    </>
  );
}

function ChartTable({ model, hidden }: { model: ChartModel; hidden: boolean }): JSX.Element {
  return (
    <table class="dial-table" id="dial-table" hidden={hidden}>
      <caption class="visually-hidden">The chart's brews, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Grind</th>
          <th scope="col">{model.metric === 'time' ? 'Time' : 'Ratio'}</th>
          <th scope="col">Taste</th>
          <th scope="col">Rating</th>
        </tr>
      </thead>
      <tbody>
        {model.points.map((p) => (
          <tr key={p.id} class={p.newest ? 'newest' : undefined}>
            <td>
              {p.grind}
              {p.newest ? ' (newest)' : ''}
            </td>
            <td>{p.value}</td>
            <td>{p.taste ?? '–'}</td>
            <td>{p.rating ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
