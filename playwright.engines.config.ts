import { defineConfig } from '@playwright/test';
import type { EngineName } from './e2e/engines/device.js';

const engines: EngineName[] = ['chromium', 'firefox', 'webkit'];

/**
 * The cross-engine suite (`npm run test:engines`): every e2e/engines/*.engine.ts spec once per
 * engine, against the built app (`npm run build`). Playwright is the runner only; the devices
 * are launched by e2e/engines/launch.ts. The Chromium-only specs stay in playwright.config.ts.
 */
export default defineConfig({
  testDir: 'e2e/engines',
  testMatch: '*.engine.ts',
  outputDir: 'test-results/engines',
  // Two cores: two browsers at a time, each with its own server worker.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 120_000,
  // The suite's budget on this 2-core machine is 6 minutes; this bound reports well before.
  globalTimeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  // A *.firefox.engine.ts spec checks what only Firefox does; the other engines do not list it.
  projects: engines.map((engine) => ({
    name: engine,
    use: { engine },
    ...(engine === 'firefox' ? {} : { testIgnore: '*.firefox.engine.ts' }),
  })),
});
