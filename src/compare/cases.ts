import { Calendar, compileCalendar } from '../calendar/calendar.js';
import { US_FEDERAL_HOLIDAYS, weekdayHours } from '../calendar/presets.js';
import type { CalendarSpec } from '../calendar/spec.js';
import type { ContractStatus } from '../policy/types.js';
import { SUPPORTED_YEARS } from '../calendar/timeline.js';
import { SlaclockError } from '../errors.js';
import { snapshotOptions } from '../util/options.js';
import { messages } from '../util/issues.js';
import { isOpen } from '../ops/openClose.js';
import { daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from '../time/civil.js';
import { CaseReader, type CaseMapping } from './caseReader.js';
import { DelimitedRows } from './delimited.js';
import { regionCalendarSpec } from './regionCatalog.js';

/**
 * One support case of a workload: its severity, when it is opened, and the customer's region.
 *
 * @example
 * ```ts
 * import type { SupportCase } from 'slaclock/compare';
 * const supportCase: SupportCase = { severity: 1, at: Date.parse('2026-11-25T15:00-07:00'), region: 'US-CO' };
 * ```
 */
export interface SupportCase {
  /** Severity level, as the policies number them (1 is the most severe in the built-in catalog). */
  severity: number;
  /** When the case is opened, in epoch milliseconds. */
  at: number;
  /** The customer's region: a key of {@link DEFAULT_REGIONS} (or of the `regions` option), or any region `date-holidays` knows with one zone (`FR`, `US-CA`). */
  region: string;
  /** The ticket's id in the helpdesk, shown with the latest first replies. */
  id?: string;
  /** When the first reply was sent, in epoch milliseconds: {@link compare} then reports how often each plan's deadline was met. */
  firstReplyAt?: number;
  /** The account's contract status: eligibility is judged with it (and reported) instead of assuming an account in good standing. */
  contract?: ContractStatus;
}

const usFederal = [US_FEDERAL_HOLIDAYS];

/**
 * Customer region calendars by code: Monday to Friday business hours in the region's
 * zone, closed on its public holidays. They are the `calendar` of each evaluated
 * request (the clock of plans that run on the customer's hours) and the zone in which
 * "next day or later" is judged.
 *
 * | code | zone | hours | holidays |
 * | --- | --- | --- | --- |
 * | `US-CO` | America/Denver | 09:00-17:00 | `{ preset: 'us-federal' }` |
 * | `US-NY` | America/New_York | 09:00-17:00 | `{ preset: 'us-federal' }` |
 * | `GB` | Europe/London | 09:00-17:00 | `{ region: 'GB' }` |
 * | `DE-BY` | Europe/Berlin | 09:00-17:00 | `{ region: 'DE-BY' }` |
 * | `AU-NSW` | Australia/Sydney | 09:00-17:00 | `{ region: 'AU-NSW' }` |
 * | `IN` | Asia/Kolkata | 09:30-18:30 | `{ region: 'IN' }` |
 *
 * @example
 * ```ts
 * import { compileCalendar, isOpen } from 'slaclock';
 * import { DEFAULT_REGIONS } from 'slaclock/compare';
 * import { holidayRegions } from 'slaclock/regions';
 * DEFAULT_REGIONS['US-CO']?.timezone; // 'America/Denver'
 * const gb = compileCalendar(DEFAULT_REGIONS['GB']!, { holidayRegions });
 * isOpen(gb, '2026-12-28T10:00Z'); // false (Boxing Day, substitute day)
 * ```
 */
export const DEFAULT_REGIONS: Readonly<Record<string, CalendarSpec>> = deepFreeze({
  'US-CO': { ...weekdayHours('America/Denver', '09:00', '17:00', usFederal), name: 'US-CO' },
  'US-NY': { ...weekdayHours('America/New_York', '09:00', '17:00', usFederal), name: 'US-NY' },
  GB: { ...weekdayHours('Europe/London', '09:00', '17:00', [{ region: 'GB' }]), name: 'GB' },
  'DE-BY': { ...weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), name: 'DE-BY' },
  'AU-NSW': { ...weekdayHours('Australia/Sydney', '09:00', '17:00', [{ region: 'AU-NSW' }]), name: 'AU-NSW' },
  IN: { ...weekdayHours('Asia/Kolkata', '09:30', '18:30', [{ region: 'IN' }]), name: 'IN' },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Options of {@link generateCases}.
 *
 * @example
 * ```ts
 * const options: GenerateCasesOptions = { year: 2026, seed: 1, count: 100, severities: [1], regions: ['GB'] };
 * ```
 */
export interface GenerateCasesOptions {
  /** The UTC year the instants fall in (1900-2399). */
  year: number;
  /** PRNG seed: the same seed and options always give the same cases. */
  seed: number;
  /** How many cases, 1 to 1,000,000. @default 2000 */
  count?: number;
  /**
   * `'uniform'`: every minute of the UTC year equally likely. `'business-hours'`: 80% of
   * the cases are drawn again until they fall Monday-Friday 08:00-18:00 in the case
   * region's zone (holidays ignored); the other 20% stay uniform. @default 'uniform'
   */
  weighting?: 'uniform' | 'business-hours';
  /** Severities drawn uniformly. @default [1, 2, 3] */
  severities?: readonly number[];
  /** Region codes drawn uniformly: keys of {@link DEFAULT_REGIONS} or any region `date-holidays` knows with one zone (`FR`). @default every key of DEFAULT_REGIONS */
  regions?: readonly string[];
}

/** The share of `'business-hours'` cases redrawn into Monday-Friday 08:00-18:00. */
const BUSINESS_HOURS_SHARE = 0.8;
/** A cap on redraws, so nothing can loop for ever (about 30% of a week is in the window). */
const MAX_REDRAWS = 1000;

/**
 * A seeded pseudo-random generator (mulberry32): uniform numbers in `[0, 1)`.
 * @internal
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GENERATE_OPTION_KEYS = ['year', 'seed', 'count', 'weighting', 'severities', 'regions'] as const;

/**
 * A synthetic, reproducible workload of support cases: instants on whole minutes of
 * the UTC year `year`, severities and regions drawn uniformly from the lists given.
 * The generator is mulberry32 seeded with `seed`; the draws for each case are, in
 * order, severity, region, (for `'business-hours'`) whether to redraw, then the
 * instant (again until it falls in the window). Results come sorted by `at` (stable).
 *
 * @throws {SlaclockError} `invalid_option` (year, seed, count, weighting, severities),
 *   `unknown_region` (a region neither in {@link DEFAULT_REGIONS} nor known to `date-holidays` with one zone).
 * @example
 * ```ts
 * import { generateCases } from 'slaclock/compare';
 * const cases = generateCases({ year: 2026, seed: 42, count: 500, weighting: 'business-hours' });
 * cases.length;          // 500
 * cases[0]?.region;      // one of 'US-CO', 'US-NY', 'GB', 'DE-BY', 'AU-NSW', 'IN'
 * ```
 */
export function generateCases(options: GenerateCasesOptions): SupportCase[] {
  options = snapshotOptions(options, GENERATE_OPTION_KEYS, Calendar.is);
  const { year, seed, count = 2000, weighting = 'uniform', severities = [1, 2, 3] } = options;
  const regions = options.regions ?? Object.keys(DEFAULT_REGIONS);
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new SlaclockError('invalid_option', messages.expected(`a whole year from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`, year), ['year']);
  }
  if (!Number.isSafeInteger(seed)) throw new SlaclockError('invalid_option', messages.expected('a whole number', seed), ['seed']);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new SlaclockError('invalid_option', messages.expected('a whole number from 1 to 1,000,000', count), ['count']);
  }
  if (weighting !== 'uniform' && weighting !== 'business-hours') {
    throw new SlaclockError('invalid_option', messages.oneOf(['uniform', 'business-hours'], weighting), ['weighting']);
  }
  if (!Array.isArray(severities) || severities.length === 0) throw new SlaclockError('invalid_option', messages.expected('a non-empty array of severity levels (whole numbers)', severities), ['severities']);
  severities.forEach((severity, index) => {
    if (!Number.isInteger(severity)) throw new SlaclockError('invalid_option', messages.expected('a severity level (a whole number)', severity), ['severities', index]);
  });
  if (!Array.isArray(regions) || regions.length === 0) throw new SlaclockError('invalid_option', messages.expected('a non-empty array of region codes', regions), ['regions']);
  const windows: Calendar[] = regions.map((region, index) => {
    try {
      return businessWindow((regionCalendarSpec(region) as { timezone: string }).timezone);
    } catch (error) {
      if (error instanceof SlaclockError) throw new SlaclockError(error.code, error.issues[0]?.message ?? error.message, ['regions', index]);
      throw error;
    }
  });

  const random = mulberry32(seed);
  const start = daysFromCivil(year, 1, 1) * MS_PER_DAY;
  const minutes = (daysFromCivil(year + 1, 1, 1) * MS_PER_DAY - start) / MS_PER_MINUTE;
  const draw = (): number => start + Math.floor(random() * minutes) * MS_PER_MINUTE;
  const cases: SupportCase[] = [];
  for (let i = 0; i < count; i++) {
    const severity = severities[Math.floor(random() * severities.length)] as number;
    const regionIndex = Math.floor(random() * regions.length);
    const region = regions[regionIndex] as string;
    const weighted = weighting === 'business-hours' && random() < BUSINESS_HOURS_SHARE;
    let at = draw();
    if (weighted) {
      const window = windows[regionIndex] as Calendar;
      for (let tries = 0; tries < MAX_REDRAWS && !isOpen(window, at); tries++) at = draw();
    }
    cases.push({ severity, at, region });
  }
  return cases.sort((a, b) => a.at - b.at);
}

const windowCache = new Map<string, Calendar>();

// Monday-Friday 08:00-18:00 in a zone, no holidays: where 'business-hours' weighting puts cases.
function businessWindow(timezone: string): Calendar {
  let calendar = windowCache.get(timezone);
  if (calendar === undefined) {
    calendar = compileCalendar(weekdayHours(timezone, '08:00', '18:00'));
    windowCache.set(timezone, calendar);
  }
  return calendar;
}

/**
 * Options of {@link parseCases}.
 *
 * @example
 * ```ts
 * parseCases(text, 'csv', { columns: { at: 'Created', severity: 'Priority' }, severities: { urgent: 1, high: 2 }, region: 'FR' });
 * ```
 */
export interface ParseCasesOptions extends CaseMapping {
  /** Region calendars by code, added to (and overriding) {@link DEFAULT_REGIONS}. */
  regions?: Readonly<Record<string, CalendarSpec>>;
  /** The CSV delimiter. @default detected from the header: `,`, `;` or tab */
  delimiter?: ',' | ';' | '\t';
}

/**
 * The text formats {@link parseCases} reads.
 *
 * @example
 * ```ts
 * const format: CaseFormat = 'jsonl';
 * ```
 */
export type CaseFormat = 'csv' | 'tsv' | 'json' | 'jsonl';

const PARSE_OPTION_KEYS = ['columns', 'severities', 'region', 'timezone', 'regions', 'delimiter'] as const;
const DELIMITERS: readonly string[] = [',', ';', '\t'];

/**
 * Reads support cases from CSV, TSV, JSON or JSON Lines text.
 *
 * - CSV and TSV (read with papaparse): a header row, then one case a row. The
 *   delimiter (`,`, `;` or tab) is detected unless given; a byte-order mark, CRLF
 *   line ends, quoted fields (with `""` for a quote and line breaks inside) and blank
 *   lines are fine. Header names are matched ignoring case.
 * - JSON: an array of objects; JSON Lines: one object a line (blank lines skipped).
 *   Keys are matched ignoring case; `at` may also be whole epoch milliseconds.
 *
 * The fields: `severity` (an integer, or a word of `severities`), `at` (alias
 * `opened`: ISO-8601 with an offset or `Z`), `region` (any code of
 * {@link DEFAULT_REGIONS}, `options.regions` or `date-holidays`, e.g. `FR`; or
 * `options.region` for every case), and the optional `id`, `first_reply_at` (when
 * the first reply was sent: the outcome columns of {@link compare}) and `contract`
 * (`active`, `trial`, `lapsed`, `none`: the account's status, judged for
 * eligibility). `options.columns` names the file's own columns for them.
 *
 * Errors name the row as a spreadsheet numbers it (`Row 2` is the first case under
 * the header) or the JSON entry (`Entry 1`, or `Line 1` in JSON Lines), and the
 * field; the path is `[index, field]`, `index` counting cases from 0. Values in
 * messages are cut to 40 characters.
 *
 * @throws {SlaclockError} `invalid_input` (malformed text, a missing column, a bad
 *   row), `unknown_region`, `invalid_option` (format, mapping).
 * @example
 * ```ts
 * import { parseCases } from 'slaclock/compare';
 * parseCases('severity;at;region\r\n1;2026-11-25T15:00-07:00;US-CO\r\n', 'csv');
 * // [{ severity: 1, at: 1795644000000, region: 'US-CO' }]
 * parseCases('{"severity":2,"at":"2026-11-25T22:00Z","region":"GB","first_reply_at":"2026-11-25T23:00Z"}\n', 'jsonl');
 * // [{ severity: 2, at: 1795644000000, region: 'GB', firstReplyAt: 1795647600000 }]
 * ```
 */
export function parseCases(text: string, format: CaseFormat, options: ParseCasesOptions = {}): SupportCase[] {
  if (typeof text !== 'string') throw new SlaclockError('invalid_input', messages.expected('the cases as text (a string)', text), ['text']);
  options = snapshotOptions(options, PARSE_OPTION_KEYS, Calendar.is);
  if (options.delimiter !== undefined && !DELIMITERS.includes(options.delimiter)) throw new SlaclockError('invalid_option', messages.oneOf(DELIMITERS, options.delimiter), ['delimiter']);
  const reader = new CaseReader(options, options.regions ?? {});
  const body = text.replace(/^\uFEFF/, '');
  switch (format) {
    case 'csv':
    case 'tsv':
      return readDelimited(body, reader, format === 'tsv' ? '\t' : options.delimiter);
    case 'json':
      return readJson(body, reader);
    case 'jsonl': {
      const cases: SupportCase[] = [];
      forEachJsonLine(body, (value, line) => cases.push(reader.readObject(value, { label: `Line ${line}`, index: cases.length })));
      return cases;
    }
    default:
      throw new SlaclockError('invalid_option', messages.oneOf(['csv', 'tsv', 'json', 'jsonl'], format), ['format']);
  }
}

function readDelimited(text: string, reader: CaseReader, delimiter: string | undefined): SupportCase[] {
  const cases: SupportCase[] = [];
  const rows = new DelimitedRows(reader, delimiter);
  rows.parseText(text, (supportCase) => cases.push(supportCase));
  if (!rows.sawHeader) throw new SlaclockError('invalid_input', 'The file is empty: expected a header row naming the columns severity, at and region', []);
  return cases;
}

function readJson(text: string, reader: CaseReader): SupportCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SlaclockError('invalid_input', `The cases are not valid JSON: ${shortMessage(error)}`, []);
  }
  if (!Array.isArray(data)) throw new SlaclockError('invalid_input', 'Expected a JSON array of { severity, at, region }', []);
  return data.map((entry: unknown, index) => reader.readObject(entry, { label: `Entry ${index + 1}`, index }));
}

/** @internal Calls `each` with every JSON Lines value and its 1-based line number. */
export function forEachJsonLine(text: string, each: (value: unknown, line: number) => void, firstLine = 1): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, offset) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SlaclockError('invalid_input', `Line ${firstLine + offset}: not valid JSON: ${shortMessage(error)}`, []);
    }
    each(value, firstLine + offset);
  });
}

function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : 'unreadable';
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
