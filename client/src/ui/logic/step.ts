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

/**
 * Press-and-hold: how long the stepper waits before its next repeat, after `repeats` repeats
 * already made. A pause first (a tap is never a hold), then faster and faster down to a floor
 * a finger can still stop on: 400, 200, 160, 128, … 50 ms.
 */
export const HOLD_FIRST_MS = 400;
export const HOLD_FLOOR_MS = 50;

export function holdDelay(repeats: number): number {
  if (repeats <= 0) return HOLD_FIRST_MS;
  return Math.max(HOLD_FLOOR_MS, Math.round(200 * 0.8 ** (repeats - 1)));
}

/**
 * A held weight moves by whole grams, landing on them: 18.3 goes up to 19, 20, … and down to
 * 18, 17, …; an empty value starts at `start`. Clamped to [min, max].
 */
export function stepWhole(
  value: number | null,
  direction: -1 | 1,
  min: number,
  max: number,
  start: number,
): number {
  if (value === null) return Math.min(max, Math.max(min, start));
  const next = direction > 0 ? Math.floor(value + 1e-9) + 1 : Math.ceil(value - 1e-9) - 1;
  return Math.min(max, Math.max(min, next));
}
