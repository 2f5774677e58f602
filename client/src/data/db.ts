import Dexie, { type DexieOptions, type Table } from 'dexie';
import { ENTITIES, ENTITY_PLURALS, type Entity } from '../../../shared/model/entities.js';
import { retryTransactionsOnConnectionLoss } from './reopen.js';
import {
  type BagRecord,
  type BrewerRecord,
  type BrewRecord,
  type DraftRecord,
  type GrinderRecord,
  type HistoryPage,
  type MetaRecord,
  type OutboxEntry,
  type PhotoBytesRecord,
  type PhotoRecord,
  type RecipeRecord,
  type RecordFor,
  SCHEMA_VERSIONS,
} from './schema.js';

export const DEFAULT_DB_NAME = 'dial-in';

export interface DbOptions {
  /** An IDBFactory other than the global one (tests: one per simulated device). */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** The device's wall clock (ms). Tests skew it; everything local reads time through it. */
  now?: () => number;
}

/** The typed database. Tables are declared, not defined, so Dexie's own properties survive. */
export type DialInDb = Dexie & {
  bags: Table<BagRecord, string>;
  brews: Table<BrewRecord, string>;
  photos: Table<PhotoRecord, string>;
  recipes: Table<RecipeRecord, string>;
  grinders: Table<GrinderRecord, string>;
  brewers: Table<BrewerRecord, string>;
  /** Image bytes by hash (photos/photo-bytes.ts); local only, never synced as rows. */
  photoBytes: Table<PhotoBytesRecord, string>;
  outbox: Table<OutboxEntry, number>;
  meta: Table<MetaRecord, string>;
  /** Values other devices overwrote, one record per pull store (history.ts). */
  historyPages: Table<HistoryPage, number>;
  drafts: Table<DraftRecord, string>;
  /** The device wall clock (uncorrected); see clock.ts for the server-corrected one. */
  now: () => number;
};

/**
 * Opens (lazily) the app's database. The page and the service worker call this with the same
 * name and get the same IndexedDB database; this is the only `new Dexie` in the app.
 */
export function createDb(name: string = DEFAULT_DB_NAME, options: DbOptions = {}): DialInDb {
  const dexieOptions: DexieOptions = {};
  if (options.indexedDB !== undefined) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange !== undefined) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(name, dexieOptions) as DialInDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade !== undefined) declared.upgrade(upgrade);
  }
  db.now = options.now ?? Date.now;
  retryTransactionsOnConnectionLoss(db);
  return db;
}

/** The table that holds an entity's rows. */
export function entityTable<E extends Entity>(
  db: DialInDb,
  entity: E,
): Table<RecordFor<E>, string> {
  // Each entity's table is named by its plural (ENTITY_PLURALS), as declared in DialInDb.
  return db[ENTITY_PLURALS[entity]] as unknown as Table<RecordFor<E>, string>;
}

/** Every table of synced rows, for transactions that may touch any entity. */
export function syncedTables(db: DialInDb): Table[] {
  return ENTITIES.map((entity) => entityTable(db, entity) as unknown as Table);
}
