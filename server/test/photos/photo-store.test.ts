import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/photos/content-hash.js';
import { collectPhotoGarbage } from '../../src/photos/garbage-collection.js';
import type { PhotoStore } from '../../src/photos/photo-store.js';
import { type OpenPhotoBackend, PHOTO_BACKENDS } from '../support/photo-backends.js';

/** An image-like body: a JPEG signature, then random bytes, and its content hash. */
function photo(size = 1000): { bytes: Uint8Array; hash: string } {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { bytes, hash: sha256Hex(bytes) };
}

async function collect(items: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const FAR_FUTURE = new Date('2999-01-01T00:00:00Z');
const LONG_AGO = new Date('2000-01-01T00:00:00Z');

describe.each(PHOTO_BACKENDS)('photo store: $name', (backend) => {
  let opened: OpenPhotoBackend;
  let store: PhotoStore;
  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('gives back the bytes and type it was given', async () => {
    const account = await opened.newAccount();
    const { bytes, hash } = photo(5000);
    await store.put(account, hash, bytes, 'image/webp');
    const stored = await store.get(account, hash);
    expect(stored?.type).toBe('image/webp');
    expect(Buffer.from(stored?.bytes ?? []).equals(bytes)).toBe(true);
    expect(await store.has(account, hash)).toBe(true);
  });

  it('keeps every byte value of a 2 MB image intact', async () => {
    const account = await opened.newAccount();
    const bytes = new Uint8Array(2 * 1024 * 1024).map((_, index) => index % 256);
    const hash = sha256Hex(bytes);
    await store.put(account, hash, bytes, 'image/png');
    const stored = await store.get(account, hash);
    expect(stored?.bytes.byteLength).toBe(bytes.byteLength);
    expect(sha256Hex(stored?.bytes ?? new Uint8Array())).toBe(hash);
  });

  it('stores a re-upload of the same hash once', async () => {
    const account = await opened.newAccount();
    const { bytes, hash } = photo(3000);
    await store.put(account, hash, bytes, 'image/jpeg');
    await store.put(account, hash, bytes, 'image/jpeg');
    expect(await store.bytesUsed(account)).toBe(3000);
    expect(await collect(store.listHashesUploadedBefore(account, FAR_FUTURE))).toEqual([hash]);
    expect((await store.get(account, hash))?.type).toBe('image/jpeg');
  });

  it("never reaches another account's bytes, even by their hash", async () => {
    const owner = await opened.newAccount();
    const other = await opened.newAccount();
    const { bytes, hash } = photo();
    await store.put(owner, hash, bytes, 'image/jpeg');
    expect(await store.get(other, hash)).toBeNull();
    expect(await store.has(other, hash)).toBe(false);
    await store.delete(other, hash);
    expect(await store.has(owner, hash)).toBe(true);
    expect(await store.bytesUsed(other)).toBe(0);
  });

  it('refuses a name that is not an account id and a SHA-256 hex hash, storing nothing', async () => {
    const account = await opened.newAccount();
    const { bytes, hash } = photo();
    await expect(store.put(account, hash.toUpperCase(), bytes, 'image/jpeg')).rejects.toThrow();
    await expect(store.put(account, '../x', bytes, 'image/jpeg')).rejects.toThrow();
    await expect(store.put(`${account}/..`, hash, bytes, 'image/jpeg')).rejects.toThrow();
    expect(await store.bytesUsed(account)).toBe(0);
  });

  it('deletes, and deleting again is not an error', async () => {
    const account = await opened.newAccount();
    const kept = photo(700);
    const gone = photo(300);
    await store.put(account, kept.hash, kept.bytes, 'image/jpeg');
    await store.put(account, gone.hash, gone.bytes, 'image/jpeg');
    await store.delete(account, gone.hash);
    await store.delete(account, gone.hash);
    expect(await store.get(account, gone.hash)).toBeNull();
    expect(await store.has(account, gone.hash)).toBe(false);
    expect(await store.has(account, kept.hash)).toBe(true);
    expect(await store.bytesUsed(account)).toBe(700);
  });

  it('counts the bytes of each account apart', async () => {
    const first = await opened.newAccount();
    const second = await opened.newAccount();
    expect(await store.bytesUsed(first)).toBe(0);
    for (const size of [100, 2500, 40_000]) {
      const { bytes, hash } = photo(size);
      await store.put(first, hash, bytes, 'image/jpeg');
    }
    const shared = photo(900);
    await store.put(first, shared.hash, shared.bytes, 'image/jpeg');
    await store.put(second, shared.hash, shared.bytes, 'image/jpeg');
    expect(await store.bytesUsed(first)).toBe(100 + 2500 + 40_000 + 900);
    expect(await store.bytesUsed(second)).toBe(900);
  });

  it('lists accounts and their hashes by upload time, for garbage collection', async () => {
    const first = await opened.newAccount();
    const second = await opened.newAccount();
    const a = photo();
    const b = photo();
    await store.put(first, a.hash, a.bytes, 'image/jpeg');
    await store.put(first, b.hash, b.bytes, 'image/png');
    await store.put(second, a.hash, a.bytes, 'image/jpeg');
    const accounts = await collect(store.listAccounts());
    expect(accounts).toEqual(expect.arrayContaining([first, second]));
    expect(new Set(accounts).size).toBe(accounts.length);
    expect((await collect(store.listHashesUploadedBefore(first, FAR_FUTURE))).sort()).toEqual(
      [a.hash, b.hash].sort(),
    );
    expect(await collect(store.listHashesUploadedBefore(second, FAR_FUTURE))).toEqual([a.hash]);
    expect(await collect(store.listHashesUploadedBefore(first, LONG_AGO))).toEqual([]);
  });

  it('counts upload time from the latest upload of the same bytes', async () => {
    const account = await opened.newAccount();
    const { bytes, hash } = photo();
    await store.put(account, hash, bytes, 'image/jpeg');
    // S3 keeps LastModified to the second: `between` is a whole second after the first upload.
    const between = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    await sleep(between.getTime() - Date.now() + 50);
    expect(await collect(store.listHashesUploadedBefore(account, between))).toEqual([hash]);
    await store.put(account, hash, bytes, 'image/jpeg');
    expect(await collect(store.listHashesUploadedBefore(account, between))).toEqual([]);
  });

  it('collects bytes no photo references once the retention has passed', async () => {
    const account = await opened.newAccount();
    const other = await opened.newAccount();
    const referenced = photo();
    const orphan = photo();
    await store.put(account, referenced.hash, referenced.bytes, 'image/jpeg');
    await store.put(account, orphan.hash, orphan.bytes, 'image/jpeg');
    await store.put(other, orphan.hash, orphan.bytes, 'image/jpeg');
    const retentionMs = 60_000;
    const asked: [string, number][] = [];
    const referencedHashes = async (accountId: string, deletedAfter: Date) => {
      asked.push([accountId, deletedAfter.getTime()]);
      return new Set(accountId === account ? [referenced.hash] : [orphan.hash]);
    };

    // Within the retention nothing goes, referenced or not: the photo row may still be coming.
    await collectPhotoGarbage({ store, referencedHashes, retentionMs });
    expect(await store.has(account, orphan.hash)).toBe(true);

    const later = new Date(Date.now() + 2 * retentionMs);
    const result = await collectPhotoGarbage({ store, referencedHashes, retentionMs, now: later });
    expect(await store.has(account, orphan.hash)).toBe(false);
    expect(await store.has(account, referenced.hash)).toBe(true);
    expect(await store.has(other, orphan.hash)).toBe(true);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(asked).toContainEqual([account, later.getTime() - retentionMs]);
  });
});
