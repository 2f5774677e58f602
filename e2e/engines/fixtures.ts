import { test as base, expect } from '@playwright/test';
import { browserRequired } from '../support/chromium.js';
import { type RunningServer, startServer } from '../support/server.js';
import type { EngineDevice, EngineName } from './device.js';
import { keepEvidence } from './evidence.js';
import { type DeviceOptions, engineMissingReason, openEngineDevice } from './launch.js';

interface TestFixtures {
  /**
   * Opens a device (a fresh profile behind its own proxy); all are closed after the test, a
   * failed test's after their screens and pages were kept as evidence (evidence.ts).
   */
  openDevice: (options?: DeviceOptions) => Promise<EngineDevice>;
  /** One device, opened before the test starts. */
  device: EngineDevice;
}

interface WorkerFixtures {
  /** The engine of this Playwright project (playwright.engines.config.ts). */
  engine: EngineName;
  /** One server per worker, as e2e/support/fixtures.ts starts it; tests use their own accounts. */
  server: RunningServer;
}

/**
 * The cross-engine suite's fixtures: the same spec runs once per engine project. Playwright is
 * only the runner here (no `page` fixture is used); each engine's adapter launches its browser.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],

  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern.
    async ({}, use, workerInfo) => {
      const server = await startServer({ logDir: workerInfo.project.outputDir });
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  openDevice: async ({ engine, server }, use, testInfo) => {
    const missing = engineMissingReason(engine);
    // In CI a missing engine fails the suite; it never passes by skipping.
    if (missing && browserRequired()) {
      throw new Error(`${missing} (every engine is required here: CI or DIALIN_REQUIRE_BROWSER=1)`);
    }
    testInfo.skip(missing !== null, missing ?? '');
    const opened: EngineDevice[] = [];
    await use(async (options = {}) => {
      const device = await openEngineDevice(engine, server.url, options);
      opened.push(device);
      return device;
    });
    if (testInfo.status !== testInfo.expectedStatus) await keepEvidence(opened, testInfo);
    await Promise.all(opened.map((device) => device.close()));
  },

  device: async ({ openDevice }, use) => {
    await use(await openDevice());
  },
});

export { expect };
