import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'seed/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          // Starts a throwaway Neo4j unless NEO4J_URI is set; fails the run if it cannot get one.
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false, // one Community database: files run one at a time
          testTimeout: 60_000,
          hookTimeout: 240_000,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
