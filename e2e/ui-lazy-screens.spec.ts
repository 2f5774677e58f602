import type { Route } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { openControlledApp } from './support/pwa.js';

/**
 * Screens past the first paint come in a chunk fetched right after it (client/src/ui/lazy.tsx).
 * Whatever that fetch does, nobody is left on "Loading…". The first two tests hold the chunk
 * on a first visit: once the worker is installed it comes from the precache, which `route`
 * does not see.
 */

/** The chunk with the screens that are not needed for the first paint. */
const LATER_CHUNK = /\/assets\/later-[\w-]+\.js$/;

test('a screen whose code fails to arrive says so, and Try again loads it', async ({ device }) => {
  const { page, context } = device;
  await context.route(LATER_CHUNK, (route) => route.abort('internetdisconnected'));
  await page.goto('/#/settings');
  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded.' });
  await expect(alert).toBeVisible();

  await context.unrouteAll();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // The failed fetch was logged; nothing else went wrong.
  expect(device.consoleErrors.filter((e) => !/later-|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual(
    [],
  );
});

test('a screen whose code is slow says so, and shows itself when the code arrives', async ({
  device,
}) => {
  const { page, context } = device;
  const held: Route[] = [];
  await context.route(LATER_CHUNK, (route) => {
    held.push(route);
  });
  await page.goto('/#/account');
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'This screen is taking too long to load.' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();

  // The held fetches go on (the page's import, and the worker's precaching of the same file).
  for (const route of held) await route.continue();
  await context.unrouteAll();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a screen opened while its chunk is arriving shows itself (the render/effect race)', async ({
  device,
}) => {
  const { page, context } = device;
  // Opens Account `d` ms after the page starts (from ?d=), while the chunk is on its way.
  await context.addInitScript(() => {
    const d = Number(new URLSearchParams(location.search).get('d') ?? -1);
    if (d >= 0) setTimeout(() => (location.hash = '#/account'), d);
  });
  await openControlledApp(page, '/');
  // A slower CPU widens the gap between a render and its effect (the next frame), where the
  // race was: 9 of 40 such opens stayed on "Loading…" before the fix, 0 of 40 after.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let d = 0; d < 100; d += 9) {
    await page.goto(`/?d=${d}#/`);
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible({
      timeout: 6_000,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
