import { DEFAULT_PHOTO_RETENTION_MS } from './photo-config.js';
import type { PhotoStore } from './photo-store.js';

/**
 * The hashes the account's photo rows still need: those of live photos, and those of photos
 * deleted after `deletedAfter` (a tombstone the user can still restore). The photo entity
 * supplies it; garbage collection only knows bytes.
 */
export type ReferencedHashes = (
  accountId: string,
  deletedAfter: Date,
) => Promise<ReadonlySet<string>>;

export interface GarbageCollectionOptions {
  store: PhotoStore;
  referencedHashes: ReferencedHashes;
  retentionMs?: number;
  now?: Date;
}

export interface GarbageCollectionResult {
  accounts: number;
  deleted: number;
}

/**
 * Deletes bytes no photo references any more, once the retention has passed. Bytes uploaded
 * within it are kept even when nothing references them (their photo row may not have been
 * pushed yet: uploads and pushes travel separately), and bytes of photos deleted within it are
 * referenced (the delete can still be undone). A re-upload makes bytes young again.
 *
 * Safe to run on several instances at once: deleting twice is harmless. Per account the
 * candidates are listed before the references are read, so a photo row pushed meanwhile can
 * only lose bytes that were already past the retention and unreferenced when listed.
 */
export async function collectPhotoGarbage(
  options: GarbageCollectionOptions,
): Promise<GarbageCollectionResult> {
  const { store, referencedHashes } = options;
  const retentionMs = options.retentionMs ?? DEFAULT_PHOTO_RETENTION_MS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionMs);
  const result: GarbageCollectionResult = { accounts: 0, deleted: 0 };
  for await (const accountId of store.listAccounts()) {
    result.accounts += 1;
    const candidates: string[] = [];
    for await (const hash of store.listHashesUploadedBefore(accountId, cutoff)) {
      candidates.push(hash);
    }
    if (candidates.length === 0) continue;
    const referenced = await referencedHashes(accountId, cutoff);
    for (const hash of candidates) {
      if (referenced.has(hash)) continue;
      await store.delete(accountId, hash);
      result.deleted += 1;
    }
  }
  return result;
}
