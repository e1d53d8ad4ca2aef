// A core user's install: the packed tarball installed, offline, into an empty project.
// It adds slaclock and nothing else (date-holidays is an optional peer dependency; zod and
// papaparse are bundled into dist/, the command's dependencies into dist/cli.js and the
// compressed dist/date-holidays.cjs.br), the core works, slaclock/regions says how to
// install date-holidays when a regions function is called, and the command works whole.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The issue #11 target for a core install: at most 2 packages and 2 MB. */
const MAX_PACKAGES = 2;
const MAX_BYTES = 2_000_000;
let work = '';
let app = '';

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Every package folder under a node_modules folder (scoped and nested ones included). */
function packagesIn(modules: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const folders = name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => join(name, inner)) : [name];
    for (const folder of folders) {
      found.push(folder);
      const nested = join(modules, folder, 'node_modules');
      if (statSync(join(modules, folder)).isDirectory() && readdirSync(join(modules, folder)).includes('node_modules')) found.push(...packagesIn(nested));
    }
  }
  return found;
}

/** Bytes of the files under a folder (what `du --apparent-size` counts; a link is not followed). */
function bytesUnder(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'slaclock-install-'));
  // dist/ is fresh (test/support/buildDist.ts); the prepack script would only rebuild it.
  const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root).stdout) as [{ filename: string }];
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  // --offline: the tarball must install with nothing fetched, from the network or the cache.
  run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(work, packed[0].filename)], app);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm install slaclock into an empty project (core user)', () => {
  it(`adds at most ${MAX_PACKAGES} packages and ${MAX_BYTES / 1e6} MB`, () => {
    const modules = join(app, 'node_modules');
    const packages = packagesIn(modules);
    expect(packages).toEqual(['slaclock']);
    expect(packages.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(bytesUnder(modules)).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('ships the licenses of the bundled packages', () => {
    const notices = readFileSync(join(app, 'node_modules', 'slaclock', 'THIRD_PARTY_NOTICES.md'), 'utf8');
    for (const name of ['zod', 'papaparse', 'hyparquet', 'date-holidays', 'date-holidays-parser', 'moment-timezone', 'astronomia']) {
      const license = readFileSync(join(root, 'node_modules', name, 'LICENSE'), 'utf8').trim();
      expect(notices, name).toContain(`## ${name} `);
      expect(notices, name).toContain(license);
    }
  });

  it('the core works from CommonJS and ESM without date-holidays', () => {
    const program = `
const decision = core.evaluate(core.getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', account: { contract: 'active', role: 'administrator' } });
console.log(decision.firstResponse.deadline);`;
    writeFileSync(join(app, 'core.cjs'), `const core = require('slaclock');${program}`);
    writeFileSync(join(app, 'core.mjs'), `import * as core from 'slaclock';${program}`);
    for (const script of ['core.cjs', 'core.mjs']) expect(run(process.execPath, [script], app).stdout.trim(), script).toBe('2026-11-27T11:00:00.000-07:00');
  });

  it('slaclock/regions and slaclock/compare import without date-holidays; a regions function throws a SlaclockError naming the install command', () => {
    const program = `
const outcomes = [];
const attempts = {
  regionalHolidays: () => regions.regionalHolidays('DE-BY', 2026),
  isKnownRegion: () => regions.isKnownRegion('FR'),
  compileCalendar: () => core.compileCalendar(core.weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions: regions.holidayRegions }),
  regionCalendarSpec: () => compare.regionCalendarSpec('FR'),
};
for (const [name, attempt] of Object.entries(attempts)) {
  try { attempt(); outcomes.push(name + ': no error'); } catch (error) { outcomes.push(name + ': ' + (error instanceof core.SlaclockError) + ' ' + error.code + ' ' + error.message); }
}
console.log(JSON.stringify(outcomes));`;
    writeFileSync(join(app, 'regions.cjs'), `const core = require('slaclock'); const regions = require('slaclock/regions'); const compare = require('slaclock/compare');${program}`);
    writeFileSync(join(app, 'regions.mjs'), `import * as core from 'slaclock'; import * as regions from 'slaclock/regions'; import * as compare from 'slaclock/compare';${program}`);
    const message = 'slaclock/regions needs the date-holidays package, an optional peer dependency that is not installed: run `npm install date-holidays`';
    for (const script of ['regions.cjs', 'regions.mjs']) {
      const outcomes = JSON.parse(run(process.execPath, [script], app).stdout) as string[];
      expect(outcomes, script).toEqual([
        `regionalHolidays: true regions_not_loaded ${message}`,
        `isKnownRegion: true regions_not_loaded ${message}`,
        // The calendar says which of its fields needed the holiday source.
        `compileCalendar: true regions_not_loaded ${message} (at holidays[0].region)`,
        `regionCalendarSpec: true regions_not_loaded ${message}`,
      ]);
    }
  });

  it('the slaclock command compares the catalog on its default regions (GB, DE-BY, AU-NSW, IN: date-holidays ships with it)', () => {
    const result = run(join(app, 'node_modules', '.bin', 'slaclock'), ['compare', '--format', 'csv'], app);
    const expected = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'cli', 'bin.ts'), 'compare', '--format', 'csv'], { cwd: root, encoding: 'utf8' });
    expect(expected.status).toBe(0);
    // The same report as the sources give with date-holidays from node_modules.
    expect(result.stdout).toBe(expected.stdout);
  });

  it('the slaclock command reads CSV (papaparse) and a region only date-holidays knows (Japan: equinox holidays)', () => {
    writeFileSync(join(app, 'tickets.csv'), 'severity;at;region\r\n1;2026-03-19T15:00+09:00;JP\r\n');
    const result = run(join(app, 'node_modules', '.bin', 'slaclock'), ['compare', '--policies', 'one-identity', '--cases', 'tickets.csv', '--format', 'csv'], app);
    // One Identity Standard severity 1, "within 1 hour" of the customer's hours (JP 09:00-17:00):
    // Thu 2026-03-19 15:00 JST is 1 h before 16:00 the same day: not a later day.
    expect(result.stdout).toContain('One Identity,one-identity,standard,1,1,1,1.0,1.0,1.0,0.0');
    // Fri 2026-03-20 is the vernal equinox (Shunbun no Hi): Thu 16:30 + 1 h is Mon 09:30, 89 h later.
    writeFileSync(join(app, 'equinox.csv'), 'severity,at,region\n1,2026-03-19T16:30+09:00,JP\n');
    const equinox = run(join(app, 'node_modules', '.bin', 'slaclock'), ['compare', '--policies', 'one-identity', '--cases', 'equinox.csv', '--format', 'csv'], app);
    expect(equinox.stdout).toContain('One Identity,one-identity,standard,1,1,1,89.0,89.0,89.0,100.0');
  });
});
