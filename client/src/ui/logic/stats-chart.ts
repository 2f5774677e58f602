/**
 * Pure layout of the statistics screen's small charts, in plot coordinates (0,0 = top left of
 * the plot area): bars for counts and averages, a stepped line for the grind drift. The
 * number of shapes depends on the buckets, never on the number of brews.
 */

export interface Tick {
  /** Position along the axis the tick is on. */
  at: number;
  label: string;
}

/** A round top for an axis: 7 → 8, 23 → 25, 180 → 200 (and 1 for an all-zero series). */
export function niceCeil(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  const m = max / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * pow;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | null;
  label: string;
}

export interface BarLayout {
  bars: Bar[];
  yTicks: Tick[];
  top: number;
}

/**
 * Vertical bars, one per value, side by side across `width`; a null value has no bar.
 * `top` fixes the scale (5 for ratings), else it is the values' round ceiling.
 */
export function barLayout(
  values: readonly { label: string; value: number | null }[],
  size: { width: number; height: number },
  top?: number,
): BarLayout {
  const max = top ?? niceCeil(Math.max(0, ...values.map((v) => v.value ?? 0)));
  const slot = values.length === 0 ? size.width : size.width / values.length;
  const gap = Math.min(6, slot * 0.2);
  const bars = values.map((v, i) => {
    const h = v.value === null ? 0 : (Math.max(0, v.value) / max) * size.height;
    return {
      x: i * slot + gap / 2,
      y: size.height - h,
      width: slot - gap,
      height: h,
      value: v.value,
      label: v.label,
    };
  });
  const yTicks = [0, 0.5, 1].map((f) => ({
    at: size.height - f * size.height,
    label: String(Number((f * max).toFixed(1))),
  }));
  return { bars, yTicks, top: max };
}

export interface LinePoint {
  x: number;
  y: number;
  label: string;
}

/**
 * Points of (day, level) where level is a position on the grind axis (a number, or the
 * setting's rank on a dial), x by day and y by level, finer at the bottom.
 */
export function lineLayout(
  points: readonly { day: number; level: number; label: string }[],
  size: { width: number; height: number },
): { points: LinePoint[]; xTicks: Tick[]; yRange: [number, number] } {
  if (points.length === 0) return { points: [], xTicks: [], yRange: [0, 0] };
  const days = points.map((p) => p.day);
  const levels = points.map((p) => p.level);
  const [d0, d1] = [Math.min(...days), Math.max(...days)];
  const [l0, l1] = [Math.min(...levels), Math.max(...levels)];
  const xOf = (d: number) => (d1 === d0 ? size.width / 2 : ((d - d0) / (d1 - d0)) * size.width);
  const yOf = (l: number) =>
    l1 === l0 ? size.height / 2 : size.height - ((l - l0) / (l1 - l0)) * size.height;
  const xTicks = [...new Set([d0, Math.round((d0 + d1) / 2), d1])].map((d) => ({
    at: xOf(d),
    label: String(d),
  }));
  return {
    points: points.map((p) => ({ x: xOf(p.day), y: yOf(p.level), label: p.label })),
    xTicks,
    yRange: [l0, l1],
  };
}
