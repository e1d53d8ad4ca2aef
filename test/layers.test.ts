import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first (docs/STYLE: "arrows point down only"). A module may
// import from its own layer or a lower one, never from a higher one. time and zone are
// one layer (an RFC 9557 instant names its zone); errors and util sit below all.
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'util'],
  ['time', 'zone'],
  ['calendar'],
  ['ops'],
  ['regions'],
  ['policy'],
  ['catalog'],
  ['timers'],
  ['compare'],
  ['cli', 'cli.ts', 'index.ts'],
];

/**
 * Units a layer may not import although they sit below it: the ticket timers build on the
 * policy engine's terms, the calendar and the counting core only, never on the catalog of
 * vendor policies or the holiday regions (a policy and a calendar are always passed in).
 */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  timers: ['catalog', 'regions', 'compare', 'cli', 'cli.ts', 'index.ts'],
};

const SRC = resolve(__dirname, '../src');

function layerOf(file: string): { rank: number; unit: string } {
  const unit = relative(SRC, file).split(/[\\/]/)[0] as string;
  const rank = LAYERS.findIndex((layer) => layer.includes(unit));
  if (rank < 0) throw new Error(`${relative(SRC, file)} is in no layer: add ${unit} to LAYERS`);
  return { rank, unit };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Relative import specifiers of a module: static imports, re-exports and dynamic imports. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)) found.push(match[1] as string);
  return found;
}

/** Imports that point up the layers, as "from -> to" lines. */
function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      const to = layerOf(target);
      const sameFolder = from.unit === to.unit;
      // Top-level entries (index.ts, cli.ts) are the layer that may import everything.
      if (!sameFolder && (to.rank > from.rank || FORBIDDEN[from.unit]?.includes(to.unit))) found.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
    }
  }
  return found;
}

describe('layering of src/', () => {
  it('no module imports from a layer above its own (the policy engine never imports the catalog)', () => {
    expect(violations()).toEqual([]);
  });

  it('the import scanner sees static, re-exported and dynamic imports, so the rule can fail', () => {
    const text = "import { a } from '../catalog/index.js';\nexport { b } from './b.js';\nconst c = await import('../cli/run.js');\nimport './side.js';";
    expect(importsOf(text)).toEqual(['../catalog/index.js', './b.js', '../cli/run.js', './side.js']);
    // The layer order itself: policy is below catalog, so policy -> catalog is an upward arrow.
    expect(layerOf(join(SRC, 'policy/x.ts')).rank).toBeLessThan(layerOf(join(SRC, 'catalog/x.ts')).rank);
  });

  it('the timers import only time, zone, calendar, ops and policy below them (never the catalog or regions)', () => {
    const units = new Set<string>();
    for (const file of sourceFiles(join(SRC, 'timers'))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) units.add(layerOf(resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))).unit);
    }
    expect([...units].filter((unit) => !['timers', 'time', 'zone', 'calendar', 'ops', 'policy', 'errors.ts', 'util'].includes(unit))).toEqual([]);
    expect(FORBIDDEN.timers).toEqual(expect.arrayContaining(['catalog', 'regions']));
  });

  it('neither the calendar path nor the policy path imports zod: only policyJsonSchema does', () => {
    // They validate with precompiled checks (src/util/checks.ts); test/package/size.test.ts checks the bundles too.
    const zodImporters = (entries: readonly string[]) =>
      reachedFrom(entries.map((entry) => join(SRC, entry)))
        .filter((file) => /\bfrom\s*['"]zod|\bimport\s*\(\s*['"]zod/.test(readFileSync(file, 'utf8')))
        .map((file) => relative(SRC, file));
    expect(zodImporters(['ops/businessTime.ts', 'calendar/calendar.ts'])).toEqual([]);
    const policyPath = ['policy/evaluate.ts', 'policy/compile.ts', 'policy/contract.ts', 'policy/versionAt.ts', 'policy/terms.ts', 'catalog/registry.ts'];
    expect(zodImporters(policyPath)).toEqual([]);
    expect(reachedFrom(policyPath.map((entry) => join(SRC, entry))).map((file) => relative(SRC, file))).toEqual(expect.arrayContaining(['policy/shape.ts', 'calendar/calendar.ts', 'catalog/jumpcloud.ts']));
    // The same scan finds zod where it still is, so it can fail.
    expect(zodImporters(['policy/jsonSchema.ts'])).toEqual(['policy/jsonSchema.ts', 'policy/schema.ts']);
  });
});

/** Every module of src/ that `entries` import, directly or not (type-only imports included), the entries first. */
function reachedFrom(entries: readonly string[]): string[] {
  const reached = new Set<string>(entries);
  for (const file of reached) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) reached.add(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return [...reached];
}
