// The CLI as a user runs it: `node dist/cli.js ...` (test/support/buildDist.ts builds dist/ before the tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPolicy } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
let scratch = '';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure is exactly one line on stderr, prefixed `slaclock:`, with no stack trace. */
function expectOneLineError(result: { stderr: string; stdout: string }, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^slaclock: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

const JUMPCLOUD = ['deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00'];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'slaclock-cli-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('slaclock (program)', () => {
  it('starts with the shebang so the bin entry runs', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints help and the version', () => {
    for (const flag of ['--help', '-h']) {
      const help = run(flag);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: slaclock <command>');
      for (const command of ['deadline', 'compare', 'policies', 'validate']) expect(help.stdout).toContain(command);
    }
    const version = run('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it.each(['deadline', 'compare', 'policies', 'validate'])('prints help for %s', (command) => {
    const result = run(command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: slaclock ${command}`);
  });

  it('also takes -h after a command, and `help <command>`', () => {
    expect(run('compare', '-h').stdout).toContain('Usage: slaclock compare');
    expect(run('help', 'validate').stdout).toContain('Usage: slaclock validate');
  });

  it('rejects an unknown command or option with exit 1 and one line', () => {
    const unknown = run('frobnicate');
    expect(unknown.code).toBe(1);
    expectOneLineError(unknown, /unknown command "frobnicate"/);
    const option = run('policies', '--bogus');
    expect(option.code).toBe(1);
    expectOneLineError(option, /--bogus/);
  });

  it('with no command prints the help on stderr and exits 1', () => {
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: slaclock <command>');
  });
});

describe('slaclock deadline', () => {
  it('decides the JumpCloud Standard severity 1 example: Thanksgiving is closed', () => {
    const result = run(...JUMPCLOUD, '--contract', 'active', '--role', 'administrator');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toMatch(/^eligible:\s+yes$/m);
    expect(out).toMatch(/^channels:\s+help-center, email$/m);
    expect(out).toMatch(/^target:\s+4 hours$/m);
    expect(out).toMatch(/^clock:\s+jumpcloud-business-hours \(America\/Denver\)$/m);
    expect(out).toMatch(/^opened:\s+2026-11-25T15:00:00\.000-07:00 \(Wed 25 Nov 2026 15:00 MST\)$/m);
    expect(out).toMatch(/^deadline:\s+2026-11-27T11:00:00\.000-07:00 \(Fri 27 Nov 2026 11:00 MST\)$/m);
    expect(out).toContain('jumpcloud.standard-business-hours');
  });

  it('shows the deadline in the customer zone from --region and --timezone', () => {
    const region = run(...JUMPCLOUD, '--region', 'US-NY');
    expect(region.code).toBe(0);
    expect(region.stdout).toMatch(/^customer:\s+2026-11-27T13:00:00\.000-05:00 \(Fri 27 Nov 2026 13:00 EST, America\/New_York\)$/m);
    const zone = run(...JUMPCLOUD, '--timezone', 'Asia/Kolkata');
    expect(zone.stdout).toMatch(/^customer:\s+2026-11-27T23:30:00\.000\+05:30 /m);
    const both = run(...JUMPCLOUD, '--region', 'GB', '--timezone', 'Europe/Dublin');
    expect(both.stdout).toMatch(/^customer:\s+2026-11-27T18:00:00\.000\+00:00 .*Europe\/Dublin\)$/m);
  });

  it('prints the decision as JSON', () => {
    const result = run(...JUMPCLOUD, '--region', 'US-CO', '--json');
    expect(result.code).toBe(0);
    const decision = JSON.parse(result.stdout);
    expect(decision.eligible).toBe(true);
    expect(decision.firstResponse.deadline).toBe('2026-11-27T11:00:00.000-07:00');
    expect(decision.customer).toEqual({ timezone: 'America/Denver', deadline: '2026-11-27T11:00:00.000-07:00' });
    expect(decision.interpretations.map((entry: { id: string }) => entry.id)).toContain('jumpcloud.regional-holidays');
  });

  it('lists the reasons, with their clause, when a request is not eligible', () => {
    const result = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00', '--contract', 'lapsed');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^eligible:\s+no$/m);
    expect(result.stdout).toMatch(/^ {2}- \[deny\] [a-z_]+: /m);
    expect(result.stdout).toMatch(/^deadline:\s+none/m);
  });

  it('rejects a missing --plan with exit 1', () => {
    const result = run('deadline', '--policy', 'jumpcloud', '--at', '2026-11-25T15:00-07:00');
    expect(result.code).toBe(1);
    expectOneLineError(result, /missing --plan/);
  });

  it('rejects an --at without an offset with exit 2 and one line', () => {
    const result = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00');
    expect(result.code).toBe(2);
    expectOneLineError(result, /offset.*\(at at\)$/);
  });

  it('rejects an unknown plan, policy, region or zone with exit 2', () => {
    const plan = run('deadline', '--policy', 'jumpcloud', '--plan', 'gold', '--severity', '1', '--at', '2026-11-25T15:00Z');
    expect(plan.code).toBe(2);
    expectOneLineError(plan, /"gold".*\(at plan\)$/);
    const policy = run('deadline', '--policy', 'acme', '--plan', 'standard', '--at', '2026-11-25T15:00Z');
    expect(policy.code).toBe(2);
    expectOneLineError(policy, /"acme"/);
    const region = run(...JUMPCLOUD, '--region', 'XX');
    expect(region.code).toBe(2);
    expectOneLineError(region, /region "XX"/);
    const zone = run(...JUMPCLOUD, '--timezone', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    expectOneLineError(zone, /Mars\/Olympus/);
  });

  it('rejects a severity that is not a number with exit 1', () => {
    const result = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', 'high', '--at', '2026-11-25T15:00Z');
    expect(result.code).toBe(1);
    expectOneLineError(result, /--severity/);
  });
});

describe('slaclock policies', () => {
  it('lists the catalog', () => {
    const result = run('policies');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^jumpcloud\s+JumpCloud\s+free-trial, standard, premium\s+legacy, current \(from 2023-01-01\)$/m);
    for (const id of ['jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow']) expect(result.stdout).toContain(id);
    const json = JSON.parse(run('policies', '--json').stdout);
    expect(json.map((policy: { id: string }) => policy.id)).toContain('one-identity');
  });
});

describe('slaclock validate', () => {
  it('says ok for a valid policy', () => {
    const file = join(scratch, 'good.json');
    writeFileSync(file, JSON.stringify({ ...getPolicy('cirrus-identity'), id: 'my-policy' }));
    const result = run('validate', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: .*good\.json \(policy my-policy\)$/m);
  });

  it('prints every problem with its path and exits 3', () => {
    const good = getPolicy('cirrus-identity') as unknown as { versions: Record<string, unknown>[] };
    const bad = {
      id: 'broken',
      vendor: 'Acme',
      name: 'Acme support',
      versions: [{ ...good.versions[0], severities: 'all of them', plans: [{ id: 'x' }] }],
    };
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = run('validate', file);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('versions[0].severities');
    expect(result.stdout).toMatch(/versions\[0\]\.plans\[0\]/);
    expect(result.stdout).toMatch(/^\d+ problems? in .*bad\.json$/m);
    const json = JSON.parse(run('validate', '--json', file).stdout);
    expect(json.ok).toBe(false);
    expect(json.problems.length).toBeGreaterThan(1);
  });

  it('treats a file that is not JSON as a problem (exit 3) and a missing file as bad input (exit 2)', () => {
    const file = join(scratch, 'notjson.json');
    writeFileSync(file, '{ nope');
    const notJson = run('validate', file);
    expect(notJson.code).toBe(3);
    expect(notJson.stdout).toContain('not valid JSON');
    const missing = run('validate', join(scratch, 'missing.json'));
    expect(missing.code).toBe(2);
    expectOneLineError(missing, /no such file/);
    const none = run('validate');
    expect(none.code).toBe(1);
    expectOneLineError(none, /expected one policy file/);
  });
});

describe('slaclock compare', () => {
  it('prints a table over generated cases', () => {
    const result = run('compare', '--policies', 'jumpcloud,one-identity', '--count', '200', '--seed', '7');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('jumpcloud');
    expect(result.stdout).toContain('one-identity');
  });

  it('is reproducible and writes csv, json and markdown', () => {
    const csv = run('compare', '--policies', 'cirrus-identity', '--count', '100', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(run('compare', '--policies', 'cirrus-identity', '--count', '100', '--format', 'csv').stdout).toBe(csv.stdout);
    expect(csv.stdout.split('\n')[0]).toContain(',');
    const json = run('compare', '--policies', 'cirrus-identity', '--count', '100', '--format', 'json');
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const markdown = run('compare', '--policies', 'cirrus-identity', '--count', '100', '--format', 'markdown');
    expect(markdown.stdout).toMatch(/^\|.*\|$/m);
  });

  it('reads cases from CSV and JSON files', () => {
    const csvFile = join(scratch, 'cases.csv');
    writeFileSync(csvFile, 'severity,at,region\n1,2026-11-25T15:00-07:00,US-CO\n2,2026-11-26T09:00Z,GB\n');
    const fromCsv = run('compare', '--policies', 'jumpcloud', '--cases', csvFile, '--format', 'json');
    expect(fromCsv.code).toBe(0);
    const jsonFile = join(scratch, 'cases.json');
    writeFileSync(jsonFile, JSON.stringify([{ severity: 1, at: '2026-11-25T22:00Z', region: 'US-CO' }, { severity: 2, at: '2026-11-26T09:00Z', region: 'GB' }]));
    const fromJson = run('compare', '--policies', 'jumpcloud', '--cases', jsonFile, '--format', 'json');
    expect(fromJson.code).toBe(0);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromCsv.stdout));
  });

  it('renders the deadline chart as SVG into a file', () => {
    const file = join(scratch, 'chart.svg');
    const result = run('compare', '--policies', 'jumpcloud', '--format', 'svg', '--severity', '1', '--out', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
  });

  it('rejects a bad format (exit 1) and a bad cases file (exit 2)', () => {
    const format = run('compare', '--format', 'pdf');
    expect(format.code).toBe(1);
    expectOneLineError(format, /--format/);
    const file = join(scratch, 'bad-cases.csv');
    writeFileSync(file, 'severity,at,region\n1,yesterday,US-CO\n');
    const cases = run('compare', '--cases', file);
    expect(cases.code).toBe(2);
    expectOneLineError(cases, /Line 2/);
    const policy = run('compare', '--policies', 'jumpcloud,acme');
    expect(policy.code).toBe(2);
    expectOneLineError(policy, /"acme"/);
  });
});
