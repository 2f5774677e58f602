/**
 * Client sync — the API (DOM-free: runs in pages and in the service worker).
 *
 * Engine (one per page; see engine.ts)
 *   const engine = new SyncEngine({ db, transport: defaultTransport(), env: browserEnvironment({window, document, navigator, askWorkerReplay, clearLocalKeys}) })
 *   engine.start() / engine.stop()          triggers: start, online, visible, 30 s while visible, 1 s after a write
 *   engine.syncNow() → SyncOutcome          push then pull; coalesced; one context at a time (Web Locks / lease)
 *   engine.status: Store<SyncStatus>        get() / subscribe(fn) — {state: offline|idle|syncing|error,
 *                                           pending, rejected, lastSyncedAt, lastError, progress {done,total},
 *                                           accountId, email, signedOutOnServer}
 *
 * Accounts (account.ts; results, never throws for expected failures)
 *   signup(engine, {email, password}) → {ok, account, sync} | {ok: false, error}
 *   anonymousDataAtStake(engine) → {bags, brews}
 *   login(engine, creds, {anonymousData?: 'merge'|'discard', discardUnsynced?})
 *     → ok | {error.code 'choice_required', atStake} | {error.code 'unsynced', unsynced} | {error}
 *   logout(engine, {discard?}) → {ok: true, serverSession: 'ended'|'queued'|'unreachable'}
 *                              | {ok: false, error.code 'unsynced', unsynced}
 *
 * Lower level (the service worker may use these)
 *   pushOutbox(db, transport) → OutboxPushResult   pullAll(db, transport, {onProgress}) → PullResult
 *   storePullPage(db, accountId, page)         withSyncLock(db, locks, task)
 *   SYNC_CHANNEL 'dial-in-sync' messages: {type: 'outbox-changed'|'logged-out'|'signed-in'}
 *   clearWorkboxQueue(), clearApiCaches(), clearLocalData(db)
 */

export * from './account.js';
export { broadcast, listen, SYNC_CHANNEL, type SyncMessage } from './channel.js';
export { clearApiCaches, clearLocalData, clearWorkboxQueue, WORKBOX_QUEUE_DB } from './clear.js';
export { bagKey, dedupeAnonymousBags } from './dedupe.js';
export { SyncEngine, type SyncEngineOptions, type SyncOutcome, type SyncStatus } from './engine.js';
export { browserEnvironment, headlessEnvironment, type SyncEnvironment } from './environment.js';
export { defaultTransport, type Transport } from './http.js';
export { type LockManagerLike, SYNC_LOCK, withSyncLock } from './lock.js';
export { PULL_PATH, type PullProgress, type PullResult, pullAll, storePullPage } from './pull.js';
export { type OutboxPushResult, PUSH_PATH, pushOutbox } from './push.js';
export { createStore, type Store } from './store.js';
export type { SyncError } from './sync-error.js';
