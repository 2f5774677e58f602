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

/**
 * Story 4 in every engine: brews logged with no account stay on the device; signing up sends
 * them all; a second device that logs in sees every one.
 */
test('story 4: brews logged without an account reach the server at sign-up', async ({
  device,
  openDevice,
  server,
}) => {
  await openControlledApp(device);
  await expectPill(device, 'Local only');
  const first = await logBrew(device, 'Anonymous Huila');
  const second = await logBrew(device);
  await goTo(device, '#/account');
  await expectText(device, 'This device only (no account)');

  const email = uniqueEmail(`story4-${device.engine}`);
  await signUp(device, email);
  await expectPill(device, SYNCED, 30_000);
  await goTo(device, '#/');
  await expect
    .poll(() => listedBrews(device))
    .toEqual(
      expect.arrayContaining([
        { id: first, unsynced: false },
        { id: second, unsynced: false },
      ]),
    );

  const { bags, brews } = await expectServer(server.url, email, (rows) =>
    expect(rows.brews).toHaveLength(2),
  );
  expect(bags.map((b) => b.name)).toEqual(['Anonymous Huila']);
  expect(brews.map((b) => b.id).sort()).toEqual([first, second].sort());

  const other = await openDevice();
  await openControlledApp(other);
  await logIn(other, email);
  await expectPill(other, SYNCED, 30_000);
  await goTo(other, '#/');
  await expect
    .poll(async () => (await listedBrews(other)).map((b) => b.id).sort())
    .toEqual([first, second].sort());
});
