/**
 * Temperatures are stored in °C (the brew's `tempC`); a device may show them in °F. Shown
 * with one decimal; stored with two, so what was typed comes back: 200 °F → 93.33 °C →
 * 200 °F (one decimal would store 93.3 °C and show 199.9 °F).
 */
export type TemperatureUnit = 'C' | 'F';

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function toDisplayTemperature(celsius: number, unit: TemperatureUnit): number {
  return unit === 'C' ? celsius : round1((celsius * 9) / 5 + 32);
}

export function fromDisplayTemperature(shown: number, unit: TemperatureUnit): number {
  return unit === 'C' ? shown : round2(((shown - 32) * 5) / 9);
}

/** "93 °C" or "199.4 °F"; "–" when unknown. */
export function formatTemperature(celsius: number | null, unit: TemperatureUnit): string {
  return celsius === null ? '–' : `${toDisplayTemperature(celsius, unit)} °${unit}`;
}
