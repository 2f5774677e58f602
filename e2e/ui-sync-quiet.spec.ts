import { newApiClient, uniqueEmail } from './support/api.js';
import { expect, test } from './support/fixtures.js';
import { ApiDevice } from './support/late-device-state.js';
import { openControlledApp } from './support/pwa.js';
import { brewRow, logBrewThroughUi, signUpThroughUi } from './support/pwa-ui.js';
import { expectServer } from './support/server-state.js';
import { syncNowUntil } from './support/steps.js';

/**
 * Every sync pulls, and most pulls bring nothing or a few rows. Such a pull shows no download
 * banner: one that came and went above the screen in a few milliseconds moved what was under
 * the finger between its press and its release, and the tap was lost (story 7's "Save" and the
 * photo story's "Add bag" in WebKit). The long download's banner is story 7's.
 */
test('signing up, logging a brew and pulling a few rows from another device never flash the download banner', async ({
  device,
  server,
}) => {
  const { page } = device;
  await openControlledApp(page);
  // From here on, every banner the page ever draws, however briefly.
  await page.evaluate(() => {
    const w = window as unknown as { bannersSeen: string[] };
    w.bannersSeen = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (!(node instanceof HTMLElement)) continue;
          // The banner itself, or its bar put in anew.
          if (node.id === 'download-progress' || node.querySelector('#download-progress')) {
            w.bannersSeen.push(node.textContent ?? '');
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const email = uniqueEmail('sync-quiet');
  await signUpThroughUi(page, email);
  const own = await logBrewThroughUi(page, 'first shot');

  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));

  // Another device changes three fields of it; the phone pulls them.
  const api = await newApiClient(server.url);
  try {
    const session = await api.login(email);
    const other = new ApiDevice(api, session.account.id);
    await other.push([
      other.mutation('brew', own, { notes: 'tasted again: cocoa' }),
      other.mutation('brew', own, { rating: 4 }),
      other.mutation('brew', own, { doseG: 18.5 }),
    ]);
  } finally {
    await api.dispose();
  }
  await syncNowUntil(page, async () => {
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await expect(brewRow(page, own)).toContainText('18.5 g', { timeout: 2_000 });
    await expect(brewRow(page, own)).toContainText('rated 4');
  });

  const seen = await page.evaluate(
    () => (window as unknown as { bannersSeen: string[] }).bannersSeen,
  );
  expect(seen).toEqual([]);
});
