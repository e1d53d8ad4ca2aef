// The package as npm ships it: packed (`npm pack`), linted (publint, arethetypeswrong),
// installed into a fresh project and used from CommonJS, ESM, TypeScript and the bin.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work = '';
let tarball = '';
let packedFiles: string[] = [];
let app = '';

/** Runs a command and fails the test with its output when it exits non-zero. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Runs the bin script of a dev dependency with this Node. */
function runBin(pkg: string, args: readonly string[]): SpawnSyncReturns<string> {
  const bin = (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
  return spawnSync(process.execPath, [join(root, 'node_modules', pkg, Object.values(bin)[0] as string), ...args], { cwd: work, encoding: 'utf8' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'slaclock-pack-'));
  // dist/ is fresh (test/support/buildDist.ts); the prepack script would only rebuild it.
  const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root).stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, packed[0].filename);
  packedFiles = packed[0].files.map((file) => file.path).sort();

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  // date-holidays, the optional peer dependency of slaclock/regions, comes from npm's cache,
  // filled by the project's own `npm ci` (test/package/install.test.ts installs without it).
  const dateHolidays = (JSON.parse(readFileSync(join(root, 'node_modules', 'date-holidays', 'package.json'), 'utf8')) as { version: string }).version;
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball, `date-holidays@${dateHolidays}`], app);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships only what users need: dist/, README, CHANGELOG, LICENSE, third-party notices and package.json', () => {
    for (const path of packedFiles) expect(path).toMatch(/^(?:dist\/[\w-]+\.(?:js|cjs|d\.ts|d\.cts)|dist\/date-holidays\.cjs\.br|README\.md|CHANGELOG\.md|THIRD_PARTY_NOTICES\.md|LICENSE|package\.json)$/);
    expect(packedFiles).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'THIRD_PARTY_NOTICES.md', 'LICENSE', 'package.json', 'dist/cli.js', 'dist/date-holidays.cjs.br']));
  });

  it('ships every file the exports map points to', () => {
    const targets = JSON.stringify(manifest.exports).match(/\.\/dist\/[\w.-]+/g) ?? [];
    expect(targets.length).toBe(16);
    for (const target of targets) expect(packedFiles).toContain(target.slice(2));
  });

  it('names the repository, homepage and issue tracker, and the README links work on the npm page (absolute, to files that exist)', () => {
    const fields = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string }; homepage: string; bugs: { url: string } };
    const github = 'https://github.com/slaclock/slaclock';
    expect(fields.repository.url).toBe(`git+${github}.git`);
    expect(fields.homepage).toBe(`${github}#readme`);
    expect(fields.bugs.url).toBe(`${github}/issues`);
    const links = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      expect(link, link).toMatch(/^https:\/\//);
      const inRepository = /^https:\/\/(?:github\.com\/slaclock\/slaclock\/blob\/main|raw\.githubusercontent\.com\/slaclock\/slaclock\/main)\/([^#]+)/.exec(link);
      if (inRepository) expect(existsSync(join(root, inRepository[1] as string)), link).toBe(true);
    }
  });

  it('publint finds nothing to fix, suggestions included (--strict)', () => {
    const result = runBin('publint', ['--strict', tarball]);
    expect(result.stdout + result.stderr).toContain('All good');
    expect(result.status).toBe(0);
  });

  it('arethetypeswrong: every entry resolves with types under node10, node16 (CJS and ESM) and bundler', () => {
    const result = runBin('@arethetypeswrong/cli', [tarball, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './compare', './package.json', './regions', './timers']);
    for (const [entry, { resolutions }] of Object.entries(report.analysis.entrypoints)) {
      if (entry === './package.json') continue;
      for (const kind of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) expect(resolutions[kind]?.resolution?.fileName, `${entry} ${kind}`).toMatch(/\.d\.c?ts$/);
    }
    expect(result.status).toBe(0);
  });
});

// One script, run as CommonJS and as ESM: a real deadline from each entry, and proof
// that the entries share one copy of the classes (a Calendar or CompiledPolicy made by
// `slaclock` works in `slaclock/compare`; its errors are `slaclock`'s SlaclockError).
const USE_EVERY_ENTRY = `
const decision = core.evaluate(core.getPolicy('jumpcloud'), {
  plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', account: { contract: 'active', role: 'administrator' },
});
const munich = core.compileCalendar(core.weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions: regions.holidayRegions });
let sharedErrorClass = false;
try { compare.compare([{ policy: 'no-such-policy', plan: 'standard' }], []); } catch (error) { sharedErrorClass = error instanceof core.SlaclockError; }
// Region ACME is known only to this source: were Calendar a second class inside
// slaclock/compare, it would recompile the calendar from its JSON with date-holidays and throw.
const christmas = { holidays: (region, year) => region === 'ACME' ? [{ date: year + '-12-25', name: 'Christmas', fromMinute: 0, days: 2 }] : [] };
const acme = core.compileCalendar(core.weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'ACME' }]), { holidayRegions: christmas });
const report = compare.compare(
  [{ policy: core.compilePolicy(core.getPolicy('one-identity')), plan: 'standard' }],
  [{ severity: 1, at: Date.parse('2026-12-24T16:30+01:00'), region: 'ACME' }],
  { regions: { ACME: acme } },
);
// A policy compiled by slaclock is tracked by slaclock/timers (one CompiledPolicy class).
const sla = timers.trackTicket(core.compilePolicy(core.getPolicy('jumpcloud')), {
  plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', events: [{ at: '2026-11-27T10:00-07:00', type: 'agent-reply' }],
}, { now: '2026-11-30T09:00-07:00' });
console.log(JSON.stringify({
  deadline: decision.firstResponse.deadline,
  firstResponse: sla.metrics.firstResponse.state,
  munich: core.addBusinessTime(munich, '2026-12-24T16:00+01:00', { hours: 2 }).toISOString(),
  sharedErrorClass,
  oneIdentityHours: report.rows[0].medianHours,
}));
`;

/**
 * Worked by hand: JumpCloud Standard severity 1 ("4 hours", business hours 09:00-17:00
 * Denver, federal holidays) opened Wed 2026-11-25 15:00 MST: 2 h on Wednesday, Thanksgiving
 * closed, 2 h on Friday: Fri 11:00 MST. Munich 09:00-17:00 with DE-BY public holidays:
 * Thu 2026-12-24 16:00 CET + 2 h = 1 h that day, Christmas Day and St Stephen's Day closed,
 * the weekend, then Mon 2026-12-28 09:00 + 1 h = 10:00 CET = 09:00Z. One Identity Standard
 * severity 1 ("Within 1 hour" of the customer's business hours) on the same hours with
 * December 25-26 closed by the script's own holiday source, opened
 * Thu 16:30: 30 min that day, then Mon 09:00 + 30 min = 09:30, 89 wall-clock hours later.
 */
const EXPECTED = { deadline: '2026-11-27T11:00:00.000-07:00', firstResponse: 'met', munich: '2026-12-28T09:00:00.000Z', sharedErrorClass: true, oneIdentityHours: 89 };

describe('installed from the tarball into a fresh project', () => {
  it('works from CommonJS (require)', () => {
    writeFileSync(join(app, 'use.cjs'), `const core = require('slaclock'); const regions = require('slaclock/regions'); const compare = require('slaclock/compare'); const timers = require('slaclock/timers');\n${USE_EVERY_ENTRY}`);
    expect(JSON.parse(run(process.execPath, ['use.cjs'], app).stdout)).toEqual(EXPECTED);
  });

  it('works from ESM (import)', () => {
    writeFileSync(join(app, 'use.mjs'), `import * as core from 'slaclock'; import * as regions from 'slaclock/regions'; import * as compare from 'slaclock/compare'; import * as timers from 'slaclock/timers';\n${USE_EVERY_ENTRY}`);
    expect(JSON.parse(run(process.execPath, ['use.mjs'], app).stdout)).toEqual(EXPECTED);
  });

  it('type-checks under moduleResolution node16 (ESM and CJS files), bundler and node10', () => {
    const source = `import { compileCalendar, compilePolicy, evaluate, getPolicy, weekdayHours, type Decision } from 'slaclock';
import { holidayRegions, type RegionalHoliday } from 'slaclock/regions';
import { compare, type CompareEntry, type ComparisonReport } from 'slaclock/compare';
import { trackTicket, type TicketSla } from 'slaclock/timers';
const sla: TicketSla = trackTicket(getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', events: [] }, { now: '2026-11-25T16:00-07:00' });
const entry: CompareEntry = { policy: compilePolicy(getPolicy('jumpcloud')), plan: 'standard' };
const munich = compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions });
const decision: Decision = evaluate(getPolicy('jumpcloud'), { plan: 'standard', at: '2026-11-25T15:00-07:00', calendar: munich });
const report: ComparisonReport = compare([entry], [{ severity: 1, at: 0, region: 'DE-BY' }]);
const deadline: string | undefined = decision.firstResponse?.deadline;
const holidays: readonly RegionalHoliday[] = holidayRegions.holidays('DE-BY', 2026, { types: ['public'], observed: true });
// @ts-expect-error the option is holidayRegions (this line fails if the types were 'any')
compileCalendar(weekdayHours('UTC', '09:00', '17:00'), { regions: holidayRegions });
export { deadline, holidays, report, sla };
`;
    writeFileSync(join(app, 'check.mts'), source);
    writeFileSync(join(app, 'check.cts'), source);
    writeFileSync(join(app, 'check.ts'), source);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const strict = ['--noEmit', '--strict', '--target', 'es2022'];
    for (const [options, files] of [
      [['--module', 'node16', '--moduleResolution', 'node16'], ['check.mts', 'check.cts']],
      [['--module', 'esnext', '--moduleResolution', 'bundler'], ['check.ts']],
      [['--module', 'commonjs', '--moduleResolution', 'node10', '--ignoreDeprecations', '5.0'], ['check.ts']],
    ] as const) {
      const result = spawnSync(process.execPath, [tsc, ...strict, ...options, ...files], { cwd: app, encoding: 'utf8' });
      expect(result.stdout + result.stderr, options.join(' ')).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('installs the slaclock command', () => {
    const result = run(join(app, 'node_modules', '.bin', 'slaclock'), ['policies'], app);
    expect(result.stdout).toContain('sailpoint-identitynow');
  });

  it('the installed command reads a semicolon CSV (papaparse is bundled into it)', () => {
    writeFileSync(join(app, 'tickets.csv'), 'severity;at;region\r\n1;2026-11-25T15:00-07:00;FR\r\n');
    const result = run(join(app, 'node_modules', '.bin', 'slaclock'), ['compare', '--policies', 'jumpcloud', '--cases', 'tickets.csv', '--format', 'csv'], app);
    expect(result.stdout).toContain('JumpCloud,jumpcloud,standard,1,1,1,');
  });
});
