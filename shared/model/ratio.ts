import type { BrewMethod } from './entities.js';

/** Methods whose ratio is water to coffee (the beverage weight is not what you set). */
const WATER_METHODS: ReadonlySet<BrewMethod> = new Set(['pour_over', 'immersion', 'cold_brew']);

/** True for the filter-style methods that are dialled in by ratio rather than shot time. */
export function isFilter(method: BrewMethod | null): boolean {
  return method !== null && WATER_METHODS.has(method);
}

/** Output over dose, or null when either is missing or the dose is not positive. */
export function ratio(doseG: number | null, outG: number | null): number | null {
  if (doseG === null || outG === null || !(doseG > 0) || !(outG > 0)) return null;
  return outG / doseG;
}

/** The ratio that matters for a brew: water for filter methods (falling back to yield). */
export function brewRatio(brew: {
  method: BrewMethod | null;
  doseG: number | null;
  yieldG: number | null;
  waterG: number | null;
}): number | null {
  const out = isFilter(brew.method) ? (brew.waterG ?? brew.yieldG) : (brew.yieldG ?? brew.waterG);
  return ratio(brew.doseG, out);
}

/** "1:2.0"; "1:–" when unknown. One decimal is what a scale in 0.1 g can tell apart. */
export function formatRatio(r: number | null): string {
  return r === null ? '1:–' : `1:${r.toFixed(1)}`;
}
