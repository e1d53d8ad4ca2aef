// slaclock command-line interface. Node only; no dependency beyond the library.
// Exit codes: 0 ok, 1 usage or bad arguments, 2 invalid input or policy
// (a SlaclockError, an unreadable file), 3 `validate` found problems.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SlaclockError, formatPath } from './errors.js';
import { compileCalendar, compilePolicy, evaluate, getPolicy, listPolicies, weekdayHours, type CalendarSpec, type Decision, type PolicySpec, type SupportRequest } from './index.js';
import { compare, DEFAULT_REGIONS, formatReport, generateCases, parseCases, renderDeadlineChart } from './compare/index.js';
import { holidayRegions } from './regions/index.js';
import { humanInZone, isoInZone } from './cli/zoneFormat.js';
import { Zone } from './zone/zone.js';

/** A bad command line: exit code 1. */
class UsageError extends Error {}

/** A problem with an input file that is not a SlaclockError: exit code 2. */
class InputError extends Error {}

export const EXIT = { ok: 0, usage: 1, invalid: 2, problems: 3 } as const;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const PROGRAM_HELP = `slaclock: SLA deadlines and support entitlement from vendor policies

Usage: slaclock <command> [options]

Commands:
  deadline    decide one support request: eligibility, channels, first-response deadline
  compare     compare the first-response deadlines of policies and plans over many cases
  policies    list the built-in policy catalog
  validate    check a policy JSON file and print every problem

Options:
  -h, --help     show help (also: slaclock <command> --help)
  --version      print the version

Exit codes: 0 ok, 1 usage or bad arguments, 2 invalid input or policy, 3 validate found problems.
`;

const DEADLINE_HELP = `Usage: slaclock deadline --policy <id> --plan <id> --at <instant> [options]

Decide one support request and print the decision.

Required:
  --policy <id>        built-in policy id (see: slaclock policies)
  --plan <id>          plan id of the policy, e.g. standard
  --at <instant>       when the case is opened: ISO-8601 with an offset, e.g. 2026-11-25T15:00-07:00

Options:
  --severity <n>       severity level (default: the policy's default severity)
  --region <code>      the customer's region calendar: ${Object.keys(DEFAULT_REGIONS).join(', ')}
  --timezone <zone>    the customer's IANA zone (overrides the region's zone; alone: Mon-Fri 09:00-17:00)
  --channel <name>     the channel the case comes in on, e.g. email
  --contract <status>  active, trial, lapsed or none (not checked when omitted)
  --role <role>        the requester's role, e.g. administrator
  --trial-start <instant>  when the account's trial began
  --holds <plans>      comma-separated plans the account holds (for add-on plans)
  --language <tag>     the language support is asked in, e.g. en
  --fact <key=value>   a fact for scope and routing rules (repeatable; true/false/numbers are typed)
  --json               print the decision as JSON (with a "customer" field)
  -h, --help           show this help

Example:
  slaclock deadline --policy jumpcloud --plan standard --severity 1 --at 2026-11-25T15:00-07:00
`;

const COMPARE_HELP = `Usage: slaclock compare [options]

Compare first-response deadlines of every plan of the chosen policies over a set of cases.

Options:
  --policies <ids>     comma-separated policy ids (default: the whole catalog)
  --severity <n>       only cases of this severity; the severity the svg chart shows (default for svg: 1)
  --cases <file>       read cases from a .csv or .json file instead of generating them
  --year <yyyy>        generated cases: the year they fall in (default: 2026)
  --seed <n>           generated cases: random seed (default: 1)
  --count <n>          generated cases: how many (default: the generator's default)
  --weighting <w>      generated cases: uniform or business-hours
  --region <code>      only cases of this customer region, and the region the svg chart uses
                       (${Object.keys(DEFAULT_REGIONS).join(', ')})
  --week-of <date>     svg chart: the Monday (YYYY-MM-DD, in the region's zone) of the week drawn
                       (default: 2026-11-16)
  --step-minutes <n>   svg chart: minutes between two sampled opening times (default: 60)
  --title <text>       svg chart: the title
  --format <f>         table (default), markdown, csv, json or svg
  --out <file>         write to a file instead of standard output
  -h, --help           show this help

Example:
  slaclock compare --policies jumpcloud,one-identity --severity 1 --format markdown
  slaclock compare --format svg --severity 1 --out deadline-chart.svg
`;

const POLICIES_HELP = `Usage: slaclock policies [--json]

List the built-in policy catalog: id, vendor, plans (lowest tier first) and versions.

Options:
  --json       print the list as JSON
  -h, --help   show this help
`;

const VALIDATE_HELP = `Usage: slaclock validate <policy.json>

Read a policy JSON file, compile it and print every problem with its path, or "ok".
Exit code 0 when the policy is valid, 3 when it has problems, 2 when the file cannot be read.

Options:
  --json       print the problems as JSON
  -h, --help   show this help
`;

function parse<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...HELP_OPTION, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function required(values: Record<string, unknown>, name: string, command: string): string {
  const value = str(values[name]);
  if (value === undefined || value === '') throw new UsageError(`${command}: missing --${name} (see: slaclock ${command} --help)`);
  return value;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${name} must be an integer, got "${value}"`);
  return Number(value);
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

function regionSpec(region: string): CalendarSpec {
  const spec = (DEFAULT_REGIONS as Readonly<Record<string, CalendarSpec>>)[region];
  if (!spec) throw new SlaclockError('unknown_region', `Unknown region "${region}"; known regions: ${Object.keys(DEFAULT_REGIONS).join(', ')}`, ['region']);
  return spec;
}

/** The customer's calendar and zone from --region and --timezone. */
function customerCalendar(region: string | undefined, timezone: string | undefined): { calendar?: CalendarSpec; timezone?: string } {
  if (region !== undefined) {
    const spec = regionSpec(region);
    const calendar = timezone !== undefined ? ({ ...spec, timezone } as CalendarSpec) : spec;
    const zone = timezone ?? (calendar as { timezone?: string }).timezone;
    return zone !== undefined ? { calendar, timezone: zone } : { calendar };
  }
  if (timezone !== undefined) return { calendar: weekdayHours(timezone, '09:00', '17:00'), timezone };
  return {};
}

function parseFact(text: string): [string, string | number | boolean] {
  const index = text.indexOf('=');
  if (index <= 0) throw new UsageError(`--fact must be key=value, got "${text}"`);
  const key = text.slice(0, index);
  const raw = text.slice(index + 1);
  if (raw === 'true') return [key, true];
  if (raw === 'false') return [key, false];
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) return [key, Number(raw)];
  return [key, raw];
}

function checkedZone(timezone: string): string {
  return Zone.of(timezone, ['timezone']).name;
}

function deadlineCommand(args: string[], io: Io): number {
  const { values } = parse(args, {
    policy: { type: 'string' },
    plan: { type: 'string' },
    severity: { type: 'string' },
    at: { type: 'string' },
    region: { type: 'string' },
    timezone: { type: 'string' },
    channel: { type: 'string' },
    contract: { type: 'string' },
    role: { type: 'string' },
    'trial-start': { type: 'string' },
    holds: { type: 'string' },
    language: { type: 'string' },
    fact: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(DEADLINE_HELP);
    return EXIT.ok;
  }
  const policyId = required(values, 'policy', 'deadline');
  const plan = required(values, 'plan', 'deadline');
  const at = required(values, 'at', 'deadline');
  const severity = integer(str(values.severity), 'severity');
  const timezoneOption = str(values.timezone);
  if (timezoneOption !== undefined) checkedZone(timezoneOption);
  const customer = customerCalendar(str(values.region), timezoneOption);
  const account: Record<string, unknown> = {};
  if (values.contract !== undefined) account.contract = values.contract;
  if (values.role !== undefined) account.role = values.role;
  if (values['trial-start'] !== undefined) account.trialStart = values['trial-start'];
  const holds = list(str(values.holds));
  if (holds) account.plans = holds;
  const facts = Array.isArray(values.fact) ? Object.fromEntries(values.fact.map((fact) => parseFact(String(fact)))) : undefined;

  const request: SupportRequest = {
    plan,
    at,
    ...(severity !== undefined ? { severity } : {}),
    ...(customer.calendar ? { calendar: compileCalendar(customer.calendar, { holidayRegions }) } : {}),
    ...(Object.keys(account).length > 0 ? { account: account as SupportRequest['account'] } : {}),
    ...(str(values.channel) !== undefined ? { channel: str(values.channel) } : {}),
    ...(str(values.language) !== undefined ? { language: str(values.language) } : {}),
    ...(facts ? { facts } : {}),
  };
  const policy = getPolicy(policyId);
  const decision = evaluate(policy, request);
  const customerDeadline =
    customer.timezone !== undefined && decision.firstResponse
      ? { timezone: customer.timezone, deadline: isoInZone(decision.firstResponse.deadlineMs, customer.timezone) }
      : null;
  if (values.json) {
    io.out(`${JSON.stringify({ ...decision, customer: customerDeadline }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(renderDecision(policy, decision, customer.timezone));
  return EXIT.ok;
}

function renderDecision(policy: PolicySpec, decision: Decision, customerZone: string | undefined): string {
  const lines: string[] = [];
  const atMs = Date.parse(decision.at);
  const shownZone = customerZone ?? decision.firstResponse?.timezone;
  lines.push(`${policy.name} (${decision.policy}, version ${decision.version})`);
  lines.push(`plan:        ${decision.plan}, severity ${decision.severity}`);
  lines.push(
    shownZone !== undefined
      ? `opened:      ${isoInZone(atMs, shownZone)} (${humanInZone(atMs, shownZone)})`
      : `opened:      ${decision.at}`,
  );
  lines.push(`eligible:    ${decision.eligible ? 'yes' : 'no'}`);
  if (decision.reasons.length > 0) {
    lines.push('reasons:');
    for (const reason of decision.reasons) {
      lines.push(`  - [${reason.effect}] ${reason.code}: ${reason.message}`);
      if (reason.remedy) lines.push(`      remedy: ${reason.remedy}`);
      if (reason.clause) lines.push(`      source: ${reason.clause.source}: "${reason.clause.text}"`);
    }
  }
  lines.push(
    `channels:    ${decision.channels.available.length > 0 ? decision.channels.available.join(', ') : '(none)'}` +
      (decision.channels.required ? ` (required: ${decision.channels.required})` : ''),
  );
  const response = decision.firstResponse;
  if (response) {
    lines.push(`target:      ${response.target}`);
    lines.push(`clock:       ${response.clock} (${response.timezone})`);
    lines.push(`deadline:    ${response.deadline} (${humanInZone(response.deadlineMs, response.timezone)})`);
    if (customerZone !== undefined) {
      lines.push(`customer:    ${isoInZone(response.deadlineMs, customerZone)} (${humanInZone(response.deadlineMs, customerZone)}, ${customerZone})`);
    }
    lines.push(`source:      ${response.clause.source}: "${response.clause.text}"`);
  } else {
    lines.push(`deadline:    none (${decision.eligible ? 'the policy publishes no first-response target for this plan and severity' : 'not eligible'})`);
  }
  if (decision.route) lines.push(`route:       ${decision.route.team}`);
  if (decision.interpretations.length > 0) {
    lines.push('interpretations:');
    for (const interpretation of decision.interpretations) lines.push(`  - ${interpretation.id}`);
  }
  return `${lines.join('\n')}\n`;
}

const FORMATS = ['table', 'markdown', 'csv', 'json', 'svg'] as const;
type Format = (typeof FORMATS)[number];

function compareCommand(args: string[], io: Io): number {
  const { values } = parse(args, {
    policies: { type: 'string' },
    severity: { type: 'string' },
    cases: { type: 'string' },
    year: { type: 'string' },
    seed: { type: 'string' },
    count: { type: 'string' },
    weighting: { type: 'string' },
    region: { type: 'string' },
    'week-of': { type: 'string' },
    'step-minutes': { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    io.out(COMPARE_HELP);
    return EXIT.ok;
  }
  const format = (str(values.format) ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${String(values.format)}"`);
  const severity = integer(str(values.severity), 'severity');
  const policyIds = list(str(values.policies)) ?? listPolicies().map((policy) => policy.id);
  if (policyIds.length === 0) throw new UsageError('--policies names no policy');
  const entries = policyIds.flatMap((id) => {
    const policy = getPolicy(id);
    const summary = listPolicies().find((candidate) => candidate.id === id);
    const plans = summary?.plans ?? [];
    return plans.map((plan) => ({ policy: policy.id, plan }));
  });
  const region = str(values.region);
  if (region !== undefined) regionSpec(region);

  let text: string;
  if (format !== 'svg') {
    for (const name of ['week-of', 'step-minutes', 'title'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies only to --format svg`);
    }
  }
  if (format === 'svg') {
    for (const name of ['year', 'seed', 'count', 'weighting'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} does not apply to --format svg (the chart sweeps one week)`);
    }
    if (values.cases !== undefined) throw new UsageError('--cases does not apply to --format svg (the chart sweeps one week)');
    text = renderDeadlineChart(entries, {
      severity: severity ?? 1,
      ...(region !== undefined ? { region } : {}),
      ...(str(values['week-of']) !== undefined ? { weekOf: str(values['week-of']) as string } : {}),
      ...(str(values['step-minutes']) !== undefined ? { stepMinutes: integer(str(values['step-minutes']), 'step-minutes') as number } : {}),
      ...(str(values.title) !== undefined ? { title: str(values.title) as string } : {}),
    });
  } else {
    const casesFile = str(values.cases);
    let cases;
    if (casesFile !== undefined) {
      for (const name of ['year', 'seed', 'count', 'weighting'] as const) {
        if (values[name] !== undefined) throw new UsageError(`--${name} does not apply with --cases`);
      }
      const kind = casesFile.toLowerCase().endsWith('.json') ? 'json' : casesFile.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
      if (!kind) throw new UsageError(`--cases must be a .csv or .json file, got "${casesFile}"`);
      cases = parseCases(readText(casesFile), kind);
      if (severity !== undefined) cases = cases.filter((supportCase) => supportCase.severity === severity);
    } else {
      const weighting = str(values.weighting);
      if (weighting !== undefined && weighting !== 'uniform' && weighting !== 'business-hours') {
        throw new UsageError(`--weighting must be uniform or business-hours, got "${weighting}"`);
      }
      const count = integer(str(values.count), 'count');
      if (count !== undefined && count < 1) throw new UsageError(`--count must be at least 1, got ${count}`);
      cases = generateCases({
        year: integer(str(values.year), 'year') ?? 2026,
        seed: integer(str(values.seed), 'seed') ?? 1,
        ...(count !== undefined ? { count } : {}),
        ...(weighting !== undefined ? { weighting } : {}),
        ...(severity !== undefined ? { severities: [severity] } : {}),
        ...(region !== undefined ? { regions: [region] } : {}),
      });
    }
    text = formatReport(compare(entries, cases), format);
  }
  if (!text.endsWith('\n')) text += '\n';
  const out = str(values.out);
  if (out !== undefined) {
    try {
      writeFileSync(out, text);
    } catch (error) {
      throw new InputError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.err(`slaclock: wrote ${out}\n`);
  } else {
    io.out(text);
  }
  return EXIT.ok;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function policiesCommand(args: string[], io: Io): number {
  const { values } = parse(args, { json: { type: 'boolean' } });
  if (values.help) {
    io.out(POLICIES_HELP);
    return EXIT.ok;
  }
  const policies = listPolicies();
  if (values.json) {
    io.out(`${JSON.stringify(policies, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = [
    ['id', 'vendor', 'plans', 'versions'],
    ...policies.map((policy) => [
      policy.id,
      policy.vendor,
      policy.plans.join(', '),
      policy.versions.map((version) => (version.effectiveFrom ? `${version.id} (from ${version.effectiveFrom})` : version.id)).join(', '),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  io.out(`${[line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n')}\n`);
  return EXIT.ok;
}

function validateCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
  if (values.help) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`validate: expected one policy file, got ${positionals.length} (see: slaclock validate --help)`);
  const file = positionals[0] as string;
  const text = readText(file);
  let problems: { code: string; path: string; message: string }[];
  let id: string | undefined;
  try {
    const json: unknown = JSON.parse(text);
    id = compilePolicy(json as PolicySpec, { holidayRegions }).id;
    problems = [];
  } catch (error) {
    if (error instanceof SyntaxError) {
      problems = [{ code: 'invalid_json', path: '', message: `not valid JSON: ${error.message}` }];
    } else if (error instanceof SlaclockError) {
      problems = error.issues.map((issue) => ({ code: issue.code, path: formatPath(issue.path), message: issue.message }));
    } else {
      throw error;
    }
  }
  if (values.json) {
    io.out(`${JSON.stringify({ file, ok: problems.length === 0, problems }, null, 2)}\n`);
  } else if (problems.length === 0) {
    io.out(`ok: ${file} (policy ${id ?? '?'})\n`);
  } else {
    const lines = problems.map((problem) => `${file}: ${problem.path || '(root)'}: ${problem.message} [${problem.code}]`);
    io.out(`${lines.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}

const COMMANDS: Record<string, (args: string[], io: Io) => number> = {
  deadline: deadlineCommand,
  compare: compareCommand,
  policies: policiesCommand,
  validate: validateCommand,
};

const COMMAND_HELP: Record<string, string> = {
  deadline: DEADLINE_HELP,
  compare: COMPARE_HELP,
  policies: POLICIES_HELP,
  validate: VALIDATE_HELP,
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export function run(argv: readonly string[], io: Io): number {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.err(PROGRAM_HELP);
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h') {
      io.out(PROGRAM_HELP);
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) {
        io.out(PROGRAM_HELP);
        return EXIT.ok;
      }
      const help = COMMAND_HELP[topic];
      if (!help) throw new UsageError(`unknown command "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
      io.out(help);
      return EXIT.ok;
    }
    const command = COMMANDS[first];
    if (!command) {
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option "${first}" before a command; commands: ${Object.keys(COMMANDS).join(', ')} (see: slaclock --help)`
          : `unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(', ')} (see: slaclock --help)`,
      );
    }
    return command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`slaclock: ${oneLine(error.message)}\n`);
      return EXIT.usage;
    }
    if (error instanceof SlaclockError) {
      io.err(`slaclock: ${oneLine(error.message)}\n`);
      return EXIT.invalid;
    }
    if (error instanceof InputError) {
      io.err(`slaclock: ${oneLine(error.message)}\n`);
      return EXIT.invalid;
    }
    io.err(`slaclock: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.usage;
  }
}

// The bin entry: always runs (the library entry is src/index.ts, which never imports this file).
process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
