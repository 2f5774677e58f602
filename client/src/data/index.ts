// What the UI imports from the data layer. The sync code and the worker import the modules
// themselves (the worker needs the outbox, not the actions).
export {
  createBag,
  createBrew,
  deleteBag,
  deleteBrew,
  logBrew,
  newBrewFrom,
  repeatBrew,
  restoreBag,
  restoreBrew,
  updateBag,
  updateBrew,
} from './actions.js';
export { createDb } from './db.js';
export { type DraftContent, discardDraft, loadDraft, saveDraft } from './drafts.js';
export { ValidationError } from './errors.js';
export { type HistoryFilter, type HistoryRow, historyRows, restoreFromHistory } from './history.js';
export { discardRejected, retryRejected } from './outbox.js';
export {
  type BagItem,
  type BrewItem,
  bagsWithCounts,
  brewsOfBag,
  deletedItems,
  deviceMeta,
  getBag,
  getBrew,
  historyEntries,
  outboxCounts,
  recentBrews,
  rejectedEntries,
} from './queries.js';
export type { BrewRecord, DraftRecord, MetaRecord, OutboxEntry } from './schema.js';
