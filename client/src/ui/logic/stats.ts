import type { BrewMethod } from '../../../../shared/model/entities.js';
import { daysOffRoast } from './bag-freshness.js';
import { fold } from './brew-search.js';
import { compareGrind } from './grind.js';
import { plainGrind } from './grind-scale.js';

/**
 * The statistics screen's numbers, pure. Days and weeks are the device's local calendar (a
 * brew at 00:30 on Monday belongs to Monday's week wherever the person lives); a week starts
 * on Monday. Each function is one pass over the brews, so the screen stays quick at 100,000.
 */

/** What a brew must hold for the statistics; `BrewItem` fits. */
export interface StatsBrew {
  id: string;
  bagId: string;
  method: BrewMethod | null;
  grindSetting: string | null;
  doseG: number | null;
  rating: number | null;
  brewedAt: string | null;
  bag: {
    name: string;
    origin: string | null;
    process: string | null;
    roastDate: string | null;
  } | null;
}

/** A rating of 0 is the slider's start, not a verdict: only above 0 is rated. */
export const isRated = (rating: number | null): rating is number => rating !== null && rating > 0;

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The local Monday (YYYY-MM-DD) of the week an instant falls in. */
export function weekOf(ms: number): string {
  const d = new Date(ms);
  const back = (d.getDay() + 6) % 7;
  // Built from calendar fields, so a daylight-saving change inside the week moves nothing.
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - back));
}

/** The Monday `weeks` weeks after a Monday key (negative: before). */
function addWeeks(monday: string, weeks: number): string {
  const [y, m, d] = monday.split('-').map(Number);
  return dayKey(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 7 * weeks));
}

export interface WeekTotal {
  /** The week's Monday, YYYY-MM-DD. */
  week: string;
  brews: number;
  /** Coffee used: the sum of the week's doses (a brew without a dose adds nothing). */
  doseG: number;
}

/** Brews and grams of coffee in each of the `weeks` weeks ending with the week of `nowMs`. */
export function weeklyTotals(brews: readonly StatsBrew[], nowMs: number, weeks = 12): WeekTotal[] {
  const last = weekOf(nowMs);
  const out: WeekTotal[] = [];
  const at = new Map<string, WeekTotal>();
  for (let i = weeks - 1; i >= 0; i--) {
    const total = { week: addWeeks(last, -i), brews: 0, doseG: 0 };
    out.push(total);
    at.set(total.week, total);
  }
  for (const b of brews) {
    if (!b.brewedAt) continue;
    const total = at.get(weekOf(Date.parse(b.brewedAt)));
    if (total === undefined) continue;
    total.brews += 1;
    total.doseG += b.doseG ?? 0;
  }
  for (const t of out) t.doseG = Math.round(t.doseG * 10) / 10;
  return out;
}

export type Grouping = 'bag' | 'origin' | 'process';

export interface GroupAverage {
  key: string;
  label: string;
  /** Rated brews in the group. */
  rated: number;
  /** Their mean rating, to one decimal. */
  average: number;
}

/**
 * The mean rating of rated brews by bag, origin or process, best first (more brews first on
 * a tie). "Washed" and "washed " are one process; a brew whose bag has no origin (process)
 * is in no origin (process) group.
 */
export function averageRatingBy(brews: readonly StatsBrew[], by: Grouping): GroupAverage[] {
  const groups = new Map<string, { label: string; sum: number; rated: number }>();
  for (const b of brews) {
    if (!isRated(b.rating) || b.bag === null) continue;
    const raw = by === 'bag' ? b.bag.name : by === 'origin' ? b.bag.origin : b.bag.process;
    const label = raw?.trim() ?? '';
    if (label === '') continue;
    const key = by === 'bag' ? b.bagId : fold(label);
    const g = groups.get(key);
    if (g) {
      g.sum += b.rating;
      g.rated += 1;
    } else groups.set(key, { label, sum: b.rating, rated: 1 });
  }
  return [...groups]
    .map(([key, g]) => ({
      key,
      label: g.label,
      rated: g.rated,
      average: Math.round((g.sum / g.rated) * 10) / 10,
    }))
    .sort((a, b) => b.average - a.average || b.rated - a.rated || a.label.localeCompare(b.label));
}

/** The highest-rated brews, newest first among equals. */
export function bestBrews<B extends StatsBrew>(brews: readonly B[], count = 5): B[] {
  const top: B[] = [];
  const better = (a: B, b: B) =>
    (a.rating ?? 0) - (b.rating ?? 0) || (a.brewedAt ?? '').localeCompare(b.brewedAt ?? '');
  // One pass keeping `count` (a sort of 100,000 brews for five would be most of the work).
  for (const b of brews) {
    if (!isRated(b.rating)) continue;
    if (top.length === count && better(b, top[count - 1] as B) <= 0) continue;
    let i = top.length === count ? count - 1 : top.length;
    top[i] = b;
    while (i > 0 && better(top[i] as B, top[i - 1] as B) > 0) {
      [top[i - 1], top[i]] = [top[i] as B, top[i - 1] as B];
      i -= 1;
    }
  }
  return top;
}

export interface RoastAgeBucket {
  /** First and last day off roast of the bucket; `to` null for the open last one. */
  from: number;
  to: number | null;
  rated: number;
  /** Mean rating, to one decimal; null when no rated brew falls in the bucket. */
  average: number | null;
}

/**
 * Mean rating by days off roast, in buckets of `width` days (0–6, 7–13, …) and one open
 * bucket for everything older than `buckets − 1` widths: a bar per bucket, whatever the count
 * of brews.
 */
export function ratingByRoastAge(
  brews: readonly StatsBrew[],
  width = 7,
  buckets = 6,
): RoastAgeBucket[] {
  const sums = Array.from({ length: buckets }, () => ({ sum: 0, rated: 0 }));
  for (const b of brews) {
    if (!isRated(b.rating)) continue;
    const days = daysOffRoast(b.brewedAt, b.bag?.roastDate ?? null);
    if (days === null) continue;
    const s = sums[Math.min(buckets - 1, Math.floor(days / width))];
    if (s === undefined) continue;
    s.sum += b.rating;
    s.rated += 1;
  }
  return sums.map((s, i) => ({
    from: i * width,
    to: i === buckets - 1 ? null : (i + 1) * width - 1,
    rated: s.rated,
    average: s.rated === 0 ? null : Math.round((s.sum / s.rated) * 10) / 10,
  }));
}

export interface DriftPoint {
  /** Days off roast, or days since the bag's first brew when the bag has no roast date. */
  day: number;
  /** The setting used that day (the last one, when several were). */
  grind: string;
  brews: number;
}

export interface GrindDrift {
  method: BrewMethod | null;
  /** Whether `day` counts from the roast date (else from the first brew). */
  fromRoast: boolean;
  /** Every setting is a plain number: y is a number line, else one row per setting. */
  numeric: boolean;
  /** The settings in grind order (finer first), for an ordinal axis. */
  settings: string[];
  points: DriftPoint[];
}

/**
 * How a bag's grind setting moved as it aged, for the method it was brewed with most (an
 * espresso and a pour-over setting are not one line). One point per day, in day order.
 */
export function grindDrift(brews: readonly StatsBrew[], bagId: string): GrindDrift {
  const mine = brews.filter((b) => b.bagId === bagId && b.grindSetting?.trim() && b.brewedAt);
  const perMethod = new Map<BrewMethod | null, number>();
  for (const b of mine) perMethod.set(b.method, (perMethod.get(b.method) ?? 0) + 1);
  const method = [...perMethod].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const used = mine
    .filter((b) => b.method === method)
    .sort((a, b) => Date.parse(a.brewedAt ?? '') - Date.parse(b.brewedAt ?? ''));
  const roastDate = used[0]?.bag?.roastDate ?? null;
  const fromRoast =
    roastDate !== null && used.some((b) => daysOffRoast(b.brewedAt, roastDate) !== null);
  const first = used[0]?.brewedAt ?? null;
  const byDay = new Map<number, DriftPoint>();
  for (const b of used) {
    const day = fromRoast
      ? daysOffRoast(b.brewedAt, roastDate)
      : daysOffRoast(b.brewedAt, first ? localDate(first) : null);
    if (day === null) continue;
    const grind = (b.grindSetting ?? '').trim();
    const p = byDay.get(day);
    if (p) {
      p.grind = grind;
      p.brews += 1;
    } else byDay.set(day, { day, grind, brews: 1 });
  }
  const points = [...byDay.values()].sort((a, b) => a.day - b.day);
  const settings = [...new Set(points.map((p) => p.grind))].sort(compareGrind);
  return {
    method,
    fromRoast,
    numeric: settings.length > 0 && settings.every((s) => plainGrind(s) !== null),
    settings,
    points,
  };
}

/** The local calendar day (YYYY-MM-DD) of a timestamp. */
function localDate(timestamp: string): string {
  return dayKey(new Date(Date.parse(timestamp)));
}
