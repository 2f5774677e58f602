/**
 * A bag's price is a number in the device's currency (a device setting, like the
 * temperature unit): never converted, only labelled. Without a choice the currency follows
 * the locale's region; Intl names currencies but has no region → currency table, so the
 * common ones are listed here and everything else starts at the euro.
 */

/** Currencies offered in Settings, the usual ones for home baristas first. */
export const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'KRW',
  'CNY',
  'BRL',
] as const;

const EURO = [
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
];
const BY_REGION: Record<string, string> = {
  ...Object.fromEntries(EURO.map((region) => [region, 'EUR'])),
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  KR: 'KRW',
  CN: 'CNY',
  BR: 'BRL',
};

/** The currency of a locale's region ("en-GB" → GBP, "de" → EUR). */
export function localeCurrency(locale: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && BY_REGION[region]) || 'EUR';
}

/** "€18.50", "¥2,400": the amount in the currency, the way the locale writes money. */
export function formatPrice(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
