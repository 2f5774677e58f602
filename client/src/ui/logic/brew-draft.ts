import {
  BREW_FIELDS,
  BREW_METHODS,
  type BrewMethod,
  type BrewValues,
  type Patch,
  TASTES,
  type Taste,
} from '../../../../shared/model/entities.js';
import { firstBrewRecipe } from '../../../../shared/model/method-defaults.js';
import { validatePatch } from '../../../../shared/model/validate.js';
import type { DeviceSettings } from '../device-settings.js';
import {
  fromDisplayTemperature,
  type TemperatureUnit,
  toDisplayTemperature,
} from './temperature.js';

/**
 * What the brew form edits: numbers as the text the user sees, so "18." can be typed
 * on the way to "18.5" without the field fighting back.
 */
export interface BrewDraft {
  bagId: string | null;
  method: BrewMethod;
  grinder: string;
  grindSetting: string;
  doseG: string;
  yieldG: string;
  waterG: string;
  timeS: string;
  /** In the device's unit (`TemperatureUnit`); stored in °C by `draftPatch`. */
  tempC: string;
  taste: Taste | null;
  rating: number | null;
  notes: string;
  /** When the running shot timer started (epoch ms); null when it is not running. */
  timerStartedAt: number | null;
  /** The grinder and brewer picked (gear rows); `grinder` is the free text of older brews. */
  grinderId: string | null;
  brewerId: string | null;
}

const NUMBER_FIELDS = ['doseG', 'yieldG', 'waterG', 'timeS', 'tempC'] as const;
const TEXT_FIELDS = ['grinder', 'grindSetting', 'notes'] as const;

export const FIELD_LABELS: Record<string, string> = {
  bagId: 'Coffee',
  method: 'Method',
  grinder: 'Grinder',
  grindSetting: 'Grind',
  doseG: 'Dose',
  yieldG: 'Yield',
  waterG: 'Water',
  timeS: 'Time',
  tempC: 'Temperature',
  taste: 'Taste',
  rating: 'Rating',
  notes: 'Notes',
  grinderId: 'Grinder',
  brewerId: 'Brewer',
  name: 'Name',
  roaster: 'Roaster',
  roastDate: 'Roast date',
};

const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A draft from stored or prefilled values (missing fields are empty), temperature in `unit`. */
export function draftFrom(
  values: Patch<'brew'>,
  method: BrewMethod = 'espresso',
  unit: TemperatureUnit = 'C',
): BrewDraft {
  const temp = values.tempC;
  return {
    bagId: values.bagId ?? null,
    method: values.method ?? method,
    grinder: values.grinder ?? '',
    grindSetting: values.grindSetting ?? '',
    doseG: numText(values.doseG),
    yieldG: numText(values.yieldG),
    waterG: numText(values.waterG),
    timeS: numText(values.timeS),
    tempC: numText(temp === null || temp === undefined ? temp : toDisplayTemperature(temp, unit)),
    taste: values.taste ?? null,
    rating: values.rating ?? null,
    notes: values.notes ?? '',
    timerStartedAt: null,
    grinderId: values.grinderId ?? null,
    brewerId: values.brewerId ?? null,
  };
}

/** Text → number: '' is unset, "18,5" (a decimal comma keyboard) is 18.5, junk is NaN. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(t) ? Number(t) : Number.NaN;
}

/** The values a draft stands for; empty fields are null (cleared). Excludes bagId. */
export function draftPatch(d: BrewDraft, unit: TemperatureUnit = 'C'): Patch<'brew'> {
  const patch: Record<string, unknown> = {
    method: d.method,
    taste: d.taste,
    rating: d.rating,
    grinderId: d.grinderId,
    brewerId: d.brewerId,
  };
  for (const f of NUMBER_FIELDS) patch[f] = parseNumber(d[f]);
  const temp = patch.tempC;
  // NaN (junk) is passed through for the validator to name; only a number is converted.
  if (typeof temp === 'number' && !Number.isNaN(temp)) {
    patch.tempC = fromDisplayTemperature(temp, unit);
  }
  for (const f of TEXT_FIELDS) patch[f] = d[f].trim() === '' ? null : d[f].trim();
  return patch as Patch<'brew'>;
}

/** Field → message for a form, worded like the server's ("Dose must be at most 100"). */
export function fieldMessages(
  problems: readonly { field: string; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= `${FIELD_LABELS[p.field] ?? p.field} ${p.message}`;
  return out;
}

/**
 * What a brew must have at least one of: something measured or judged about the shot. Grinder
 * and temperature are the kit's settings, not the shot's, so they alone are no brew.
 */
const MEASURED = ['grindSetting', 'doseG', 'yieldG', 'waterG', 'timeS', 'notes'] as const;

export const NOTHING_MEASURED =
  'Nothing measured yet: add a grind, dose, yield or time, a taste, a rating or notes.';

/** Whether a draft has anything to save (an empty brew is noise in the list and the chart). */
export function hasMeasure(d: BrewDraft): boolean {
  return d.taste !== null || d.rating !== null || MEASURED.some((f) => d[f].trim() !== '');
}

/**
 * What is wrong with a draft, field → message. An empty draft is told so on Grind, the first
 * measured field, so focusing the first bad field lands where the person starts.
 */
export function draftProblems(
  d: BrewDraft,
  nowMs: number,
  unit: TemperatureUnit = 'C',
): Record<string, string> {
  const problems = fieldMessages(
    validatePatch('brew', draftPatch(d, unit) as Record<string, unknown>, nowMs),
  );
  if (problems.tempC && unit !== 'C') {
    // The stored range is in °C; say it in the unit the person typed in.
    const { min, max } = temperatureRange(unit);
    problems.tempC = `Temperature must be a number from ${min} to ${max} °${unit}`;
  }
  if (!hasMeasure(d)) problems.grindSetting ??= NOTHING_MEASURED;
  return problems;
}

/** The temperature field's range in `unit` (the brew's °C range, converted). */
export function temperatureRange(unit: TemperatureUnit): { min: number; max: number } {
  const spec = BREW_FIELDS.tempC;
  if (spec.kind !== 'number') throw new Error('tempC is a number field');
  return {
    min: toDisplayTemperature(spec.min, unit),
    max: toDisplayTemperature(spec.max, unit),
  };
}

/** For a stored brew's values: the draft after a repeat keeps the recipe, not the verdict. */
export type StoredBrew = BrewValues;

/** The fields a person edits (all but the timer, which is kept on its own). */
const DRAFT_FIELDS = [
  'bagId',
  'method',
  ...TEXT_FIELDS,
  ...NUMBER_FIELDS,
  'taste',
  'rating',
  'grinderId',
  'brewerId',
] as const satisfies readonly (keyof BrewDraft)[];

/**
 * What a kept draft holds: the fields changed from the form's starting point (the rest is
 * prefilled again on restore, so a brew saved meanwhile still informs it), the running timer,
 * the name of a first bag, and the unit its temperature was typed in.
 */
export interface KeptDraft {
  edits: Partial<BrewDraft>;
  timerStartedAt: number | null;
  newBagName: string;
  unit: TemperatureUnit;
}

/** What differs between the starting point and the form now. */
export function draftEdits(start: BrewDraft, now: BrewDraft): Partial<BrewDraft> {
  const edits: Record<string, unknown> = {};
  for (const f of DRAFT_FIELDS) if (now[f] !== start[f]) edits[f] = now[f];
  return edits as Partial<BrewDraft>;
}

/** Whether a kept draft holds anything of the person's (else there is nothing to keep). */
export function keepsSomething(kept: KeptDraft): boolean {
  return (
    Object.keys(kept.edits).length > 0 || kept.timerStartedAt !== null || kept.newBagName !== ''
  );
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** One stored field back, or undefined when it is not a value that field can hold. */
function restoredField(field: (typeof DRAFT_FIELDS)[number], v: unknown): unknown {
  switch (field) {
    case 'bagId':
    case 'grinderId':
    case 'brewerId':
      return v === null || isText(v) ? v : undefined;
    case 'method':
      return (BREW_METHODS as readonly unknown[]).includes(v) ? v : undefined;
    case 'taste':
      return v === null || (TASTES as readonly unknown[]).includes(v) ? v : undefined;
    case 'rating':
      return v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined;
    default:
      return isText(v) ? v : undefined;
  }
}

/**
 * A kept draft read back from storage. It was written by this app but maybe by an older
 * version of it, so each field is checked and a field that no longer fits is dropped (it then
 * shows its prefill) rather than breaking the form.
 */
export function readKeptDraft(stored: Record<string, unknown>): KeptDraft {
  const raw = (stored.edits ?? {}) as Record<string, unknown>;
  const edits: Record<string, unknown> = {};
  for (const f of DRAFT_FIELDS) {
    if (!(f in raw)) continue;
    const value = restoredField(f, raw[f]);
    if (value !== undefined) edits[f] = value;
  }
  const at = stored.timerStartedAt;
  return {
    edits: edits as Partial<BrewDraft>,
    timerStartedAt: typeof at === 'number' && Number.isFinite(at) ? at : null,
    newBagName: isText(stored.newBagName) ? stored.newBagName : '',
    unit: stored.unit === 'F' ? 'F' : 'C',
  };
}

/** The form again: the starting point, the kept edits over it, the timer still running. */
export function applyKeptDraft(
  start: BrewDraft,
  kept: KeptDraft,
  unit: TemperatureUnit,
): BrewDraft {
  const draft: BrewDraft = { ...start, ...kept.edits, timerStartedAt: kept.timerStartedAt };
  const temp = kept.edits.tempC === undefined ? null : parseNumber(kept.edits.tempC);
  if (kept.unit !== unit && temp !== null && !Number.isNaN(temp)) {
    // Typed in the other unit (the setting changed meanwhile): show it in today's.
    draft.tempC = String(toDisplayTemperature(fromDisplayTemperature(temp, kept.unit), unit));
  }
  return draft;
}

/**
 * The dose and output a first brew of `method` starts with (there is no earlier brew with a
 * recipe to copy): the method's table, with the device's chosen dose and yield over it for
 * the device's own method (espresso unless another is chosen) — a default yield typed for
 * espresso is no water weight for a pour-over.
 */
export function firstBrewValues(
  method: BrewMethod,
  settings: Pick<DeviceSettings, 'defaultMethod' | 'defaultDoseG' | 'defaultYieldG'>,
): Patch<'brew'> {
  const own = method === (settings.defaultMethod ?? 'espresso');
  return firstBrewRecipe(
    method,
    own ? { doseG: settings.defaultDoseG, outG: settings.defaultYieldG } : undefined,
  );
}
