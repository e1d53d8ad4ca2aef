import { statSync, writeFileSync } from 'node:fs';
import { generateCases, type SupportCase } from '../../compare/cases.js';
import { CASE_FIELDS } from '../../compare/caseReader.js';
import { renderDeadlineChart } from '../../compare/chart.js';
import { createComparison } from '../../compare/compare.js';
import type { CompareEntry } from '../../compare/engine.js';
import { planEntries } from '../../compare/entries.js';
import { formatReport } from '../../compare/format.js';
import { renderReportChart } from '../../compare/reportChart.js';
import { regionCalendarSpec } from '../../compare/regionCatalog.js';
import type { CompiledPolicy } from '../../policy/compile.js';
import { choice, integer, text, type Values } from '../args.js';
import { caseOptions } from '../caseOptions.js';
import { readCasesFile } from '../casesFile.js';
import type { Command } from '../command.js';
import { EXIT, InputError, shown, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadPolicies } from '../policyArg.js';
import { createProgress } from '../progress.js';
import { regionCode } from '../regionArg.js';

const FORMATS = ['table', 'markdown', 'csv', 'json', 'html', 'svg'] as const;
const VIEWS = ['deadlines', 'hours', 'attainment'] as const;
const GENERATOR_OPTIONS = ['year', 'seed', 'count', 'weighting'] as const;
const WEEK_CHART_OPTIONS = ['week-of', 'step-minutes'] as const;

const HELP = `Usage: slaclock compare [options]

Compare the first-response commitments of every plan of the chosen policies over a
set of cases: your own ticket export (--cases) or generated ones. With a first reply
per ticket (first_reply_at), also how often each commitment would have been met.

Policies:
  --policies <list>    comma-separated built-in ids (any case) and policy JSON files, mixed
                       (default: the catalog, one policy per vendor; name jumpcloud-legacy
                       to compare the earlier JumpCloud page too)
  --contract [id=]<file>  contract terms (JSON) applied to a policy with withContract
                       (repeatable; "id=" may be left out when one policy is compared)

Cases from a file:
  --cases <file>       .csv, .tsv, .txt, .json (an array), .jsonl/.ndjson (one object a line)
                       or .parquet (a warehouse export).
                       Columns (any case): severity, at (or opened), region, and optionally id,
                       first_reply_at, contract (active/trial/lapsed/none: judged for eligibility).
                       CSV delimiter detected: comma, semicolon or tab; a BOM, CRLF and quoted
                       fields are fine. Read as a stream: any size.
  --map <pairs|file>   your export's columns: at=Created,severity=Priority,id=Ticket (fields:
                       ${CASE_FIELDS.join(', ')}), or a JSON file {"columns": {...},
                       "severities": {...}} (see examples/maps/ for Zendesk and Jira exports)
  --severity-map <pairs>  severity words to levels: urgent=1,high=2,normal=3,low=4
  --delimiter <d>      comma, semicolon or tab (default: detected)
  --local-times <zone> read date-times without an offset (2026-11-25 15:00, as spreadsheets
                       write them) as local times in this IANA zone

Generated cases (without --cases):
  --year <yyyy>        the year they fall in (default: 2026)
  --seed <n>           random seed (default: 1)
  --count <n>          how many (default: 2000)
  --weighting <w>      uniform or business-hours
  (severities: every level the chosen policies define; regions: DEFAULT_REGIONS or --region)

Both:
  --severity <n>       only cases of this severity (default for the svg deadline chart: 1)
  --region <code>      any country or state date-holidays knows (FR, US-CA, DE-BY): generated
                       cases are all in it; file cases without a region get it, others are
                       filtered to it; the region the deadline chart uses (default US-CO)
  --format <f>         table (default), markdown, csv, json, html (one self-contained page) or svg
  --view <v>           svg: deadlines (default: one week swept), hours or attainment (bars)
  --week-of <date>     deadline chart: the Monday (YYYY-MM-DD, in the region's zone) drawn
                       (default: 2026-11-16)
  --step-minutes <n>   deadline chart: minutes between two sampled opening times (default: 60)
  --title <text>       html and svg: the title
  --out <file>         write to a file instead of standard output
  -h, --help           show this help

A progress bar is drawn on standard error when it is a terminal (never in pipes or CI).

Examples:
  slaclock compare --policies jumpcloud,one-identity --severity 1 --format markdown
  slaclock compare --cases tickets.csv --map examples/maps/zendesk.json --region US-NY --format html --out report.html
  slaclock compare --policies ./our-vendor.json,sailpoint-identitynow --cases tickets.jsonl
`;

/** `slaclock compare`. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare the commitments of policies and plans over your tickets or generated cases',
  help: HELP,
  options: {
    policies: { type: 'string' },
    contract: { type: 'string', multiple: true },
    severity: { type: 'string' },
    cases: { type: 'string' },
    map: { type: 'string' },
    'severity-map': { type: 'string' },
    delimiter: { type: 'string' },
    'local-times': { type: 'string' },
    year: { type: 'string' },
    seed: { type: 'string' },
    count: { type: 'string' },
    weighting: { type: 'string' },
    region: { type: 'string' },
    'week-of': { type: 'string' },
    'step-minutes': { type: 'string' },
    title: { type: 'string' },
    view: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  flags: { region: '--region', timezone: '--local-times', severity: '--severity', regions: '--region' },
  async run(values, _positionals, io) {
    const format = choice(values, 'format', FORMATS) ?? 'table';
    const view = choice(values, 'view', VIEWS);
    if (view !== undefined && format !== 'svg') throw new UsageError('--view applies only to --format svg');
    const severity = integer(values, 'severity');
    const regionText = text(values, 'region');
    if (regionText !== undefined) regionCalendarSpec(regionText.trim()); // fail early, naming the region as written
    const region = regionText === undefined ? undefined : regionCode(regionText);
    const policies = loadPolicies(values);
    const entries: CompareEntry[] = policies.flatMap((policy) => planEntries(policy));
    const weekChart = () =>
      renderDeadlineChart(entries, {
        severity: severity ?? 1,
        ...(region !== undefined ? { region } : {}),
        ...(text(values, 'week-of') !== undefined ? { weekOf: text(values, 'week-of') as string } : {}),
        ...(integer(values, 'step-minutes') !== undefined ? { stepMinutes: integer(values, 'step-minutes') as number } : {}),
        ...(text(values, 'title') !== undefined ? { title: text(values, 'title') as string } : {}),
      });

    if (format === 'svg' && (view ?? 'deadlines') === 'deadlines') {
      for (const name of [...GENERATOR_OPTIONS, 'cases'] as const) {
        if (values[name] !== undefined) throw new UsageError(`--${name} does not apply to the svg deadline chart (it sweeps one week); use --view hours or attainment`);
      }
      return write(values, io, weekChart());
    }
    if (format !== 'svg' && format !== 'html') {
      for (const name of [...WEEK_CHART_OPTIONS, 'title'] as const) {
        if (values[name] !== undefined) throw new UsageError(`--${name} applies only to --format svg or html`);
      }
    }

    const comparison = createComparison(entries);
    const add = (supportCase: SupportCase) => {
      if (severity !== undefined && supportCase.severity !== severity) return;
      if (region !== undefined && supportCase.region !== region) return;
      comparison.add(supportCase);
    };
    const casesFile = text(values, 'cases');
    if (casesFile !== undefined) {
      for (const name of GENERATOR_OPTIONS) if (values[name] !== undefined) throw new UsageError(`--${name} does not apply with --cases`);
      const progress = createProgress(io, fileSize(casesFile));
      let total: number;
      try {
        total = await readCasesFile(casesFile, caseOptions(values, region), add, progress);
      } finally {
        progress.done();
      }
      if (comparison.count === 0) throw new InputError(`no case of ${shown(casesFile)} (${total} read) matches${severity !== undefined ? ` --severity ${severity}` : ''}${region !== undefined ? ` --region ${region}` : ''}`);
    } else {
      for (const name of ['map', 'severity-map', 'delimiter', 'local-times'] as const) if (values[name] !== undefined) throw new UsageError(`--${name} applies only with --cases`);
      const weighting = choice(values, 'weighting', ['uniform', 'business-hours'] as const);
      const count = integer(values, 'count', { min: 1, max: 1_000_000 });
      const severities = severity !== undefined ? [severity] : definedSeverities(policies);
      for (const supportCase of generateCases({
        year: integer(values, 'year') ?? 2026,
        seed: integer(values, 'seed') ?? 1,
        severities,
        ...(count !== undefined ? { count } : {}),
        ...(weighting !== undefined ? { weighting } : {}),
        ...(region !== undefined ? { regions: [region] } : {}),
      })) {
        add(supportCase);
      }
    }
    const report = comparison.report();
    if (format === 'svg') return write(values, io, renderReportChart(report, view === 'attainment' ? 'attainment' : 'hours'));
    const title = text(values, 'title');
    return write(values, io, formatReport(report, format, { ...(title !== undefined ? { title } : {}), ...(format === 'html' ? { charts: [weekChart()] } : {}) }));
  },
};

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // readCasesFile reports the missing file
  }
}

/** Every severity level any version of the policies defines, ascending. */
function definedSeverities(policies: readonly CompiledPolicy[]): number[] {
  const levels = new Set<number>();
  for (const policy of policies) for (const version of policy.versions) for (const level of version.severities.keys()) levels.add(level);
  return [...levels].sort((a, b) => a - b);
}

function write(values: Values, io: CliIo, output: string): number {
  const text = output.endsWith('\n') ? output : `${output}\n`;
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  try {
    writeFileSync(out, text);
  } catch {
    throw new InputError(`cannot write --out ${shown(out)}`);
  }
  io.err(`slaclock: wrote ${out}\n`);
  return EXIT.ok;
}
