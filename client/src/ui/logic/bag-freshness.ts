import { grams, plural } from './format.js';

/**
 * What a bag's fields and its brews say about it, derived and never stored (a stored "days
 * off roast" or "coffee left" would be one more field for two devices to disagree on): how
 * old the coffee is, and how much of it is left. Days are the device's local calendar.
 */

const DAY_MS = 86_400_000;

/**
 * Whole days from a roast date (YYYY-MM-DD, a local calendar day) to the local day of
 * `atMs`; null without a date, or when `atMs` is before the roast (a typo, not a fact).
 */
export function daysOffRoastAt(roastDate: string | null, atMs: number): number | null {
  if (!roastDate || Number.isNaN(atMs)) return null;
  const [y, m, d] = roastDate.split('-').map(Number);
  if (!y || !m || !d) return null;
  const at = new Date(atMs);
  // Both as calendar days at UTC midnight: whole days, whatever daylight saving did between.
  const days =
    (Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()) - Date.UTC(y, m - 1, d)) / DAY_MS;
  return days < 0 ? null : days;
}

/** A brew's days off roast: its bag's roast date to the local day it was brewed. */
export function daysOffRoast(brewedAt: string | null, roastDate: string | null): number | null {
  return brewedAt ? daysOffRoastAt(roastDate, Date.parse(brewedAt)) : null;
}

/**
 * Grams left in a bag: its weight less `usedG`, the doses of its brews that are not deleted
 * (data/queries.ts bagsWithCounts adds them up). Null when the bag has no weight. May be below
 * zero: doses are weighed, bags are not always.
 */
export function coffeeLeft(bag: { weightG: number | null; usedG: number }): number | null {
  if (bag.weightG === null || bag.weightG === undefined) return null;
  // Doses such as 18.1 add up to 54.300000000000004: grams to a tenth, as they are shown.
  return Math.round((bag.weightG - bag.usedG) * 10) / 10;
}

/**
 * Whether a saved brew is the one that emptied its bag: coffee left went from above zero to
 * zero or below. "Finish this bag?" is asked then and only then, so a "Not yet" is not asked
 * again on the next brew of the same bag.
 */
export function emptiedBy(leftBefore: number | null, leftAfter: number | null): boolean {
  return leftBefore !== null && leftAfter !== null && leftBefore > 0 && leftAfter <= 0;
}

/** "10 days off roast", "1 day off roast". */
export function daysOffRoastWords(days: number): string {
  return `${plural(days, 'day')} off roast`;
}

/** "232 g left", "none left" (at or below zero). */
export function coffeeLeftWords(left: number): string {
  return left > 0 ? `${grams(left)} left` : 'none left';
}
