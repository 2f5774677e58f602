import { liveQuery } from 'dexie';
import type { DialInDb } from '../data/db.js';
import { loadMeta, peekMeta } from '../data/meta.js';
import { outboxCounts } from '../data/queries.js';
import { onLocalWrite } from '../data/write.js';
import { uploadPendingPhotos } from '../photos/photo-upload.js';
import { downloadMissingThumbnails } from '../photos/thumbnail-download.js';
import { listen } from './channel.js';
import { headlessEnvironment, type SyncEnvironment } from './environment.js';
import type { Transport } from './http.js';
import { withSyncLock } from './lock.js';
import { pullAll } from './pull.js';
import { type OutboxPushResult, pushOutbox } from './push.js';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './status.js';
import { createStore, type Store } from './store.js';
import { type SyncError, signedOut } from './sync-error.js';

export type { SyncStatus };

export type SyncOutcome =
  | { ok: true; skipped?: 'anonymous' | 'locked' }
  | { ok: false; error: SyncError };

export interface SyncEngineOptions {
  db: DialInDb;
  transport: Transport;
  env?: SyncEnvironment;
  /** Delay between a local write and the push it triggers (debounced). */
  pushDelayMs?: number;
  /** Periodic sync while visible. */
  intervalMs?: number;
  pullPageSize?: number;
}

/**
 * Runs push then pull, one at a time, in one context at a time (Web Locks or a lease), on
 * these triggers: start, `online`, becoming visible, every 30 s while visible,
 * and 1 s after a local write. Status is a framework-free store.
 */
export class SyncEngine {
  readonly db: DialInDb;
  readonly transport: Transport;
  readonly env: SyncEnvironment;
  private readonly store = createStore<SyncStatus>(INITIAL_SYNC_STATUS);
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private stops: (() => void)[] = [];
  private interval: ReturnType<typeof setInterval> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.env = options.env ?? headlessEnvironment;
  }

  get status(): Store<SyncStatus> {
    return this.store;
  }

  /** Starts the triggers and syncs once. Idempotent. */
  start(): void {
    if (this.stops.length > 0) return;
    const { env } = this;
    const counts = liveQuery(async () => ({
      ...(await outboxCounts(this.db)),
      meta: await peekMeta(this.db),
    })).subscribe({
      next: ({ pending, rejected, meta }) =>
        this.store.set({
          pending,
          rejected,
          accountId: meta?.accountId ?? null,
          email: meta?.email ?? null,
          lastSyncedAt: meta?.lastSyncedAt ?? null,
          signedOutOnServer: meta?.signedOutOnServer ?? false,
        }),
    });
    this.stops.push(() => counts.unsubscribe());
    this.stops.push(
      env.onOnline(() => {
        env.askWorkerReplay?.();
        void this.syncNow();
      }),
    );
    this.stops.push(
      env.onVisibilityChange((visible) => {
        if (visible) {
          env.askWorkerReplay?.();
          void this.syncNow();
        }
        this.setInterval(visible);
      }),
    );
    this.stops.push(onLocalWrite(() => this.schedulePush()));
    this.stops.push(
      listen((message) => {
        if (message.type !== 'logged-out') void this.syncNow();
        else void this.refresh();
      }),
    );
    this.setInterval(env.isVisible());
    env.askWorkerReplay?.();
    void this.syncNow();
  }

  /** Stops every trigger; resolves when a sync in flight has finished. */
  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    this.setInterval(false);
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = null;
    await this.running;
  }

  /** Re-reads counts and account from the database (also done live while started). */
  async refresh(): Promise<void> {
    const [counts, meta] = await Promise.all([outboxCounts(this.db), peekMeta(this.db)]);
    this.store.set({
      ...counts,
      accountId: meta?.accountId ?? null,
      email: meta?.email ?? null,
      lastSyncedAt: meta?.lastSyncedAt ?? null,
      signedOutOnServer: meta?.signedOutOnServer ?? false,
    });
  }

  /**
   * Push, then pull. Calls made while one runs are folded into one more run after it, so
   * nothing written meanwhile waits for the next trigger.
   */
  syncNow(): Promise<SyncOutcome> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let outcome: SyncOutcome;
      do {
        this.again = false;
        try {
          outcome = await this.runOnce();
        } catch (error) {
          // A bug or a closed database: report it; triggers must never throw unhandled.
          const message = error instanceof Error ? error.message : String(error);
          outcome = { ok: false, error: { code: 'internal', message } };
          this.store.set({ state: 'error', lastError: outcome.error, progress: null });
        }
      } while (this.again);
      return outcome;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Push only (used before log out), under the same one-at-a-time rule. */
  async pushNow(): Promise<OutboxPushResult> {
    await this.running?.catch(() => undefined);
    return pushOutbox(this.db, this.transport);
  }

  private async runOnce(): Promise<SyncOutcome> {
    const meta = await loadMeta(this.db);
    if (meta.accountId === null) {
      this.store.set({ state: this.offlineOr('idle'), lastError: null });
      await this.refresh();
      return { ok: true, skipped: 'anonymous' };
    }
    if (meta.signedOutOnServer) {
      this.store.set({ state: 'error', lastError: signedOut(), retryAt: null });
      await this.refresh();
      return { ok: false, error: signedOut() };
    }
    this.store.set({ state: 'syncing' });
    const online = this.env.isOnline();
    const locked = await withSyncLock(this.db, this.env.locks, async (): Promise<SyncOutcome> => {
      // Offline, the push still goes: a service worker answers 202 and queues it for
      // background sync, which is what delivers it after the app is closed.
      const push = await pushOutbox(this.db, this.transport);
      if (!push.ok) return { ok: false, error: push.error };
      // Photo bytes have their own queue (photos/photo-upload.ts); tried offline too, so that
      // the service worker registers its Background Sync. Refusals are marked on the photos,
      // not reported as a failed sync.
      await uploadPendingPhotos(this.db, this.transport, { locks: this.env.locks });
      if (!online) return { ok: true };
      const pull = await pullAll(this.db, this.transport, {
        ...(this.options.pullPageSize === undefined ? {} : { pageSize: this.options.pullPageSize }),
        onProgress: (progress) => this.store.set({ progress }),
      });
      // The rows name the thumbnails to fetch: they join the same bar, after the rows.
      if (pull.ok) {
        const rows = pull.rows;
        await downloadMissingThumbnails(this.db, this.transport, {
          onProgress: (thumbnails) =>
            this.store.set({
              progress: {
                done: rows + thumbnails.done,
                total: rows + thumbnails.total,
                thumbnails,
              },
            }),
        });
      }
      this.store.set({ progress: null });
      return pull.ok ? { ok: true } : { ok: false, error: pull.error };
    });
    const outcome: SyncOutcome = locked.skipped ? { ok: true, skipped: 'locked' } : locked.value;
    if (outcome.ok) {
      this.store.set({ state: this.offlineOr('idle'), lastError: null, retryAt: null });
    } else {
      const state = outcome.error.code === 'network' ? 'offline' : 'error';
      // The next try is the periodic sync (only while started and visible), restarted now so
      // the time the user is told holds.
      const periodic = this.stops.length > 0 && this.env.isVisible();
      if (periodic) this.setInterval(true);
      const retryAt = periodic ? Date.now() + (this.options.intervalMs ?? 30_000) : null;
      this.store.set({ state, lastError: outcome.error, progress: null, retryAt });
    }
    await this.refresh();
    return outcome;
  }

  private offlineOr(state: SyncStatus['state']): SyncStatus['state'] {
    return this.env.isOnline() ? state : 'offline';
  }

  private schedulePush(): void {
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.syncNow();
    }, this.options.pushDelayMs ?? 1000);
  }

  private setInterval(on: boolean): void {
    if (this.interval !== null) clearInterval(this.interval);
    this.interval = null;
    if (on)
      this.interval = setInterval(() => void this.syncNow(), this.options.intervalMs ?? 30_000);
  }
}
