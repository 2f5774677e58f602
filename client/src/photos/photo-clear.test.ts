import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { clearLocalData } from '../account/clear.js';
import { createBag } from '../data/actions.js';
import { createDb } from '../data/db.js';
import { addPhoto } from './photo-actions.js';
import { storeTakenImages } from './photo-bytes.js';
import { photoBudget, setPhotoBudget } from './photo-eviction.js';

it('clearing the device at log-out leaves no photo row, no photo bytes and no photo outbox entry; the budget stays', async () => {
  const db = createDb(`clear-photos-${crypto.randomUUID()}`);
  const bagId = await createBag(db, { name: 'Guji' });
  const jpeg = (byte: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, byte])]);
  await storeTakenImages(db, {
    full: { blob: jpeg(1), hash: 'a'.repeat(64), type: 'image/jpeg' },
    thumb: { blob: jpeg(2), hash: 'b'.repeat(64), type: 'image/jpeg' },
  });
  await setPhotoBudget(db, 1234);
  await addPhoto(db, 'bag', bagId, {
    hash: 'a'.repeat(64),
    type: 'image/jpeg',
    thumbHash: 'b'.repeat(64),
    thumbType: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 300_000,
  });
  expect(await db.photos.count()).toBe(1);
  expect(await db.photoBytes.count()).toBe(2);
  await clearLocalData(db);
  expect(await db.photos.count()).toBe(0);
  expect(await db.photoBytes.count()).toBe(0);
  expect(await photoBudget(db)).toBe(1234);
  expect((await db.outbox.toArray()).filter((entry) => entry.entity === 'photo')).toEqual([]);
  await db.delete();
});
