import { computed, signal } from '@preact/signals';
import { askWorkerReplay } from '../pwa/index.js';
import type { SyncEngine } from '../sync/index.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/status.js';
import { counts, db, meta, online } from './app-state.js';
import { failedModuleUrl, importAfresh, namespaceWith } from './fresh-import.js';
import { loadOnce } from './load-once.js';
import { refetchPreloadedChunks } from './refetch-chunks.js';

/**
 * The page's one sync engine and its status as a signal. The engine is framework-free; this
 * is the only place the UI adapts it. It loads in its own chunk after the first paint: the
 * app works locally without it, and the wire schemas it brings are not in the start-up JS.
 */
export const syncStatus = signal<SyncStatus>(INITIAL_SYNC_STATUS);

type SyncModule = typeof import('../sync/index.js');

/**
 * The engine's module. When its chunk fails to arrive, the chunk the failure names is imported
 * afresh at once (fresh-import.ts): where the plain URL can load again (Chromium) that try
 * fails too while the network is down, and where it cannot (Firefox) it is the only way in
 * short of a reload. WebKit names no URL; its failed copy is fetched again first.
 */
async function importSync(): Promise<SyncModule> {
  try {
    return await import('../sync/index.js');
  } catch (error) {
    const url = failedModuleUrl(error, location.origin);
    if (url === null) {
      // WebKit names no URL, and answers the same import() from its copy of the failed chunk
      // until that copy is fetched again (refetch-chunks.ts).
      if (!(await refetchPreloadedChunks())) throw error;
      return await import('../sync/index.js');
    }
    const sync = namespaceWith<SyncModule>(await importAfresh(url), 'SyncEngine');
    if (sync === null) throw error;
    return sync;
  }
}

/** The engine, built once its chunk is here; a chunk that failed to arrive is fetched again. */
export const getEngine = loadOnce(async (): Promise<SyncEngine> => {
  const sync = await importSync();
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

/** Waits between tries to load the engine's chunk after it failed: soon, then every 30 s. */
const RETRY_MS = [2_000, 5_000, 10_000, 30_000] as const;

/**
 * Starts the engine's triggers. If its chunk fails to arrive (an offline start before the
 * worker holds it, the network dropped between the first chunk and this one), it is fetched
 * again on `online`, on becoming visible, and on a timer: a server out of reach comes back
 * with no `online` event (navigator.onLine stayed true), and nobody has to tap anything.
 */
export function startSync(): void {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let trying = false;
  const attempt = () => {
    if (trying) return;
    trying = true;
    clearTimeout(timer);
    getEngine().then(
      (engine) => {
        window.removeEventListener('online', attempt);
        document.removeEventListener('visibilitychange', whenVisible);
        engine.start();
      },
      (error: unknown) => {
        trying = false;
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures += 1;
        console.warn(`sync engine failed to load; trying again in ${wait} ms`, error);
        timer = setTimeout(attempt, wait);
      },
    );
  };
  const whenVisible = () => {
    if (document.visibilityState === 'visible') attempt();
  };
  window.addEventListener('online', attempt);
  document.addEventListener('visibilitychange', whenVisible);
  attempt();
}
