import 'fake-indexeddb/auto';

// Each account of this file may store this many photo bytes (the server reads it at start).
process.env.PHOTO_QUOTA_BYTES = '60000';

import { describe, expect, it } from 'vitest';
import { photoPath } from '../../../shared/protocol/routes.js';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { goOffline, goOnline, syncAll } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { login, logout, logoutPreview, signup } from '../account/account.js';
import { createBag } from '../data/actions.js';
import { sha256Hex } from './content-hash.js';
import { loadPhotoBlob, localPhotoBlob } from './photo-bytes.js';
import { PhotoMissingError, PhotoOfflineError } from './photo-errors.js';
import { photoSyncStatus } from './photo-status.js';
import { uploadPendingPhotos } from './photo-upload.js';
import { storeTakenPhoto } from './take-photo.js';

const setup = useTestServer();

/** Bytes the server takes for a JPEG (its signature), unique per call. */
async function jpeg(size: number) {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes.subarray(0, Math.min(size, 65_536)));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  return { blob, hash: await sha256Hex(blob), type: 'image/jpeg' as const, width: 8, height: 6 };
}

async function photo(fullSize = 4_000, thumbSize = 500) {
  return { full: await jpeg(fullSize), thumb: await jpeg(thumbSize) };
}

async function signedUp(name = 'phone'): Promise<Device> {
  const device = setup.device(name);
  const result = await signup(device.engine, { email: uniqueEmail(), password: PASSWORD });
  expect(result.ok).toBe(true);
  return device;
}

/** What the server holds under `hash` for the device's account (status, bytes). */
async function onServer(device: Device, hash: string): Promise<{ status: number; size: number }> {
  const response = await device.transport.fetch(new URL(photoPath(hash), setup.server.url).href, {
    method: 'GET',
  });
  return { status: response.status, size: (await response.arrayBuffer()).byteLength };
}

describe('photo uploads', () => {
  it('a photo taken offline waits, then goes up once online; the other device downloads it', async () => {
    const phone = await signedUp();
    const bagId = await createBag(phone.db, { name: 'Guji' });
    goOffline(phone);
    const taken = await photo();
    const photoId = await storeTakenPhoto(phone.db, 'bag', bagId, taken);
    expect((await phone.engine.syncNow()).ok).toBe(false);
    expect(await phone.db.photoBytes.get(taken.full.hash)).toMatchObject({ upload: 'pending' });
    expect(await photoSyncStatus(phone.db, photoId)).toMatchObject({ unsynced: true });

    goOnline(phone);
    expect((await phone.engine.syncNow()).ok).toBe(true);
    expect(await phone.db.photoBytes.get(taken.full.hash)).toMatchObject({ upload: 'uploaded' });
    expect(await phone.db.photoBytes.get(taken.thumb.hash)).toMatchObject({ upload: 'uploaded' });
    expect(await photoSyncStatus(phone.db, photoId)).toMatchObject({
      unsynced: false,
      uploaded: true,
    });
    expect(await onServer(phone, taken.full.hash)).toEqual({ status: 200, size: 4_000 });

    // Idempotent: the same bytes again are accepted and change nothing.
    await phone.db.photoBytes.update(taken.full.hash, { upload: 'pending' });
    const again = await uploadPendingPhotos(phone.db, phone.transport);
    expect(again).toMatchObject({ uploaded: [taken.full.hash], rejected: [], stalled: false });

    const email = (await phone.db.meta.get('device'))?.email ?? '';
    const laptop = setup.device('laptop');
    expect((await login(laptop.engine, { email, password: PASSWORD })).ok).toBe(true);
    // The log-in's sync brought the thumbnail; the full image comes on demand.
    expect(await laptop.db.photoBytes.get(taken.thumb.hash)).toMatchObject({
      kind: 'thumb',
      upload: 'uploaded',
      madeHere: false,
    });
    expect(await localPhotoBlob(laptop.db, taken.full.hash)).toBeNull();
    const full = await loadPhotoBlob(laptop.db, taken.full.hash, { transport: laptop.transport });
    expect(await sha256Hex(full)).toBe(taken.full.hash);
    expect(await laptop.db.photoBytes.get(taken.full.hash)).toMatchObject({ kind: 'full' });
  });

  it('a log-in stores the thumbnails that arrive together in one transaction, every one of them', async () => {
    const phone = await signedUp();
    // Six photos (the most a bag takes) on each of two bags.
    const bagIds = [
      await createBag(phone.db, { name: 'Guji' }),
      await createBag(phone.db, { name: 'Kiambu' }),
    ];
    const taken = await Promise.all(Array.from({ length: 12 }, () => photo(600, 400)));
    for (const [i, t] of taken.entries())
      await storeTakenPhoto(phone.db, 'bag', bagIds[i % 2] ?? '', t);
    expect((await phone.engine.syncNow()).ok).toBe(true);

    // Counts the read-write transactions that store photo bytes, as IndexedDB sees them.
    let writes = 0;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      const [stores, mode] = args;
      const names = [stores].flat();
      // (Not the log-in's clearing of the device, which names every store, the outbox too.)
      if (mode === 'readwrite' && names.includes('photoBytes') && !names.includes('outbox')) {
        writes += 1;
      }
      return open.apply(this, args);
    } as typeof open;
    try {
      const email = (await phone.db.meta.get('device'))?.email ?? '';
      const laptop = setup.device('laptop');
      // The server's answers are read in full and held until the six downloads in flight have
      // all answered, then handed over at once: a burst that arrives together, as on a fast
      // network. (Unheld, a slow machine can space them out so each commits alone, and then
      // there is nothing to batch.)
      let held: (() => void)[] = [];
      laptop.intercept = async (url, init, next) => {
        const answer = await next(url, init);
        if (!new URL(url).pathname.startsWith(photoPath(''))) return answer;
        const body = await answer.arrayBuffer();
        await new Promise<void>((release) => {
          held.push(release);
          if (held.length === 6) {
            for (const go of held) go();
            held = [];
          }
        });
        return new Response(body, { status: answer.status, headers: answer.headers });
      };
      expect((await login(laptop.engine, { email, password: PASSWORD })).ok).toBe(true);
      const stored = await laptop.db.photoBytes.bulkGet(taken.map((t) => t.thumb.hash));
      expect(stored.map((record) => record?.kind)).toEqual(taken.map(() => 'thumb'));
      // Six downloads at a time, stored as they come: a burst of six is at most two commits
      // (the first arrival's, and the five that came while it committed).
      expect(writes).toBeGreaterThan(0);
      expect(writes).toBeLessThanOrEqual(4);
    } finally {
      IDBDatabase.prototype.transaction = open;
    }
  });

  it('a row that arrived before its bytes is "on its way"; offline, a missing image is PhotoOfflineError', async () => {
    const phone = await signedUp();
    const bagId = await createBag(phone.db, { name: 'Kiambu' });
    const taken = await photo();
    await storeTakenPhoto(phone.db, 'bag', bagId, taken);
    // The row is pushed, the bytes are held back (as if the upload had not run yet).
    await phone.db.photoBytes.clear();
    await phone.engine.syncNow();
    await expect(
      loadPhotoBlob(phone.db, taken.full.hash, { transport: phone.transport }),
    ).rejects.toBeInstanceOf(PhotoMissingError);
    goOffline(phone);
    await expect(
      loadPhotoBlob(phone.db, taken.full.hash, { transport: phone.transport }),
    ).rejects.toBeInstanceOf(PhotoOfflineError);
  });

  it('refusals for good are marked with the server’s error and kept; photos behind them still go', async () => {
    const phone = await signedUp();
    const bagId = await createBag(phone.db, { name: 'Sidamo' });
    // Not an image the server takes (a GIF), and one over the 2 MiB per-image limit.
    const gif = new Blob([new TextEncoder().encode('GIF89a not a photo')], { type: 'image/gif' });
    const notJpeg = { ...(await jpeg(10)), blob: gif, hash: await sha256Hex(gif) };
    const huge = await jpeg(2 * 1024 * 1024 + 1);
    await storeTakenPhoto(phone.db, 'bag', bagId, { full: huge, thumb: notJpeg });
    const fine = await photo(1_000, 100);
    await storeTakenPhoto(phone.db, 'bag', bagId, fine);

    const round = await uploadPendingPhotos(phone.db, phone.transport);
    expect(round.rejected.sort()).toEqual([huge.hash, notJpeg.hash].sort());
    expect(round.uploaded.sort()).toEqual([fine.full.hash, fine.thumb.hash].sort());
    expect(await phone.db.photoBytes.get(notJpeg.hash)).toMatchObject({
      upload: 'rejected',
      error: { statusCode: 415, code: 'unsupported_media_type' },
    });
    expect(await phone.db.photoBytes.get(huge.hash)).toMatchObject({
      upload: 'rejected',
      error: { statusCode: 413, code: 'photo_too_large' },
    });
    // Kept on the device, and counted as not uploaded at log-out.
    expect(await localPhotoBlob(phone.db, huge.hash)).toBeInstanceOf(Blob);
    expect(await logoutPreview(phone.engine)).toMatchObject({ unsyncedPhotos: 2 });
  });

  it('a full photo storage keeps the upload waiting with the server’s explanation', async () => {
    const phone = await signedUp();
    const bagId = await createBag(phone.db, { name: 'Yirga' });
    await storeTakenPhoto(phone.db, 'bag', bagId, await photo(50_000, 500));
    const over = await photo(20_000, 500);
    const overId = await storeTakenPhoto(phone.db, 'bag', bagId, over);
    const round = await uploadPendingPhotos(phone.db, phone.transport);
    expect(round.stalled).toBe(true);
    expect(await phone.db.photoBytes.get(over.full.hash)).toMatchObject({
      upload: 'pending',
      error: { code: 'photo_quota_exceeded' },
    });
    expect(await photoSyncStatus(phone.db, overId)).toMatchObject({
      unsynced: true,
      refused: null,
      waiting: { code: 'photo_quota_exceeded' },
    });
    // Still queued: it goes once photos are deleted or the quota is raised.
    expect(round.pending).toBe(1);
  });

  it('anonymous photos wait for an account, and go up after sign-up', async () => {
    const phone = setup.device('phone');
    const bagId = await createBag(phone.db, { name: 'Before sign-up' });
    const taken = await photo();
    await storeTakenPhoto(phone.db, 'bag', bagId, taken);
    expect(await uploadPendingPhotos(phone.db, phone.transport)).toMatchObject({
      skipped: 'anonymous',
      pending: 2,
    });
    expect(phone.requests.filter((request) => request.startsWith('PUT'))).toEqual([]);
    expect((await signup(phone.engine, { email: uniqueEmail(), password: PASSWORD })).ok).toBe(
      true,
    );
    expect(await phone.db.photoBytes.where('upload').equals('pending').count()).toBe(0);
    expect(await onServer(phone, taken.full.hash)).toEqual({ status: 200, size: 4_000 });
  });

  it('log-out counts photos not uploaded, and clearing leaves no photo bytes', async () => {
    const phone = await signedUp();
    const bagId = await createBag(phone.db, { name: 'Shared phone' });
    await syncAll([phone]);
    goOffline(phone);
    await storeTakenPhoto(phone.db, 'bag', bagId, await photo());
    const refused = await logout(phone.engine);
    expect(refused).toMatchObject({ ok: false, unsynced: 3 });
    expect(refused.ok ? '' : refused.error.message).toMatch(/1 change and 2 photos/);
    goOnline(phone);
    expect(await logout(phone.engine)).toMatchObject({ ok: true });
    expect(await phone.db.photoBytes.count()).toBe(0);
    expect(await phone.db.photos.count()).toBe(0);
  });
});
