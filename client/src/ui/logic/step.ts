/**
 * Steps a number by `step`, clamped to [min, max] and rounded to the step's decimals, so
 * ten taps of +0.1 on 18 give exactly 19 and never 18.999999999999996.
 */
export function stepNumber(
  value: number | null,
  step: number,
  min: number,
  max: number,
  start = min,
): number {
  const base = value ?? start - step;
  const decimals = (String(step).split('.')[1] ?? '').length;
  const next = Number((base + step).toFixed(decimals));
  return Math.min(max, Math.max(min, next));
}
