import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type DialInDb } from '../data/db.js';
import { localPhotoBlob } from './photo-bytes.js';
import { imageBlob, isBlobRefusal } from './stored-bytes.js';

let opened: DialInDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

describe('image bytes as the engine stores them', () => {
  it('an image stored as an ArrayBuffer (an engine that refuses Blobs) reads back as a Blob of its type', async () => {
    const db = createDb(`stored-bytes-${crypto.randomUUID()}`);
    opened.push(db);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await db.photoBytes.put({
      hash: 'a'.repeat(64),
      type: 'image/jpeg',
      blob: bytes.buffer,
      kind: 'thumb',
      upload: 'pending',
      madeHere: true,
      lastViewedAt: 0,
      size: bytes.byteLength,
    });
    const blob = await localPhotoBlob(db, 'a'.repeat(64));
    expect(blob).toBeInstanceOf(Blob);
    expect(blob?.type).toBe('image/jpeg');
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);
    const stored = new Blob([bytes], { type: 'image/png' });
    expect(imageBlob({ blob: stored, type: 'image/png' })).toBe(stored);
  });

  it('knows WebKit’s refusal of Blob values from other failures', () => {
    const refusal = new Error('Error preparing Blob/File data to be stored in object store');
    refusal.name = 'UnknownError';
    expect(isBlobRefusal(refusal)).toBe(true);
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    expect(isBlobRefusal(quota)).toBe(false);
  });
});
