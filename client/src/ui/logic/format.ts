import type { BrewMethod, RoastLevel } from '../../../../shared/model/entities.js';
import { type DeviceSettings, deviceSettings } from '../device-settings.js';

type HourCycle = DeviceSettings['hourCycle'];

const DAY_MS = 86_400_000;

export const METHOD_LABELS: Record<BrewMethod, string> = {
  espresso: 'Espresso',
  pour_over: 'Pour-over',
  immersion: 'Immersion',
  moka: 'Moka',
  cold_brew: 'Cold brew',
  other: 'Other',
};

/** Roast levels as a person reads them; "unknown" (kept for old rows) reads like no level. */
export const ROAST_LABELS: Record<RoastLevel, string> = {
  light: 'Light',
  medium: 'Medium',
  dark: 'Dark',
  unknown: 'Not set',
};

/** The bag form's labels, also used to word the bag's field errors and its history rows. */
export const BAG_LABELS = {
  name: 'Name',
  roaster: 'Roaster',
  origin: 'Origin (country)',
  process: 'Process',
  variety: 'Variety',
  roastLevel: 'Roast level',
  roastDate: 'Roast date',
  weightG: 'Weight (g)',
  notes: 'Notes',
  archived: 'Archived',
  region: 'Region',
  farm: 'Farm',
  openedDate: 'Opened',
  price: 'Price',
  flavourNotes: 'Flavours',
  decaf: 'Decaf',
  rating: 'Rating',
} as const satisfies Record<string, string>;

/** A bag field's label; a field without one reads "A value", never its key. */
export function bagLabel(field: string): string {
  return Object.hasOwn(BAG_LABELS, field)
    ? BAG_LABELS[field as keyof typeof BAG_LABELS]
    : 'A value';
}

/** The local calendar day of an instant, as YYYY-MM-DD (the grouping key of the brew list). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}

// One formatter each: `toLocale…String` builds a new Intl formatter per call (~0.1 ms), which
// a list of 40 brews would pay 40 times in the frame of a save. Each is made on first use:
// the first one made loads the locale's data (~10 ms at start-up on this machine, four times
// that on Lighthouse's phone), and a first visit with no brews formats no date at all.
function formatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => {
    made ??= new Intl.DateTimeFormat(undefined, options);
    return made;
  };
}
const TIMES = {
  locale: formatter({ hour: 'numeric', minute: '2-digit' }),
  h12: formatter({ hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }),
  h23: formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
const DAY = formatter({ weekday: 'short', day: 'numeric', month: 'short' });
const DAY_OF_YEAR = formatter({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const SHORT_DAY = formatter({ day: 'numeric', month: 'short' });
const SHORT_DAY_OF_YEAR = formatter({ day: 'numeric', month: 'short', year: 'numeric' });
const CALENDAR_DATE = formatter({ dateStyle: 'medium' });

/** "09:32" or "9:32 AM": the locale's clock unless this device chose 12 or 24 hours. */
export function clockTime(
  ms: number,
  hourCycle: HourCycle = deviceSettings.value.hourCycle,
): string {
  return TIMES[hourCycle]().format(ms);
}

/** A local day key (YYYY-MM-DD) as a local Date at midnight. */
function dateOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/**
 * "Today", "Yesterday", "Tue 24 Nov", or "Thu 20 Nov 2025" for a local day key, relative to
 * `nowMs`: a day of another year says which.
 */
export function dayLabel(day: string, nowMs: number): string {
  if (day === localDay(nowMs)) return 'Today';
  if (day === localDay(nowMs - DAY_MS)) return 'Yesterday';
  const date = dateOfDay(day);
  return (date.getFullYear() === new Date(nowMs).getFullYear() ? DAY : DAY_OF_YEAR)().format(date);
}

/** "2 Dec 08:14" (with the year when it is not this year): an instant in a sentence. */
export function dateTime(ms: number, nowMs: number): string {
  const sameYear = new Date(ms).getFullYear() === new Date(nowMs).getFullYear();
  return `${(sameYear ? SHORT_DAY : SHORT_DAY_OF_YEAR)().format(ms)} ${clockTime(ms)}`;
}

/** A calendar date (YYYY-MM-DD, local) in the locale's words: "20 Nov 2026". */
export function calendarDate(day: string): string {
  return CALENDAR_DATE().format(dateOfDay(day));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function ago(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 60) return 'just now';
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.floor(h / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** mm:ss for a shot time in seconds; "–" when unknown. */
export function formatTime(s: number | null): string {
  if (s === null) return '–';
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

/** Grams with at most one decimal: 18 → "18", 36.4 → "36.4". */
export function grams(g: number | null): string {
  return g === null ? '–' : `${Number(g.toFixed(1))} g`;
}

/** 1,234 in the user's locale. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 bag", "2 bags", "1,234 brews": a count with its noun (an English plural in -s). */
export function plural(n: number, noun: string): string {
  return `${count(n)} ${n === 1 ? noun : `${noun}s`}`;
}
