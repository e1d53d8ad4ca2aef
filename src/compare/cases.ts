import { Calendar, compileCalendar } from '../calendar/calendar.js';
import { US_FEDERAL_HOLIDAYS, weekdayHours } from '../calendar/presets.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SUPPORTED_YEARS } from '../calendar/timeline.js';
import { SlaclockError } from '../errors.js';
import { quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { isOpen } from '../ops/openClose.js';
import { daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from '../time/civil.js';
import { toEpochMs } from '../time/instant.js';

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
  /** The customer's region: a key of {@link DEFAULT_REGIONS} (or of the `regions` option). */
  region: string;
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
  /** Region codes drawn uniformly (keys of {@link DEFAULT_REGIONS}). @default every key of DEFAULT_REGIONS */
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

/**
 * A synthetic, reproducible workload of support cases: instants on whole minutes of
 * the UTC year `year`, severities and regions drawn uniformly from the lists given.
 * The generator is mulberry32 seeded with `seed`; the draws for each case are, in
 * order, severity, region, (for `'business-hours'`) whether to redraw, then the
 * instant (again until it falls in the window). Results come sorted by `at` (stable).
 *
 * @throws {SlaclockError} `invalid_option` (year, seed, count, weighting, severities),
 *   `unknown_region` (a region that is not a key of {@link DEFAULT_REGIONS}).
 * @example
 * ```ts
 * import { generateCases } from 'slaclock/compare';
 * const cases = generateCases({ year: 2026, seed: 42, count: 500, weighting: 'business-hours' });
 * cases.length;          // 500
 * cases[0]?.region;      // one of 'US-CO', 'US-NY', 'GB', 'DE-BY', 'AU-NSW', 'IN'
 * ```
 */
export function generateCases(options: GenerateCasesOptions): SupportCase[] {
  if (options === null || typeof options !== 'object') throw new SlaclockError('invalid_option', 'Expected an options object');
  options = snapshotInput(options, ['options'], (value) => Calendar.is(value)).value as GenerateCasesOptions; // read once, within the size budget
  const { year, seed, count = 2000, weighting = 'uniform', severities = [1, 2, 3] } = options;
  const regions = options.regions ?? Object.keys(DEFAULT_REGIONS);
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new SlaclockError('invalid_option', `year must be an integer from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}, got ${quoteValue(year)}`, ['year']);
  }
  if (!Number.isSafeInteger(seed)) throw new SlaclockError('invalid_option', `seed must be an integer, got ${quoteValue(seed)}`, ['seed']);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new SlaclockError('invalid_option', `count must be an integer from 1 to 1000000, got ${quoteValue(count)}`, ['count']);
  }
  if (weighting !== 'uniform' && weighting !== 'business-hours') {
    throw new SlaclockError('invalid_option', `weighting must be 'uniform' or 'business-hours', got ${quoteValue(weighting)}`, ['weighting']);
  }
  if (!Array.isArray(severities) || severities.length === 0) throw new SlaclockError('invalid_option', 'severities must be a non-empty array of integers', ['severities']);
  severities.forEach((severity, index) => {
    if (!Number.isInteger(severity)) throw new SlaclockError('invalid_option', `A severity must be an integer, got ${quoteValue(severity)}`, ['severities', index]);
  });
  if (!Array.isArray(regions) || regions.length === 0) throw new SlaclockError('invalid_option', 'regions must be a non-empty array of region codes', ['regions']);
  const windows: Calendar[] = regions.map((region, index) => {
    const spec = typeof region === 'string' && Object.prototype.hasOwnProperty.call(DEFAULT_REGIONS, region) ? DEFAULT_REGIONS[region] : undefined;
    if (spec === undefined || !('timezone' in spec) || spec.timezone === undefined) {
      throw new SlaclockError('unknown_region', `Unknown region ${quoteValue(region)}; known: ${Object.keys(DEFAULT_REGIONS).join(', ')}`, ['regions', index]);
    }
    return businessWindow(spec.timezone);
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
 * parseCases(text, 'csv', { regions: { FR: weekdayHours('Europe/Paris', '09:00', '18:00', [{ region: 'FR' }]) } });
 * ```
 */
export interface ParseCasesOptions {
  /** Region calendars by code, added to (and overriding) {@link DEFAULT_REGIONS}. */
  regions?: Readonly<Record<string, CalendarSpec>>;
}

/**
 * Reads support cases from CSV or JSON text.
 *
 * - CSV: a header naming the columns `severity`, `at` and `region` (in any order), then
 *   one case a line; `at` is ISO-8601 with an offset or `Z`. Blank lines are skipped;
 *   fields may be double-quoted (`""` for a quote).
 * - JSON: an array of `{ severity, at, region }`; `at` is ISO-8601 with an offset, or
 *   whole epoch milliseconds.
 *
 * Severities are integers; `region` must be a key of {@link DEFAULT_REGIONS} (or of
 * `options.regions`). The error path is `[rowIndex, field]`, `rowIndex` counting data
 * rows (CSV) or array entries (JSON) from 0; the message names the line (CSV) or entry.
 *
 * @throws {SlaclockError} `invalid_input` (malformed text, a missing column, a bad row),
 *   `unknown_region`, `invalid_option` (format).
 * @example
 * ```ts
 * import { parseCases } from 'slaclock/compare';
 * parseCases('severity,at,region\n1,2026-11-25T15:00-07:00,US-CO\n', 'csv');
 * // [{ severity: 1, at: 1795644000000, region: 'US-CO' }]
 * parseCases('[{"severity":2,"at":"2026-11-25T22:00Z","region":"GB"}]', 'json');
 * // [{ severity: 2, at: 1795644000000, region: 'GB' }]
 * ```
 */
export function parseCases(text: string, format: 'csv' | 'json', options: ParseCasesOptions = {}): SupportCase[] {
  if (typeof text !== 'string') throw new SlaclockError('invalid_input', 'Expected the cases as text');
  if (options === null || typeof options !== 'object') throw new SlaclockError('invalid_option', 'Expected an options object { regions? }', ['options']);
  options = snapshotInput(options, ['options'], (value) => Calendar.is(value)).value as ParseCasesOptions; // read once, within the size budget
  const regions = { ...DEFAULT_REGIONS, ...(options.regions ?? {}) };
  if (format === 'csv') return parseCsv(text, regions);
  if (format === 'json') return parseJson(text, regions);
  throw new SlaclockError('invalid_option', `format must be 'csv' or 'json', got ${quoteValue(format)}`, ['format']);
}

type Regions = Readonly<Record<string, CalendarSpec>>;

function parseCsv(text: string, regions: Regions): SupportCase[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let headerLine = -1;
  let columns: string[] = [];
  const cases: SupportCase[] = [];
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex] as string;
    if (line.trim() === '') continue;
    const lineNo = lineIndex + 1;
    if (headerLine < 0) {
      headerLine = lineNo;
      columns = splitCsvLine(line, lineNo, []).map((name) => name.trim().toLowerCase());
      for (const needed of ['severity', 'at', 'region']) {
        if (!columns.includes(needed)) {
          throw new SlaclockError('invalid_input', `Line ${lineNo}: the CSV header must name the columns severity, at and region (missing "${needed}")`, []);
        }
      }
      continue;
    }
    const row = cases.length;
    const fields = splitCsvLine(line, lineNo, [row]);
    if (fields.length !== columns.length) {
      throw new SlaclockError('invalid_input', `Line ${lineNo}: expected ${columns.length} fields, got ${fields.length}`, [row]);
    }
    const field = (name: string): string => (fields[columns.indexOf(name)] as string).trim();
    const where = `Line ${lineNo}`;
    const severityText = field('severity');
    if (!/^[+-]?\d+$/.test(severityText)) throw new SlaclockError('invalid_input', `${where}: severity must be an integer, got "${severityText}"`, [row, 'severity']);
    cases.push({
      severity: checkSeverity(Number(severityText), where, row),
      at: checkAt(field('at'), where, row),
      region: checkRegion(field('region'), where, row, regions),
    });
  }
  if (headerLine < 0) throw new SlaclockError('invalid_input', 'The CSV is empty: expected a header line "severity,at,region"', []);
  return cases;
}

// One CSV line into fields; double-quoted fields may hold commas and "" for a quote.
function splitCsvLine(line: string, lineNo: number, path: (string | number)[]): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new SlaclockError('invalid_input', `Line ${lineNo}: unterminated quoted field`, path);
        if (line[i] === '"') {
          if (line[i + 1] === '"') { value += '"'; i += 2; continue; }
          i++;
          break;
        }
        value += line[i];
        i++;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') throw new SlaclockError('invalid_input', `Line ${lineNo}: unexpected text after a quoted field`, path);
    } else {
      const end = line.indexOf(',', i);
      value = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    fields.push(value);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

function parseJson(text: string, regions: Regions): SupportCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SlaclockError('invalid_input', `The cases are not valid JSON: ${error instanceof Error ? error.message : String(error)}`, []);
  }
  if (!Array.isArray(data)) throw new SlaclockError('invalid_input', 'Expected a JSON array of { severity, at, region }', []);
  return data.map((entry: unknown, row) => {
    const where = `Entry ${row + 1} (index ${row})`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new SlaclockError('invalid_input', `${where}: expected an object { severity, at, region }`, [row]);
    }
    const record = entry as Record<string, unknown>;
    const { severity, at, region } = record;
    if (typeof severity !== 'number') throw new SlaclockError('invalid_input', `${where}: severity must be an integer`, [row, 'severity']);
    if (typeof at !== 'string' && typeof at !== 'number') {
      throw new SlaclockError('invalid_input', `${where}: at must be an ISO-8601 string with an offset or epoch milliseconds`, [row, 'at']);
    }
    if (typeof region !== 'string') throw new SlaclockError('invalid_input', `${where}: region must be a string`, [row, 'region']);
    return { severity: checkSeverity(severity, where, row), at: checkAt(at, where, row), region: checkRegion(region, where, row, regions) };
  });
}

function checkSeverity(severity: number, where: string, row: number): number {
  if (!Number.isSafeInteger(severity)) throw new SlaclockError('invalid_input', `${where}: severity must be an integer, got ${quoteValue(severity)}`, [row, 'severity']);
  return severity;
}

const FIRST_MS = daysFromCivil(SUPPORTED_YEARS.first, 1, 1) * MS_PER_DAY;
const END_MS = daysFromCivil(SUPPORTED_YEARS.last + 1, 1, 1) * MS_PER_DAY;

function checkAt(at: string | number, where: string, row: number): number {
  let ms: number;
  try {
    ms = toEpochMs(at, [row, 'at']);
  } catch (error) {
    const reason = error instanceof SlaclockError ? error.issues[0]?.message ?? error.message : String(error);
    throw new SlaclockError('invalid_input', `${where}: at: ${reason}`, [row, 'at']);
  }
  // A day's margin either side, so that any zone's local year stays in range.
  if (ms < FIRST_MS + MS_PER_DAY || ms >= END_MS - MS_PER_DAY) {
    throw new SlaclockError('invalid_input', `${where}: at is outside the years ${SUPPORTED_YEARS.first}-${SUPPORTED_YEARS.last}`, [row, 'at']);
  }
  return ms;
}

function checkRegion(region: string, where: string, row: number, regions: Regions): string {
  if (!Object.prototype.hasOwnProperty.call(regions, region)) {
    throw new SlaclockError('unknown_region', `${where}: unknown region "${region}"; known: ${Object.keys(regions).join(', ')}`, [row, 'region']);
  }
  return region;
}
