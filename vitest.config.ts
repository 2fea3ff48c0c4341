import { defineConfig } from 'vitest/config';

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
          exclude: ['test/browser/**', 'test/bench/**', 'node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          // Files share a worker's loaded modules (the schema, Prisma, PGlite's WebAssembly): loading
          // them again for every file took more time than many files' tests. No file mocks modules.
          isolate: false,
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
