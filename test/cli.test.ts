// The CLI in-process: run(argv, io) with an in-memory io. test/cli.spawn.test.ts runs the built bin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { run } from '../src/cli/run.js';
import { getPolicy } from '../src/index.js';

const NOW = Date.UTC(2026, 10, 25, 22); // Wed 2026-11-25 15:00 MST
let scratch = '';
const fixtures = new URL('./fixtures/tickets/', import.meta.url);
const fixture = (name: string) => new URL(name, fixtures).pathname;

async function cli(...args: string[]) {
  return cliWith({}, ...args);
}

async function cliWith(io: { errIsTTY?: boolean }, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (text) => out.push(text), err: (text) => err.push(text), now: () => NOW, ...io });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A failure is exactly one line on stderr, prefixed `slaclock:`, with no stack trace. */
function expectOneLineError(result: { stderr: string; stdout: string }, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^slaclock: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const JUMPCLOUD = ['deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00'];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'slaclock-cli-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('slaclock (program)', () => {
  it('prints help listing every command, and each command\'s help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['deadline', 'compare', 'policies', 'validate', 'regions']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect((await cli(command, '--help')).stdout).toContain(`Usage: slaclock ${command}`);
      expect((await cli('help', command)).stdout).toContain(`Usage: slaclock ${command}`);
    }
  });

  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'frobnicate'])('says %s is an unknown command (exit 1)', async (name) => {
    const result = await cli(name);
    expect(result.code).toBe(1);
    expectOneLineError(result, new RegExp(`unknown command "${name}"; commands: deadline, compare, policies, validate, regions`));
  });

  it('suggests the command and the option meant', async () => {
    expectOneLineError(await cli('compar'), /did you mean "compare"\?/);
    const option = await cli('compare', '--polices', 'jumpcloud');
    expect(option.code).toBe(1);
    expectOneLineError(option, /unknown option "--polices"; did you mean "--policies"\?/);
  });
});

describe('slaclock deadline', () => {
  it('decides the JumpCloud Standard severity 1 example: Thanksgiving is closed', async () => {
    const result = await cli(...JUMPCLOUD, '--contract', 'active', '--role', 'administrator');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^deadline:\s+2026-11-27T11:00:00\.000-07:00 \(Fri 27 Nov 2026 11:00 MST\)$/m);
  });

  it('takes --at now from the clock, and ids and plans in any case', async () => {
    const result = await cli('deadline', '--policy', 'JumpCloud', '--plan', 'STANDARD', '--severity', '1', '--at', 'now');
    expect(result.code).toBe(0);
    // now = Wed 15:00 MST: the same deadline as the example.
    expect(result.stdout).toMatch(/^deadline:\s+2026-11-27T11:00:00\.000-07:00/m);
  });

  it('suggests the policy and plan meant', async () => {
    const policy = await cli('deadline', '--policy', 'jumpclod', '--plan', 'standard', '--at', 'now');
    expect(policy.code).toBe(2);
    expectOneLineError(policy, /--policy: unknown policy "jumpclod"; did you mean "jumpcloud"\?/);
    const plan = await cli('deadline', '--policy', 'jumpcloud', '--plan', 'premum', '--at', 'now');
    expectOneLineError(plan, /--plan: policy "jumpcloud" has no plan "premum"; did you mean "premium"\?/);
  });

  it('names --at, not "at", when the instant is malformed', async () => {
    const result = await cli('deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--at', '2026-11-25T15:00');
    expect(result.code).toBe(2);
    expectOneLineError(result, /offset.*or "now" \(at --at\)$/);
    expect(result.stderr).not.toContain('(at at)');
  });

  it('takes any region date-holidays knows, with its zone', async () => {
    // FR: Europe/Paris, CET (UTC+1): the Fri 11:00 MST deadline is Fri 19:00 in Paris.
    const fr = await cli(...JUMPCLOUD, '--region', 'fr');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^customer:\s+2026-11-27T19:00:00\.000\+01:00 .*Europe\/Paris\)$/m);
    const california = await cli(...JUMPCLOUD, '--region', 'US-CA');
    expect(california.stdout).toMatch(/America\/Los_Angeles\)$/m);
    const de = await cli(...JUMPCLOUD, '--region', 'DE');
    expect(de.stdout).toMatch(/Europe\/Berlin\)$/m);
  });

  it('asks for --timezone when a region spans zones, listing them', async () => {
    const us = await cli(...JUMPCLOUD, '--region', 'US');
    expect(us.code).toBe(2);
    expectOneLineError(us, /Region US spans \d+ time zones \(America\/New_York, .* and \d+ more\); name one with a timezone \(--timezone\), or a state of it \(see: slaclock regions US\)/);
    const chicago = await cli(...JUMPCLOUD, '--region', 'US', '--timezone', 'America/Chicago');
    expect(chicago.stdout).toMatch(/^customer:\s+2026-11-27T12:00:00\.000-06:00 .*America\/Chicago\)$/m);
  });

  it('rejects unknown regions, prototype keys included, naming --region', async () => {
    for (const region of ['XX', '__proto__', 'constructor']) {
      const result = await cli(...JUMPCLOUD, '--region', region);
      expect(result.code).toBe(2);
      expectOneLineError(result, new RegExp(`Unknown region "${region}".*\\(at --region\\)$`));
    }
  });

  it('names --holds for a plan it lists that the policy does not have', async () => {
    const result = await cli(...JUMPCLOUD, '--holds', 'standard,__proto__');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('slaclock: Expected one of "free", "jumpstart", "standard", "free-trial", "premium", got "__proto__" (at --holds)\n');
  });

  it('reads a policy from a JSON file (with a BOM) and applies contract terms', async () => {
    const policy = { ...getPolicy('jumpcloud'), id: 'our-vendor' };
    const path = file('our-vendor.json', `\uFEFF${JSON.stringify(policy)}`);
    const own = await cli('deadline', '--policy', path, '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00', '--json');
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout).policy).toBe('our-vendor');
    const terms = file('terms.json', JSON.stringify({ clause: { source: 'MSA 4.2', text: 'Two hours.' }, plans: { standard: { targets: { 1: { duration: 'PT2H', clause: { source: 'MSA 4.2', text: 'Two hours.' } } } } } }));
    const contracted = await cli(...JUMPCLOUD, '--contract', terms, '--json');
    expect(contracted.code).toBe(0);
    // Wed 15:00 MST + 2 business hours = 17:00, the same day.
    expect(JSON.parse(contracted.stdout).firstResponse.deadline).toBe('2026-11-25T17:00:00.000-07:00');
  });

  it('lists every problem of a bad policy file, each on its own line', async () => {
    const path = file('broken.json', JSON.stringify({ id: 'broken', vendor: 'Acme', name: 'Acme', versions: [{ id: 'v1', source: 's', severities: 'all', plans: 'none' }] }));
    const result = await cli('deadline', '--policy', path, '--plan', 'x', '--at', 'now');
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^slaclock: policy file ".*broken\.json" has \d+ problems? \(see: slaclock validate /);
    expect(lines.slice(1).some((line) => line.startsWith('  versions[0].severities: '))).toBe(true);
  });

  it('prints the tz database version with --verbose when the decision records it', async () => {
    const result = await cli(...JUMPCLOUD, '--verbose');
    expect(result.code).toBe(0);
    const decision = JSON.parse((await cli(...JUMPCLOUD, '--json')).stdout) as { tzdb?: string | null };
    if ('tzdb' in decision) expect(result.stdout).toMatch(/^tzdb:\s+\S/m);
    else expect(result.stdout).not.toMatch(/^tzdb:/m);
    expect(result.stdout).toMatch(/^ {2}- jumpcloud\.[a-z-]+: \S/m);
  });
});

describe('slaclock regions', () => {
  it('lists countries and the states of one', async () => {
    const countries = await cli('regions');
    expect(countries.code).toBe(0);
    expect(countries.stdout).toMatch(/^FR\s+France\s+Europe\/Paris$/m);
    const states = await cli('regions', 'us', '--json');
    const california = (JSON.parse(states.stdout) as { code: string; timezones: string[] }[]).find((region) => region.code === 'US-CA');
    expect(california?.timezones).toEqual(['America/Los_Angeles']);
    expectOneLineError(await cli('regions', 'XX'), /Unknown country "XX"/);
  });
});

describe('slaclock validate', () => {
  it('accepts a file with a UTF-8 byte-order mark', async () => {
    const path = file('bom.json', `\uFEFF${JSON.stringify({ ...getPolicy('cirrus-identity'), id: 'bom-policy' })}`);
    const result = await cli('validate', path);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: .*bom\.json \(policy bom-policy\)$/m);
  });

  it('prints every problem on its own line and exits 3', async () => {
    const path = file('two.json', JSON.stringify({ id: 'two', vendor: 'Acme', name: 'Acme', versions: [{ id: 'v1', source: 's', severities: 'all', plans: 'none' }] }));
    const result = await cli('validate', path);
    expect(result.code).toBe(3);
    const lines = result.stdout.trimEnd().split('\n');
    const problems = lines.filter((line) => line.includes('two.json: versions'));
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toBe(`${problems.length} problems in ${path}`);
  });

  it('prints every problem of every calendar, overlaps and conflicts included, in one run', async () => {
    const policy = getPolicy('cirrus-identity');
    const [first, ...others] = policy.versions;
    const calendars = {
      office: { timezone: 'UTC', week: { mon: [['09:00', '17:00'], ['12:00', '13:00']], tue: [['09:00', '12:00'], ['11:00', '17:00']] } },
      desk: { timezone: 'UTC', week: { fri: [['09:00', '17:00']] }, holidays: ['2026-12-24', { date: '2026-12-24', hours: [['09:00', '12:00']] }] },
    };
    const path = file('calendars.json', JSON.stringify({ ...policy, id: 'calendars', versions: [{ ...first, calendars }, ...others] }));
    const result = await cli('validate', path);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(
      [
        `${path}: versions[0].calendars.desk.holidays[1].date: This date is listed more than once with different meanings (a closed holiday and a partial day, or two partial days) [conflicting_dates]`,
        `${path}: versions[0].calendars.office.week.mon[1]: Open intervals overlap (overnight parts included) [overlapping_intervals]`,
        `${path}: versions[0].calendars.office.week.tue[1]: Open intervals overlap (overnight parts included) [overlapping_intervals]`,
        `3 problems in ${path}`,
        '',
      ].join('\n'),
    );
  });

  it('refuses binary junk with one line (exit 2)', async () => {
    const path = file('junk.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const result = await cli('validate', path);
    expect(result.code).toBe(2);
    expectOneLineError(result, /not a text file/);
  });
});

describe('slaclock compare', () => {
  it('compares one policy per vendor by default, each once, with the legend', async () => {
    const result = await cli('compare', '--count', '60', '--format', 'csv');
    expect(result.code).toBe(0);
    const policies = new Set(result.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(',')[1]));
    expect([...policies]).toEqual(['jumpcloud', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow']);
    const table = await cli('compare', '--count', '60');
    expect(table.stdout).toMatch(/^Legend:$/m);
    expect(table.stdout.split('\n')[0]).not.toMatch(/eligible/);
    expect(table.stdout).not.toMatch(/skipped/);
  });

  it('shows add-on plans per base plan and generates every severity the policies define', async () => {
    const result = await cli('compare', '--policies', 'one-identity', '--count', '400', '--format', 'json');
    const rows = JSON.parse(result.stdout).rows as { planLabel: string; severity: number; medianHours: number | null }[];
    expect([...new Set(rows.map((row) => row.planLabel))]).toEqual(['trial', 'standard', '24x7', 'premier (on standard)', 'premier (on 24x7)']);
    expect([...new Set(rows.map((row) => row.severity))]).toEqual([1, 2, 3, 4]);
    // Premier's half hour is round the clock only on 24x7; on Standard it runs on business hours.
    const premier = (label: string) => rows.find((row) => row.planLabel === label && row.severity === 1)?.medianHours;
    expect(premier('premier (on 24x7)')).toBe(0.5);
    expect(premier('premier (on standard)')).toBeGreaterThan(0.5);
  });

  it('includes jumpcloud-legacy only when asked, and says what a policy does not define', async () => {
    const result = await cli('compare', '--policies', 'jumpcloud-legacy,sailpoint-identitynow', '--count', '50');
    expect(result.stdout).toContain('jumpcloud-legacy');
    expect(result.stdout).toMatch(/sailpoint-identitynow .* not defined by this policy$/m);
  });

  it('gives one row per policy version, with a version column, when the tickets span versions', async () => {
    // JumpCloud's legacy page is in force before 2023-01-01, the current tiers after.
    const path = file('span.csv', 'severity,at,region\n1,2022-06-01T16:00Z,US-CO\n1,2026-06-01T16:00Z,US-CO\n');
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', path, '--format', 'csv');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]?.startsWith('vendor,policy,version,plan,')).toBe(true);
    const standard = lines.filter((line) => line.includes(',standard,')).map((line) => line.split(',').slice(2, 6).join(','));
    expect(standard).toEqual(['legacy,standard,1,1', 'current,standard,1,1']);
  });

  it('reads the golden ticket file and reports outcomes', async () => {
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('outcomes.csv'), '--format', 'csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('tickets,met_pct,median_margin_hours,p90_margin_hours');
    expect(lines.find((line) => line.includes(',standard,'))).toBe('JumpCloud,jumpcloud,standard,1,4,4,5.0,68.0,68.0,50.0,4,75.0,1.0,-1.0');
  });

  it('reads a Zendesk export (semicolons, BOM, CRLF, quotes) and a Jira export (quoted line break) with the example maps', async () => {
    const zendesk = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('zendesk-export.csv'), '--map', 'examples/maps/zendesk.json', '--region', 'US-CO', '--format', 'json');
    expect(zendesk.stderr).toBe('');
    const zRows = JSON.parse(zendesk.stdout).rows as { plan: string; severity: number; cases: number; outcomes: { tickets: number } }[];
    // Urgent -> 1 (with a reply), High -> 2 (no reply yet: counted in cases, not in tickets).
    expect(zRows.filter((row) => row.plan === 'standard').map((row) => [row.severity, row.cases, row.outcomes.tickets])).toEqual([[1, 1, 1], [2, 1, 0]]);
    const jira = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('jira-export.csv'), '--map', 'examples/maps/jira-service-management.json', '--region', 'us-co', '--format', 'json');
    expect(jira.stderr).toBe('');
    expect((JSON.parse(jira.stdout).rows as { severity: number }[]).map((row) => row.severity)).toContain(3);
  });

  it('reads date-times without an offset as local times of --local-times', async () => {
    // "2026-11-25 15:00" in America/Denver is 15:00 MST (UTC-7): the golden T2 opening. With JumpCloud
    // Standard: 44 h to its deadline (2 h Wednesday, Thanksgiving closed, 2 h Friday).
    const path = file('local.csv', 'Severity;Opened;Region\r\n1;2026-11-25 15:00;US-CO\r\n');
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', path, '--local-times', 'America/Denver', '--format', 'csv');
    expect(result.stdout.split('\n').find((line) => line.includes(',standard,'))).toBe('JumpCloud,jumpcloud,standard,1,1,1,44.0,44.0,44.0,100.0');
    const without = await cli('compare', '--policies', 'jumpcloud', '--cases', path);
    expectOneLineError(without, /^slaclock: Row 2: at .*offset/);
    expectOneLineError(await cli('compare', '--cases', path, '--local-times', 'Mars/Olympus'), /Mars\/Olympus.*\(at --local-times\)$/);
  });

  it('maps a severity word that is a prototype key like any other word', async () => {
    const csv = file('proto.csv', 'severity,at,region\n__proto__,2026-11-25T15:00-07:00,US-CO\nconstructor,2026-11-25T15:00-07:00,US-CO\n');
    const mapped = await cli('compare', '--policies', 'jumpcloud', '--cases', csv, '--severity-map', '__proto__=1,constructor=2', '--format', 'json');
    expect(mapped.stderr).toBe('');
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout).cases).toBe(2);
    const unmapped = await cli('compare', '--policies', 'jumpcloud', '--cases', csv, '--severity-map', 'urgent=1');
    expectOneLineError(unmapped, /^slaclock: Row 2: severity must be an integer or one of urgent, got "__proto__"$/);
  });

  it('takes --map and --severity-map inline, and JSON Lines', async () => {
    const csv = file('own.csv', 'Ticket,Prio,Created\nA-1,P1,2026-11-25T15:00-07:00\n');
    const inline = await cli('compare', '--policies', 'jumpcloud', '--cases', csv, '--map', 'id=ticket,severity=PRIO,opened=created', '--severity-map', 'P1=1', '--region', 'US-CO', '--format', 'json');
    expect(inline.code).toBe(0);
    const jsonl = file('cases.jsonl', '{"severity":1,"at":"2026-11-25T22:00Z","region":"US-CO"}\n\n{"Severity":1,"AT":"2026-11-25T22:00Z","region":"us-co"}\n');
    const lines = await cli('compare', '--policies', 'jumpcloud', '--cases', jsonl, '--format', 'json');
    expect(lines.code).toBe(0);
    expect(JSON.parse(lines.stdout).cases).toBe(2);
  });

  it('hints at --map and --region when a column is missing, and names the delimiter', async () => {
    const semicolons = file('semi.csv', 'Priority;Created\n1;2026-11-25T15:00Z\n');
    const result = await cli('compare', '--cases', semicolons);
    expect(result.code).toBe(2);
    expectOneLineError(result, /no column "severity", "at", "region" \(it has "Priority", "Created"\) \(delimiter: semicolon\); name the columns with --map severity=<column>; give every case one region with --region/);
  });

  it('names the row and field of a bad cell, with the value cut short', async () => {
    const long = 'x'.repeat(5000);
    const path = file('bad-cell.csv', `severity,at,region\n1,2026-11-25T15:00Z,US-CO\n${long},2026-11-25T15:00Z,US-CO\n`);
    const result = await cli('compare', '--cases', path);
    expect(result.code).toBe(2);
    expectOneLineError(result, /^slaclock: Row 3: severity must be an integer .*got "x{120}"… \(5000 characters\)$/);
    expect(result.stderr.length).toBeLessThan(500);
  });

  it('reads a quote inside an unquoted field as text, and skips rows of empty cells', async () => {
    // A stray quote in a subject (5" monitor) opens no field: over a megabyte of rows after it read fine.
    const row = '1,2026-11-25T15:00-07:00,US-CO,plain\n';
    const path = file('stray.csv', `severity,at,region,subject\n1,2026-11-25T15:00-07:00,US-CO,5" monitor\n${row.repeat(30_000)},,,\n`);
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', path, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).cases).toBe(30_001);
  });

  it('refuses binary junk, an unknown extension and a missing file, each with one line', async () => {
    expectOneLineError(await cli('compare', '--cases', file('junk.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]))), /not a text file/);
    expectOneLineError(await cli('compare', '--cases', file('cases.xlsx', 'x')), /--cases must be a .csv/);
    expectOneLineError(await cli('compare', '--cases', join(scratch, 'nope.csv')), /no such file/);
  });

  it('writes a self-contained HTML report', async () => {
    const out = join(scratch, 'report.html');
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('outcomes.csv'), '--format', 'html', '--out', out);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html.match(/<svg /g)?.length).toBe(3); // hours, attainment, the week's deadlines
    expect(html).toContain('<h2>Legend</h2>');
  });

  it('draws the attainment and hours views as SVG', async () => {
    const attainment = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('outcomes.csv'), '--format', 'svg', '--view', 'attainment');
    expect(attainment.stdout).toContain('>75%<');
    const misuse = await cli('compare', '--view', 'attainment');
    expect(misuse.code).toBe(1);
  });

  it('reads a Parquet export (warehouse timestamps) like the same tickets in CSV', async () => {
    // The golden tickets of outcomes.csv (see test/compareOutcomes.test.ts), as Parquet columns.
    const mst = (text: string) => new Date(`${text}-07:00`);
    const parquet = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['T1', 'T2', 'T3', 'T4'], type: 'STRING' },
        { name: 'severity', data: Int32Array.from([1, 1, 1, 1]), type: 'INT32' },
        { name: 'opened', data: ['2026-11-23T09:00', '2026-11-25T15:00', '2026-11-27T16:00', '2026-11-24T08:00'].map(mst), type: 'TIMESTAMP' },
        { name: 'region', data: ['US-CO', 'US-CO', 'US-CO', 'US-CO'], type: 'STRING' },
        { name: 'first_reply_at', data: ['2026-11-23T10:30', '2026-11-27T10:00', '2026-11-27T16:20', '2026-11-24T14:00'].map(mst), type: 'TIMESTAMP' },
      ],
    });
    const path = file('tickets.parquet', Buffer.from(parquet));
    const result = await cli('compare', '--policies', 'jumpcloud', '--cases', path, '--format', 'csv');
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').find((line) => line.includes(',standard,'))).toBe('JumpCloud,jumpcloud,standard,1,4,4,5.0,68.0,68.0,50.0,4,75.0,1.0,-1.0');
    expectOneLineError(await cli('compare', '--cases', file('junk.parquet', 'severity,at\n')), /is not a Parquet file/);
  });

  it('draws a progress bar on a terminal\'s stderr only, and clears it', async () => {
    const quiet = await cli('compare', '--policies', 'jumpcloud', '--cases', fixture('outcomes.csv'));
    expect(quiet.stderr).toBe('');
    const tty = await cliWith({ errIsTTY: true }, 'compare', '--policies', 'jumpcloud', '--cases', fixture('outcomes.csv'));
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^\r\[[#.]{30}\] +\d+% +\d+ cases/);
    expect(tty.stderr.endsWith('\r')).toBe(true);
    expect(tty.stdout).toMatch(/^Legend:$/m);
  });

  it('applies --contract to the policy it names', async () => {
    const terms = file('c.json', JSON.stringify({ clause: { source: 'MSA', text: 'x' }, plans: { standard: { targets: { 1: { duration: 'PT2H', clause: { source: 'MSA', text: 'x' } } } } } }));
    const result = await cli('compare', '--policies', 'jumpcloud,cirrus-identity', '--contract', `jumpcloud=${terms}`, '--cases', fixture('outcomes.csv'), '--format', 'json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout).rows as { policy: string }[])[0]?.policy).toBe('jumpcloud+contract');
    const ambiguous = await cli('compare', '--policies', 'jumpcloud,cirrus-identity', '--contract', terms);
    expect(ambiguous.code).toBe(1);
  });
});
