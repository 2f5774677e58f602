import { defineConfig } from '@playwright/test';

/**
 * `npm run bench:browser`'s cross-engine part (engine-bench.bench.ts): one test that drives
 * Chromium, Firefox and WebKit in turn and prints their figures side by side. Playwright is
 * only the runner, as in playwright.engines.config.ts; a benchmark, never retried.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'engine-bench.bench.ts',
  outputDir: '../../test-results/engine-bench',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // Full size: three engines, each pulling 10,300 rows, 10 cold starts and 50 saves.
  timeout: 30 * 60_000,
});
