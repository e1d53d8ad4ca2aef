import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { constants, brotliCompressSync } from 'node:zlib';
import { build as esbuild, type Metafile, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** The npm packages bundled, tree-shaken, into the library's files. */
const LIBRARY_BUNDLED = ['zod', 'papaparse'];

/** The library's entry points (package.json "exports"): core, regional holidays, comparison, ticket timers. */
const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  regions: 'src/regions/index.ts',
  compare: 'src/compare/index.ts',
  timers: 'src/timers/index.ts',
};

/**
 * Entries that only steer code splitting; they are not in package.json "exports". esbuild
 * puts code in chunks by the set of entries that reach it, and an application's bundler
 * keeps a chunk only when it uses one of its exports ("sideEffects": false), but keeps
 * every statement with a side effect (zod's global registry, frozen tables) of a chunk it
 * does use. So the calendar path gets chunks of its own (reached by `internal-calendar`,
 * which reaches no policy code and no zod), and the code only `slaclock` itself reaches
 * (the JSON Schema export, evaluate) leaves dist/index.js for a chunk (reached by
 * `internal-core` too), so that importing `compileCalendar` from 'slaclock' carries
 * neither (bench/size.mjs, `addBusinessTime only`). `internal-schema` does the same for
 * `policyJsonSchema` and zod's JSON Schema generator, which `evaluate` does not need.
 */
const CHUNKING_ENTRIES = {
  'internal-calendar': 'src/ops/businessTime.ts',
  'internal-core': 'src/index.ts',
  'internal-schema': 'src/policy/jsonSchema.ts',
};

/**
 * The CommonJS build loads date-holidays with `require` on first use (src/regions/dateHolidays.cjs.ts)
 * instead of the ES module's top-level `await import()`, which CommonJS cannot express. tsup builds
 * CommonJS with code splitting as ES modules first, so the format is read from its TSUP_FORMAT define.
 */
const commonJsLoader: Plugin = {
  name: 'slaclock-date-holidays-loader',
  setup(build) {
    if (build.initialOptions.define?.TSUP_FORMAT !== '"cjs"') return;
    build.onResolve({ filter: /\/dateHolidays\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\.js$/, '.cjs.ts')) }));
  },
};

/** The npm packages whose code an esbuild output holds, as their folders under node_modules. */
function bundledPackages(metafile: Metafile | undefined): string[] {
  const folders = Object.keys(metafile?.inputs ?? {}).map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]);
  return folders.filter((folder): folder is string => folder !== undefined);
}

/**
 * THIRD_PARTY_NOTICES.md: the name, version, license and license text of every package
 * bundled into dist/: those the library bundles (the command may not need them all: it
 * does not carry `policyJsonSchema`, the only user of zod) and those the command bundles.
 */
function writeNotices(folders: readonly string[]): void {
  const sections = [...new Set(folders)].sort().map((folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const licenseFile = readdirSync(folder).find((name) => /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i.test(name));
    const text = licenseFile === undefined ? `(no license file; package.json says ${manifest.license ?? 'nothing'})` : readFileSync(join(folder, licenseFile), 'utf8').trim();
    return `## ${manifest.name} ${manifest.version} (${manifest.license ?? 'see below'})\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n`;
  });
  const intro = '# Third-party notices\n\nslaclock bundles the following packages into the files of dist/ (zod and papaparse into the library;\nthese and the rest into the `slaclock` command and dist/date-holidays.cjs.br). Their licenses:\n\n';
  writeFileSync('THIRD_PARTY_NOTICES.md', intro + sections.join('\n'));
}

/**
 * The command's date-holidays: src/cli/bundledDateHolidays.ts in place of src/regions/dateHolidays.ts,
 * and next to dist/cli.js the package with its dependencies as one minified CommonJS file,
 * brotli-compressed; then THIRD_PARTY_NOTICES.md for everything bundled.
 */
const bundledDateHolidays: Plugin = {
  name: 'slaclock-bundled-date-holidays',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onResolve({ filter: /\/dateHolidays\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path) === resolve('src/regions/dateHolidays.js') ? { path: resolve('src/cli/bundledDateHolidays.ts') } : undefined,
    );
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const entry = createRequire(resolve('package.json')).resolve('date-holidays');
      const payload = await esbuild({ entryPoints: [entry], bundle: true, minify: true, format: 'cjs', platform: 'node', target: 'es2022', write: false, metafile: true, logLevel: 'silent' });
      const code = payload.outputFiles[0]?.contents ?? new Uint8Array();
      writeFileSync('dist/date-holidays.cjs.br', brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: code.length } }));
      writeNotices([...LIBRARY_BUNDLED.map((name) => join('node_modules', name)), ...bundledPackages(result.metafile), ...bundledPackages(payload.metafile)]);
    });
  },
};

export default defineConfig([
  // The library: ESM + CJS with type declarations. Code shared by the entries lives in
  // chunks in both formats, so a Calendar or SlaclockError is one class whichever
  // entries an application imports. zod and papaparse are bundled, tree-shaken, into the
  // chunks (THIRD_PARTY_NOTICES.md carries their licenses): loaded from node_modules,
  // zod's ~100 module files cost a cold start about 80 ms on their own (bench/coldstart.mjs),
  // and a core install needs no package besides slaclock. date-holidays is an optional peer
  // dependency, loaded by slaclock/regions and slaclock/compare only.
  {
    entry: { ...LIBRARY_ENTRIES, ...CHUNKING_ENTRIES },
    format: ['esm', 'cjs'],
    // @internal members (compiled tables, constructors the compile functions call) stay out of the published types.
    dts: { entry: LIBRARY_ENTRIES, compilerOptions: { stripInternal: true } },
    splitting: true,
    noExternal: LIBRARY_BUNDLED,
    // papaparse's browser build: the library parses text only, and the Node build would bring a
    // `require('stream')` (for Papa.NODE_STREAM_INPUT) into a file that browsers load.
    esbuildOptions(options) {
      options.alias = { papaparse: 'papaparse/papaparse.min.js' };
    },
    esbuildPlugins: [commonJsLoader],
    sourcemap: false,
    // Clean dist/ but leave the command's files: both builds run at the same time.
    clean: ['!cli.js', '!date-holidays.cjs.br'],
    target: 'es2022',
    // The timeline invariant checks are for the test build only (src/calendar/invariant.ts).
    define: { __SLACLOCK_ASSERT__: 'false' },
  },
  // The command-line tool (package.json "bin"): ESM only, runnable as a script, one minified
  // file with every dependency bundled (date-holidays compressed beside it), so that
  // `slaclock compare` works from a plain `npm install slaclock`, regions included.
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    minify: true,
    noExternal: [/./],
    esbuildPlugins: [bundledDateHolidays],
    target: 'es2022',
    platform: 'node',
    define: { __SLACLOCK_ASSERT__: 'false' },
    banner: { js: '#!/usr/bin/env node' },
  },
]);
