import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Pothos and yoga load graphql through Node, which picks its CommonJS build; tests must load the
    // same copy, or graphql refuses types "from another realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: [],
    globalSetup: ['test/support/global-setup.ts'],
  },
});
