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

/** What Finer/Coarser do for the chosen grinder (see GRIND_SCALES in the field tables). */
export type GrindStepping =
  /** No grinder, or one whose scale is not set: the last number moves by one (stepGrind). */
  | { kind: 'digits' }
  /** A numeric dial, or a stepless one: the setting is a number moving by `step`. */
  | { kind: 'step'; step: number }
  /** Words or a dial the app cannot read: typed, no stepper. */
  | { kind: 'text' };

/**
 * A stepless grinder has no clicks; a tenth is as fine as a person reads its dial marks (and
 * a held button still crosses a whole number in ten steps).
 */
export const STEPLESS_STEP = 0.1;

export function grindStepping(
  grinder: { scaleKind: string | null; scaleStep: number | null } | undefined,
): GrindStepping {
  switch (grinder?.scaleKind) {
    case 'numeric':
      return grinder.scaleStep === null
        ? { kind: 'digits' }
        : { kind: 'step', step: grinder.scaleStep };
    case 'stepless':
      return { kind: 'step', step: STEPLESS_STEP };
    case 'text':
      return { kind: 'text' };
    default:
      return { kind: 'digits' };
  }
}

const PLAIN_SETTING = /^\s*\d+(?:[.,]\d+)?\s*$/;

/**
 * One Finer (-1) or Coarser (+1) on the chosen grinder's scale: the setting, or why it did not
 * move. On a numeric scale the setting must be a plain number ("15", "14.5", "3,5"); it moves by
 * the step, never below 0, shown with the step's decimals ("15" by 0.5 finer is "14.5").
 */
export function stepGrindBy(
  setting: string,
  direction: -1 | 1,
  stepping: GrindStepping,
): { setting: string } | { why: string } {
  if (stepping.kind === 'text') return { why: 'This grinder’s settings are typed, not stepped.' };
  const why = whyGrindCannotStep(setting);
  if (why !== null) return { why };
  if (stepping.kind === 'digits') return { setting: stepGrind(setting, direction) };
  if (!PLAIN_SETTING.test(setting)) {
    return { why: `This grinder steps by ${stepping.step}: type the setting as one number.` };
  }
  const value = Number(setting.trim().replace(',', '.'));
  const decimals = Math.max(
    (String(stepping.step).split('.')[1] ?? '').length,
    (setting.trim().split(/[.,]/)[1] ?? '').length,
  );
  const next = Math.max(0, value + direction * stepping.step);
  return { setting: next.toFixed(decimals) };
}
