import { defineConfig } from 'tsup';

/** The library's entry points (package.json "exports"): core, regional holidays, comparison, ticket timers. */
const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  regions: 'src/regions/index.ts',
  compare: 'src/compare/index.ts',
  timers: 'src/timers/index.ts',
};

export default defineConfig([
  // The library: ESM + CJS with type declarations. Code shared by the entries lives in
  // chunks in both formats, so a Calendar or SlaclockError is one class whichever
  // entries an application imports. zod is bundled, tree-shaken, into the chunks: loaded
  // from node_modules its ~100 module files cost a cold start about 80 ms on their own
  // (bench/coldstart.mjs); date-holidays stays a dependency, loaded by slaclock/regions only.
  {
    entry: LIBRARY_ENTRIES,
    format: ['esm', 'cjs'],
    // @internal members (compiled tables, constructors the compile functions call) stay out of the published types.
    dts: { compilerOptions: { stripInternal: true } },
    splitting: true,
    noExternal: ['zod'],
    sourcemap: false,
    // Clean dist/ but leave the CLI's file: both builds run at the same time.
    clean: ['!cli.js'],
    target: 'es2022',
    // The timeline invariant checks are for the test build only (src/calendar/invariant.ts).
    define: { __SLACLOCK_ASSERT__: 'false' },
  },
  // The command-line tool (package.json "bin"): ESM only, runnable as a script.
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'node',
    define: { __SLACLOCK_ASSERT__: 'false' },
    banner: { js: '#!/usr/bin/env node' },
  },
]);
