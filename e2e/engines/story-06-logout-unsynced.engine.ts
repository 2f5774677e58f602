import { uniqueEmail } from '../support/api.js';
import { expectServer } from '../support/server-state.js';
import { expect, test } from './fixtures.js';
import {
  expectPill,
  expectText,
  goTo,
  listedBrews,
  logBrew,
  openControlledApp,
  SYNCED,
  signUp,
} from './steps.js';

/**
 * Story 6 in every engine: with one brew not yet on the server, logging out warns; "Stay
 * signed in" keeps it, and it syncs by itself once the network is back.
 */
test('story 6: logging out over an unsynced brew warns, Stay keeps it, and it syncs later', async ({
  device,
  server,
}) => {
  await openControlledApp(device);
  const email = uniqueEmail(`story6-${device.engine}`);
  await signUp(device, email);
  const synced = await logBrew(device, 'Unsynced Sidamo');
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));

  device.network.cut();
  const offline = await logBrew(device);
  await goTo(device, '#/account');
  await device.tap('button', 'Log out');
  await device.see('dialog', /Unsynced changes/);
  await expectText(device, "1 change hasn't reached the server.");
  await device.tap('button', 'Stay signed in');
  await device.see('heading', 'Signed in');
  await expectText(device, email);
  await goTo(device, '#/');
  await expect.poll(() => listedBrews(device)).toContainEqual({ id: offline, unsynced: true });
  const held = await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));
  expect(held.brews.map((b) => b.id)).toEqual([synced]);

  device.network.restore();
  await expectServer(server.url, email, (rows) =>
    expect(rows.brews.map((b) => b.id).sort()).toEqual([synced, offline].sort()),
  );
  await expectPill(device, SYNCED, 15_000);
  await expect.poll(() => listedBrews(device)).toContainEqual({ id: offline, unsynced: false });
});
