/**
 * Brings the thumbnails of the account's photos onto the device after a pull, so every list
 * shows them, offline too (full images are downloaded on demand only: photo-bytes.ts). After
 * a log-in that is every photo's thumbnail, counted in the first sync's progress bar; later it
 * is the few that other devices added. A thumbnail the server does not have yet (its device has
 * not uploaded it) is skipped and asked for again on the next sync. No DOM: sync/ calls it.
 */
import type { DialInDb } from '../data/db.js';
import type { Transport } from '../sync/http.js';
import { fetchImage, storeDownloadedMany } from './photo-bytes.js';
import { PhotoDownloadError, PhotoMissingError, PhotoOfflineError } from './photo-errors.js';

/** Downloads at once: enough to hide the round trips, few enough to leave the pull's pace alone. */
const PARALLEL_DOWNLOADS = 6;

export interface ThumbnailProgress {
  done: number;
  total: number;
}

export interface ThumbnailResult {
  downloaded: number;
  /** Not on the server yet: asked for again on the next sync. */
  missing: number;
  /** The network went away (or the server refused): the rest waits for the next sync. */
  stopped: boolean;
}

/** The thumbnail hashes that live photo rows name and the device does not hold. */
export async function missingThumbnails(db: DialInDb): Promise<string[]> {
  const rows = await db.photos.filter((row) => row.deletedAt == null).toArray();
  const hashes = [...new Set(rows.map((row) => row.thumbHash))];
  const held = await db.photoBytes.bulkGet(hashes);
  return hashes.filter((_, index) => held[index] === undefined);
}

export async function downloadMissingThumbnails(
  db: DialInDb,
  transport: Transport,
  options: { onProgress?: (progress: ThumbnailProgress) => void } = {},
): Promise<ThumbnailResult> {
  const queue = await missingThumbnails(db);
  const total = queue.length;
  const result: ThumbnailResult = { downloaded: 0, missing: 0, stopped: false };
  if (total === 0) return result;
  let done = 0;
  options.onProgress?.({ done, total });
  // Downloads wait here for the store, which takes all that arrived while it last committed in
  // one transaction: a commit per thumbnail re-ran the screens' live queries each time, and
  // made the device, not the network, the pace of a photo account's first sync.
  const arrived: { hash: string; blob: Blob }[] = [];
  let storing: Promise<void> | null = null;
  let storeError: unknown = null;
  const store = (): Promise<void> => {
    storing ??= (async () => {
      try {
        while (arrived.length > 0 && storeError === null) {
          const batch = arrived.splice(0, arrived.length);
          await storeDownloadedMany(db, batch);
          result.downloaded += batch.length;
          done += batch.length;
          options.onProgress?.({ done, total });
        }
      } catch (error) {
        storeError = error;
        result.stopped = true;
      } finally {
        storing = null;
      }
    })();
    return storing;
  };
  const worker = async () => {
    for (let hash = queue.shift(); hash !== undefined && !result.stopped; hash = queue.shift()) {
      try {
        arrived.push({ hash, blob: await fetchImage(hash, { transport }) });
        void store();
      } catch (error) {
        if (error instanceof PhotoMissingError) result.missing += 1;
        // Offline, signed out or a server failure: the next sync tries again.
        else if (error instanceof PhotoOfflineError || error instanceof PhotoDownloadError) {
          result.stopped = true;
        } else throw error;
        done += 1;
        options.onProgress?.({ done, total });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, total) }, worker));
  await store();
  if (storeError !== null) throw storeError;
  return result;
}
