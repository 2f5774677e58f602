/**
 * Keeps the full images on this device within a budget: beyond it, the least recently viewed
 * are deleted; they download again when viewed. Thumbnails are never evicted (every list shows
 * them, offline too), and neither is an image the server does not have (pending or rejected):
 * evicting it would lose the photo. The budget is a device setting in the meta record, so the
 * page and the service worker evict alike; the UI sets it (setPhotoBudget) and passes nothing.
 */
import type { DialInDb } from '../data/db.js';
import { peekMeta, updateMeta } from '../data/meta.js';

export const DEFAULT_PHOTO_BUDGET_BYTES = 200 * 1024 * 1024;

/** The device's full-image budget (bytes). */
export async function photoBudget(db: DialInDb): Promise<number> {
  return (await peekMeta(db))?.photoBudgetBytes ?? DEFAULT_PHOTO_BUDGET_BYTES;
}

/** Sets the budget and evicts down to it at once. */
export async function setPhotoBudget(db: DialInDb, budgetBytes: number): Promise<void> {
  if (!Number.isFinite(budgetBytes) || budgetBytes < 0) {
    throw new RangeError(`A photo budget is a number of bytes ≥ 0, not ${budgetBytes}.`);
  }
  await updateMeta(db, { photoBudgetBytes: budgetBytes });
  await evictFullImages(db, budgetBytes);
}

/**
 * Deletes uploaded full images, least recently viewed first, until the full images on the
 * device fit `budgetBytes` (the device's setting when omitted). Returns the evicted hashes.
 * Images that may not be evicted still count: with enough of them the budget stays exceeded.
 */
export async function evictFullImages(db: DialInDb, budgetBytes?: number): Promise<string[]> {
  const budget = budgetBytes ?? (await photoBudget(db));
  return db.transaction('rw', db.photoBytes, async () => {
    const fulls = await db.photoBytes
      .where('[kind+lastViewedAt]')
      .between(['full', -Infinity], ['full', Infinity])
      .toArray();
    let used = fulls.reduce((sum, image) => sum + image.size, 0);
    const evicted: string[] = [];
    // Oldest view first (the index's order).
    for (const image of fulls) {
      if (used <= budget) break;
      if (image.upload !== 'uploaded') continue;
      evicted.push(image.hash);
      used -= image.size;
    }
    await db.photoBytes.bulkDelete(evicted);
    return evicted;
  });
}

export interface PhotoStorageUse {
  /** Bytes of full images on the device. */
  fullBytes: number;
  /** Bytes of thumbnails on the device. */
  thumbBytes: number;
  /** Images on the device (full images and thumbnails). */
  count: number;
}

/** What photos take on this device, for Settings' storage figure. Reads no blob. */
export async function photoStorageUse(db: DialInDb): Promise<PhotoStorageUse> {
  const use: PhotoStorageUse = { fullBytes: 0, thumbBytes: 0, count: 0 };
  await db.photoBytes.each((image) => {
    if (image.kind === 'full') use.fullBytes += image.size;
    else use.thumbBytes += image.size;
    use.count += 1;
  });
  return use;
}
