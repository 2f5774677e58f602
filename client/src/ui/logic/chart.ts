import {
  brewRule,
  formatRuleRatio,
  ratioBandText,
  ruleRatio,
  timeBandText,
  timeIsLogged,
} from '../../../../shared/model/brew-rules.js';
import type { BrewMethod, Taste } from '../../../../shared/model/entities.js';
import { compareGrind } from './grind.js';
import { numericScale, plainGrind } from './grind-scale.js';

export interface ChartInput {
  id: string;
  method: BrewMethod | null;
  grindSetting: string | null;
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
  timeS: number | null;
  taste: Taste | null;
  rating: number | null;
  brewedAt?: string | null;
}

export interface ChartPoint {
  id: string;
  x: number;
  y: number;
  r: number;
  taste: Taste | null;
  grind: string;
  /** The plotted value as a person reads it: "28 s", "1:2.1", "60 g/L". */
  value: string;
  rating: number | null;
  newest: boolean;
  label: string;
}

export interface ChartModel {
  /** What y is: the brew time when the method's time fits the Time field, else the ratio. */
  metric: 'time' | 'ratio';
  /** Whether x is a number line (plain numeric settings) or one column per setting. */
  numeric: boolean;
  yName: string;
  points: ChartPoint[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  band: { y: number; height: number; label: string } | null;
}

const EDGE = 12;

/**
 * Pure layout of the dial-in chart in plot coordinates (0,0 = top left of the plot area).
 * x: a number line when every setting is a plain number ("15", "3.5"), so 15 → 16 is as
 * far as 16 → 17; otherwise one evenly spaced column per setting in grind order ("2.4.1" →
 * "2.5" is a position, not a distance). y: time or ratio, with the target band in view.
 * Dots that would overlap are pushed apart sideways, the newest first keeping its place.
 */
export function chartModel(
  brews: readonly ChartInput[],
  method: BrewMethod,
  size: { width: number; height: number },
): ChartModel {
  const rule = brewRule(method);
  const metric: ChartModel['metric'] = rule && !timeIsLogged(rule) ? 'ratio' : 'time';
  const yName = metric === 'time' ? `${rule?.timeName ?? 'brew'} time (s)` : ratioName(method);
  const plotted = (b: ChartInput): number | null =>
    metric === 'time' ? b.timeS : rule ? ruleRatio(rule, b) : null;
  const rows = brews
    .filter((b) => b.method === method && b.grindSetting)
    .map((b) => ({ b, v: plotted(b), grind: (b.grindSetting ?? '').trim() }))
    .filter(
      (row): row is { b: ChartInput; v: number; grind: string } => row.v !== null && row.v > 0,
    );
  const empty = { metric, yName, numeric: false, points: [], xTicks: [], yTicks: [], band: null };
  if (rows.length === 0) return empty;

  const scale = numericScale(rows.map((r) => r.grind));
  const x = scale ? numericX(rows, size.width, scale.decimals) : ordinalX(rows, size.width);

  const target = rule ? (metric === 'time' ? rule.timeS : rule.ratio.band) : null;
  const values = rows.map((r) => r.v);
  const lo = Math.floor(Math.min(...values, target?.[0] ?? Infinity) * 0.9);
  const hi = Math.ceil(Math.max(...values, target?.[1] ?? -Infinity) * 1.1);
  const yOf = (v: number) => size.height - ((v - lo) / (hi - lo || 1)) * size.height;

  const newestId = newestOf(rows.map((r) => r.b));
  const points: ChartPoint[] = rows.map(({ b, v, grind }) => {
    const value = metric === 'time' ? `${v} s` : rule ? formatRuleRatio(rule, v) : String(v);
    const newest = b.id === newestId;
    return {
      id: b.id,
      x: x.of(grind),
      y: yOf(v),
      r: 4 + (b.rating ?? 1) * 1.6,
      taste: b.taste,
      grind,
      value,
      rating: b.rating,
      newest,
      label: `${newest ? 'Newest: ' : ''}grind ${grind}, ${value}${b.taste ? `, ${b.taste}` : ''}${
        b.rating !== null ? `, rated ${b.rating}` : ''
      }`,
    };
  });
  spreadApart(points, size.width);

  const step = niceStep((hi - lo) / 4);
  const yTicks: ChartModel['yTicks'] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    yTicks.push({ y: yOf(v), label: String(Number(v.toFixed(2))) });
  }
  const band =
    rule && target
      ? {
          y: yOf(target[1]),
          height: yOf(target[0]) - yOf(target[1]),
          label: `target ${metric === 'time' ? timeBandText(rule) : ratioBandText(rule)}`,
        }
      : null;
  return { metric, yName, numeric: scale !== null, points, xTicks: x.ticks, yTicks, band };
}

function ratioName(method: BrewMethod): string {
  const rule = brewRule(method);
  return rule?.ratio.reads === 'strength' ? 'strength (g/L)' : 'ratio (1:x)';
}

interface XAxis {
  of: (grind: string) => number;
  ticks: { x: number; label: string }[];
}

function numericX(rows: readonly { grind: string }[], width: number, decimals: number): XAxis {
  const nums = rows.map((r) => plainGrind(r.grind) ?? 0);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min;
  const pos = (v: number) =>
    span === 0 ? width / 2 : EDGE + ((v - min) / span) * (width - 2 * EDGE);
  const step = span === 0 ? 1 : Math.max(niceStep(span / 5), 10 ** -decimals);
  const ticks: XAxis['ticks'] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) {
    ticks.push({ x: pos(v), label: Number(v.toFixed(decimals)).toFixed(decimals) });
  }
  if (ticks.length === 0) ticks.push({ x: pos(min), label: min.toFixed(decimals) });
  return { of: (g) => pos(plainGrind(g) ?? min), ticks };
}

function ordinalX(rows: readonly { grind: string }[], width: number): XAxis {
  const settings = [...new Set(rows.map((r) => r.grind))].sort(compareGrind);
  const col = (s: string) =>
    settings.length === 1
      ? width / 2
      : EDGE + (settings.indexOf(s) * (width - 2 * EDGE)) / (settings.length - 1);
  // Label at most ~8 columns so labels never overlap on a phone.
  const every = Math.ceil(settings.length / 8);
  const ticks = settings.filter((_, i) => i % every === 0).map((s) => ({ x: col(s), label: s }));
  return { of: col, ticks };
}

/** The brew with the latest `brewedAt`; the first one (lists are newest first) without. */
function newestOf(brews: readonly ChartInput[]): string | null {
  let best: ChartInput | null = null;
  for (const b of brews) {
    if (best === null || (b.brewedAt ?? '') > (best.brewedAt ?? '')) best = b;
  }
  return best?.id ?? null;
}

/**
 * Moves each dot sideways, nearest free spot first (right, left, twice as far…), until it
 * touches no dot placed before it. The newest is placed first so it stays where its value
 * is. x stays inside [0, width]; y never changes, so the value a dot shows is exact.
 */
export function spreadApart(points: ChartPoint[], width: number): void {
  const order = [...points].sort((a, b) => Number(b.newest) - Number(a.newest));
  const placed: ChartPoint[] = [];
  for (const p of order) {
    const home = p.x;
    for (let k = 0; k < 40; k++) {
      const off = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * (p.r / 2);
      p.x = Math.min(width, Math.max(0, home + off));
      if (!placed.some((q) => overlaps(p, q))) break;
    }
    placed.push(p);
  }
}

export function overlaps(a: ChartPoint, b: ChartPoint): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r;
}

function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}
