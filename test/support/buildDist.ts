// Vitest global setup: builds dist/ (tsup) once before any test file runs, when it is
// missing or older than a source file, so the tests of the built package (the CLI, the
// packed tarball, the runtimes, the sizes) never race each other to rebuild it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_INPUTS = ['src', 'tsup.config.ts', 'package.json'];

/** The newest modification time of a file, or of the files under a directory. */
function newestMtime(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** The oldest built file, or 0 when dist/ has none of them. */
function oldestOutput(): number {
  const outputs = ['index.js', 'index.cjs', 'index.d.ts', 'regions.js', 'compare.js', 'cli.js'].map((name) => join(root, 'dist', name));
  return outputs.every((path) => existsSync(path)) ? Math.min(...outputs.map((path) => statSync(path).mtimeMs)) : 0;
}

export function setup(): void {
  const newestInput = Math.max(...BUILD_INPUTS.map((path) => newestMtime(join(root, path))));
  if (oldestOutput() >= newestInput) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsup failed:\n${build.stdout}\n${build.stderr}`);
}
