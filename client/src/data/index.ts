/**
 * Client data layer — the API (everything here runs in the page AND the service worker).
 *
 * Database
 *   createDb(name = 'dial-in', { indexedDB?, IDBKeyRange?, now? }) → DialInDb   (db.ts)
 *   tables: bags, brews (flat rows: id, clocks, every field), outbox, meta, history
 *
 * Actions (the only writes; each = row + clocks + outbox entry in one transaction;
 * invalid input throws ValidationError {problems: [{field, message}]}, nothing written;
 * a missing row throws MissingRowError)
 *   createBag(db, values) → id            updateBag(db, id, patch) → changed?
 *   deleteBag(db, id) / restoreBag(db, id)
 *   createBrew(db, values) → id           (bagId required; brewedAt defaults to now)
 *   updateBrew(db, id, patch)             deleteBrew(db, id) / restoreBrew(db, id)
 *   newBrewFrom(db, bagId, method) → draft prefilled from the last brew (writes nothing)
 *   restoreFromHistory(db, historyId)     clearHistory(db)
 *   onLocalWrite(listener) → unsubscribe  (the sync engine pushes ~1 s after a write)
 *
 * Reads (plain async functions; wrap with liveQuery or ui/live-signal.ts `liveSignal`)
 *   recentBrews(db, limit = 50) → BrewItem[] (newest first; bag, unsynced, rejected)
 *   brewsOfBag(db, bagId) → BrewItem[]    getBrew(db, id)   getBag(db, id)
 *   bagsWithCounts(db) → BagItem[] (brewCount, lastBrewedAt, unsynced; sorted by name)
 *   deletedItems(db) → {bags, brews}      localDataCounts(db) → {bags, brews}
 *   outboxCounts(db) → {pending, rejected}    rejectedEntries(db) → OutboxEntry[] (+ error)
 *   historyEntries(db, {rowId?, limit?}) → HistoryEntry[] (newest first)
 *   deviceMeta(db) → MetaRecord | undefined (accountId, email, lastSyncedAt, deviceId…)
 *
 * Outbox (the service worker calls these after a replay)
 *   ackOutbox(db, mutationIds)  rejectOutbox(db, mutationIds, errorBody)  markQueued(db, mutationIds)
 *   retryRejected(db, mutationIds?)  discardRejected(db, mutationId)  unsyncedCount(db)
 */

export * from './actions.js';
export { correctedNow } from './clock.js';
export { createDb, type DbOptions, DEFAULT_DB_NAME, type DialInDb } from './db.js';
export { MissingRowError, ValidationError } from './errors.js';
export { clearHistory, restoreFromHistory } from './history.js';
export { loadMeta, peekMeta } from './meta.js';
export {
  ackOutbox,
  discardRejected,
  markQueued,
  QUEUED_HOLD_MS,
  rejectOutbox,
  retryRejected,
  toMutation,
  unsyncedCount,
  type WireMutation,
} from './outbox.js';
export * from './queries.js';
export type {
  BagRecord,
  BrewRecord,
  HistoryEntry,
  MetaRecord,
  OutboxEntry,
  OutboxState,
} from './schema.js';
export { SCHEMA_VERSION } from './schema.js';
export { onLocalWrite } from './write.js';
