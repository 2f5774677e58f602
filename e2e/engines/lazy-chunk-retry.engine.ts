import { type ApiClient, newApiClient } from '../support/api.js';
import type { EngineDevice } from './device.js';
import { test } from './fixtures.js';
import { expectText, goTo } from './steps.js';

/** A first visit while the later screens' chunk fails: Settings says it could not load. */
async function openSettingsWithoutItsChunk(device: EngineDevice, api: ApiClient) {
  await api.failAssets('/assets/later-');
  await device.open('/');
  await expectText(device, 'Log a brew');
  await goTo(device, '#/settings');
  await expectText(device, 'This screen could not be loaded.');
}

/**
 * The chunk with every screen past the first paint fails to arrive on a first visit (before
 * the worker has precached it), then the server serves it again: "Try again" must open the
 * screen in every engine. Firefox remembers a failed import() for the life of the page, so a
 * plain retry there never loads it (client/src/ui/lazy.tsx reloads the page once the server
 * answers).
 */
test('"Try again" opens a screen whose chunk failed once the server serves it again', async ({
  device,
  server,
}) => {
  const api = await newApiClient(server.url);
  try {
    await openSettingsWithoutItsChunk(device, api);
    await api.failAssets(null);
    await device.tap('button', 'Try again');
    await expectText(device, 'Your data', 20_000);
  } finally {
    await api.failAssets(null);
    await api.dispose();
  }
});

test('"Try again" with the server out of reach says so, and opens the screen once it is back', async ({
  device,
  server,
}) => {
  const api = await newApiClient(server.url);
  try {
    await openSettingsWithoutItsChunk(device, api);
    await api.failAssets(null);

    device.network.cut();
    await device.tap('button', 'Try again');
    await expectText(device, 'Dial-in’s server cannot be reached');

    device.network.restore();
    await device.tap('button', 'Try again');
    await expectText(device, 'Your data', 20_000);
  } finally {
    device.network.restore();
    await api.failAssets(null);
    await api.dispose();
  }
});
