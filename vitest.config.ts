import { defineConfig } from 'vitest/config';

// Files that time how fast /health answers while a heavy request runs: a second file on the other core
// would measure the machine, not the server, so they run one at a time after the rest.
const latencyFiles = [
  'test/api/input-bounds.test.ts',
  'test/api/limits.test.ts',
  'test/api/rate-limit.test.ts',
  'test/api/response-rows.test.ts',
  'test/api/timeouts.test.ts',
];

export default defineConfig({
  resolve: {
    // Pothos and yoga load graphql through Node, which picks its CommonJS build; tests must load the
    // same copy, or graphql refuses types "from another realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    pool: 'forks',
    // vitest's default on two cores is one file at a time; much of a file's time is spent waiting on
    // PostgreSQL, child processes and Chromium, which a second file fills.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two projects so that each global setup runs only when its files do: the browser files' one
    // builds the admin UI and launches Chromium, which a run of API tests has no use for.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/bench/**', 'node_modules/**', ...latencyFiles],
          globalSetup: ['test/support/global-setup.ts'],
          // Files share a worker's loaded modules (the schema, Prisma, PGlite's WebAssembly): loading
          // them again for every file took more time than many files' tests. The one module mock
          // (admin-documents.test.ts: the admin's session) is of a module no other file loads.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'latency',
          include: latencyFiles,
          globalSetup: ['test/support/global-setup.ts'],
          isolate: false,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
