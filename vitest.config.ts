import { defineConfig } from 'vitest/config';

// One runner for every non-browser suite. Server and client-sync suites start PGlite
// (1.5–2.3 s each on these 2-core machines), so timeouts are generous; speed is
// measured by `npm run bench`, never asserted here.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'client/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
