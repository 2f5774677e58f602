import { computed, signal } from '@preact/signals';
import { requestReplay } from '../pwa/index.js';
import {
  browserEnvironment,
  defaultTransport,
  SyncEngine,
  type SyncStatus,
} from '../sync/index.js';
import { db, online } from './app-state.js';

/**
 * The page's one sync engine and its status as a signal. The engine is framework-free; this
 * is the only place the UI adapts it.
 */
export const engine = new SyncEngine({
  db,
  transport: defaultTransport(),
  env: browserEnvironment({ window, document, navigator, replayQueue: requestReplay }),
});

export const syncStatus = signal<SyncStatus>(engine.status.get());
engine.status.subscribe((value) => {
  syncStatus.value = value;
});

/** The pill's state: the browser's own offline flag wins, it is the quickest to know. */
export const syncView = computed(() => {
  const s = syncStatus.value;
  return {
    state: online.value ? s.state : ('offline' as const),
    pending: s.pending,
    rejected: s.rejected,
    lastSyncedAt: s.lastSyncedAt,
    signedIn: s.accountId !== null,
    progress: s.progress,
  };
});

export function startSync(): void {
  engine.start();
}
