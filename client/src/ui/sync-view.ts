import { computed } from '@preact/signals';
import { counts, meta, online } from './app-state.js';
import type { SyncState } from './components/sync-pill.js';

/**
 * What the sync pill shows. Until the sync engine reports, this is derived from what the
 * data layer knows: the outbox counts, the last sync time and whether the browser is online.
 */
export interface SyncView {
  state: SyncState;
  pending: number;
  rejected: number;
  lastSyncedAt: number | null;
  signedIn: boolean;
  /** Initial download after log in; null when not downloading. */
  progress: { done: number; total: number } | null;
}

export const syncView = computed<SyncView>(() => ({
  state: online.value ? 'idle' : 'offline',
  pending: counts.value.pending,
  rejected: counts.value.rejected,
  lastSyncedAt: meta.value?.lastSyncedAt ?? null,
  signedIn: Boolean(meta.value?.accountId),
  progress: null,
}));
