import type { Page } from '@playwright/test';
import { launchDevice } from '../support/device.js';
import { addBagThroughUi, photoTiles } from '../support/photos.js';
import { openControlledApp } from '../support/pwa.js';

/**
 * Issue 13's "pick → thumbnail in the list", in the built app on a phone-sized Chromium
 * (390×844, e2e/support/device.ts PHONE), anonymous (no upload starts behind the pick). Each
 * round the user opens a bag with no photo from the Bags list, taps "Take photo" and picks a
 * new WIDTH × ¾ JPEG; the stopwatch runs in the page, from the input's `change` event
 * (capture phase, before the app's handler) to the new tile's <img> in the bag screen's photo
 * strip — the list the user sees right after the pick — decoded (`img.decode()`) and visible.
 * The floor, in the same page on the same file: createImageBitmap and one 320 px JPEG encode.
 * Not a spec: photo-bench.ts runs it.
 */

export interface PickRound {
  /** The change event → the thumbnail decoded in the strip. */
  toThumbMs: number;
  /** The change event → the first animation frame after that decode (the frame that shows it). */
  toFrameMs: number;
  floorMs: number;
  sourceBytes: number;
  visible: boolean;
}

/** A camera-like WIDTH × ¾ JPEG (gradient, shapes, grain: a new grain every call), kept in the page. */
async function drawSource(page: Page, width: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (width) => {
    const height = Math.round((width * 3) / 4);
    const canvas = new OffscreenCanvas(width, height);
    const c = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const g = c.createLinearGradient(0, 0, width, height);
    g.addColorStop(0, '#6b4226');
    g.addColorStop(1, '#e8d8b0');
    c.fillStyle = g;
    c.fillRect(0, 0, width, height);
    for (let i = 0; i < 4000; i++) {
      c.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 50)}% / 0.5)`;
      c.fillRect((i * 7919) % width, (i * 104729) % height, 20 + (i % 200), 20 + ((i * 3) % 150));
    }
    const grain = c.getImageData(0, 0, width, height);
    for (let i = 0; i < grain.data.length; i += 4) {
      const n = (Math.random() - 0.5) * 24;
      grain.data[i] = (grain.data[i] ?? 0) + n;
      grain.data[i + 1] = (grain.data[i + 1] ?? 0) + n;
      grain.data[i + 2] = (grain.data[i + 2] ?? 0) + n;
    }
    c.putImageData(grain, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    (globalThis as unknown as { benchFile: Blob }).benchFile = blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let at = 0; at < bytes.length; at += 32_768) {
      binary += String.fromCharCode(...bytes.subarray(at, at + 32_768));
    }
    return btoa(binary);
  }, width);
  return Buffer.from(base64, 'base64');
}

/**
 * Arms the page's stopwatch: resolves with the change event's time, the new thumbnail's decode
 * and the next frame. A string, not a function: the page cannot see tsx's `__name` helper. It
 * ends in `undefined`, or page.evaluate would wait for the promise it assigns.
 */
const ARM_STOPWATCH = `window.benchPick = new Promise((resolve) => {
  let picked = 0;
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') picked = performance.now();
  }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const img = document.querySelector('.photo-strip .photo-tile[data-photo] img');
    if (!picked || img === null) return;
    observer.disconnect();
    img.decode().then(() => {
      const decoded = performance.now();
      requestAnimationFrame(() => resolve({ picked, decoded, frame: performance.now(), visible: img.checkVisibility() && img.naturalWidth > 0 }));
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
});
undefined;`;

/** The floor on the page's benchFile: a bare decode and one 320 px JPEG encode. */
const FLOOR = `(async () => {
  const file = globalThis.benchFile;
  const t = performance.now();
  const bitmap = await createImageBitmap(file);
  const scale = 320 / Math.max(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  const ms = performance.now() - t;
  bitmap.close();
  return ms;
})()`;

export async function pickToThumbnail(
  serverUrl: string,
  rounds: number,
  width: number,
): Promise<PickRound[]> {
  const device = await launchDevice(serverUrl);
  const { page } = device;
  try {
    await openControlledApp(page);
    // One bag per round: each pick is its bag's first photo (a bag holds at most six).
    const names = Array.from({ length: rounds }, (_, i) => `Pick bench bag ${i + 1}`);
    for (const name of names) await addBagThroughUi(page, name);
    const out: PickRound[] = [];
    for (const name of names) {
      const buffer = await drawSource(page, width);
      await page.evaluate(() => {
        location.hash = '#/bags';
      });
      // "bag 1" must not open "bag 10": the name, then anything but a digit.
      await page
        .locator('a.bag-item')
        .filter({ hasText: new RegExp(`${name}(?!\\d)`) })
        .click();
      await page.getByRole('heading', { name }).waitFor();
      await page.getByTestId('photo-count').getByText('0 of').waitFor();
      await page.evaluate(ARM_STOPWATCH);
      const chooser = page.waitForEvent('filechooser');
      await page.locator('.photo-strip label', { hasText: 'Take photo' }).click();
      await (await chooser).setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer });
      const t = (await page.evaluate('window.benchPick')) as {
        picked: number;
        decoded: number;
        frame: number;
        visible: boolean;
      };
      await photoTiles(page).first().waitFor();
      const floorMs = (await page.evaluate(FLOOR)) as number;
      out.push({
        toThumbMs: t.decoded - t.picked,
        toFrameMs: t.frame - t.picked,
        floorMs,
        sourceBytes: buffer.byteLength,
        visible: t.visible,
      });
    }
    return out;
  } finally {
    await device.close();
  }
}
