/**
 * Photos in our export ZIP (data/data-io.ts): the rows travel in dial-in.json like bags and
 * brews; the bytes the device holds travel as `photos/<hash>.<ext>` files, full images and
 * thumbnails alike, so an export imported on an empty device shows its photos offline. An image
 * only on the server (never downloaded, or evicted) cannot be put in the file: the export lists
 * it as missing, and after the import it downloads on demand like any other device's photo.
 * No DOM: the data layer calls it.
 */
import type { DialInDb } from '../data/db.js';
import { type ExportRow, exportRow, type MissingPhotoImage } from '../data/export-format.js';
import type { PhotoBytesRecord, PhotoRecord } from '../data/schema.js';
import { sha256Hex } from './content-hash.js';
import { imageBlob, writingBytes } from './stored-bytes.js';

/** The folder of the archive that holds image bytes. */
export const PHOTO_FOLDER = 'photos/';

const EXTENSION_OF: Record<PhotoRecord['type'], string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/png': 'png',
};

/** `photos/<hash>.<ext>`: the archive name of an image, by its hash and type. */
export function photoFileName(hash: string, type: PhotoRecord['type']): string {
  return `${PHOTO_FOLDER}${hash}.${EXTENSION_OF[type]}`;
}

/** The hash an archive name holds, or null for a name that is not one of our image files. */
export function hashOfFileName(name: string): string | null {
  const match = /^photos\/([0-9a-f]{64})\.(jpg|webp|png)$/.exec(name);
  return match?.[1] ?? null;
}

const isLive = (row: PhotoRecord) => row.deletedAt === null || row.deletedAt === undefined;

/** Every photo row, deleted ones too (a tombstone must survive a round trip), by id. */
export async function photoExportRows(db: DialInDb): Promise<ExportRow[]> {
  const rows = await db.photos.toArray();
  return rows
    .map((row) => exportRow('photo', row as unknown as Record<string, unknown>))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface PhotoImagesExport {
  /** Archive name → bytes: each image of a live photo that the device holds, once. */
  files: Map<string, Uint8Array>;
  /** Each image of a live photo that the device does not hold. */
  missing: MissingPhotoImage[];
  /** Live photos. */
  photos: number;
  /** Live photos with at least one image missing. */
  photosMissing: number;
}

/** The image files of the live photos, and the images left out because they are not here. */
export async function photoImagesExport(db: DialInDb): Promise<PhotoImagesExport> {
  const live = (await db.photos.toArray()).filter(isLive);
  const wanted = live.flatMap((photo) => [
    { photoId: photo.id, hash: photo.hash, type: photo.type, kind: 'full' as const },
    { photoId: photo.id, hash: photo.thumbHash, type: photo.thumbType, kind: 'thumb' as const },
  ]);
  const held = await db.photoBytes.bulkGet([...new Set(wanted.map((image) => image.hash))]);
  const byHash = new Map<string, PhotoBytesRecord>();
  for (const record of held) if (record !== undefined) byHash.set(record.hash, record);

  const files = new Map<string, Uint8Array>();
  const missing: MissingPhotoImage[] = [];
  for (const { photoId, hash, type, kind } of wanted) {
    const record = byHash.get(hash);
    if (record === undefined) {
      missing.push({ photoId, hash, kind });
      continue;
    }
    const name = photoFileName(hash, type);
    if (!files.has(name)) files.set(name, new Uint8Array(await imageBlob(record).arrayBuffer()));
  }
  return {
    files,
    missing,
    photos: live.length,
    photosMissing: new Set(missing.map((image) => image.photoId)).size,
  };
}

export interface PhotoImagesImport {
  /** Images stored on the device from the file. */
  stored: number;
  /** Files whose bytes do not hash to their name (a damaged or edited archive): left out. */
  damaged: number;
  /** Live photos of the file whose full image is still not on the device (it downloads when viewed). */
  withoutImage: number;
}

/**
 * Stores the archive's images that photo rows on the device name and the device lacks, after
 * checking each against its name: a hash is the image's identity on every device and on the
 * server, so bytes that do not match it are never stored under it. They are stored `pending`:
 * the device cannot know whether the server has them (a restore into a new account), and an
 * upload of bytes the server holds is a no-op. Images already here keep their record.
 */
export async function importPhotoImages(
  db: DialInDb,
  files: ReadonlyMap<string, Uint8Array>,
  photoIds: readonly string[],
): Promise<PhotoImagesImport> {
  const result: PhotoImagesImport = { stored: 0, damaged: 0, withoutImage: 0 };
  for (const [name, bytes] of files) {
    const hash = hashOfFileName(name);
    if (hash === null) continue;
    const named = await db.photos.where('hash').equals(hash).first();
    const namedAsThumb =
      named === undefined ? await db.photos.where('thumbHash').equals(hash).first() : undefined;
    if (named === undefined && namedAsThumb === undefined) continue;
    if ((await db.photoBytes.get(hash)) !== undefined) continue;
    if ((await sha256Hex(bytes)) !== hash) {
      result.damaged += 1;
      continue;
    }
    const type = named?.type ?? (namedAsThumb as PhotoRecord).thumbType;
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
    const added = await writingBytes([blob], ([stored]) =>
      db.transaction('rw', db.photoBytes, async () => {
        if ((await db.photoBytes.get(hash)) !== undefined) return false;
        await db.photoBytes.put({
          hash,
          type,
          blob: stored as Blob | ArrayBuffer,
          kind: named === undefined ? 'thumb' : 'full',
          upload: 'pending',
          madeHere: false,
          lastViewedAt: db.now(),
          size: blob.size,
        });
        return true;
      }),
    );
    if (added) result.stored += 1;
  }
  const rows = await db.photos.bulkGet([...photoIds]);
  const live = rows.filter((row): row is PhotoRecord => row !== undefined && isLive(row));
  const fulls = await db.photoBytes.bulkGet(live.map((row) => row.hash));
  result.withoutImage = fulls.filter((image) => image === undefined).length;
  return result;
}
