import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';
import { brewRatio, formatRatio, isFilter } from '../../../../shared/model/ratio.js';
import { compareGrind } from './grind.js';
import { ESPRESSO_TIME_S, FILTER_RATIO } from './hint.js';

interface Input {
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

export interface ChartPoint {
  id: string;
  x: number;
  y: number;
  r: number;
  taste: Taste | null;
  label: string;
}

export interface ChartModel {
  points: ChartPoint[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  band: { y: number; height: number } | null;
}

/**
 * Pure layout of the dial-in chart in plot coordinates (0,0 = top left of the plot area).
 * x: one evenly spaced column per distinct grind setting, in grind order (settings are
 * ordinal, not metric: "2.4.1" → "2.5" is not a distance). y: time or ratio, linear, with
 * the target band always in view. Dots that share a column are jittered apart a little.
 */
export function chartModel(
  brews: readonly Input[],
  method: BrewMethod,
  size: { width: number; height: number },
): ChartModel {
  const filter = isFilter(method);
  const rows = brews
    .filter((b) => b.method === method && b.grindSetting)
    .map((b) => ({ b, v: filter ? brewRatio(b) : b.timeS }))
    .filter((row): row is { b: Input; v: number } => row.v !== null && row.v > 0);
  if (rows.length === 0) return { points: [], xTicks: [], yTicks: [], band: null };

  const settings = [...new Set(rows.map((r) => r.b.grindSetting ?? ''))].sort(compareGrind);
  const col = (s: string) =>
    settings.length === 1
      ? size.width / 2
      : 12 + (settings.indexOf(s) * (size.width - 24)) / (settings.length - 1);

  const target = filter ? FILTER_RATIO : ESPRESSO_TIME_S;
  const values = rows.map((r) => r.v);
  const lo = Math.floor(Math.min(...values, target[0]) * 0.9);
  const hi = Math.ceil(Math.max(...values, target[1]) * 1.1);
  const yOf = (v: number) => size.height - ((v - lo) / (hi - lo || 1)) * size.height;

  const seen = new Map<string, number>();
  const points = rows.map(({ b, v }) => {
    const setting = b.grindSetting ?? '';
    const n = seen.get(setting) ?? 0;
    seen.set(setting, n + 1);
    const jitter = n === 0 ? 0 : (n % 2 === 0 ? 1 : -1) * Math.ceil(n / 2) * 3;
    const shown = filter ? formatRatio(v) : `${v} s`;
    return {
      id: b.id,
      x: col(setting) + jitter,
      y: yOf(v),
      r: 4 + (b.rating ?? 1) * 1.6,
      taste: b.taste,
      label: `Grind ${setting}: ${shown}${b.taste ? `, ${b.taste}` : ''}${
        b.rating !== null ? `, rated ${b.rating}` : ''
      }`,
    };
  });

  const step = niceStep((hi - lo) / 4);
  const yTicks: ChartModel['yTicks'] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    yTicks.push({ y: yOf(v), label: filter ? `1:${v}` : String(v) });
  }
  // Label at most ~8 columns so labels never overlap on a phone.
  const every = Math.ceil(settings.length / 8);
  const xTicks = settings.filter((_, i) => i % every === 0).map((s) => ({ x: col(s), label: s }));
  const band = { y: yOf(target[1]), height: yOf(target[0]) - yOf(target[1]) };
  return { points, xTicks, yTicks, band };
}

function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}
