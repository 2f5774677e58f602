import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { uniqueEmail } from '../support/api.js';
import { expectPhotoOnServer } from '../support/server-state.js';
import { type EngineDevice, waitUntil } from './device.js';
import { expect, test } from './fixtures.js';
import { expectPill, goTo, openControlledApp, SYNCED, signUp } from './steps.js';

/** A 640×480 JPEG drawn and encoded by the engine itself, as base64 (any engine encodes JPEG). */
function drawnJpeg(device: EngineDevice): Promise<string> {
  return device.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.fillStyle = 'hsl(30 70% 40%)';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#fff';
    context.font = 'bold 120px sans-serif';
    context.fillText('Guji', 160, 280);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.9),
    );
    if (blob === null) throw new Error('canvas.toBlob gave nothing');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, null);
}

/** The strip's tiles: photo id, whether the thumbnail has drawn, and the unsynced mark. */
function stripTiles(
  device: EngineDevice,
): Promise<{ id: string; drawn: boolean; unsynced: boolean }[]> {
  return device.evaluate(
    () =>
      Array.from(document.querySelectorAll('.photo-strip .photo-tile[data-photo]')).map((tile) => {
        const img = tile.querySelector('img');
        return {
          id: tile.getAttribute('data-photo') ?? '',
          drawn: img?.complete === true && img.naturalWidth > 0,
          unsynced: tile.querySelector('[data-unsynced="true"]') !== null,
        };
      }),
    null,
  );
}

/**
 * Issue 12's photo story, in every engine: with no network a photo is taken on a bag (through
 * the engine's own file upload), shows on the bag at once, marked unsynced; once the network
 * returns, the server holds the photo's row and both its images, with no tap. The image
 * pipeline runs where the engine allows (OffscreenCanvas in a worker) or on the page.
 */
test('a photo taken offline shows on the bag at once and reaches the server when the network returns', async ({
  device,
  server,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dialin-engine-photo-'));
  try {
    await openControlledApp(device);
    const email = uniqueEmail(`photo-${device.engine}`);
    await signUp(device, email);
    await goTo(device, '#/bag-new');
    await device.fill('Name', 'Offline label');
    await device.tap('button', 'Add bag');
    await device.see('heading', 'Offline label');
    const file = path.join(folder, 'label.jpg');
    await writeFile(file, Buffer.from(await drawnJpeg(device), 'base64'));

    device.network.cut();
    await device.chooseFile('Take photo', file);
    const [tile] = await waitUntil('the photo on the bag', async () => {
      const tiles = await stripTiles(device);
      return tiles.length === 1 && tiles[0]?.drawn ? tiles : undefined;
    });
    expect(tile).toMatchObject({ unsynced: true });
    const photoId = tile?.id ?? '';

    device.network.restore();
    const { row, fullBytes, thumbBytes } = await expectPhotoOnServer(server.url, email, photoId);
    expect(row).toMatchObject({ ownerKind: 'bag', width: 640, height: 480, type: 'image/jpeg' });
    expect(fullBytes).toBe(row.bytes);
    expect(thumbBytes).toBeGreaterThan(0);
    await waitUntil(
      'the unsynced mark to go',
      async () => ((await stripTiles(device))[0]?.unsynced === false ? true : undefined),
      30_000,
    );
    await expectPill(device, SYNCED, 15_000);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
