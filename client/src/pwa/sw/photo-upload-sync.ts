/**
 * The service worker's part of photo uploads (the queue itself is the `upload` state of the
 * photoBytes records: photos/photo-upload.ts says why). A page's upload that finds no network
 * asks for a Background Sync, and the `sync` event drains the queue from the worker, so photos
 * taken offline reach the server after the app is closed where the engine has Background Sync
 * (Chromium). Elsewhere the page's sync engine drains it on start, `online`, visibility and its
 * 30 s timer. Lib-agnostic: the worker globals stay in sw.ts.
 */
import type { DialInDb } from '../../data/db.js';
import { type UploadRound, uploadPendingPhotos } from '../../photos/photo-upload.js';
import type { LockManagerLike } from '../../sync/lock.js';

/** The Background Sync tag of photo uploads. */
export const PHOTO_SYNC_TAG = 'photo-uploads';

export interface PhotoUploadSyncDeps {
  openDb: () => DialInDb;
  fetchImpl: typeof fetch;
  locks?: LockManagerLike | undefined;
  /** Registers PHOTO_SYNC_TAG; undefined where the engine has no Background Sync. */
  registerSync?: (() => Promise<void>) | undefined;
}

export function createPhotoUploadSync({
  openDb,
  fetchImpl,
  locks,
  registerSync,
}: PhotoUploadSyncDeps) {
  return {
    /**
     * PUT /api/photos/:hash from a page: passed to the network. Without one, a Background Sync
     * is registered and the page sees the network failure (its image stays pending).
     */
    async handleUpload(request: Request): Promise<Response> {
      try {
        return await fetchImpl(request);
      } catch (error) {
        try {
          await registerSync?.();
        } catch (refused) {
          // Background Sync refused (permission): the page's triggers still upload.
          console.warn('service worker: could not register the photo upload sync', refused);
        }
        throw error;
      }
    },

    /** One upload round from the worker; the database is closed after it (log-out deletes it). */
    async drain(): Promise<UploadRound> {
      const db = openDb();
      try {
        return await uploadPendingPhotos(db, { baseUrl: '', fetch: fetchImpl }, { locks });
      } finally {
        db.close();
      }
    },
  };
}
