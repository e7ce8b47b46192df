import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CommonJS (main) and ESM (module) builds; Node, and so Apollo, loads the
  // CommonJS one. Vite would hand our sources the ESM one: two graphql realms, whose types and
  // errors fail each other's instanceof checks. Pin ours to the build Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'seed/**/*.test.ts'] } },
      {
        extends: true,
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
