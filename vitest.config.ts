import { defineConfig } from 'vitest/config';

// One runner for every non-browser suite. Server and client-sync suites start PGlite
// (1.5–2.3 s each on these 2-core machines), so timeouts are generous; speed is
// measured by `npm run bench`, never asserted here.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'client/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    environment: 'node',
    // Two files at a time. Vitest's default on two cores is one (cores − 1), which left the
    // second core idle whenever a file waited on a child server, PostgreSQL or a timer: the
    // suite ran its files one after another (7–8 min in CI, most of it in server files).
    maxWorkers: 2,
    // A file shares the machine with another one now; the fuzz and chaos files' longest
    // tests took 14–28 s alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
