import type { BrewMethod } from './entities.js';
import { isFilter } from './ratio.js';

/**
 * Where a first brew of a method starts (no earlier brew with values to copy): a common
 * recipe, so the steppers begin near the shot and not at zero. Filter methods measure the
 * water poured (`waterG`); the others weigh the drink (`yieldG`) — the same split as
 * `isFilter` in ratio.ts, which the form uses to pick the field.
 */
export interface MethodDefault {
  doseG: number;
  /** The output: the drink's weight, or the water poured for a filter method. */
  outG: number;
}

export const METHOD_DEFAULTS: Record<BrewMethod, MethodDefault> = {
  espresso: { doseG: 18, outG: 36 }, // 1:2, the classic double
  pour_over: { doseG: 15, outG: 250 }, // 60 g/L, the middle of the SCA's 55–65 g/L
  immersion: { doseG: 15, outG: 250 },
  moka: { doseG: 15, outG: 100 }, // a 3-cup pot
  cold_brew: { doseG: 50, outG: 500 },
  other: { doseG: 18, outG: 36 }, // unknown kit: the espresso ratio is the safest start
};

/**
 * A first brew's dose and output as brew fields. `override` (the device's chosen defaults)
 * wins over the table where set.
 */
export function firstBrewRecipe(
  method: BrewMethod,
  override: { doseG: number | null; outG: number | null } = { doseG: null, outG: null },
): { doseG: number; yieldG?: number; waterG?: number } {
  const table = METHOD_DEFAULTS[method];
  const doseG = override.doseG ?? table.doseG;
  const outG = override.outG ?? table.outG;
  return isFilter(method) ? { doseG, waterG: outG } : { doseG, yieldG: outG };
}
