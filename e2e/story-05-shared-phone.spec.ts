import type { BrowserContext, Page } from '@playwright/test';
import { isApiPath } from '../shared/protocol/routes.js';
import { uniqueEmail } from './support/api.js';
import { mentions, readCacheStorage, readIndexedDb } from './support/device-traces.js';
import { expect, test } from './support/fixtures.js';
import { drawnJpegs, heldImages, takePhotos, tileIds } from './support/photos.js';
import { eventually, openControlledApp, readQueue } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { expectPhotoOnServer, expectServer } from './support/server-state.js';
import {
  expectAllSynced,
  goTo,
  logInThroughUi,
  logOutThroughUi,
  pill,
  SYNCED,
} from './support/steps.js';

/** The four places a person's data could linger on a device after log out. */
async function expectNoTraces(context: BrowserContext, page: Page, marks: string[]) {
  // 1. IndexedDB: every database and store of the origin (the app's and any other).
  const databases = await readIndexedDb(context);
  expect(mentions(databases, marks), 'IndexedDB').toEqual([]);
  const app = databases.find((d) => d.name === 'dial-in');
  for (const table of ['bags', 'brews', 'photos', 'photoBytes', 'outbox', 'historyPages']) {
    expect(app?.stores[table], `dial-in.${table}`).toEqual([]);
  }
  // 2. The Workbox Background Sync queue.
  expect(await readQueue(context), 'Workbox queue').toEqual([]);
  // 3. Cache Storage: no API response, and nothing cached mentions the person.
  const cached = await readCacheStorage(context);
  expect(
    cached.filter((c) => isApiPath(new URL(c.url).pathname)),
    'cached API responses',
  ).toEqual([]);
  expect(mentions(cached, marks), 'Cache Storage').toEqual([]);
  // 4. The UI, cold: reloaded, every screen is empty and no email is offered.
  await page.goto('/');
  await expect(page.getByText('No brews yet')).toBeVisible();
  await expect(pill(page)).toHaveText('Local only');
  await goTo(page, '#/bags');
  await expect(page.getByText('No open bags')).toBeVisible();
  await goTo(page, '#/history');
  await expect(page.getByText('Nothing deleted.')).toBeVisible();
  await expect(page.getByText('No values were overwritten by another device.')).toBeVisible();
  await goTo(page, '#/account');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await expect(page.locator('#a-email')).toHaveValue('');
  expect(mentions(await page.content(), marks), 'the page').toEqual([]);
}

/**
 * Story 5 — shared phone: A logs out and nothing of A's is left on the phone (IndexedDB with
 * its photos and their bytes, the Workbox queue, Cache Storage, the UI); B uses the phone; A
 * logs in again and gets all of A's data back from the server, and nothing of B's.
 */
test('story 5: a shared phone keeps nothing of A after log out, and A logs in again to A’s data only', async ({
  device,
  server,
}) => {
  const { context, page } = device;
  const emailA = uniqueEmail('story5a');
  await openControlledApp(page);
  await signUpThroughUi(page, emailA);
  const a1 = await logBrewThroughUi(page, 'A: first cup', 'A’s Kenya');
  const a2 = await logBrewThroughUi(page, 'A: second cup');
  // One more with no signal, so the worker's queue has held A's push too.
  await context.setOffline(true);
  const a3 = await logBrewThroughUi(page, 'A: offline cup');
  await eventually(
    async () => ((await readQueue(context)).length > 0 ? true : undefined),
    'A’s offline push queued by the worker',
  );
  // And a photo of the bag's label, taken with no signal: its bytes wait on the phone.
  await goTo(page, '#/bags');
  await page.locator('.bag-item', { hasText: 'A’s Kenya' }).click();
  await expect(page.getByRole('heading', { name: 'A’s Kenya' })).toBeVisible();
  await takePhotos(page, await drawnJpegs(page, 1));
  const [photoId = ''] = await tileIds(page);
  await context.setOffline(false);
  await expectAllSynced(page);
  await expectServer(server.url, emailA, (rows) => expect(rows.brews).toHaveLength(3));
  const photo = await expectPhotoOnServer(server.url, emailA, photoId);
  expect(await heldImages(page)).toEqual(
    expect.arrayContaining([photo.row.hash, photo.row.thumbHash]),
  );

  // What identifies A on this phone; the check must be able to find it before log out.
  const databases = await readIndexedDb(context);
  const meta = databases.find((d) => d.name === 'dial-in')?.stores.meta?.[0] as {
    accountId: string;
  };
  const marks = [
    emailA,
    meta.accountId,
    a1,
    a2,
    a3,
    'A: first cup',
    'A: offline cup',
    'A’s Kenya',
    photoId,
    photo.row.hash,
    photo.row.thumbHash,
  ];
  expect(mentions(databases, marks).sort()).toEqual([...marks].sort());

  await logOutThroughUi(page);
  await expectNoTraces(context, page, marks);

  // B borrows the phone.
  const emailB = uniqueEmail('story5b');
  await signUpThroughUi(page, emailB);
  const b1 = await logBrewThroughUi(page, 'B: borrowed the phone', 'B’s Colombia');
  await expectAllSynced(page);
  await logOutThroughUi(page);
  await expectNoTraces(context, page, [emailB, b1, 'B: borrowed the phone', 'B’s Colombia']);

  // A is back: everything of A's, from the server, and nothing of B's.
  await logInThroughUi(page, emailA);
  await expect(pill(page)).toHaveText(SYNCED);
  await goTo(page, '#/');
  for (const id of [a1, a2, a3]) await expect(brewRow(page, id)).toContainText('A’s Kenya');
  await expect(page.locator('.brew-item')).toHaveCount(3);
  await expect(brewRow(page, b1)).toHaveCount(0);
  await goTo(page, '#/bags');
  await expect(page.locator('.bag-item')).toHaveText([/A’s Kenya.*3 brews/]);
  // The log-in brings the photo's thumbnail down again; the full image waits to be opened.
  await expect.poll(() => heldImages(page)).toEqual([photo.row.thumbHash]);
  const onPhone = await readIndexedDb(context);
  expect(mentions(onPhone, [emailB, b1, 'B: borrowed the phone', 'B’s Colombia'])).toEqual([]);
  await expectServer(server.url, emailB, (rows) =>
    expect(rows.brews.map((b) => b.id)).toEqual([b1]),
  );
  await expectServer(server.url, emailA, (rows) =>
    expect(rows.brews.map((b) => b.id).sort()).toEqual([a1, a2, a3].sort()),
  );
});
