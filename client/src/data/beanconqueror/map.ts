import type { RoastLevel } from '../../../../shared/model/entities.js';
import { joinTags, splitTags } from '../../../../shared/model/tags.js';
import type { BcRecord } from './format.js';
import type { BrewGear } from './gear.js';
import { type BeanconquerorReport, drop, keepForLater, putChecked } from './report.js';
import { dateValue, numberValue, textValue, timestampValue } from './values.js';

/** Beanconqueror's ROASTS_ENUM (src/enums/beans/roasts.ts) in our three levels. */
const ROAST_LEVEL: Record<string, RoastLevel> = {
  CINNAMON_ROAST: 'light',
  AMERICAN_ROAST: 'light',
  NEW_ENGLAND_ROAST: 'light',
  HALF_CITY_ROAST: 'light',
  MODERATE_LIGHT_ROAST: 'light',
  CITY_ROAST: 'medium',
  CITY_PLUS_ROAST: 'medium',
  FULL_CITY_ROAST: 'medium',
  FULL_CITY_PLUS_ROAST: 'dark',
  ITALIAN_ROAST: 'dark',
  VIEANNA_ROAST: 'dark',
  VIENNA_ROAST: 'dark',
  FRENCH_ROAST: 'dark',
};

/** Shown when a bean has no name (our bag requires one). */
export const UNNAMED_BEAN = 'Unnamed coffee';

function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'boolean') return value;
  return textValue(value) !== null || numberValue(value) !== null;
}

/** Counts each named field the record sets, as kept for later under `prefix.field`. */
function countUnmapped(
  report: BeanconquerorReport,
  prefix: string,
  record: BcRecord,
  fields: readonly string[],
) {
  for (const f of fields) if (isSet(record[f])) keepForLater(report, `${prefix}.${f}`);
}

/**
 * Bean fields Dial-in's bag has no home for yet. They are counted, not written into the bag's
 * notes: a later re-import fills empty fields, so once a home exists the values land where
 * they belong instead of being duplicated in free text.
 */
const BEAN_LATER = [
  'buyDate',
  'url',
  'ean_article_number',
  'roast_custom',
  'bestDate',
  'frozenDate',
] as const;
const ORIGIN_LATER = [
  'elevation',
  'harvest_time',
  'certification',
  'purchasing_price',
  'fob_price',
] as const;

/** A bean as the values of a bag. */
export function bagValues(
  bean: BcRecord,
  nowMs: number,
  report: BeanconquerorReport,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (field: string, value: unknown) =>
    putChecked(report, 'bag', out, field, value, nowMs);
  put('name', textValue(bean.name) ?? UNNAMED_BEAN);
  put('roaster', textValue(bean.roaster));
  const infos = Array.isArray(bean.bean_information) ? (bean.bean_information as BcRecord[]) : [];
  const origin = infos[0];
  if (origin !== undefined && typeof origin === 'object' && origin !== null) {
    put('origin', textValue(origin.country));
    put('region', textValue(origin.region));
    put('farm', textValue(origin.farm));
    put('process', textValue(origin.processing));
    put('variety', textValue(origin.variety));
    countUnmapped(report, 'bean_information', origin, ORIGIN_LATER);
  }
  if (infos.length > 1) keepForLater(report, 'bean_information (further origins of a blend)');
  put('roastLevel', ROAST_LEVEL[String(bean.roast)] ?? null);
  put('roastDate', dateValue(bean.roastingDate));
  put('openedDate', dateValue(bean.openDate));
  put('weightG', numberValue(bean.weight));
  put('price', numberValue(bean.cost));
  put('rating', halfStep(numberValue(bean.rating)));
  // Older versions keep the aromatics as a comma-separated string, newer ones as a list.
  const aromatics = Array.isArray(bean.aromatics)
    ? bean.aromatics.map(textValue).filter((t) => t !== null)
    : splitTags(textValue(bean.aromatics));
  put('flavourNotes', joinTags(aromatics));
  put('notes', textValue(bean.note));
  // false is Beanconqueror's default, as likely "never said" as "not decaf": only true is set.
  if (bean.decaffeinated === true) put('decaf', true);
  if (bean.finished === true) put('archived', true);
  countUnmapped(report, 'bean', bean, BEAN_LATER);
  return out;
}

/** Our rating takes halves: Beanconqueror's slider can give 3.7, which becomes 3.5. */
function halfStep(value: number | null): number | null {
  return value === null ? null : Math.round(value * 2) / 2;
}

/** Water and beverage quantities are in grams or millilitres (equal for coffee); other units are not ours. */
function grams(
  report: BeanconquerorReport,
  field: string,
  value: unknown,
  unit: unknown,
): number | null {
  const n = numberValue(value);
  if (n === null || unit === undefined || unit === 'GR' || unit === 'ML') return n;
  drop(report, 'brew', field, `is in ${String(unit)}, not grams`);
  return null;
}

const BREW_LATER = [
  'tds',
  'mill_speed',
  'mill_timer',
  'pressure_profile',
  'coffee_blooming_time',
  'coffee_first_drip_time',
  'brew_temperature_time',
  'method_of_preparation_tools',
] as const;

/** A brew as the values of ours, on the bag `bagId`, with the gear the index found. */
export function brewValues(
  brew: BcRecord,
  bagId: string,
  gear: BrewGear,
  nowMs: number,
  report: BeanconquerorReport,
): Record<string, unknown> {
  const out: Record<string, unknown> = { bagId };
  const put = (field: string, value: unknown) =>
    putChecked(report, 'brew', out, field, value, nowMs);
  put('method', gear.method);
  put('grinderId', gear.grinderId);
  put('brewerId', gear.brewerId);
  const grind =
    typeof brew.grind_size === 'number' ? String(brew.grind_size) : textValue(brew.grind_size);
  put('grindSetting', grind === '0' ? null : grind);
  put('doseG', numberValue(brew.grind_weight));
  put('waterG', grams(report, 'waterG', brew.brew_quantity, brew.brew_quantity_type));
  put(
    'yieldG',
    grams(report, 'yieldG', brew.brew_beverage_quantity, brew.brew_beverage_quantity_type),
  );
  const seconds = numberValue(brew.brew_time) ?? 0;
  const millis = numberValue(brew.brew_time_milliseconds) ?? 0;
  // Usually whole seconds plus the remainder in ms; the flow-profile cut (Beanconqueror's
  // brew-flow cut modal) writes the rounded seconds and the whole duration in ms instead.
  const time = millis >= 1000 ? millis / 1000 : seconds + millis / 1000;
  put('timeS', time === 0 ? null : Math.round(time * 10) / 10);
  put('tempC', numberValue(brew.brew_temperature));
  put('rating', halfStep(numberValue(brew.rating)));
  put('notes', textValue(brew.note));
  put('brewedAt', timestampValue(brew.config?.unix_timestamp));
  countUnmapped(report, 'brew', brew, BREW_LATER);
  return out;
}
