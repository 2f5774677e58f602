import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Photos for the specs: JPEGs drawn on a canvas in the page (each a different colour, so each
 * has its own hash), and the photo strip's controls as a user finds them. Not a spec.
 */

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** `count` JPEGs of 640×480, each a different colour with its number written on it. */
export async function drawnJpegs(page: Page, count: number, from = 0): Promise<PickedFile[]> {
  const encoded = await page.evaluate(
    async ({ count, from }) => {
      const out: string[] = [];
      for (let i = from; i < from + count; i++) {
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 480;
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no 2D canvas');
        context.fillStyle = `hsl(${(i * 47) % 360} 70% 45%)`;
        context.fillRect(0, 0, 640, 480);
        context.fillStyle = '#fff';
        context.font = 'bold 200px sans-serif';
        context.fillText(String(i + 1), 220, 320);
        const blob = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/jpeg', 0.9),
        );
        if (blob === null) throw new Error('canvas.toBlob gave nothing');
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        out.push(btoa(binary));
      }
      return out;
    },
    { count, from },
  );
  return encoded.map((base64, i) => ({
    name: `photo-${from + i + 1}.jpg`,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(base64, 'base64'),
  }));
}

/** The strip's section on a bag or brew screen. */
export const photoStrip = (page: Page): Locator =>
  page.getByRole('region', { name: 'Photos' }).or(page.locator('.photo-strip'));

/** The tiles of the strip, in display order. */
export const photoTiles = (page: Page): Locator =>
  page.locator('.photo-strip .photo-tile[data-photo]');

/** "Take photo": the camera input behind its label. */
export const cameraInput = (page: Page): Locator =>
  page.locator('.photo-strip input[type=file][capture]');

/** "From library": the input without capture, several files at once. */
export const libraryInput = (page: Page): Locator =>
  page.locator('.photo-strip input[type=file]:not([capture])');

/** Takes photos one at a time with "Take photo", waiting for each to show. */
export async function takePhotos(page: Page, files: PickedFile[]): Promise<void> {
  for (const file of files) {
    const before = await photoTiles(page).count();
    await cameraInput(page).setInputFiles(file);
    await expect(photoTiles(page)).toHaveCount(before + 1);
  }
}

/** The photo ids of the strip, in display order. */
export function tileIds(page: Page): Promise<string[]> {
  return photoTiles(page).evaluateAll((tiles) =>
    tiles.map((tile) => tile.getAttribute('data-photo') ?? ''),
  );
}

/** Adds a bag through the form and lands on its screen; returns its id. */
export async function addBagThroughUi(page: Page, name: string): Promise<string> {
  await page.evaluate(() => {
    location.hash = '#/bag-new';
  });
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Add bag' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const id = new URL(page.url()).hash.replace(/^#\/bag\//, '').split('?')[0] ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

/** The hashes of the images the app's IndexedDB holds (its photoBytes table). */
export function heldImages(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('dial-in');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('photoBytes').objectStore('photoBytes').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.map(String));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}
