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

// One run covers every suite: pure domain code, the server on both database engines, and the
// browser end to end against the built app.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/**/*.test.ts'] } },
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
    ],
  },
});
