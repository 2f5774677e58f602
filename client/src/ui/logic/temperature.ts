/**
 * Temperatures are stored in °C (the brew's `tempC`); a device may show them in °F. Rounded
 * to one decimal each way so 93 °C → 199.4 °F → 93 °C survives a round trip through the form.
 */
export type TemperatureUnit = 'C' | 'F';

const round1 = (n: number) => Math.round(n * 10) / 10;

export function toDisplayTemperature(celsius: number, unit: TemperatureUnit): number {
  return unit === 'C' ? celsius : round1((celsius * 9) / 5 + 32);
}

export function fromDisplayTemperature(shown: number, unit: TemperatureUnit): number {
  return unit === 'C' ? shown : round1(((shown - 32) * 5) / 9);
}

/** "93 °C" or "199.4 °F"; "–" when unknown. */
export function formatTemperature(celsius: number | null, unit: TemperatureUnit): string {
  return celsius === null ? '–' : `${toDisplayTemperature(celsius, unit)} °${unit}`;
}
