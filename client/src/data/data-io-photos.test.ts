import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../photos/content-hash.js';
import { removePhoto } from '../photos/photo-actions.js';
import { loadPhotoBlob } from '../photos/photo-bytes.js';
import { photoSyncStatus } from '../photos/photo-status.js';
import { storeTakenPhoto } from '../photos/take-photo.js';
import type { Transport } from '../sync/http.js';
import { createBag } from './actions.js';
import { EXPORT_JSON_NAME, exportZip, importJson, readImportFile } from './data-io.js';
import { createDb, type DialInDb } from './db.js';
import type { ExportDocument } from './export-format.js';
import { writePatch } from './write.js';

/** Photos in our export ZIP: their rows in dial-in.json, their bytes as photos/<hash>.jpg. */

let opened: DialInDb[] = [];
function device(): DialInDb {
  const db = createDb(`data-io-photos-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

/** JPEG-signed bytes, different on every call. */
async function jpeg(size: number) {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  return { blob, hash: await sha256Hex(blob), type: 'image/jpeg' as const, width: 8, height: 6 };
}
const taken = async () => ({ full: await jpeg(3_000), thumb: await jpeg(400) });

/** A network that is not there: any download would fail. */
const offline: Transport = {
  baseUrl: 'http://127.0.0.1:9',
  fetch: () => Promise.reject(new TypeError('Failed to fetch')),
};

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** The photo row of another device: the row arrived by pull, its bytes never did. */
async function photoOnlyOnServer(db: DialInDb, bagId: string) {
  const id = crypto.randomUUID();
  const images = await taken();
  await writePatch(
    db,
    'photo',
    id,
    {
      ownerKind: 'bag',
      ownerId: bagId,
      position: 5,
      hash: images.full.hash,
      type: 'image/jpeg',
      thumbHash: images.thumb.hash,
      thumbType: 'image/jpeg',
      width: 8,
      height: 6,
      bytes: images.full.blob.size,
    },
    'create',
  );
  return { id, images };
}

describe('photos in the ZIP export', () => {
  it('holds the images of live photos and lists those only on the server as missing', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji' });
    const kept = await taken();
    const keptId = await storeTakenPhoto(source, 'bag', bagId, kept);
    const gone = await taken();
    await removePhoto(source, await storeTakenPhoto(source, 'bag', bagId, gone));
    const remote = await photoOnlyOnServer(source, bagId);

    const result = await exportZip(source);
    expect(result).toMatchObject({ bags: 1, brews: 0, photos: 2, photosMissing: 1 });
    const files = unzipSync(result.zip);
    // The deleted photo's row is a tombstone in the JSON; its images are not in the file.
    expect(Object.keys(files).sort()).toEqual(
      [
        'bags.csv',
        'brews.csv',
        EXPORT_JSON_NAME,
        `photos/${kept.full.hash}.jpg`,
        `photos/${kept.thumb.hash}.jpg`,
        'recipes.csv',
        'grinders.csv',
        'brewers.csv',
      ].sort(),
    );
    expect(files[`photos/${kept.full.hash}.jpg`]).toEqual(await bytesOf(kept.full.blob));
    const doc = JSON.parse(new TextDecoder().decode(files[EXPORT_JSON_NAME])) as ExportDocument;
    expect(doc.photos?.map((row) => row.id).sort()).toHaveLength(3);
    expect(doc.photos?.find((row) => row.id === keptId)).toMatchObject({
      hash: kept.full.hash,
      thumbHash: kept.thumb.hash,
      position: 0,
    });
    expect(doc.missingPhotos).toEqual(
      [
        { photoId: remote.id, hash: remote.images.full.hash, kind: 'full' },
        { photoId: remote.id, hash: remote.images.thumb.hash, kind: 'thumb' },
      ].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
  });

  it('imported on an empty device, its photos show offline; the same file again adds nothing', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji' });
    const first = await taken();
    const second = await taken();
    const firstId = await storeTakenPhoto(source, 'bag', bagId, first);
    const secondId = await storeTakenPhoto(source, 'bag', bagId, second);
    const { zip } = await exportZip(source);

    const target = device();
    const read = await readImportFile(zip);
    if (read.kind !== 'dial-in') throw new Error('not read as ours');
    const result = await importJson(target, read.text, undefined, read.files);
    expect(result).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      photos: { stored: 4, damaged: 0, withoutImage: 0 },
    });
    // Both photos of the bag, in their order, their bytes from the file, with no network.
    const rows = await target.photos.where('[ownerKind+ownerId]').equals(['bag', bagId]).toArray();
    expect(rows.sort((a, b) => a.position - b.position).map((row) => row.id)).toEqual([
      firstId,
      secondId,
    ]);
    for (const image of [first.full, first.thumb, second.full, second.thumb]) {
      const blob = await loadPhotoBlob(target, image.hash, { transport: offline });
      expect(await bytesOf(blob)).toEqual(await bytesOf(image.blob));
      expect(blob.type).toBe('image/jpeg');
    }
    expect(await target.photoBytes.get(first.thumb.hash)).toMatchObject({
      kind: 'thumb',
      upload: 'pending',
    });
    // Not known to be on the server yet: unsynced until this device uploads and pushes them.
    expect(await photoSyncStatus(target, firstId)).toMatchObject({ unsynced: true });

    expect(await importJson(target, read.text, undefined, read.files)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
      photos: { stored: 0, damaged: 0, withoutImage: 0 },
    });
    expect(await target.photoBytes.count()).toBe(4);
  });

  it('leaves out an image whose bytes do not match its name, and counts the photos without one', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji' });
    const images = await taken();
    await storeTakenPhoto(source, 'bag', bagId, images);
    await photoOnlyOnServer(source, bagId);
    const files = unzipSync((await exportZip(source)).zip);
    // One byte changed: the file still has the name of the original hash.
    const name = `photos/${images.full.hash}.jpg`;
    const edited = new Uint8Array(files[name] as Uint8Array);
    edited[100] = (edited[100] ?? 0) ^ 0xff;
    files[name] = edited;
    // A file no photo row names: not stored either.
    files[`photos/${'0'.repeat(64)}.jpg`] = new Uint8Array([0xff, 0xd8, 0xff]);

    const target = device();
    const read = await readImportFile(zipSync(files));
    if (read.kind !== 'dial-in') throw new Error('not read as ours');
    const result = await importJson(target, read.text, undefined, read.files);
    expect(result.photos).toEqual({ stored: 1, damaged: 1, withoutImage: 2 });
    expect(await target.photoBytes.get(images.full.hash)).toBeUndefined();
    expect(await target.photoBytes.get(images.thumb.hash)).toMatchObject({ kind: 'thumb' });
    expect(await target.photoBytes.count()).toBe(1);
  });

  it('a file from before photos imports as before, with no photo counts', async () => {
    const source = device();
    await createBag(source, { name: 'Guji' });
    const files = unzipSync((await exportZip(source)).zip);
    const doc = JSON.parse(new TextDecoder().decode(files[EXPORT_JSON_NAME])) as Record<
      string,
      unknown
    >;
    delete doc.photos;
    delete doc.missingPhotos;
    const result = await importJson(device(), JSON.stringify(doc));
    expect(result).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect('photos' in result).toBe(false);
  });
});
