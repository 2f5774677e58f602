import { uniqueEmail } from './support/api.js';
import { expectAccessible } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import {
  addBagThroughUi,
  cameraInput,
  drawnJpegs,
  libraryInput,
  photoTiles,
  takePhotos,
  tileIds,
} from './support/photos.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { goTo } from './support/steps.js';

/**
 * Photos in the UI (issue 13): the strip on a bag's screen, the thumbnails in the lists, the
 * full-screen viewer, and what the user reads when something cannot be done.
 */

test('a photo taken offline shows at once, unsynced, in the strip and the bag list; it reorders and removes with Undo', async ({
  device,
}) => {
  const { page, context } = device;
  await openControlledApp(page);
  await signUpThroughUi(page, uniqueEmail('photo-strip'));
  const bagId = await addBagThroughUi(page, 'Guji Hambela');
  await expect(page.getByTestId('photo-count')).toHaveText('0 of 6 photos');

  // Offline, so nothing reaches the server and the mark must stay.
  await context.setOffline(true);
  const files = await drawnJpegs(page, 3);
  await takePhotos(page, files.slice(0, 1));
  const first = photoTiles(page).first();
  await expect(first.locator('img')).toBeVisible();
  await expect(first.locator('[data-unsynced="true"]')).toHaveText('↻ Unsynced');
  await expect(page.getByTestId('photo-count')).toHaveText('1 of 6 photos');

  await takePhotos(page, files.slice(1));
  const [a, b, c] = await tileIds(page);

  // Move the third earlier, then the first later: c a b → c b a.
  await page.getByRole('button', { name: 'Move Guji Hambela, photo 3 of 3 earlier' }).click();
  await expect.poll(() => tileIds(page)).toEqual([a, c, b]);
  await page.getByRole('button', { name: 'Move Guji Hambela, photo 2 of 3 earlier' }).click();
  await expect.poll(() => tileIds(page)).toEqual([c, a, b]);
  await page.getByRole('button', { name: 'Move Guji Hambela, photo 2 of 3 later' }).click();
  await expect.poll(() => tileIds(page)).toEqual([c, b, a]);
  await expect(
    page.getByRole('button', { name: 'Move Guji Hambela, photo 1 of 3 earlier' }),
  ).toBeDisabled();
  await expect(
    page.getByRole('button', { name: 'Move Guji Hambela, photo 3 of 3 later' }),
  ).toBeDisabled();

  // Remove the middle one; Undo brings it back in its place.
  await page.getByRole('button', { name: 'Remove Guji Hambela, photo 2 of 3' }).click();
  await expect.poll(() => tileIds(page)).toEqual([c, a]);
  await expect(page.getByTestId('photo-count')).toHaveText('2 of 6 photos');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Photo removed');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => tileIds(page)).toEqual([c, b, a]);

  // The bag list shows the first photo small, and the row keeps its height.
  await goTo(page, '#/bags');
  const row = page.locator(`.bag-item[data-bag="${bagId}"]`);
  await expect(row.locator('img.photo-thumb-row')).toBeVisible();
  const withPhoto = await row.boundingBox();
  await addBagThroughUi(page, 'Kenya AA');
  await goTo(page, '#/bags');
  const plain = await page.locator('.bag-item', { hasText: 'Kenya AA' }).boundingBox();
  expect(withPhoto?.height).toBe(plain?.height);
});

test('a bag takes six photos: the seventh is refused with words, from one pick or another', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/');
  await addBagThroughUi(page, 'Six photos');
  const files = await drawnJpegs(page, 7);
  await libraryInput(page).setInputFiles(files);
  await expect(photoTiles(page)).toHaveCount(6);
  await expect(page.getByTestId('photo-problem')).toHaveText(
    '1 photo was not added: a bag can have 6 photos.',
  );
  await expect(page.getByTestId('photo-count')).toHaveText('6 of 6 photos');
  // Full: the add buttons give way to the reason.
  await expect(page.getByTestId('photo-full')).toHaveText(
    'This bag has 6 photos, the most it can have. Remove one to add another.',
  );
  await expect(cameraInput(page)).toHaveCount(0);
  await expect(page.getByText('Take photo')).toHaveCount(0);
});

test('a file that is not a picture is refused by name, and nothing is added', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/');
  await addBagThroughUi(page, 'Not a picture');
  await cameraInput(page).setInputFiles({
    name: 'label.pdf',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('%PDF-1.4 not an image at all'),
  });
  await expect(page.getByTestId('photo-problem')).toHaveText(
    '“label.pdf” is not a picture this browser can open. Pick a JPEG, PNG or WebP photo.',
  );
  await expect(photoTiles(page)).toHaveCount(0);
  await expect(page.getByTestId('photo-count')).toHaveText('0 of 6 photos');
});

test('the viewer shows the full image, swipes, takes the arrow keys and closes with Escape', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/');
  const bagId = await addBagThroughUi(page, 'Viewer bag');
  await takePhotos(page, await drawnJpegs(page, 3));
  const ids = await tileIds(page);

  await page.getByRole('link', { name: 'Open Viewer bag, photo 1 of 3' }).click();
  await expect(page.getByRole('dialog', { name: 'Photo 1 of 3' })).toBeVisible();
  // Named by the photo it shows, so found by its class as it moves on.
  const viewer = page.locator('dialog.photo-viewer');
  const full = viewer.locator('img.photo-full');
  await expect(full).toBeVisible();
  // The full image, not the thumbnail: its natural size is the picture's 640 px.
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);

  // Swipe left (finger from right to left): the next photo.
  const box = await full.boundingBox();
  if (box === null) throw new Error('the image has no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('photo-position')).toHaveText('2 of 3');
  // Swipe right: back to the first.
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('photo-position')).toHaveText('1 of 3');

  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('photo-position')).toHaveText('3 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('photo-position')).toHaveText('1 of 3');
  await viewer.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('photo-position')).toHaveText('2 of 3');
  expect(ids).toHaveLength(3);

  // A caption, written here, shows under the photo and names it.
  await viewer.getByRole('button', { name: 'Add caption' }).click();
  await viewer.getByLabel('Caption').fill('Label, front');
  await viewer.getByRole('button', { name: 'Save' }).click();
  await expect(viewer.locator('figcaption')).toHaveText('Label, front');
  await expect(viewer.getByRole('img', { name: 'Label, front' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/bag/${bagId}$`));
  await expect(page.getByRole('heading', { name: 'Viewer bag' })).toBeVisible();
});

test('the bag screen with photos, the lists with thumbnails and the viewer pass axe, light and dark', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/');
  const bagId = await addBagThroughUi(page, 'Axe bag');
  await takePhotos(page, await drawnJpegs(page, 2));
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await goTo(page, `#/bag/${bagId}`);
    await expect(photoTiles(page).nth(1).locator('img')).toBeVisible();
    await expectAccessible(page, `bag with photos, ${theme}`);
    await goTo(page, '#/bags');
    await expect(page.locator('img.photo-thumb-row')).toBeVisible();
    await expectAccessible(page, `bag list with a thumbnail, ${theme}`);
    await goTo(page, `#/photo/${bagId}?kind=bag&i=1`);
    await expect(page.locator('dialog.photo-viewer img.photo-full')).toBeVisible();
    await expectAccessible(page, `photo viewer, ${theme}`);
    await page.keyboard.press('Escape');
  }
});

test('Settings counts the photos on this device and keeps the photo budget chosen', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/#/settings');
  await expect(page.getByTestId('photo-use')).toHaveText('No photos on this device.');
  const budget = page.getByLabel('Full-size photos kept on this device');
  await expect(budget).toHaveValue('200');

  await addBagThroughUi(page, 'Counted bag');
  await takePhotos(page, await drawnJpegs(page, 1));
  await goTo(page, '#/settings');
  await expect(page.getByTestId('photo-use')).toHaveText(
    /^Photos use \d+ KB on this device: full images \d+ KB, thumbnails \d+ KB\.$/,
  );
  await budget.selectOption('500');
  await expect(page.getByTestId('photo-budget-status')).toHaveText(
    'Keeping up to 500 MB of photos. Saved on this device.',
  );
  await page.reload();
  await expect(page.getByLabel('Full-size photos kept on this device')).toHaveValue('500');
});

test('a brew’s photo shows small in the brew list, and its row keeps its height', async ({
  device,
}) => {
  const { page } = device;
  await page.goto('/');
  const id = await logBrewThroughUi(page, 'with a photo', 'Row height bag');
  const row = brewRow(page, id);
  const before = await row.boundingBox();
  await goTo(page, `#/brew/${id}`);
  await takePhotos(page, await drawnJpegs(page, 1));
  await goTo(page, '#/');
  await expect(row.locator('img.photo-thumb-row')).toBeVisible();
  expect((await row.boundingBox())?.height).toBe(before?.height);
});
