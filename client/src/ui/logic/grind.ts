/**
 * Grind settings are free text because grinders disagree: "15", "2.4.1" (ring, number,
 * micro-step), "3.5". Stepping changes only the last run of digits, which is the finest
 * control on every multi-part dial we know of, and keeps its zero padding ("09" → "10").
 */

const LAST_DIGITS = /(\d+)(\D*)$/;

/**
 * Why a setting cannot be stepped, or null when it can. "Finer" from nothing has no meaning
 * (grinders number their dials differently, and some count finer upwards), so an empty or
 * digit-less setting is left alone and the person is told why.
 */
export function whyGrindCannotStep(setting: string): string | null {
  if (setting.trim() === '') return 'Type a grind setting first: there is nothing to step from.';
  if (!LAST_DIGITS.test(setting)) return 'This grind setting has no number to step.';
  return null;
}

/** Steps the last number of a grind setting by `delta`, never below 0; no digits, no change. */
export function stepGrind(setting: string, delta: number): string {
  const match = LAST_DIGITS.exec(setting);
  if (!match || match[1] === undefined) return setting;
  const digits = match[1];
  const next = Math.max(0, Number(digits) + delta);
  const padded = String(next).padStart(digits.length, '0');
  return setting.slice(0, match.index) + padded + (match[2] ?? '');
}

/** The numeric parts of a setting: "2.4.1" → [2, 4, 1]; "" → []. */
export function grindParts(setting: string): number[] {
  return (setting.match(/\d+/g) ?? []).map(Number);
}

/**
 * Orders settings part by part, so "2.10" sorts after "2.9" and "2.4.1" between "2.4" and
 * "2.5". Settings without digits sort first, by text.
 */
export function compareGrind(a: string, b: string): number {
  const pa = grindParts(a);
  const pb = grindParts(b);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return a.localeCompare(b);
}
