import type { BrewMethod, Patch } from '../../../../shared/model/entities.js';
import { isFilter } from '../../../../shared/model/ratio.js';

/*
 * The grinder and brewer pickers of Log a brew and Edit brew, pure: what they offer, what Log
 * a brew starts with, and what a brewer's first-brew recipe fills in.
 */

interface Gear {
  id: string;
  archived: boolean | null;
}

/**
 * What a picker offers: the gear that is not archived, and the gear the brew already names
 * even when it is archived (an old brew still shows the grinder it was made with).
 */
export function pickerGear<G extends Gear>(all: readonly G[], chosenId: string | null): G[] {
  return all.filter((gear) => !gear.archived || gear.id === chosenId);
}

interface BrewGearRefs {
  grinderId: string | null;
  brewerId: string | null;
}

/**
 * The grinder and brewer Log a brew starts with: the ones the newest brew used (brews newest
 * first). Gear archived (or gone) since is not offered, so it is not chosen either; a field
 * the newest brew left empty is taken from the newest brew that set it.
 */
export function rememberedGear(
  brews: readonly BrewGearRefs[],
  grinders: readonly Gear[],
  brewers: readonly Gear[],
): BrewGearRefs {
  const usable = (list: readonly Gear[]) =>
    new Set(list.filter((gear) => !gear.archived).map((gear) => gear.id));
  const [grinderOk, brewerOk] = [usable(grinders), usable(brewers)];
  const grinderId = brews.find((b) => b.grinderId !== null)?.grinderId ?? null;
  const brewerId = brews.find((b) => b.brewerId !== null)?.brewerId ?? null;
  return {
    grinderId: grinderId !== null && grinderOk.has(grinderId) ? grinderId : null,
    brewerId: brewerId !== null && brewerOk.has(brewerId) ? brewerId : null,
  };
}

/**
 * A brewer's first-brew recipe for `method`: its dose, and the dose times its ratio as the
 * output that method weighs (water for filter, yield otherwise). Empty when it has neither.
 */
export function brewerRecipe(
  brewer: { defaultDoseG: number | null; defaultRatio: number | null },
  method: BrewMethod,
): Patch<'brew'> {
  const { defaultDoseG: dose, defaultRatio: ratio } = brewer;
  if (dose === null) return {};
  if (ratio === null) return { doseG: dose };
  const out = Number((dose * ratio).toFixed(1));
  return isFilter(method) ? { doseG: dose, waterG: out } : { doseG: dose, yieldG: out };
}
