import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:quick`: the everyday loop. Every test but the package checks, the slow
// property and sweep suites, the fuzz run and the tests that spawn the built command or
// a browser; none of those left needs dist/, so the build (the full config's global
// setup, 15-35 s after a source change) is skipped too. The test files share their
// workers' module graph (isolate: false): importing src/ once per worker instead of once
// per file cuts the run's CPU time by more than half. The full `npm test` keeps isolation.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    isolate: false,
    exclude: [
      '**/node_modules/**',
      'test/package/**',
      'test/reference.test.ts',
      'test/properties.test.ts',
      'test/policyChecks.test.ts',
      'test/cli.spawn.test.ts',
      'test/browser.test.ts',
      'test/fuzz.test.ts',
      'test/transitions.test.ts',
    ],
  },
});
