/**
 * Whether a photo has reached the server, for the UI's unsynced mark: a photo is unsynced while
 * its row has an outbox entry or either of its images is stored here but not uploaded. Plain
 * reads of the outbox, photos and photoBytes tables: wrap them in Dexie's `liveQuery` (or
 * ui/live-signal.ts) and they update as uploads and pushes land.
 */
import type { ErrorBody } from '../../../shared/protocol/errors.js';
import type { DialInDb } from '../data/db.js';
import type { PhotoBytesRecord, PhotoRecord } from '../data/schema.js';

export interface PhotoSyncStatus {
  /** The row or an image has not reached the server (rejected ones included). */
  unsynced: boolean;
  /** Both images are on the server (or were never on this device: another device's photo). */
  uploaded: boolean;
  /** The server refused an image for good: its error (the UI says why); the photo stays here. */
  refused: ErrorBody | null;
  /** An image waits on an answer the server will change its mind about (photo storage full). */
  waiting: ErrorBody | null;
}

function statusOf(rowInOutbox: boolean, images: (PhotoBytesRecord | undefined)[]): PhotoSyncStatus {
  const stored = images.filter((image): image is PhotoBytesRecord => image !== undefined);
  const uploaded = stored.every((image) => image.upload === 'uploaded');
  const refused = stored.find((image) => image.upload === 'rejected')?.error ?? null;
  const waiting = stored.find((image) => image.upload === 'pending')?.error ?? null;
  return { unsynced: rowInOutbox || !uploaded, uploaded, refused, waiting };
}

/** The status of each photo, by id: one read of each table for a whole list. */
export async function photoSyncStatuses(
  db: DialInDb,
  photos: readonly PhotoRecord[],
): Promise<Map<string, PhotoSyncStatus>> {
  const ids = photos.map((photo) => photo.id);
  const [entries, images] = await Promise.all([
    db.outbox.where('rowId').anyOf(ids).toArray(),
    db.photoBytes.bulkGet(photos.flatMap((photo) => [photo.hash, photo.thumbHash])),
  ]);
  const inOutbox = new Set(entries.map((entry) => entry.rowId));
  return new Map(
    photos.map((photo, index) => [
      photo.id,
      statusOf(inOutbox.has(photo.id), [images[2 * index], images[2 * index + 1]]),
    ]),
  );
}

/** The status of one photo (null when no such row is on the device). */
export async function photoSyncStatus(
  db: DialInDb,
  photoId: string,
): Promise<PhotoSyncStatus | null> {
  const photo = await db.photos.get(photoId);
  if (photo === undefined) return null;
  return (await photoSyncStatuses(db, [photo])).get(photoId) ?? null;
}

/** Images taken here that the server does not have yet (pending or refused): log-out counts them. */
export function unuploadedImageCount(db: DialInDb): Promise<number> {
  return db.photoBytes.where('upload').anyOf('pending', 'rejected').count();
}
