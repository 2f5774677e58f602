/**
 * Beanconqueror's "not set" is 0 or "" (its constructors' defaults), and old versions stored
 * numbers as strings: these read a raw value as ours, with null for "not set".
 */

export function textValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** A number, or null for 0, "", missing and anything that is not one. */
export function numberValue(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n !== 0 ? n : null;
}

/** `YYYY-MM-DD` of an ISO date-time as written (its local day), or null. */
export function dateValue(value: unknown): string | null {
  const text = textValue(value);
  return text !== null && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

/** An ISO timestamp from Beanconqueror's `unix_timestamp` (seconds), or null. */
export function timestampValue(seconds: unknown): string | null {
  const s = numberValue(seconds);
  if (s === null) return null;
  const date = new Date(s * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
