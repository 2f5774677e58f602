import type { BrewMethod } from '../../../../shared/model/entities.js';
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

/** The local calendar day of an instant, as YYYY-MM-DD (the grouping key of the brew list). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}

// One formatter each: `toLocale…String` builds a new Intl formatter per call (~0.1 ms), which
// a list of 40 brews would pay 40 times in the frame of a save.
const TIMES = {
  locale: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
  h12: new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }),
  h23: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
const DAY = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "09:32" or "9:32 AM": the locale's clock unless this device chose 12 or 24 hours. */
export function clockTime(
  ms: number,
  hourCycle: HourCycle = deviceSettings.value.hourCycle,
): string {
  return TIMES[hourCycle].format(ms);
}

/** "Today", "Yesterday", or "Tue 24 Nov" for a local day key, relative to `nowMs`. */
export function dayLabel(day: string, nowMs: number): string {
  if (day === localDay(nowMs)) return 'Today';
  if (day === localDay(nowMs - DAY_MS)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return DAY.format(date);
}

/** Whole days from a roast date (YYYY-MM-DD, local) to `nowMs`; null without a date. */
export function daysSince(date: string | null, nowMs: number): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return null;
  const start = new Date(y, m - 1, d).getTime();
  const today = new Date(localDay(nowMs).replaceAll('-', '/')).getTime();
  return Math.max(0, Math.round((today - start) / DAY_MS));
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
