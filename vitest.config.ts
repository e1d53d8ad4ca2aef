import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The test build checks the timeline invariant as each year is built (src/calendar/invariant.ts).
  define: { __SLACLOCK_ASSERT__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ is built once, before any test file, for the tests that run the built package.
    globalSetup: ['test/support/buildDist.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
