import type { PullProgress } from './pull.js';
import type { SyncError } from './sync-error.js';

/**
 * What the sync engine reports. Its own module, with no code beyond the starting value, so
 * the UI's start-up chunk can show a status before the engine (loaded after the first paint)
 * is there, without pulling the engine in.
 */
export interface SyncStatus {
  /** offline: no network (or the server is unreachable); error: the last sync failed. */
  state: 'offline' | 'idle' | 'syncing' | 'error';
  /** Outbox entries not yet acknowledged (pending, in flight or in the worker's queue). */
  pending: number;
  /** Outbox entries the server refused; see rejectedEntries(db). */
  rejected: number;
  /** Device ms of the last complete pull. */
  lastSyncedAt: number | null;
  lastError: SyncError | null;
  /**
   * Device ms of the engine's next try after a failed sync (its periodic sync, restarted at the
   * failure); null when none is scheduled (no failure, or the page is hidden).
   */
  retryAt: number | null;
  /** Rows done/total while a pull runs; null otherwise. */
  progress: PullProgress | null;
  accountId: string | null;
  email: string | null;
  /** The server answered 401: local changes are kept; ask for the password again. */
  signedOutOnServer: boolean;
}

/** Before the first sync: nothing known yet. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'idle',
  pending: 0,
  rejected: 0,
  lastSyncedAt: null,
  lastError: null,
  retryAt: null,
  progress: null,
  accountId: null,
  email: null,
  signedOutOnServer: false,
};
