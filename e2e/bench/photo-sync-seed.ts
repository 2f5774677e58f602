import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { photoPath } from '../../shared/protocol/routes.js';
import type { ApiClient } from '../support/api.js';
import { ApiDevice } from '../support/late-device-state.js';
import { type SeededAccount, seedAccount } from './browser-seed.js';

/**
 * The photo side of the initial-sync benchmark: an account seeded as browser-seed.ts does, plus
 * `photos` photo rows (pushed as the device that took them would) whose thumbnails' bytes are
 * uploaded through the photo route. The thumbnails are a few JPEGs drawn in a page at 320×240
 * and encoded until each fits 30 KB, as the pipeline makes them, each copy given its own bytes
 * by a JPEG comment with its number, so every photo has its own hash and a real image. The
 * full images' bytes are not uploaded: an initial sync never downloads them (photo-bytes.ts
 * fetches a full image only when it is opened). Not a spec: photo-sync-bench.ts uses it.
 */

const BASE_THUMBNAILS = 8;
const THUMB_TARGET_BYTES = 30 * 1024;
const PARALLEL_UPLOADS = 4;

/** Distinct 320×240 JPEGs of ≤ 30 KB: gradient, shapes and grain, drawn in `page`. */
export async function drawThumbnails(page: Page, count = BASE_THUMBNAILS): Promise<Buffer[]> {
  const encoded = await page.evaluate(
    async ({ count, target }) => {
      const out: string[] = [];
      for (let n = 0; n < count; n++) {
        const canvas = new OffscreenCanvas(320, 240);
        const c = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        const g = c.createLinearGradient(0, 0, 320, 240);
        g.addColorStop(0, `hsl(${(n * 45) % 360} 45% 25%)`);
        g.addColorStop(1, `hsl(${(n * 45 + 40) % 360} 50% 80%)`);
        c.fillStyle = g;
        c.fillRect(0, 0, 320, 240);
        for (let i = 0; i < 300; i++) {
          c.fillStyle = `hsl(${(i * 37 + n * 11) % 360} 60% ${30 + (i % 50)}% / 0.5)`;
          c.fillRect((i * 7919) % 320, (i * 104729) % 240, 4 + (i % 40), 4 + ((i * 3) % 30));
        }
        const grain = c.getImageData(0, 0, 320, 240);
        for (let i = 0; i < grain.data.length; i += 4) {
          const d = (Math.random() - 0.5) * 32;
          grain.data[i] = (grain.data[i] ?? 0) + d;
          grain.data[i + 1] = (grain.data[i + 1] ?? 0) + d;
          grain.data[i + 2] = (grain.data[i + 2] ?? 0) + d;
        }
        c.putImageData(grain, 0, 0);
        // As the pipeline does: 0.8, lowered until the thumbnail fits its target.
        let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
        for (let q = 0.7; blob.size > target && q > 0.2; q -= 0.1) {
          blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: q });
        }
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let at = 0; at < bytes.length; at += 32_768) {
          binary += String.fromCharCode(...bytes.subarray(at, at + 32_768));
        }
        out.push(btoa(binary));
      }
      return out;
    },
    { count, target: THUMB_TARGET_BYTES },
  );
  return encoded.map((base64) => Buffer.from(base64, 'base64'));
}

/** `jpeg` with a comment segment (FF FE) naming `label` right after its start marker. */
export function withComment(jpeg: Buffer, label: string): Buffer {
  const text = Buffer.from(label, 'latin1');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface PhotoSeed {
  photos: number;
  /** The thumbnails' hashes, in upload order. */
  thumbHashes: string[];
  /** Bytes of every thumbnail uploaded. */
  thumbBytes: number;
  /** Wall-clock time of the photo rows' push and the uploads. */
  seedMs: number;
}

/**
 * Photo `i` belongs to a bag for even i and to a brew for odd i, round-robin, so no owner
 * comes near the six-photo limit with 300 bags and 1,000 brews.
 */
export async function seedPhotos(
  api: ApiClient,
  account: SeededAccount,
  thumbnails: Buffer[],
  photos: number,
): Promise<PhotoSeed> {
  const t0 = performance.now();
  const device = new ApiDevice(api, account.accountId);
  const thumbs = Array.from({ length: photos }, (_, i) =>
    withComment(thumbnails[i % thumbnails.length] as Buffer, `dial-in bench thumbnail ${i}`),
  );
  const mutations = thumbs.map((thumb, i) => {
    const bag = i % 2 === 0;
    const owners = bag ? account.bagIds : account.brewIds;
    return device.mutation('photo', randomUUID(), {
      ownerKind: bag ? 'bag' : 'brew',
      ownerId: owners[Math.floor(i / 2) % owners.length],
      position: Math.floor(i / 2 / owners.length),
      hash: randomBytes(32).toString('hex'),
      type: 'image/jpeg',
      thumbHash: sha256(thumb),
      thumbType: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: 260_000,
    });
  });
  await device.push(mutations, 500);
  const queue = [...thumbs];
  const upload = async () => {
    for (let thumb = queue.shift(); thumb !== undefined; thumb = queue.shift()) {
      const response = await api.request.put(photoPath(sha256(thumb)), {
        headers: { origin: api.baseURL, 'content-type': 'image/jpeg' },
        data: thumb,
      });
      if (!response.ok()) {
        throw new Error(`thumbnail upload answered ${response.status()}: ${await response.text()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, upload));
  return {
    photos,
    thumbHashes: thumbs.map(sha256),
    thumbBytes: thumbs.reduce((sum, thumb) => sum + thumb.byteLength, 0),
    seedMs: performance.now() - t0,
  };
}

/** Two accounts holding the same rows (counts and shapes), one with `photos` photos on top. */
export async function seedPhotoAccounts(
  apis: { withPhotos: ApiClient; without: ApiClient },
  counts: { bags: number; brews: number; photos: number },
  thumbnails: Buffer[],
): Promise<{ withPhotos: SeededAccount; without: SeededAccount; photos: PhotoSeed }> {
  const without = await seedAccount(apis.without, counts);
  const withPhotos = await seedAccount(apis.withPhotos, counts);
  const photos = await seedPhotos(apis.withPhotos, withPhotos, thumbnails, counts.photos);
  return { withPhotos, without, photos };
}
