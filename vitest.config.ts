import { defineConfig } from 'vitest/config';

const server = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `server:${engine}`,
    include: ['apps/server/**/*.test.ts'],
    env: { LINEDESK_TEST_DB: engine },
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

// One run covers every suite: pure domain code, the carrier simulator, the server on both database
// engines, the browser end to end against the built app, and the built server and worker as real
// processes (crash and scale-out).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/**/*.test.ts'] } },
      { test: { name: 'carrier-sim', include: ['apps/carrier-sim/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      server('pglite'),
      server('postgres'),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Real processes on PostgreSQL against the built server and worker (like e2e, after the build): the
        // crash test and the scale-out test. One file at a time, after the parallel suites.
        test: {
          name: 'processes',
          include: ['e2e/processes/**/*.process.test.ts'],
          // A test takes 1 to 3 minutes alone on 2 cores; much longer on a machine busy with other work.
          testTimeout: 420_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
