import type { BrewMethod, BrewValues, Patch, Taste } from '../../../../shared/model/entities.js';
import { validatePatch } from '../../../../shared/model/validate.js';

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
  tempC: string;
  taste: Taste | null;
  rating: number | null;
  notes: string;
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
  name: 'Name',
  roaster: 'Roaster',
  roastDate: 'Roast date',
};

const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A draft from stored or prefilled values (missing fields are empty). */
export function draftFrom(values: Patch<'brew'>, method: BrewMethod = 'espresso'): BrewDraft {
  return {
    bagId: values.bagId ?? null,
    method: values.method ?? method,
    grinder: values.grinder ?? '',
    grindSetting: values.grindSetting ?? '',
    doseG: numText(values.doseG),
    yieldG: numText(values.yieldG),
    waterG: numText(values.waterG),
    timeS: numText(values.timeS),
    tempC: numText(values.tempC),
    taste: values.taste ?? null,
    rating: values.rating ?? null,
    notes: values.notes ?? '',
  };
}

/** Text → number: '' is unset, "18,5" (a decimal comma keyboard) is 18.5, junk is NaN. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(t) ? Number(t) : Number.NaN;
}

/** The values a draft stands for; empty fields are null (cleared). Excludes bagId. */
export function draftPatch(d: BrewDraft): Patch<'brew'> {
  const patch: Record<string, unknown> = { method: d.method, taste: d.taste, rating: d.rating };
  for (const f of NUMBER_FIELDS) patch[f] = parseNumber(d[f]);
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
export function draftProblems(d: BrewDraft, nowMs: number): Record<string, string> {
  const problems = fieldMessages(
    validatePatch('brew', draftPatch(d) as Record<string, unknown>, nowMs),
  );
  if (!hasMeasure(d)) problems.grindSetting ??= NOTHING_MEASURED;
  return problems;
}

/** For a stored brew's values: the draft after a repeat keeps the recipe, not the verdict. */
export type StoredBrew = BrewValues;
