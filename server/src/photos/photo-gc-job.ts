import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { collectPhotoGarbage, type GarbageCollectionResult } from './garbage-collection.js';
import { referencedHashesOf } from './photo-repository.js';
import type { PhotoStore } from './photo-store.js';

/** Every 6 hours: bytes wait out a retention of days, so the exact hour does not matter. */
export const PHOTO_GC_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface PhotoGcJobOptions {
  db: Kysely<Database>;
  store: PhotoStore;
  retentionMs: number;
  intervalMs?: number;
  onResult: (result: GarbageCollectionResult) => void;
  onError: (error: unknown) => void;
}

/**
 * Runs photo garbage collection, with the photo rows as its references, soon after start and
 * then every interval. Several instances may run it at once (deleting twice is harmless). The
 * timer is unref'd, so it never keeps a closing process alive. Returns the stop function.
 */
export function startPhotoGcJob(options: PhotoGcJobOptions): () => void {
  const referencedHashes = referencedHashesOf(options.db);
  let running = false;
  const run = async () => {
    // A slow round (a large S3 bucket) must not overlap the next one.
    if (running) return;
    running = true;
    try {
      options.onResult(
        await collectPhotoGarbage({
          store: options.store,
          referencedHashes,
          retentionMs: options.retentionMs,
        }),
      );
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, options.intervalMs ?? PHOTO_GC_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
