import { uniqueEmail } from '../support/api.js';
import { expectServer } from '../support/server-state.js';
import { expect, test } from './fixtures.js';
import {
  expectPill,
  goTo,
  listedBrews,
  logBrew,
  openControlledApp,
  SYNCED,
  signUp,
} from './steps.js';
import { queuedRequests } from './traces.js';

/**
 * Story 1 in every engine (without the CDP-only installability check, which stays in the
 * Chromium spec): with no network the app opens cold from its worker, logs brews, holds them
 * in the worker's queue, and they reach the server once the network is back, with no tap.
 */
test('story 1: a cold start with no network, two brews, delivered when the network returns', async ({
  device,
  server,
}) => {
  await openControlledApp(device);
  const email = uniqueEmail(`story1-${device.engine}`);
  await signUp(device, email);

  device.network.cut();
  await device.reopen('/');
  await device.see('heading', 'Brews');
  const logged = [await logBrew(device, 'Airplane Guji'), await logBrew(device)];
  await goTo(device, '#/');
  await expect
    .poll(() => listedBrews(device))
    .toEqual(expect.arrayContaining(logged.map((id) => ({ id, unsynced: true }))));
  // The app handed its pushes to the worker, which holds them for when the network returns.
  await expect.poll(() => queuedRequests(device)).toBeGreaterThan(0);
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(0));

  device.network.restore();
  const { bags, brews } = await expectServer(server.url, email, (rows) =>
    expect(rows.brews).toHaveLength(2),
  );
  expect(brews.map((b) => b.id).sort()).toEqual([...logged].sort());
  expect(bags.map((b) => b.name)).toEqual(['Airplane Guji']);
  await expect.poll(() => queuedRequests(device), { timeout: 30_000 }).toBe(0);
  await expectPill(device, SYNCED, 15_000);

  // Opened again: nothing waits to be sent.
  await device.reopen('/');
  await expect
    .poll(() => listedBrews(device))
    .toEqual(expect.arrayContaining(logged.map((id) => ({ id, unsynced: false }))));
  await expectPill(device, SYNCED);
});
