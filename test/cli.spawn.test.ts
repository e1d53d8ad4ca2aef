// The CLI as a user runs it: `node dist/cli.js ...` in a child process, with real files, exit
// codes and stderr (test/support/buildDist.ts builds dist/ first). The behaviour in detail is
// tested in-process in test/cli.test.ts; these runs prove the built bin does the same.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPolicy } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const fixture = (name: string) => join(root, 'test', 'fixtures', 'tickets', name);
let scratch = '';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A failure is exactly one line on stderr, prefixed `slaclock:`, with no stack trace. */
function expectOneLineError(result: { stderr: string; stdout: string }, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr.slice(0, 2000)).toHaveLength(1);
  expect(lines[0]).toMatch(/^slaclock: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stdout).toBe('');
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'slaclock-cli-spawn-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the built bin', () => {
  it('starts with the shebang, prints help and the version', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(run('--help').stdout).toContain('Usage: slaclock <command>');
    expect(run('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const none = run();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Usage: slaclock <command>');
  });

  it('exits 1 with one line on prototype-named commands (no stack trace)', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const result = run(name);
      expect(result.code).toBe(1);
      expectOneLineError(result, new RegExp(`unknown command "${name}"`));
    }
  });

  it('decides a deadline in any region, with --at now, and names --at when it is malformed', () => {
    const fr = run('deadline', '--policy', 'JumpCloud', '--plan', 'premium', '--severity', '1', '--at', 'now', '--region', 'FR');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^customer:\s+.*Europe\/Paris\)$/m);
    const bad = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--at', '2026-11-25T15:00');
    expect(bad.code).toBe(2);
    expectOneLineError(bad, /\(at --at\)$/);
    const region = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--at', 'now', '--region', '__proto__');
    expect(region.code).toBe(2);
    expectOneLineError(region, /Unknown region "__proto__"/);
  });

  it('lists regions', () => {
    const result = run('regions', 'DE');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^DE-BY\s+Bayern\s+Europe\/Berlin$/m);
  });

  it('validates a policy file with a BOM, and prints every problem of a bad one on its own line', () => {
    expect(run('validate', file('bom.json', `\uFEFF${JSON.stringify(getPolicy('cirrus-identity'))}`)).code).toBe(0);
    const bad = run('validate', file('bad.json', JSON.stringify({ id: 'b', vendor: 'A', name: 'A', versions: [{ id: 'v', source: 's', severities: 'all', plans: 'none' }] })));
    expect(bad.code).toBe(3);
    expect(bad.stdout.split('\n').filter((line) => line.includes(': versions[0].')).length).toBeGreaterThanOrEqual(2);
  });

  it('compares your own policy file with a built-in one on the golden ticket file', () => {
    const own = file('own.json', JSON.stringify({ ...getPolicy('jumpcloud'), id: 'our-vendor', vendor: 'Our vendor' }));
    const result = run('compare', '--policies', `${own},cirrus-identity`, '--cases', fixture('outcomes.csv'), '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Our vendor,our-vendor,standard,1,4,4,5.0,68.0,68.0,50.0,4,75.0,1.0,-1.0\n');
  });

  it('reads a semicolon-separated export with the Zendesk map', () => {
    const result = run('compare', '--policies', 'jumpcloud', '--cases', fixture('zendesk-export.csv'), '--map', 'examples/maps/zendesk.json', '--region', 'US-CO');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Legend:$/m);
  });

  it('applies contract terms and reads a Parquet export', async () => {
    const clause = { source: 'MSA 4.2', text: 'Two business hours.' };
    const terms = file('terms.json', JSON.stringify({ clause, plans: { standard: { targets: { 1: { duration: 'PT2H', clause } } } } }));
    const contracted = run('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00', '--contract', terms);
    expect(contracted.stdout).toMatch(/^deadline:\s+2026-11-25T17:00:00\.000-07:00/m);
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const parquet = parquetWriteBuffer({
      columnData: [
        { name: 'severity', data: Int32Array.from([1]), type: 'INT32' },
        { name: 'at', data: [new Date('2026-11-25T15:00-07:00')], type: 'TIMESTAMP' },
        { name: 'region', data: ['us-co'], type: 'STRING' },
      ],
    });
    const result = run('compare', '--policies', 'jumpcloud', '--cases', file('t.parquet', Buffer.from(parquet)), '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('JumpCloud,jumpcloud,standard,1,1,1,44.0,44.0,44.0,100.0\n');
  });

  it('writes formula-looking cells out safely in CSV output', () => {
    const own = file('formula.json', JSON.stringify({ ...getPolicy('cirrus-identity'), id: 'evil', vendor: '=HYPERLINK("http://x","y")' }));
    const result = run('compare', '--policies', own, '--count', '20', '--format', 'csv');
    expect(result.code).toBe(0);
    const vendors = result.stdout.trimEnd().split('\n').slice(1).map((line) => line.slice(0, 3));
    expect(new Set(vendors)).toEqual(new Set(['"\'=']));
  });

  it('writes an HTML report to a file', () => {
    const out = join(scratch, 'report.html');
    const result = run('compare', '--cases', fixture('outcomes.csv'), '--policies', 'jumpcloud', '--format', 'html', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`slaclock: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it('refuses binary junk, a missing column and an unknown region with one line each (exit 2)', () => {
    expectOneLineError(run('compare', '--cases', file('junk.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]))), /not a text file/);
    expectOneLineError(run('compare', '--cases', file('nocol.csv', 'severity,at\n1,2026-11-25T15:00Z\n')), /no column "region"/);
    const region = run('compare', '--cases', file('xx.csv', 'severity,at,region\n1,2026-11-25T15:00Z,XX\n'));
    expect(region.code).toBe(2);
    expectOneLineError(region, /Row 2: unknown region "XX"/);
  });

  it('reads a 50 MB CSV with one bad quoted field without echoing it: one short line on stderr', () => {
    const path = join(scratch, 'big.csv');
    const fd = openSync(path, 'w');
    const row = '1,2026-11-25T15:00Z,US-CO\n';
    writeSync(fd, 'severity,at,region\n');
    writeSync(fd, row.repeat(1000));
    // An opening quote never closed: the rest of the file (about 50 MB) is one field.
    writeSync(fd, `1,"2026-11-25T15:00Z,US-CO\n`);
    const block = row.repeat(40_000);
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    const result = run('compare', '--policies', 'jumpcloud', '--cases', path);
    expect(result.code).toBe(2);
    expectOneLineError(result, /^slaclock: Row 1002: a quoted field is not closed/);
    expect(result.stderr.length).toBeLessThan(400);
  });
});
