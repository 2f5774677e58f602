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

/** How long the server stays out of reach: long enough for the retries to back off. */
const OUTAGE_MS = 20_000;
/** The promise: delivered this soon after the server is back, with no user action. */
const DELIVERY_MS = 30_000;

/**
 * A server outage while the device stays online (navigator.onLine never changes, so no
 * `online` event fires): a brew logged during it reaches the server within 30 s of the server
 * returning, in every engine, including the two without Background Sync.
 */
test('server outage: a brew logged while the server is down arrives within 30 s of its return', async ({
  device,
  server,
}, testInfo) => {
  await openControlledApp(device);
  const email = uniqueEmail(`outage-${device.engine}`);
  await signUp(device, email);
  const before = await logBrew(device, 'Outage Sidamo');
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));

  device.network.cut();
  const during = await logBrew(device);
  await goTo(device, '#/');
  await expect.poll(() => listedBrews(device)).toContainEqual({ id: during, unsynced: true });
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  const held = await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));
  expect(held.brews.map((b) => b.id)).toEqual([before]);
  expect(await listedBrews(device)).toContainEqual({ id: during, unsynced: true });

  device.network.restore();
  const back = Date.now();
  const { brews } = await expectServer(
    server.url,
    email,
    (rows) => expect(rows.brews).toHaveLength(2),
    DELIVERY_MS,
  );
  expect(brews.map((b) => b.id).sort()).toEqual([before, during].sort());
  const deliveredMs = Date.now() - back;
  testInfo.annotations.push({ type: 'delivered after', description: `${deliveredMs} ms` });
  expect(deliveredMs).toBeLessThan(DELIVERY_MS);
  await expectPill(device, SYNCED, 15_000);
});
