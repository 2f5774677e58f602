import { newApiClient, uniqueEmail } from '../support/api.js';
import { expectServer } from '../support/server-state.js';
import type { EngineDevice } from './device.js';
import { expect, test } from './fixtures.js';
import { listedBrews, logBrew, openControlledApp, signUp } from './steps.js';

/** Long enough for a loaded engine to have pushed a brew (it pushes ~1 s after a write). */
const HELD_MS = 5_000;
/** The engine's chunk is tried again 2, 5, 10 s after failures, then every 30 s. */
const DELIVERY_MS = 45_000;

/**
 * Takes away every copy of the later chunk (the other screens and the sync engine) the next
 * page could load without the server: the worker and its caches, and the HTTP cache's copy
 * (an immutable asset: a reload answered `no-store` takes it out in Chromium and WebKit; this
 * device's Firefox keeps no HTTP or in-memory copy across pages, see firefox.ts). Returns the chunk's answer.
 */
function forgetLaterChunk(device: EngineDevice): Promise<number> {
  return device.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await registration.unregister();
    }
    for (const name of await caches.keys()) await caches.delete(name);
    const chunk = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .find((name) => new URL(name).pathname.startsWith('/assets/later-'));
    if (!chunk) throw new Error('the page never loaded the later chunk');
    return (await fetch(chunk, { cache: 'reload' })).status;
  }, null);
}

/**
 * A signed-in phone opens the app while the sync engine's chunk fails to arrive (no worker
 * holds it yet), logs a brew, and then the chunk is served again: the brew must reach the
 * server with nobody tapping anything and no `online` event (navigator.onLine never changed).
 * Firefox remembers the failed import() for the page's life (client/src/ui/fresh-import.ts);
 * WebKit answers it from its copy of the failed chunk (client/src/ui/refetch-chunks.ts).
 */
test('sync starts by itself once the sync chunk that failed at start can be fetched', async ({
  openDevice,
  server,
}) => {
  const device = await openDevice({ cacheAcrossPages: false });
  const api = await newApiClient(server.url);
  try {
    await openControlledApp(device);
    const email = uniqueEmail(`sync-chunk-${device.engine}`);
    await signUp(device, email);

    await api.failAssets('/assets/later-');
    expect(await forgetLaterChunk(device)).toBe(503);
    await device.reopen('/');
    const brew = await logBrew(device, 'Chunk Yirgacheffe');
    await new Promise((resolve) => setTimeout(resolve, HELD_MS));
    await expectServer(server.url, email, (rows) => expect(rows.brews).toEqual([]));
    expect(await listedBrews(device)).toContainEqual({ id: brew, unsynced: true });

    await api.failAssets(null);
    const { brews } = await expectServer(
      server.url,
      email,
      (rows) => expect(rows.brews).toHaveLength(1),
      DELIVERY_MS,
    );
    expect(brews.map((b) => b.id)).toEqual([brew]);
  } finally {
    await api.failAssets(null);
    await api.dispose();
  }
});
