import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ is built once, before any test file, for the tests that run the built package.
    globalSetup: ['test/support/buildDist.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
