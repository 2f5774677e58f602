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
export {
  allBrewers,
  allGrinders,
  createBrewer,
  createGrinder,
  updateBrewer,
  updateGrinder,
} from './gear-actions.js';
export { type HistoryFilter, type HistoryRow, historyRows, restoreFromHistory } from './history.js';
export { discardRejected, retryRejected } from './outbox.js';
export {
  allBrews,
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
export {
  clearRecipe,
  type RecipeTarget,
  recipeFor,
  recipesOfBag,
  setRecipe,
} from './recipes.js';
export type {
  BrewerRecord,
  BrewRecord,
  DraftRecord,
  GrinderRecord,
  MetaRecord,
  OutboxEntry,
  RecipeRecord,
} from './schema.js';
