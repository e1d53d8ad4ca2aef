import { defineConfig } from 'tsup';

export default defineConfig([
  // The library: ESM + CJS with type declarations.
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Clean dist/ but leave the CLI's files: both builds run at the same time.
    clean: ['!cli.js', '!cli.js.map'],
    treeshake: true,
    target: 'es2022',
  },
  // The command-line tool (package.json "bin"): ESM only, runnable as a script.
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
