import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type DialInDb } from '../data/db.js';
import type { PhotoBytesRecord, PhotoUploadState } from '../data/schema.js';
import { localPhotoBlob, markViewed } from './photo-bytes.js';
import {
  DEFAULT_PHOTO_BUDGET_BYTES,
  evictFullImages,
  photoBudget,
  photoStorageUse,
  setPhotoBudget,
} from './photo-eviction.js';

let db: DialInDb;
let clock = 1_000;
afterEach(async () => {
  await db.delete();
});

function open(): DialInDb {
  db = createDb(`eviction-${crypto.randomUUID()}`, { now: () => clock });
  return db;
}

async function stored(
  hash: string,
  options: { kind?: 'full' | 'thumb'; upload?: PhotoUploadState; size: number; viewedAt: number },
): Promise<void> {
  const record: PhotoBytesRecord = {
    hash,
    type: 'image/jpeg',
    blob: new Blob([new Uint8Array(options.size)], { type: 'image/jpeg' }),
    kind: options.kind ?? 'full',
    upload: options.upload ?? 'uploaded',
    madeHere: false,
    lastViewedAt: options.viewedAt,
    size: options.size,
  };
  await db.photoBytes.put(record);
}

const hashes = async () => (await db.photoBytes.toCollection().primaryKeys()).sort();

describe('full-image eviction', () => {
  it('evicts the least recently viewed uploaded full images until the rest fit the budget', async () => {
    open();
    await stored('a', { size: 100, viewedAt: 3 });
    await stored('b', { size: 100, viewedAt: 1 });
    await stored('c', { size: 100, viewedAt: 2 });
    await stored('d', { size: 100, viewedAt: 4 });
    expect(await evictFullImages(db, 250)).toEqual(['b', 'c']);
    expect(await hashes()).toEqual(['a', 'd']);
  });

  it('never evicts thumbnails or images the server does not have', async () => {
    open();
    await stored('thumb-old', { kind: 'thumb', size: 500, viewedAt: 0 });
    await stored('pending-old', { upload: 'pending', size: 100, viewedAt: 1 });
    await stored('rejected-old', { upload: 'rejected', size: 100, viewedAt: 2 });
    await stored('uploaded-new', { size: 100, viewedAt: 9 });
    expect(await evictFullImages(db, 0)).toEqual(['uploaded-new']);
    expect(await hashes()).toEqual(['pending-old', 'rejected-old', 'thumb-old']);
  });

  it('a view moves an image to the back of the line', async () => {
    open();
    await stored('a', { size: 100, viewedAt: 1 });
    await stored('b', { size: 100, viewedAt: 2 });
    clock = 5;
    await markViewed(db, 'a');
    expect(await evictFullImages(db, 100)).toEqual(['b']);
    expect(await localPhotoBlob(db, 'a')).toBeInstanceOf(Blob);
    expect(await localPhotoBlob(db, 'b')).toBeNull();
  });

  it('the budget is a device setting: default 200 MB, a new one evicts at once, bad values are refused', async () => {
    open();
    expect(await photoBudget(db)).toBe(DEFAULT_PHOTO_BUDGET_BYTES);
    await stored('a', { size: 100, viewedAt: 1 });
    await stored('b', { size: 100, viewedAt: 2 });
    await setPhotoBudget(db, 150);
    expect(await photoBudget(db)).toBe(150);
    expect(await hashes()).toEqual(['b']);
    // Without an argument, eviction reads the setting.
    await stored('c', { size: 100, viewedAt: 3 });
    expect(await evictFullImages(db)).toEqual(['b']);
    await expect(setPhotoBudget(db, -1)).rejects.toThrow(RangeError);
    await expect(setPhotoBudget(db, Number.NaN)).rejects.toThrow(/bytes/);
    expect(await photoBudget(db)).toBe(150);
  });

  it('photoStorageUse sums full images and thumbnails apart', async () => {
    open();
    expect(await photoStorageUse(db)).toEqual({ fullBytes: 0, thumbBytes: 0, count: 0 });
    await stored('a', { size: 300, viewedAt: 1 });
    await stored('b', { size: 200, viewedAt: 1, upload: 'pending' });
    await stored('t', { kind: 'thumb', size: 20, viewedAt: 1 });
    expect(await photoStorageUse(db)).toEqual({ fullBytes: 500, thumbBytes: 20, count: 3 });
  });
});
