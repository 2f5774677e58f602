import { type BrewMethod, type Patch, RECIPE_FIELDS } from '../../../../shared/model/entities.js';
import { isFilter } from '../../../../shared/model/ratio.js';
import { checkValue } from '../../../../shared/model/validate.js';
import { parseNumber } from './brew-draft.js';
import { formatTime, grams, METHOD_LABELS } from './format.js';
import {
  formatTemperature,
  fromDisplayTemperature,
  type TemperatureUnit,
  toDisplayTemperature,
} from './temperature.js';

/**
 * A bag's target for a method (the `recipe` row) as the bag screen shows and edits it, and
 * as Log a brew starts from. The ratio is output per gram of coffee on the 1:x scale the
 * brew shows (shared/model/ratio.ts): the drink for espresso and moka, the water for filter.
 */

/** What a target holds; `RecipeRecord` fits. */
export interface Target {
  method: BrewMethod;
  doseG: number | null;
  ratio: number | null;
  timeMinS: number | null;
  timeMaxS: number | null;
  tempC: number | null;
}

/** The time band's two ends in order (a merge of two edits may have crossed them). */
export function timeBand(t: Pick<Target, 'timeMinS' | 'timeMaxS'>): [number, number] | null {
  if (t.timeMinS === null || t.timeMaxS === null) return null;
  return [Math.min(t.timeMinS, t.timeMaxS), Math.max(t.timeMinS, t.timeMaxS)];
}

/** "18 g → 1:2, 25–30 s, 93 °C": what is set, in the order a barista says it. */
export function targetWords(t: Target, unit: TemperatureUnit): string {
  const parts: string[] = [];
  const ratio = t.ratio === null ? null : `1:${Number(t.ratio.toFixed(1))}`;
  if (t.doseG !== null)
    parts.push(ratio === null ? grams(t.doseG) : `${grams(t.doseG)} → ${ratio}`);
  else if (ratio !== null) parts.push(ratio);
  const band = timeBand(t);
  if (band !== null) {
    const [lo, hi] = band;
    parts.push(hi < 60 ? `${lo}–${hi} s` : `${formatTime(lo)}–${formatTime(hi)}`);
  } else if (t.timeMinS !== null || t.timeMaxS !== null) {
    parts.push(formatTime(t.timeMinS ?? t.timeMaxS));
  }
  if (t.tempC !== null) parts.push(formatTemperature(t.tempC, unit));
  return parts.length === 0 ? 'nothing set' : parts.join(', ');
}

/** "Target for espresso: 18 g → 1:2, 25–30 s, 93 °C". */
export function targetSentence(t: Target, unit: TemperatureUnit): string {
  return `Target for ${METHOD_LABELS[t.method].toLowerCase()}: ${targetWords(t, unit)}`;
}

/**
 * A first brew's values from the target: its dose, the output the ratio gives (the drink or
 * the water, as the method weighs it), its temperature, and the middle of its time band.
 */
export function targetBrewValues(t: Target): Patch<'brew'> {
  const values: { -readonly [K in keyof Patch<'brew'>]: Patch<'brew'>[K] } = {};
  if (t.doseG !== null) values.doseG = t.doseG;
  if (t.doseG !== null && t.ratio !== null) {
    const out = Math.round(t.doseG * t.ratio * 10) / 10;
    if (isFilter(t.method)) values.waterG = out;
    else values.yieldG = out;
  }
  if (t.tempC !== null) values.tempC = t.tempC;
  return values;
}

/** The target form: text as typed, the temperature in the device's unit. */
export interface TargetDraft {
  doseG: string;
  ratio: string;
  timeMinS: string;
  timeMaxS: string;
  temp: string;
}

export const TARGET_LABELS = {
  doseG: 'Dose (g)',
  ratio: 'Ratio (1:x)',
  timeMinS: 'Time from (s)',
  timeMaxS: 'Time to (s)',
  tempC: 'Temperature',
} as const;

const text = (n: number | null) => (n === null ? '' : String(n));

export function targetDraft(t: Target | undefined, unit: TemperatureUnit): TargetDraft {
  return {
    doseG: text(t?.doseG ?? null),
    ratio: text(t?.ratio ?? null),
    timeMinS: text(t?.timeMinS ?? null),
    timeMaxS: text(t?.timeMaxS ?? null),
    temp: text(t?.tempC == null ? null : toDisplayTemperature(t.tempC, unit)),
  };
}

/** The values a target draft stands for (NaN where junk was typed, for the check to name). */
export function targetValues(d: TargetDraft, unit: TemperatureUnit) {
  const temp = parseNumber(d.temp);
  return {
    doseG: parseNumber(d.doseG),
    ratio: parseNumber(d.ratio),
    timeMinS: parseNumber(d.timeMinS),
    timeMaxS: parseNumber(d.timeMaxS),
    tempC: temp === null || Number.isNaN(temp) ? temp : fromDisplayTemperature(temp, unit),
  };
}

/**
 * Field → message for the target form, worded under each label ("Ratio (1:x) must be at
 * least 0.5"); empty when it may be saved. The band's order is the form's rule.
 */
export function targetProblems(d: TargetDraft, unit: TemperatureUnit): Record<string, string> {
  const values = targetValues(d, unit);
  const out: Record<string, string> = {};
  for (const field of ['doseG', 'ratio', 'timeMinS', 'timeMaxS', 'tempC'] as const) {
    const problem = checkValue(RECIPE_FIELDS[field], values[field], Date.now());
    if (problem !== null) out[field] = `${TARGET_LABELS[field]} ${problem}`;
  }
  const { timeMinS: lo, timeMaxS: hi } = values;
  if (out.timeMaxS === undefined && lo !== null && hi !== null && hi < lo) {
    out.timeMaxS = `${TARGET_LABELS.timeMaxS} must not be before ${TARGET_LABELS.timeMinS.toLowerCase()}`;
  }
  if (Object.keys(out).length === 0 && Object.values(values).every((v) => v === null)) {
    out.doseG = 'Set at least one value, or clear the target';
  }
  return out;
}
