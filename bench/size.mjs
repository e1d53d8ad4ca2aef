// Min+gzip size of each entry point as an application bundle carries it: dist/ bundled
// with its dependencies by esbuild (minified, tree-shaken, browser platform), then gzip -9.
// `npm run size` prints the table; test/package/size.test.ts holds it to bench/size-budget.json.
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
  { name: 'addBusinessTime only', code: "export { addBusinessTime, compileCalendar } from 'slaclock';" },
];

/** Bundles `code` (which imports the built package by name) and measures it. */
async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
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
  return {
    minified: bytes.length,
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const limits = budgets();
  console.log('| import | min | min+gzip | budget (min+gzip) | bundled packages |');
  console.log('|---|---:|---:|---:|---|');
  for (const row of await measureEntries()) {
    const limit = limits[row.name];
    console.log(`| \`${row.name}\` | ${kb(row.minified)} | ${kb(row.gzipped)} | ${limit ? kb(limit) : '-'} | ${row.packages.join(', ') || '-'} |`);
  }
}
