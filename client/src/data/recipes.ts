import type { BrewMethod, RecipeValues } from '../../../shared/model/entities.js';
import { correctedNow } from './clock.js';
import type { DialInDb } from './db.js';
import { MissingRowError } from './errors.js';
import { loadMeta } from './meta.js';
import { nameBasedId } from './name-based-id.js';
import type { RecipeRecord } from './schema.js';
import { writePatch } from './write.js';

/**
 * A bag's targets, one per method (the `recipe` entity), through the one write path.
 * Every device derives a target's id from its bag and method, so two phones setting the
 * espresso target of one bag write one row, merged field by field, and never two targets.
 */

/** Fixed for ever: changing it would give every bag a second target per method. */
const NAMESPACE = 'dial-in/recipe/v1';

export function recipeId(bagId: string, method: BrewMethod): Promise<string> {
  return nameBasedId(NAMESPACE, [bagId, method]);
}

/** What a target sets; unset (null) fields are no target. */
export type RecipeTarget = Pick<
  RecipeValues,
  'doseG' | 'ratio' | 'timeMinS' | 'timeMaxS' | 'tempC'
>;

/** The bag's target for `method`, unless it was cleared. */
export async function recipeFor(
  db: DialInDb,
  bagId: string,
  method: BrewMethod,
): Promise<RecipeRecord | undefined> {
  const row = await db.recipes.get(await recipeId(bagId, method));
  return row === undefined || row.deletedAt !== null ? undefined : row;
}

/** The bag's targets that are set, one per method, in no particular order. */
export async function recipesOfBag(db: DialInDb, bagId: string): Promise<RecipeRecord[]> {
  const rows = await db.recipes.where('[bagId+method]').between([bagId], [bagId, []]).toArray();
  return rows.filter((row) => row.deletedAt === null);
}

/**
 * Sets the bag's target for `method` (a cleared one comes back). Writes only what changed;
 * returns false when nothing did. The bag must be on this device.
 */
export async function setRecipe(
  db: DialInDb,
  bagId: string,
  method: BrewMethod,
  target: RecipeTarget,
): Promise<boolean> {
  if ((await db.bags.get(bagId)) === undefined) throw new MissingRowError('bag', bagId);
  const id = await recipeId(bagId, method);
  const exists = (await db.recipes.get(id)) !== undefined;
  if (!exists) {
    await writePatch(db, 'recipe', id, { bagId, method, ...target }, 'create');
    return true;
  }
  return writePatch(db, 'recipe', id, { ...target, deletedAt: null }, 'update');
}

/** Clears the bag's target for `method` (a soft delete, like every row). */
export async function clearRecipe(
  db: DialInDb,
  bagId: string,
  method: BrewMethod,
): Promise<boolean> {
  const id = await recipeId(bagId, method);
  const row = await db.recipes.get(id);
  if (row === undefined || row.deletedAt !== null) return false;
  const deletedAt = new Date(correctedNow(db, await loadMeta(db))).toISOString();
  return writePatch(db, 'recipe', id, { deletedAt }, 'update');
}
