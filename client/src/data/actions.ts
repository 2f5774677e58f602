import {
  type BagValues,
  BREW_FIELDS,
  type BrewMethod,
  type BrewValues,
  type Patch,
} from '../../../shared/model/entities.js';
import { correctedNow } from './clock.js';
import type { DialInDb } from './db.js';
import { MissingRowError } from './errors.js';
import { loadMeta } from './meta.js';
import type { BrewRecord, MetaRecord } from './schema.js';
import { writePatch } from './write.js';

/**
 * Actions: the only way the app writes. Each one validates with the shared validator (a
 * ValidationError names the fields; nothing is written), then writes the row, its clocks
 * and an outbox entry in one transaction (write.ts).
 */

async function nowIso(db: DialInDb): Promise<string> {
  return new Date(correctedNow(db, await loadMeta(db))).toISOString();
}

/** Creates a bag; `name` is required. Returns the new id. */
export async function createBag(
  db: DialInDb,
  values: Patch<'bag'> & Pick<BagValues, 'name'>,
  id: string = crypto.randomUUID(),
): Promise<string> {
  await writePatch(db, 'bag', id, values, 'create');
  return id;
}

/** Sets some fields of a bag. Returns false when nothing changed (nothing is sent). */
export function updateBag(db: DialInDb, id: string, patch: Patch<'bag'>): Promise<boolean> {
  return writePatch(db, 'bag', id, patch, 'update');
}

/** Soft delete: sets `deletedAt`. Its brews stay, and come back with it. */
export async function deleteBag(db: DialInDb, id: string): Promise<boolean> {
  return writePatch(db, 'bag', id, { deletedAt: await nowIso(db) }, 'update');
}

export function restoreBag(db: DialInDb, id: string): Promise<boolean> {
  return writePatch(db, 'bag', id, { deletedAt: null }, 'update');
}

/**
 * Logs a brew; `bagId` is required and must be a bag on this device. `brewedAt` defaults to
 * now (server-corrected). Returns the new id.
 */
export async function createBrew(
  db: DialInDb,
  values: Patch<'brew'> & Pick<BrewValues, 'bagId'>,
  id: string = crypto.randomUUID(),
): Promise<string> {
  if ((await db.bags.get(values.bagId)) === undefined)
    throw new MissingRowError('bag', values.bagId);
  const brewedAt = values.brewedAt ?? (await nowIso(db));
  await writePatch(db, 'brew', id, { ...values, brewedAt }, 'create');
  return id;
}

/** A brew being logged: the row as it will be stored, and the write that stores it. */
export interface LoggedBrew {
  /** What `saved` stores (its clocks aside), known at once: a list can show it before the commit. */
  brew: BrewRecord;
  /** Settles with the write: the id, or the error createBrew throws (nothing written). */
  saved: Promise<string>;
}

const NO_BREW_VALUES = Object.fromEntries(Object.keys(BREW_FIELDS).map((f) => [f, null]));

/**
 * Logs a brew like `createBrew`, and returns at once the row it stores. `brewedAt` defaults to
 * now as `device` (the meta record last read; the device clock without one) corrects it, the
 * same reading createBrew makes, so the row shown and the row stored agree.
 */
export function logBrew(
  db: DialInDb,
  values: Patch<'brew'> & Pick<BrewValues, 'bagId'>,
  device: MetaRecord | undefined,
  id: string = crypto.randomUUID(),
): LoggedBrew {
  const at = device === undefined ? db.now() : correctedNow(db, device);
  const stamped = { ...values, brewedAt: values.brewedAt ?? new Date(at).toISOString() };
  const brew = { ...NO_BREW_VALUES, ...stamped, id, clocks: {} } as BrewRecord;
  return { brew, saved: createBrew(db, stamped, id) };
}

export function updateBrew(db: DialInDb, id: string, patch: Patch<'brew'>): Promise<boolean> {
  return writePatch(db, 'brew', id, patch, 'update');
}

export async function deleteBrew(db: DialInDb, id: string): Promise<boolean> {
  return writePatch(db, 'brew', id, { deletedAt: await nowIso(db) }, 'update');
}

export function restoreBrew(db: DialInDb, id: string): Promise<boolean> {
  return writePatch(db, 'brew', id, { deletedAt: null }, 'update');
}

/** The fields a repeated shot carries over; taste, rating, notes and time are per shot. */
const CARRIED_OVER = [
  'grinder',
  'grindSetting',
  'doseG',
  'yieldG',
  'waterG',
  'tempC',
  'grinderId',
  'brewerId',
] as const;

type BrewPrefill = Patch<'brew'> & Pick<BrewValues, 'bagId'>;

/** A new brew's draft: bag and method, and the recipe of `from` where it has values. */
function prefillFrom(bagId: string, method: BrewMethod, from: BrewValues | undefined): BrewPrefill {
  const draft: BrewPrefill = { bagId, method };
  if (from !== undefined) {
    for (const field of CARRIED_OVER) {
      const value = from[field] ?? null;
      if (value !== null) Object.assign(draft, { [field]: value });
    }
  }
  return draft;
}

/** Whether a brew has a recipe to carry over (an empty brew from an older version has none). */
function hasRecipe(brew: BrewValues): boolean {
  // `?? null`: a brew stored before gear (schema 6 fills them) may lack the gear fields.
  return CARRIED_OVER.some((field) => (brew[field] ?? null) !== null);
}

/**
 * A draft for the "log a brew" form, prefilled from the newest non-deleted brew of this bag
 * and method that has a recipe (or just bag and method when there is none). Writes nothing:
 * save the draft, edited, with `createBrew`.
 */
export async function newBrewFrom(
  db: DialInDb,
  bagId: string,
  method: BrewMethod,
): Promise<BrewPrefill> {
  const brews = await db.brews
    .where('[bagId+method]')
    .equals([bagId, method])
    .filter((brew) => brew.deletedAt === null && hasRecipe(brew))
    .toArray();
  let last: (typeof brews)[number] | undefined;
  for (const brew of brews) {
    if (last === undefined || brewTime(brew.brewedAt) > brewTime(last.brewedAt)) last = brew;
  }
  return prefillFrom(bagId, method, last);
}

/**
 * A draft that repeats one brew: its bag, method and recipe, none of its verdict. Undefined
 * when that brew is gone or has no bag (the form then starts as a plain Log).
 */
export async function repeatBrew(db: DialInDb, brewId: string): Promise<BrewPrefill | undefined> {
  const brew = await db.brews.get(brewId);
  if (brew === undefined || brew.deletedAt !== null || brew.bagId === null) return undefined;
  return prefillFrom(brew.bagId, brew.method ?? 'espresso', brew);
}

function brewTime(brewedAt: string | null): number {
  return brewedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(brewedAt);
}
