import { uniqueEmail } from './support/api.js';
import { LAPTOP, PHONE } from './support/device.js';
import { expect, test } from './support/fixtures.js';
import {
  addBagThroughUi,
  drawnJpegs,
  heldImages,
  photoTiles,
  takePhotos,
  tileIds,
} from './support/photos.js';
import { openControlledApp } from './support/pwa.js';
import { signUpThroughUi } from './support/pwa-ui.js';
import { expectPhotoOnServer } from './support/server-state.js';
import { goTo, logInThroughUi, pill, syncNowUntil } from './support/steps.js';

/**
 * Issue 13, two devices: the phone photographs a bag's label with no signal, the photo reaches
 * the server when the phone is back online (no tap), and the laptop of the same account shows
 * its thumbnail in the bag list; the full image comes down only when the laptop opens it.
 */
test('a photo taken offline on the phone reaches the laptop: the thumbnail in the list, the full image when opened', async ({
  openDevice,
  server,
}) => {
  // Set up side by side where nothing orders the steps: the laptop logs in while the phone adds the bag.
  const [phone, laptop] = await Promise.all([openDevice(PHONE), openDevice(LAPTOP)]);
  const a = phone.page;
  const b = laptop.page;
  const email = uniqueEmail('photo-two-devices');
  await Promise.all([openControlledApp(a), openControlledApp(b)]);
  await signUpThroughUi(a, email);
  const [bagId] = await Promise.all([
    addBagThroughUi(a, 'Label photo bag'),
    logInThroughUi(b, email),
  ]);

  await phone.context.setOffline(true);
  await takePhotos(a, await drawnJpegs(a, 1));
  const [photoId] = await tileIds(a);
  if (photoId === undefined) throw new Error('no photo tile');
  await expect(photoTiles(a).first().locator('[data-unsynced="true"]')).toBeVisible();
  await expect(pill(a)).toContainText('Offline');

  // Back online: the app uploads and pushes by itself.
  await phone.context.setOffline(false);
  await expect(photoTiles(a).first().locator('[data-unsynced="true"]')).toHaveCount(0, {
    timeout: 30_000,
  });
  const { row, fullBytes, thumbBytes } = await expectPhotoOnServer(server.url, email, photoId);
  expect(row).toMatchObject({ ownerKind: 'bag', ownerId: bagId, width: 640, height: 480 });
  expect(fullBytes).toBe(row.bytes);
  expect(thumbBytes).toBeGreaterThan(0);

  // The laptop: the thumbnail in the bag list, and only the thumbnail on the device.
  const listed = b.locator(`.bag-item[data-bag="${bagId}"] img.photo-thumb-row`);
  await syncNowUntil(b, async () => {
    await goTo(b, '#/bags');
    await expect(listed).toBeVisible({ timeout: 1_000 });
  });
  await expect.poll(() => listed.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  expect(await heldImages(b)).toEqual([row.thumbHash]);

  // Opened: the viewer downloads the full image (640 px wide, not the thumbnail's 320).
  await goTo(b, `#/bag/${bagId}`);
  await b.getByRole('link', { name: 'Open Label photo bag, photo 1 of 1' }).click();
  const full = b.locator('dialog.photo-viewer img.photo-full');
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  expect((await heldImages(b)).sort()).toEqual([row.hash, row.thumbHash].sort());
});
