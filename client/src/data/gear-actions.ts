import type { BrewerValues, GrinderValues, Patch } from '../../../shared/model/entities.js';
import type { DialInDb } from './db.js';
import type { BrewerRecord, GrinderRecord } from './schema.js';
import { writePatch } from './write.js';

/**
 * Gear: grinders and brewers, written through the one write path (write.ts) like bags and
 * brews, so they validate through the field tables and sync. Gear is archived, not deleted:
 * an archived grinder leaves the pickers but is still named on the brews made with it.
 */

export async function createGrinder(
  db: DialInDb,
  values: Patch<'grinder'> & Pick<GrinderValues, 'name'>,
  id: string = crypto.randomUUID(),
): Promise<string> {
  await writePatch(db, 'grinder', id, values, 'create');
  return id;
}

/** Sets some fields of a grinder (`archived: true` archives it). False when nothing changed. */
export function updateGrinder(db: DialInDb, id: string, patch: Patch<'grinder'>): Promise<boolean> {
  return writePatch(db, 'grinder', id, patch, 'update');
}

export async function createBrewer(
  db: DialInDb,
  values: Patch<'brewer'> & Pick<BrewerValues, 'name'>,
  id: string = crypto.randomUUID(),
): Promise<string> {
  await writePatch(db, 'brewer', id, values, 'create');
  return id;
}

export function updateBrewer(db: DialInDb, id: string, patch: Patch<'brewer'>): Promise<boolean> {
  return writePatch(db, 'brewer', id, patch, 'update');
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const live = (row: { deletedAt: string | null }) => row.deletedAt === null;

/** Every grinder that is not deleted, archived ones included, by name. */
export async function allGrinders(db: DialInDb): Promise<GrinderRecord[]> {
  return (await db.grinders.toArray()).filter(live).sort(byName);
}

/** Every brewer that is not deleted, archived ones included, by name. */
export async function allBrewers(db: DialInDb): Promise<BrewerRecord[]> {
  return (await db.brewers.toArray()).filter(live).sort(byName);
}
