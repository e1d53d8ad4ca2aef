import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first (docs/STYLE: "arrows point down only"). A module may
// import from its own layer or a lower one, never from a higher one. time and zone are
// one layer (an RFC 9557 instant names its zone); errors, validation and util sit below all.
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'validation.ts', 'util'],
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
    expect([...units].filter((unit) => !['timers', 'time', 'zone', 'calendar', 'ops', 'policy', 'errors.ts', 'validation.ts', 'util'].includes(unit))).toEqual([]);
    expect(FORBIDDEN.timers).toEqual(expect.arrayContaining(['catalog', 'regions']));
  });

  it('the calendar path (errors, util, time, zone, calendar, ops) imports neither zod nor the zod bridge src/validation.ts', () => {
    // It validates with precompiled checks (src/util/checks.ts); test/package/size.test.ts checks the bundle too.
    const found: string[] = [];
    for (const file of [join(SRC, 'errors.ts'), ...['util', 'time', 'zone', 'calendar', 'ops'].flatMap((unit) => sourceFiles(join(SRC, unit)))]) {
      const text = readFileSync(file, 'utf8');
      if (/\bfrom\s*['"]zod|\bimport\s*\(\s*['"]zod/.test(text)) found.push(`${relative(SRC, file)} -> zod`);
      for (const specifier of importsOf(text)) {
        if (resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) === join(SRC, 'validation.ts')) found.push(`${relative(SRC, file)} -> validation.ts`);
      }
    }
    expect(found).toEqual([]);
    // The same scan finds the policy engine's zod imports, so it can fail.
    expect(readFileSync(join(SRC, 'policy/schema.ts'), 'utf8')).toMatch(/\bfrom\s*['"]zod/);
  });
});
