/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, rows
 * end in CRLF. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with a quote, as OWASP's "CSV injection" advice recommends; numbers are not text
 * and pass unchanged.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
