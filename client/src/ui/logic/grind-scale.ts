import { compareGrind, stepGrind } from './grind.js';

/**
 * Grind settings read as numbers when they are plain numbers ("15", "3.5", "3,5"). A dial
 * like "2.4.1" is a position, not a quantity, and stays ordinal. Lower is finer, as the
 * form's Finer button assumes.
 */

const PLAIN_NUMBER = /^\s*(\d+)(?:[.,](\d+))?\s*$/;

/** "3.5" → 3.5, "3,5" → 3.5; null for "2.4.1", "fine" or "". */
export function plainGrind(setting: string): number | null {
  const m = PLAIN_NUMBER.exec(setting);
  if (!m) return null;
  return Number(`${m[1]}.${m[2] ?? '0'}`);
}

function decimalsOf(setting: string): number {
  return PLAIN_NUMBER.exec(setting)?.[2]?.length ?? 0;
}

export interface NumericScale {
  /** The smallest move the user makes on this scale. */
  step: number;
  decimals: number;
}

/**
 * The numeric scale of a set of settings, or null unless every one is a plain number. The
 * step is the smallest gap between two settings used (someone who moves 2.5 → 3.0 → 3.5
 * steps by 0.5), or the last digit's unit when only one setting was used. Settings whose
 * number order disagrees with the dial's part-by-part order ("2.9" then "2.10") are a dial.
 */
export function numericScale(settings: readonly string[]): NumericScale | null {
  const used = settings.filter((s) => s.trim() !== '');
  if (used.length === 0) return null;
  const values: number[] = [];
  let decimals = 0;
  for (const s of used) {
    const v = plainGrind(s);
    if (v === null) return null;
    values.push(v);
    decimals = Math.max(decimals, decimalsOf(s));
  }
  const byDial = [...new Set(used.map((s) => s.trim()))].sort(compareGrind).map(plainGrind);
  if (byDial.some((v, i) => i > 0 && (v ?? 0) < (byDial[i - 1] ?? 0))) return null;
  const unit = 10 ** -decimals;
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < distinct.length; i++) {
    const gap = Number(((distinct[i] ?? 0) - (distinct[i - 1] ?? 0)).toFixed(decimals));
    if (gap > 0 && gap < step) step = gap;
  }
  return { step: Number.isFinite(step) ? Math.max(step, unit) : unit, decimals };
}

/**
 * The setting `steps` steps finer (negative: coarser). On a numeric scale that is the
 * scale's step; on a dial it is the form's own step of the last number; without digits,
 * null (there is no number to name).
 */
export function moveGrind(
  setting: string,
  stepsFiner: number,
  scale: NumericScale | null,
): string | null {
  const value = plainGrind(setting);
  if (scale && value !== null) {
    const next = Math.max(0, value - stepsFiner * scale.step);
    return next.toFixed(scale.decimals);
  }
  if (!/\d/.test(setting)) return null;
  return stepGrind(setting, -stepsFiner);
}
