import { computed, signal } from '@preact/signals';
import { askWorkerReplay } from '../pwa/index.js';
import type { SyncEngine } from '../sync/index.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/status.js';
import { counts, db, meta, online } from './app-state.js';
import { loadOnce } from './load-once.js';

/**
 * The page's one sync engine and its status as a signal. The engine is framework-free; this
 * is the only place the UI adapts it. It loads in its own chunk after the first paint: the
 * app works locally without it, and the wire schemas it brings are not in the start-up JS.
 */
export const syncStatus = signal<SyncStatus>(INITIAL_SYNC_STATUS);

/** The engine, built once its chunk is here; a chunk that failed to arrive is fetched again. */
export const getEngine = loadOnce(async (): Promise<SyncEngine> => {
  const sync = await import('../sync/index.js');
  const engine = new sync.SyncEngine({
    db,
    transport: sync.defaultTransport(),
    env: sync.browserEnvironment({ window, document, navigator, askWorkerReplay }),
  });
  syncStatus.value = engine.status.get();
  engine.status.subscribe((value) => {
    syncStatus.value = value;
  });
  return engine;
});

/** Push then pull now (after a retry, or the worker's replay). */
export function syncNow(): void {
  getEngine().then(
    (engine) => engine.syncNow(),
    (error: unknown) => console.warn('sync engine failed to load', error),
  );
}

/**
 * What the screens show of sync. The browser's own offline flag wins: it is the quickest to
 * know. The counts and the account are the page's own live reads of the outbox and the meta
 * row, so they equal the outbox from the first paint, before the engine's chunk is here and
 * whatever the engine last reported.
 */
export const syncView = computed(() => {
  const s = syncStatus.value;
  const { pending, rejected } = counts.value;
  const stored = meta.value;
  const accountId = stored === undefined ? s.accountId : stored.accountId;
  return {
    state: online.value ? s.state : ('offline' as const),
    pending,
    rejected,
    lastSyncedAt: stored === undefined ? s.lastSyncedAt : stored.lastSyncedAt,
    signedIn: accountId !== null,
    progress: s.progress,
    lastError: s.lastError,
    retryAt: s.retryAt,
  };
});

/**
 * Starts the engine's triggers. If its chunk fails to arrive (the network dropped between
 * the first chunk and this one), it is fetched again when the network is back.
 */
export function startSync(): void {
  getEngine().then(
    (engine) => engine.start(),
    (error: unknown) => {
      console.warn('sync engine failed to load; trying again when online', error);
      window.addEventListener('online', startSync, { once: true });
    },
  );
}
