import { newApiClient, uniqueEmail } from '../support/api.js';
import { ApiDevice, comparable, fiveHundredChanges } from '../support/late-device-state.js';
import { expectServer } from '../support/server-state.js';
import { waitUntil } from './device.js';
import { expect, test } from './fixtures.js';
import { localRows } from './local-rows.js';
import { expectPill, goTo, logBrew, openControlledApp, SYNCED, signUp } from './steps.js';

/**
 * Story 7 in every engine: the phone is cut off while another device makes 500 changes; back,
 * it pulls them with a download bar that only moves forward, and ends holding exactly what the
 * server holds, every field clock included.
 */
test('story 7: back after 500 changes elsewhere, the phone pulls them with a progress bar and matches', async ({
  device,
  server,
}) => {
  const email = uniqueEmail(`long-offline-${device.engine}`);
  await openControlledApp(device);
  await signUp(device, email);
  const own = await logBrew(device, 'Phone coffee');
  await expectServer(server.url, email, (rows) => expect(rows.brews).toHaveLength(1));
  await expectPill(device, SYNCED, 30_000);

  // Every (value, max) the download bar was drawn with, from the mutation records themselves.
  await device.evaluate(() => {
    const seen: { value: number; max: number }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (!(bar instanceof HTMLProgressElement)) return;
      const last = seen[seen.length - 1];
      if (!last || last.value !== bar.value || last.max !== bar.max) {
        seen.push({ value: bar.value, max: bar.max });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, null);

  device.network.cut();
  const api = await newApiClient(server.url);
  try {
    const session = await api.login(email);
    const other = new ApiDevice(api, session.account.id);
    const { changes } = fiveHundredChanges(other, own);
    expect(changes).toHaveLength(500);
    await other.push(changes);
    const held = await api.pullAll();

    // Back: the person opens the sync details and taps Sync now (navigator.onLine never
    // changed, so no `online` event tells the app; a reopen would do the same).
    device.network.restore();
    await goTo(device, '#/account');
    await device.tap('button', 'Sync now');
    // The pill still reads "Synced" from before the cut until the tapped sync has begun, so
    // the wait is for the rows themselves; then for the pill to say it is done.
    await waitUntil(
      'the phone to hold the 302 rows changed elsewhere',
      async () => ((await localRows(device)).brews.length === held.brews.length ? true : undefined),
      60_000,
    );
    await expectPill(device, SYNCED, 60_000);
    const seen = await device.evaluate(
      () => (window as unknown as { progressSeen: { value: number; max: number }[] }).progressSeen,
      null,
    );
    // 302 rows changed since the phone's cursor: the bag, 300 brews and the phone's own brew.
    expect(seen.length, 'the download bar was shown').toBeGreaterThan(0);
    for (const [i, frame] of seen.entries()) {
      expect(frame.max).toBe(302);
      expect(frame.value).toBeGreaterThanOrEqual(seen[i - 1]?.value ?? 0);
    }
    const local = await localRows(device);
    expect(comparable(local.bags)).toEqual(comparable(held.bags));
    expect(comparable(local.brews)).toEqual(comparable(held.brews));
  } finally {
    await api.dispose();
  }
});
