// Min+gzip size of each entry point as an application bundle carries it: dist/ bundled
// with its dependencies by esbuild (minified, tree-shaken, browser platform), then gzip -9.
// `npm run size` prints the table; test/package/size.test.ts holds it to bench/size-budget.json.
// `node bench/size.mjs --analyze` says where the bytes of the two hot scenarios come from:
// bundled from src/ (zod from node_modules), minified bytes by source folder, and the
// min+gzip size with zod left out, which is what zod costs there. `--files` adds the
// minified bytes of each source file in those bundles.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What is measured: each entry whole, and the core as a serverless function typically uses it. */
export const SCENARIOS = [
  { name: 'slaclock', code: "export * from 'slaclock';" },
  { name: 'slaclock/regions', code: "export * from 'slaclock/regions';" },
  { name: 'slaclock/compare', code: "export * from 'slaclock/compare';" },
  { name: 'slaclock/timers', code: "export * from 'slaclock/timers';" },
  { name: 'evaluate + getPolicy only', code: "export { evaluate, getPolicy } from 'slaclock';" },
  // One built-in policy imported by name (the largest: JumpCloud's two pages), the others left out.
  { name: 'evaluate + jumpcloudPolicy only', code: "export { evaluate, jumpcloudPolicy } from 'slaclock';" },
  { name: 'addBusinessTime only', code: "export { addBusinessTime, compileCalendar } from 'slaclock';" },
];

const BUILT_IN_POLICY_IDS = ['jumpcloud', 'jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow'];

/** Bundles `code` (which imports the built package by name, or src/ with loader 'ts') and measures it. */
async function measure(code, { loader = 'js', external = [] } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader },
    external,
    define: { __SLACLOCK_ASSERT__: 'false' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  const output = Object.values(result.metafile.outputs)[0];
  return {
    inputs: Object.entries(output.inputs).map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput })),
    minified: bytes.length,
    /** Whether zod's code is in the bundle (dist/ bundles zod into its chunks; its global registry marks it). */
    zod: result.outputFiles[0].text.includes('__zod_globalRegistry'),
    /** The built-in policies whose spec is in the bundle (by their `id:"..."` property as minified). */
    policies: BUILT_IN_POLICY_IDS.filter((id) => result.outputFiles[0].text.includes(`id:"${id}"`)),
    gzipped: gzipSync(bytes, { level: 9 }).length,
    packages: [...new Set(inputs.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter(Boolean))].sort(),
  };
}

/** Every scenario's sizes, in bytes, and the npm packages bundled into it. */
export async function measureEntries() {
  const rows = [];
  for (const scenario of SCENARIOS) rows.push({ name: scenario.name, ...(await measure(scenario.code)) });
  return rows;
}

/** The budgets, in gzipped bytes, by scenario name. */
export function budgets() {
  return JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A hot scenario (`'addBusinessTime only'`) bundled from src/: its sizes and the files it carries, with their bytes. */
export async function measureFromSource(name) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  return measure(scenario.code.replace("from 'slaclock'", "from './src/index.ts'"), { loader: 'ts' });
}

/** The hot scenarios bundled from src/: bytes by source folder (zod as one), and zod's min+gzip cost; with `files`, by source file too. */
async function analyze({ files = false } = {}) {
  for (const scenario of SCENARIOS.filter((candidate) => candidate.name.endsWith(' only'))) {
    const code = scenario.code.replace("from 'slaclock'", "from './src/index.ts'");
    const whole = await measureFromSource(scenario.name);
    const withoutZod = await measure(code, { loader: 'ts', external: ['zod'] });
    const groups = new Map();
    for (const { path, bytes } of whole.inputs) {
      const group = path.includes('node_modules/zod/') ? 'zod' : path.replace(/^src\//, '').replace(/\/[^/]+$/, '/');
      groups.set(group, (groups.get(group) ?? 0) + bytes);
    }
    console.log(`\n${scenario.name}: ${kb(whole.minified)} min, ${kb(whole.gzipped)} min+gzip; without zod ${kb(withoutZod.minified)} min, ${kb(withoutZod.gzipped)} min+gzip (zod costs ${kb(whole.gzipped - withoutZod.gzipped)} min+gzip)`);
    console.log('| source | min |\n|---|---:|');
    for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) if (bytes > 0) console.log(`| ${group} | ${kb(bytes)} |`);
    if (files) {
      console.log('\n| file | min (bytes) |\n|---|---:|');
      for (const { path, bytes } of [...whole.inputs].sort((a, b) => b.bytes - a.bytes)) if (bytes > 0) console.log(`| ${path} | ${bytes} |`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--analyze')) {
  await analyze({ files: process.argv.includes('--files') });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const limits = budgets();
  console.log('| import | min | min+gzip | budget (min+gzip) | bundled packages |');
  console.log('|---|---:|---:|---:|---|');
  for (const row of await measureEntries()) {
    const limit = limits[row.name];
    console.log(`| \`${row.name}\` | ${kb(row.minified)} | ${kb(row.gzipped)} | ${limit ? kb(limit) : '-'} | ${row.packages.join(', ') || '-'} |`);
  }
}
