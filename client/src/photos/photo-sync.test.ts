import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { goOffline, goOnline, localRows, serverRows, syncAll } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { login, signup } from '../account/account.js';
import { createBag } from '../data/actions.js';
import { MissingRowError, ValidationError } from '../data/errors.js';
import { outboxCounts } from '../data/queries.js';
import { addPhoto, type PhotoImage, photosOf, removePhoto, restorePhoto } from './photo-actions.js';

const setup = useTestServer();

function image(digit: string): PhotoImage {
  return {
    hash: digit.repeat(64),
    type: 'image/jpeg',
    thumbHash: `${digit}f`.repeat(32),
    thumbType: 'image/jpeg',
    width: 1200,
    height: 1600,
    bytes: 280_000,
  };
}

async function phoneAndLaptop(): Promise<[Device, Device]> {
  const email = uniqueEmail();
  const phone = setup.device('phone');
  const laptop = setup.device('laptop');
  expect((await signup(phone.engine, { email, password: PASSWORD })).ok).toBe(true);
  expect((await login(laptop.engine, { email, password: PASSWORD })).ok).toBe(true);
  return [phone, laptop];
}

describe('photo rows between devices', () => {
  it('a photo taken offline reaches the other device once the phone is back online', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const bagId = await createBag(phone.db, { name: 'Guji' });
    await syncAll([phone, laptop]);
    goOffline(phone);
    const photoId = await addPhoto(phone.db, 'bag', bagId, image('1'));
    expect((await phone.engine.syncNow()).ok).toBe(false);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 1, rejected: 0 });
    goOnline(phone);
    await syncAll([phone, laptop]);
    expect((await photosOf(laptop.db, 'bag', bagId)).map((photo) => photo.id)).toEqual([photoId]);
    expect(await localRows(laptop.db)).toEqual(await serverRows(laptop));
    expect(await localRows(phone.db)).toEqual(await serverRows(phone));
  });

  it('keeps both photos that two devices add to one bag at the same time', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const bagId = await createBag(phone.db, { name: 'Kiambu' });
    await syncAll([phone, laptop]);
    // Neither has seen the other's photo: both choose position 0.
    const fromPhone = await addPhoto(phone.db, 'bag', bagId, image('2'));
    const fromLaptop = await addPhoto(laptop.db, 'bag', bagId, image('3'));
    await syncAll([phone, laptop]);
    for (const device of [phone, laptop]) {
      const ids = (await photosOf(device.db, 'bag', bagId)).map((photo) => photo.id);
      expect(ids.sort(), device.name).toEqual([fromPhone, fromLaptop].sort());
    }
    // Both devices show them in the same order.
    expect(await photosOf(phone.db, 'bag', bagId)).toEqual(await photosOf(laptop.db, 'bag', bagId));
  });

  it('a removed photo is a tombstone the other device hides, and an undo brings it back', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const bagId = await createBag(phone.db, { name: 'Sidamo' });
    const photoId = await addPhoto(phone.db, 'bag', bagId, image('4'));
    await syncAll([phone, laptop]);
    await removePhoto(laptop.db, photoId);
    await syncAll([phone, laptop]);
    expect(await photosOf(phone.db, 'bag', bagId)).toEqual([]);
    expect((await phone.db.photos.get(photoId))?.deletedAt).toEqual(expect.any(String));
    await restorePhoto(phone.db, photoId);
    await syncAll([phone, laptop]);
    expect((await photosOf(laptop.db, 'bag', bagId)).map((photo) => photo.id)).toEqual([photoId]);
  });

  it('refuses a photo of a bag the device does not hold, or with a bad hash, and writes nothing', async () => {
    const phone = setup.device('phone');
    await expect(addPhoto(phone.db, 'bag', crypto.randomUUID(), image('5'))).rejects.toThrow(
      MissingRowError,
    );
    const bagId = await createBag(phone.db, { name: 'Yirgacheffe' });
    await expect(
      addPhoto(phone.db, 'bag', bagId, { ...image('6'), hash: 'not-a-hash' }),
    ).rejects.toThrow(ValidationError);
    expect(await phone.db.photos.count()).toBe(0);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 1, rejected: 0 });
  });
});
