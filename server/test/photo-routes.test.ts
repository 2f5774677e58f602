import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse as InjectResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import { photoPath } from '../../shared/protocol/routes.js';
import { sha256Hex } from '../src/photos/content-hash.js';
import { collectPhotoGarbage } from '../src/photos/garbage-collection.js';
import { referencedHashesOf } from '../src/photos/photo-repository.js';
import type { PhotoStore } from '../src/photos/photo-store.js';
import { createPostgresPhotoStore } from '../src/photos/postgres-photo-store.js';
import { MAX_PHOTO_BYTES } from '../src/photos/upload-checks.js';
import { type OpenPhotoBackend, PHOTO_BACKENDS } from './support/photo-backends.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, newPhoto, pushBody, pushOk } from './sync-helpers.js';

/** A JPEG-signed body of `size` random bytes and its hash. */
function jpeg(size = 4000): { bytes: Buffer; hash: string } {
  const bytes = randomBytes(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { bytes, hash: sha256Hex(new Uint8Array(bytes)) };
}

const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1');
const QUOTA = 3 * 1024 * 1024;
const DAY = 86_400_000;

/** Each store the app can run on: the app's own database, or S3 (s3rver on this machine). */
const STORES = [
  { name: 'postgres', s3: false },
  { name: 's3', s3: true },
] as const;

describe.each(STORES)(
  `photo byte routes on the $name store (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  ({ s3 }) => {
    let t: TestApp;
    let s3Backend: OpenPhotoBackend | undefined;
    let store: PhotoStore;
    beforeAll(async () => {
      const s3Open = PHOTO_BACKENDS.find((backend) => backend.name.startsWith('s3'));
      if (s3 && s3Open === undefined) throw new Error('no S3 backend');
      s3Backend = s3 ? await s3Open?.open() : undefined;
      t = await createTestApp({
        photos: (db) => {
          store = s3Backend?.store ?? createPostgresPhotoStore(db);
          return { store, quotaBytes: QUOTA, retentionMs: 30 * DAY };
        },
      });
    });
    afterAll(async () => {
      await t?.close();
      await s3Backend?.close();
    });

    const put = (cookie: string, hash: string, body: Buffer, type = 'image/jpeg') =>
      t.app.inject({
        method: 'PUT',
        url: photoPath(hash),
        headers: { cookie, 'content-type': type },
        payload: body,
      });
    const get = (cookie: string, hash: string) =>
      t.app.inject({ method: 'GET', url: photoPath(hash), headers: { cookie } });

    /** An account with a bag and a photo row naming `hash` (and its thumbnail hash). */
    async function accountWithPhoto(hash: string, extra: Record<string, unknown> = {}) {
      const account = await signUp(t.app);
      const clock = new Hlc('phone');
      const bagId = randomUUID();
      const photo = newPhoto(bagId, hash);
      await pushOk(
        t.app,
        account.cookie,
        pushBody(account.accountId, 'phone', [
          mutation('bag', bagId, clock.now(), newBag()),
          mutation('photo', randomUUID(), clock.now(), { ...photo, ...extra }),
        ]),
      );
      return { ...account, thumbHash: photo.thumbHash as string };
    }

    const errorOf = (response: InjectResponse) => ({
      status: response.statusCode,
      code: (response.json() as { code?: string }).code,
    });

    it('stores an upload, serves it only once a photo row names it, as immutable and private', async () => {
      const { bytes, hash } = jpeg();
      const { cookie } = await signUp(t.app);
      const uploaded = await put(cookie, hash, bytes, 'application/octet-stream');
      expect(uploaded.statusCode).toBe(200);
      expect(uploaded.json()).toEqual({ hash, type: 'image/jpeg', bytes: bytes.byteLength });
      // Bytes without a photo row of the account are not served (the row may come later).
      expect(errorOf(await get(cookie, hash))).toEqual({ status: 404, code: 'not_found' });

      const owner = await accountWithPhoto(hash);
      expect((await put(owner.cookie, hash, bytes)).statusCode).toBe(200);
      const downloaded = await get(owner.cookie, hash);
      expect(downloaded.statusCode).toBe(200);
      expect(downloaded.headers['content-type']).toBe('image/jpeg');
      expect(downloaded.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(downloaded.rawPayload.equals(bytes)).toBe(true);
    });

    it('takes the same upload twice as one: no second copy counts against the quota', async () => {
      const { bytes, hash } = jpeg(10_000);
      const { cookie, accountId } = await signUp(t.app);
      expect((await put(cookie, hash, bytes)).statusCode).toBe(200);
      expect((await put(cookie, hash, bytes)).statusCode).toBe(200);
      expect(await store.bytesUsed(accountId)).toBe(10_000);
    });

    it('refuses a body that does not match its hash (400 hash_mismatch) and stores nothing', async () => {
      const { bytes } = jpeg();
      const { hash: other } = jpeg();
      const { cookie, accountId } = await signUp(t.app);
      const response = await put(cookie, other, bytes);
      expect(errorOf(response)).toEqual({ status: 400, code: 'hash_mismatch' });
      expect(await store.has(accountId, other)).toBe(false);
      expect(await store.bytesUsed(accountId)).toBe(0);
    });

    it('refuses what is not JPEG, WebP or PNG by its bytes (415, naming the type found)', async () => {
      const { cookie, accountId } = await signUp(t.app);
      const hash = sha256Hex(new Uint8Array(GIF));
      const response = await put(cookie, hash, GIF, 'image/jpeg');
      expect(errorOf(response)).toEqual({ status: 415, code: 'unsupported_media_type' });
      expect(response.json().message).toContain('GIF');
      const json = Buffer.from('{"hello":"world"}');
      const asJson = await put(cookie, sha256Hex(new Uint8Array(json)), json, 'application/json');
      expect(errorOf(asJson)).toEqual({ status: 415, code: 'unsupported_media_type' });
      expect(await store.bytesUsed(accountId)).toBe(0);
    });

    it('refuses a photo over the size limit (413 photo_too_large, never the split of a push)', async () => {
      const { bytes, hash } = jpeg(MAX_PHOTO_BYTES + 1);
      const { cookie, accountId } = await signUp(t.app);
      const response = await put(cookie, hash, bytes);
      expect(errorOf(response)).toEqual({ status: 413, code: 'photo_too_large' });
      expect(response.json().details).toMatchObject({ limitBytes: MAX_PHOTO_BYTES });
      expect(await store.has(accountId, hash)).toBe(false);
    });

    it('refuses an upload past the account quota with its own code, and still takes a re-upload', async () => {
      const first = jpeg(MAX_PHOTO_BYTES - 10);
      const second = jpeg(MAX_PHOTO_BYTES - 10);
      const { cookie, accountId } = await signUp(t.app);
      expect((await put(cookie, first.hash, first.bytes)).statusCode).toBe(200);
      const over = await put(cookie, second.hash, second.bytes);
      expect(errorOf(over)).toEqual({ status: 403, code: 'photo_quota_exceeded' });
      expect(over.json().details).toMatchObject({ quotaBytes: QUOTA });
      expect(await store.has(accountId, second.hash)).toBe(false);
      // Bytes the account already holds add nothing: their re-upload is not over the quota.
      expect((await put(cookie, first.hash, first.bytes)).statusCode).toBe(200);
    });

    it("answers 404 for another account's image, even with its hash, a row and the bytes", async () => {
      const { bytes, hash } = jpeg();
      const owner = await accountWithPhoto(hash);
      expect((await put(owner.cookie, hash, bytes)).statusCode).toBe(200);
      const stranger = await signUp(t.app);
      expect(errorOf(await get(stranger.cookie, hash))).toEqual({ status: 404, code: 'not_found' });
      // Even naming the same hash in a row of its own does not reach the owner's bytes.
      const copycat = await accountWithPhoto(hash);
      expect(errorOf(await get(copycat.cookie, hash))).toEqual({ status: 404, code: 'not_found' });
      expect((await get(owner.cookie, hash)).statusCode).toBe(200);
    });

    it('serves a thumbnail by its hash, and a deleted photo only within the retention', async () => {
      const thumb = jpeg(800);
      const recent = await accountWithPhoto(jpeg().hash, {
        thumbHash: thumb.hash,
        deletedAt: new Date(Date.now() - DAY).toISOString(),
      });
      expect((await put(recent.cookie, thumb.hash, thumb.bytes)).statusCode).toBe(200);
      expect((await get(recent.cookie, thumb.hash)).statusCode).toBe(200);

      const old = jpeg(900);
      const longGone = await accountWithPhoto(old.hash, { deletedAt: '2020-01-01T00:00:00+02:00' });
      expect((await put(longGone.cookie, old.hash, old.bytes)).statusCode).toBe(200);
      expect(errorOf(await get(longGone.cookie, old.hash))).toEqual({
        status: 404,
        code: 'not_found',
      });
    });

    it('needs a session to upload or download', async () => {
      const { bytes, hash } = jpeg();
      expect(errorOf(await put('', hash, bytes))).toEqual({ status: 401, code: 'unauthorized' });
      expect(errorOf(await get('', hash))).toEqual({ status: 401, code: 'unauthorized' });
      expect(errorOf(await get('', 'not-a-hash'))).toMatchObject({ status: 401 });
    });

    it('collects bytes that no live or recently deleted photo needs, with the photo rows as references', async () => {
      const live = jpeg();
      const account = await accountWithPhoto(live.hash);
      const liveThumb = jpeg(700);
      const orphan = jpeg();
      const deleted = jpeg();
      const clock = new Hlc('phone');
      await pushOk(
        t.app,
        account.cookie,
        pushBody(account.accountId, 'phone', [
          mutation('photo', randomUUID(), clock.now(), {
            ...newPhoto(randomUUID(), deleted.hash),
            deletedAt: '2020-01-01T00:00:00Z',
          }),
        ]),
      );
      // The live photo's thumbnail hash is the reversed hash newPhoto gives it.
      const thumbHash = account.thumbHash;
      for (const { hash, bytes } of [live, orphan, deleted]) {
        await store.put(account.accountId, hash, new Uint8Array(bytes), 'image/jpeg');
      }
      await store.put(account.accountId, thumbHash, new Uint8Array(liveThumb.bytes), 'image/jpeg');
      // A short retention, run a day from now: every upload is past it.
      await collectPhotoGarbage({
        store,
        referencedHashes: referencedHashesOf(t.db),
        retentionMs: 1000,
        now: new Date(Date.now() + DAY),
      });
      expect(await store.has(account.accountId, live.hash)).toBe(true);
      expect(await store.has(account.accountId, thumbHash)).toBe(true);
      expect(await store.has(account.accountId, orphan.hash)).toBe(false);
      expect(await store.has(account.accountId, deleted.hash)).toBe(false);
    });
  },
);
