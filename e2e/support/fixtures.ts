import { test as base, expect } from '@playwright/test';
import { type ApiClient, newApiClient } from './api.js';
import { browserRequired, chromiumMissingReason } from './chromium.js';
import { type Device, launchDevice, PHONE } from './device.js';
import { type RunningServer, startServer } from './server.js';

type DeviceOptions = Parameters<typeof launchDevice>[1];

interface TestFixtures {
  /** Skips the test when Chromium is missing, or fails it in CI / with DIALIN_REQUIRE_BROWSER=1. */
  requireChromium: undefined;
  /** A phone (390×844, persistent profile) pointed at the worker's server. */
  device: Device;
  /** Opens more devices (another phone, a laptop); all are closed after the test. */
  openDevice: (options?: DeviceOptions) => Promise<Device>;
  /** An API client with its own cookies; more with `newApiClient(server.url)`. */
  api: ApiClient;
}

interface WorkerFixtures {
  /**
   * One server per worker, started as `npm run serve` does, with test hooks on, on its own
   * PostgreSQL schema (DATABASE_URL set) or in-memory PGlite. Tests sharing it must use their
   * own accounts; `stats().pushRequests` counts every test's pushes, so compare deltas, or call
   * `startServer()` for a private one.
   */
  server: RunningServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern.
    async ({}, use, workerInfo) => {
      const server = await startServer({ logDir: workerInfo.project.outputDir });
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern.
  requireChromium: async ({}, use, testInfo) => {
    const missing = chromiumMissingReason();
    if (missing && browserRequired()) {
      throw new Error(
        `${missing} (browser tests are required here: CI or DIALIN_REQUIRE_BROWSER=1)`,
      );
    }
    testInfo.skip(missing !== null, missing ?? '');
    await use(undefined);
  },

  // Playwright's own browser fixtures, guarded the same way (dependencies set up in order).
  context: async ({ requireChromium, context }, use) => {
    void requireChromium;
    await use(context);
  },

  openDevice: async ({ requireChromium, server }, use) => {
    void requireChromium;
    const opened: Device[] = [];
    await use(async (options = PHONE) => {
      const device = await launchDevice(server.url, options);
      opened.push(device);
      return device;
    });
    await Promise.all(opened.map((device) => device.close()));
  },

  device: async ({ openDevice }, use) => {
    await use(await openDevice());
  },

  api: async ({ server }, use) => {
    const client = await newApiClient(server.url);
    await use(client);
    await client.dispose();
  },
});

export { expect };
