import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Entity } from '../../../shared/model/entities.js';
import { retryTransactionsOnConnectionLoss } from './reopen.js';
import {
  type BagRecord,
  type BrewRecord,
  type DraftRecord,
  type HistoryEntry,
  type MetaRecord,
  type OutboxEntry,
  type PhotoRecord,
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
  outbox: Table<OutboxEntry, number>;
  meta: Table<MetaRecord, string>;
  history: Table<HistoryEntry, number>;
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
  const tables: { [K in Entity]: Table<RecordFor<K>, string> } = {
    bag: db.bags,
    brew: db.brews,
    photo: db.photos,
  };
  return tables[entity];
}

/** Every table of synced rows, for transactions that may touch any entity. */
export function syncedTables(db: DialInDb): Table[] {
  return [db.bags, db.brews, db.photos];
}
