import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { clearLocalData } from '../account/clear.js';
import { createBag } from '../data/actions.js';
import { createDb } from '../data/db.js';
import { addPhoto } from './photo-actions.js';

it('clearing the device at log-out leaves no photo row and no photo outbox entry', async () => {
  const db = createDb(`clear-photos-${crypto.randomUUID()}`);
  const bagId = await createBag(db, { name: 'Guji' });
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
  await clearLocalData(db);
  expect(await db.photos.count()).toBe(0);
  expect((await db.outbox.toArray()).filter((entry) => entry.entity === 'photo')).toEqual([]);
  await db.delete();
});
