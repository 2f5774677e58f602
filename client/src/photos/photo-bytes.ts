/**
 * The device's store of image bytes (the `photoBytes` table), by SHA-256. A photo row names two
 * images, its full image and its thumbnail; the bytes of each live here once, whichever rows
 * name them. Images taken here wait as `pending` until uploaded (photo-upload.ts); images of
 * other devices are downloaded on demand and may be evicted again (photo-eviction.ts).
 * No DOM: the page and the service worker both use it.
 */
import { photoPath } from '../../../shared/protocol/routes.js';
import type { DialInDb } from '../data/db.js';
import type { PhotoBytesRecord } from '../data/schema.js';
import { asErrorBody, defaultTransport, type Transport } from '../sync/http.js';
import { PhotoDownloadError, PhotoMissingError, PhotoOfflineError } from './photo-errors.js';
import { evictFullImages } from './photo-eviction.js';
import { imageBlob, writingBytes } from './stored-bytes.js';

/** One image the pipeline made (image-pipeline.ts EncodedImage, without the DOM-side module). */
export interface TakenImage {
  blob: Blob;
  hash: string;
  type: string;
}

/**
 * Stores the two images of a photo taken here, both waiting for upload. An image already
 * stored (the same picture taken twice) keeps its record: its upload state is the truth.
 */
export async function storeTakenImages(
  db: DialInDb,
  photo: { full: TakenImage; thumb: TakenImage },
): Promise<void> {
  const now = db.now();
  const images = [
    ['full', photo.full],
    ['thumb', photo.thumb],
  ] as const;
  await writingBytes(
    images.map(([, image]) => image.blob),
    (bytes) =>
      db.transaction('rw', db.photoBytes, async () => {
        for (const [index, [kind, image]] of images.entries()) {
          if ((await db.photoBytes.get(image.hash)) !== undefined) continue;
          await db.photoBytes.put({
            hash: image.hash,
            type: image.type,
            blob: bytes[index] as Blob | ArrayBuffer,
            kind,
            upload: 'pending',
            madeHere: true,
            lastViewedAt: now,
            size: image.blob.size,
          });
        }
      }),
  );
}

/** The image if it is on this device, else null. Reads nothing from the network. */
export async function localPhotoBlob(db: DialInDb, hash: string): Promise<Blob | null> {
  const record = await db.photoBytes.get(hash);
  return record === undefined ? null : imageBlob(record);
}

/** Notes that the image was shown now, so eviction drops it after images viewed later. */
export async function markViewed(db: DialInDb, hash: string): Promise<void> {
  await db.photoBytes.update(hash, { lastViewedAt: db.now() });
}

export interface LoadPhotoOptions {
  signal?: AbortSignal;
  transport?: Transport;
  /** Full-image budget for the eviction after a download; unset = the device's setting. */
  budgetBytes?: number;
}

/** Downloads in flight, by hash: two views of one image share one request. */
const downloads = new Map<string, Promise<Blob>>();

/**
 * The image: from this device, else downloaded (`GET photoPath(hash)`, session cookie),
 * stored as uploaded, and returned; full images beyond the budget are evicted after. Throws
 * PhotoOfflineError without a network, PhotoMissingError when the server has no bytes for it
 * (yet), PhotoDownloadError for any other refusal.
 */
export async function loadPhotoBlob(
  db: DialInDb,
  hash: string,
  options: LoadPhotoOptions = {},
): Promise<Blob> {
  const local = await localPhotoBlob(db, hash);
  if (local !== null) return local;
  const running = downloads.get(hash);
  if (running !== undefined) return running;
  const download = downloadImage(db, hash, options).finally(() => downloads.delete(hash));
  downloads.set(hash, download);
  return download;
}

async function downloadImage(db: DialInDb, hash: string, options: LoadPhotoOptions) {
  const blob = await fetchImage(hash, options);
  await storeDownloaded(db, hash, blob);
  await evictFullImages(db, options.budgetBytes);
  return blob;
}

/** GET the bytes of `hash`; the errors are loadPhotoBlob's. */
export async function fetchImage(hash: string, options: LoadPhotoOptions = {}): Promise<Blob> {
  const transport = options.transport ?? defaultTransport();
  const path = photoPath(hash);
  const url = transport.baseUrl === '' ? path : new URL(path, transport.baseUrl).toString();
  let response: Response;
  try {
    const init: RequestInit = { method: 'GET', credentials: 'same-origin' };
    if (options.signal !== undefined) init.signal = options.signal;
    response = await transport.fetch(url, init);
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    throw new PhotoOfflineError(hash);
  }
  if (response.status === 404) throw new PhotoMissingError(hash);
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not our error body (a proxy's page): asErrorBody names the status.
    }
    throw new PhotoDownloadError(hash, asErrorBody(response.status, body));
  }
  try {
    return await response.blob();
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    // The body was cut off mid-way: nothing is stored.
    throw new PhotoOfflineError(hash);
  }
}

/** Stores downloaded bytes; a thumbnail when a photo row names the hash as its thumbnail. */
export function storeDownloaded(db: DialInDb, hash: string, blob: Blob): Promise<void> {
  return storeDownloadedMany(db, [{ hash, blob }]);
}

/**
 * Stores several downloads in one transaction (the first sync's thumbnails: one commit per
 * image re-ran the screens' live queries a thousand times). Bytes already held are left as
 * they are.
 */
export async function storeDownloadedMany(
  db: DialInDb,
  downloads: readonly { hash: string; blob: Blob }[],
): Promise<void> {
  if (downloads.length === 0) return;
  await writingBytes(
    downloads.map((d) => d.blob),
    (bytes) =>
      db.transaction('rw', db.photoBytes, db.photos, async () => {
        const hashes = downloads.map((d) => d.hash);
        const held = await db.photoBytes.bulkGet(hashes);
        const thumbs = new Set(
          (await db.photos.where('thumbHash').anyOf(hashes).uniqueKeys()).map(String),
        );
        const records = downloads.flatMap(({ hash, blob }, i): PhotoBytesRecord[] =>
          held[i] !== undefined
            ? []
            : [
                {
                  hash,
                  type: blob.type === '' ? 'image/jpeg' : blob.type,
                  blob: bytes[i] as Blob | ArrayBuffer,
                  kind: thumbs.has(hash) ? 'thumb' : 'full',
                  upload: 'uploaded',
                  madeHere: false,
                  lastViewedAt: db.now(),
                  size: blob.size,
                },
              ],
        );
        await db.photoBytes.bulkPut(records);
      }),
  );
}
