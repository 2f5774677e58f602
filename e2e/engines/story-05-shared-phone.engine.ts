import { uniqueEmail } from '../support/api.js';
import { expectServer } from '../support/server-state.js';
import { expect, test } from './fixtures.js';
import {
  expectPill,
  expectText,
  goTo,
  listedBrews,
  logBrew,
  logIn,
  openControlledApp,
  SYNCED,
  signUp,
} from './steps.js';
import { mentions, queuedRequests, readOriginTraces } from './traces.js';

/**
 * Story 5 in every engine: A logs out of a shared phone and nothing of A's is left in
 * IndexedDB, the worker's queue or Cache Storage; A logs in again and gets A's data back.
 */
test('story 5: a shared phone keeps nothing of A after log out', async ({ device, server }) => {
  await openControlledApp(device);
  const email = uniqueEmail(`story5-${device.engine}`);
  await signUp(device, email);
  const online = await logBrew(device, 'A-Kenya-bag');
  // One more with no network, so the worker's queue has held A's push too.
  device.network.cut();
  const queued = await logBrew(device);
  await expect.poll(() => queuedRequests(device)).toBeGreaterThan(0);
  device.network.restore();
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(2));
  await expectPill(device, SYNCED, 30_000);

  // The check must be able to find A before log out.
  const marks = [email, online, queued, 'A-Kenya-bag'];
  expect(mentions(await readOriginTraces(device), marks).length).toBeGreaterThan(0);

  await goTo(device, '#/account');
  await device.tap('button', 'Log out');
  // Everything synced: the one question says the brews are safe and the device is emptied.
  await device.see('dialog', /Log out of this device\?/);
  await device.tap('button', 'Log out', { inDialog: true });
  await device.see('heading', 'Create an account');
  await expectPill(device, 'Local only');
  await expect.poll(async () => mentions(await readOriginTraces(device), marks)).toEqual([]);
  expect(await queuedRequests(device)).toBe(0);
  const traces = await readOriginTraces(device);
  expect(
    Object.keys(traces.caches).filter((url) => new URL(url).pathname.startsWith('/api/')),
  ).toEqual([]);

  // Cold, the app shows nothing of A.
  await device.reopen('/');
  await expectText(device, 'No brews yet');
  await expectPill(device, 'Local only');

  await logIn(device, email);
  await expectPill(device, SYNCED, 30_000);
  await goTo(device, '#/');
  await expect
    .poll(async () => (await listedBrews(device)).map((b) => b.id).sort())
    .toEqual([online, queued].sort());
});
