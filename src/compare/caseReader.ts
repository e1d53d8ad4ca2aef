// Reading support cases from the rows of a ticket export: columns, aliases, value checks.
import { SUPPORTED_YEARS } from '../calendar/timeline.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import type { ContractStatus } from '../policy/types.js';
import { isKnownRegion } from '../regions/regional.js';
import { daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import { toEpochMs } from '../time/instant.js';
import { Zone } from '../zone/zone.js';
import type { SupportCase } from './cases.js';
import { DEFAULT_REGIONS } from './cases.js';
import { quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';

/**
 * The fields a case is read from. `severity` and `at` are required; `region` unless
 * every case gets the `region` option; the others are optional columns.
 *
 * @example
 * ```ts
 * const field: CaseField = 'first_reply_at';
 * ```
 */
export type CaseField = 'id' | 'severity' | 'at' | 'region' | 'first_reply_at' | 'contract';

/**
 * How the rows of a file become cases, for files whose columns are not named as
 * slaclock names them (a helpdesk's own export).
 *
 * @example
 * ```ts
 * // A Zendesk export: "Id", "Priority" (Urgent/High/Normal/Low), "Created at", "First reply time"...
 * const mapping: CaseMapping = {
 *   columns: { id: 'Id', severity: 'Priority', at: 'Created at' },
 *   severities: { urgent: 1, high: 2, normal: 3, low: 4 },
 *   region: 'US-NY',
 * };
 * ```
 */
export interface CaseMapping {
  /** The file's column (or JSON key) for each field, matched ignoring case. @default the field's own name (`opened` is accepted for `at`) */
  readonly columns?: Readonly<Partial<Record<CaseField, string>>>;
  /** Severity words to levels, matched ignoring case, e.g. `{ urgent: 1 }`. Integers are always accepted. */
  readonly severities?: Readonly<Record<string, number>>;
  /** The region of every case that has no region column (or an empty cell). */
  readonly region?: string;
  /**
   * The IANA zone of date-times written without an offset (`2026-11-25 15:00`, as
   * spreadsheets and many helpdesk exports write them). A time that falls in a DST gap
   * moves later by the gap; a repeated one takes the earlier instant. Without it such
   * times are an error.
   */
  readonly timezone?: string;
}

/** `2026-11-25 15:00`, `2026-11-25T15:00:30`: a wall date-time without an offset. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const ALIASES: Readonly<Record<CaseField, readonly string[]>> = {
  id: ['id'],
  severity: ['severity'],
  at: ['at', 'opened', 'opened_at'],
  region: ['region'],
  first_reply_at: ['first_reply_at', 'firstreplyat', 'first_reply'],
  contract: ['contract'],
};

/** The field names `--map` and `CaseMapping.columns` take (with `opened` for `at`). */
export const CASE_FIELDS: readonly CaseField[] = ['id', 'severity', 'at', 'region', 'first_reply_at', 'contract'];

const CONTRACTS: readonly ContractStatus[] = ['active', 'trial', 'lapsed', 'none'];
const FIRST_MS = daysFromCivil(SUPPORTED_YEARS.first, 1, 1) * MS_PER_DAY;
const END_MS = daysFromCivil(SUPPORTED_YEARS.last + 1, 1, 1) * MS_PER_DAY;

/** An optional record option: `{}` when absent, else a plain object (not an array). */
function record(value: unknown, expected: string, path: readonly string[]): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SlaclockError('invalid_option', messages.expected(expected, value), path);
  return value as Readonly<Record<string, unknown>>;
}

/** @internal Where a record is, for messages: `Row 4` (a spreadsheet's numbering: header row 1) or `Entry 3`. */
export type Where = { readonly label: string; readonly index: number };

/**
 * @internal Turns records (arrays under a header, or JSON objects) into checked cases.
 * Built once per file; `read` is called once per record.
 */
export class CaseReader {
  private readonly indexes = new Map<CaseField, number>();
  private readonly severities: ReadonlyMap<string, number>;
  private readonly regionsSeen = new Set<string>();
  private readonly zone: Zone | undefined;

  constructor(
    private readonly mapping: CaseMapping,
    private readonly regions: Readonly<Record<string, CalendarSpec>>,
  ) {
    if (mapping === null || typeof mapping !== 'object') throw new SlaclockError('invalid_option', messages.expected('a mapping object { columns?, severities?, region?, timezone? }', mapping), ['mapping']);
    for (const [field, column] of Object.entries(record(mapping.columns, 'an object of column names by case field', ['columns']))) {
      if (!(CASE_FIELDS as readonly string[]).includes(field)) throw new SlaclockError('invalid_option', messages.unknownKey(field, CASE_FIELDS), ['columns', field]);
      if (typeof column !== 'string' || column.trim() === '') throw new SlaclockError('invalid_option', messages.expected('a column name', column), ['columns', field]);
    }
    if (mapping.region !== undefined && typeof mapping.region !== 'string') {
      throw new SlaclockError('invalid_option', messages.expected('a region code such as "US" or "US-CA"', mapping.region), ['region']);
    }
    this.zone = mapping.timezone === undefined ? undefined : Zone.of(mapping.timezone, ['timezone']);
    const words = Object.entries(record(mapping.severities, 'an object of severity levels by word, e.g. { urgent: 1 }', ['severities']));
    for (const [word, level] of words) {
      if (!Number.isSafeInteger(level)) throw new SlaclockError('invalid_option', messages.expected('a severity level (a whole number)', level), ['severities', word]);
    }
    this.severities = new Map(words.map(([word, level]) => [word.trim().toLowerCase(), level as number]));
    record(regions, 'a record of calendar specs by region code', ['regions']);
  }

  /** The names this field is looked up by, lower case. */
  private namesOf(field: CaseField): readonly string[] {
    const mapped = this.mapping.columns?.[field];
    return mapped !== undefined ? [mapped.trim().toLowerCase()] : ALIASES[field];
  }

  /** Reads the header of a delimited file; throws naming the missing column and what the header has. */
  header(names: readonly string[], hint = ''): void {
    const lower = names.map((name) => name.replace(/^\uFEFF/, '').trim().toLowerCase());
    for (const field of CASE_FIELDS) {
      const index = lower.findIndex((name) => this.namesOf(field).includes(name));
      if (index >= 0) this.indexes.set(field, index);
    }
    const required: CaseField[] = ['severity', 'at', ...(this.mapping.region === undefined ? (['region'] as const) : [])];
    const missing = required.filter((field) => !this.indexes.has(field));
    if (missing.length > 0) {
      const shown = names.slice(0, 12).map((name) => quoteValue(name)).join(', ') + (names.length > 12 ? `, and ${names.length - 12} more` : '');
      const wanted = missing.map((field) => `"${this.mapping.columns?.[field] ?? field}"`).join(', ');
      const regionHint = missing.includes('region') ? '; give every case one region with --region' : '';
      throw new SlaclockError(
        'invalid_input',
        `The header has no column ${wanted} (it has ${shown})${hint}; name the columns with --map ${missing[0]}=<column>${regionHint}`,
        [],
      );
    }
  }

  /** Reads one row of a delimited file (after {@link header}). */
  readRow(cells: readonly string[], where: Where): SupportCase {
    return this.build((field) => {
      const index = this.indexes.get(field);
      return index === undefined ? undefined : cells[index];
    }, where);
  }

  /** Reads one JSON object, its keys matched ignoring case. */
  readObject(entry: unknown, where: Where): SupportCase {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new SlaclockError('invalid_input', `${where.label}: expected an object { severity, at, region }`, [where.index]);
    }
    const lower = new Map(Object.entries(entry as Record<string, unknown>).map(([key, value]) => [key.toLowerCase(), value]));
    return this.build((field) => {
      for (const name of this.namesOf(field)) if (lower.has(name)) return lower.get(name);
      return undefined;
    }, where);
  }

  private build(get: (field: CaseField) => unknown, where: Where): SupportCase {
    const at = this.instant(get('at'), 'at', where);
    if (at === undefined) throw this.fail(where, 'at', 'is empty; expected an ISO-8601 date-time with an offset, e.g. 2026-11-25T15:00-07:00');
    const supportCase: SupportCase = { severity: this.severity(get('severity'), where), at, region: this.region(get('region'), where) };
    const id = get('id');
    if (id !== undefined && id !== null && String(id).trim() !== '') supportCase.id = String(id).trim();
    const reply = this.instant(get('first_reply_at'), 'first_reply_at', where);
    if (reply !== undefined) {
      if (reply < at) throw this.fail(where, 'first_reply_at', `${quoteValue(String(get('first_reply_at')))} is before the case was opened`);
      supportCase.firstReplyAt = reply;
    }
    const contract = get('contract');
    if (contract !== undefined && contract !== null && String(contract).trim() !== '') {
      const status = String(contract).trim().toLowerCase();
      if (!(CONTRACTS as readonly string[]).includes(status)) throw this.fail(where, 'contract', `must be one of ${CONTRACTS.join(', ')}, got ${quoteValue(contract)}`);
      supportCase.contract = status as ContractStatus;
    }
    return supportCase;
  }

  private severity(value: unknown, where: Where): number {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'bigint' && value >= -1_000_000_000n && value <= 1_000_000_000n) return Number(value);
    const text = value === undefined || value === null ? '' : String(value).trim();
    if (/^[+-]?\d{1,9}$/.test(text)) return Number(text);
    const mapped = this.severities.get(text.toLowerCase());
    if (mapped !== undefined) return mapped;
    const hint = this.severities.size > 0 ? ` or one of ${[...this.severities.keys()].join(', ')}` : ' (map words to levels with --severity-map, e.g. urgent=1,high=2)';
    throw this.fail(where, 'severity', `must be an integer${hint}, got ${quoteValue(text)}`);
  }

  private instant(value: unknown, field: CaseField, where: Where): number | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    let ms: number;
    try {
      // Parquet gives timestamps as Dates (or INT64 milliseconds as bigints).
      const instant = typeof value === 'string' ? value.trim() : typeof value === 'bigint' ? Number(value) : value;
      const local = this.zone !== undefined && typeof instant === 'string' ? this.localTime(instant) : undefined;
      ms = local ?? toEpochMs(instant as number | string | Date, [where.index, field]);
    } catch (error) {
      const reason = error instanceof SlaclockError ? (error.issues[0]?.message ?? error.message) : 'not a date-time';
      const hint = this.zone === undefined && typeof value === 'string' && LOCAL_DATE_TIME.test(value.trim()) ? '; or name the zone of times without an offset (--local-times <zone>)' : '';
      throw this.fail(where, field, `${reason.length > 200 ? `${reason.slice(0, 200)}…` : reason}${hint}`);
    }
    // A day's margin either side, so that any zone's local year stays in range.
    if (ms < FIRST_MS + MS_PER_DAY || ms >= END_MS - MS_PER_DAY) throw this.fail(where, field, `is outside the years ${SUPPORTED_YEARS.first}-${SUPPORTED_YEARS.last}`);
    return ms;
  }

  /** A date-time without an offset, read in the mapping's zone; undefined for any other text. */
  private localTime(text: string): number | undefined {
    const match = LOCAL_DATE_TIME.exec(text);
    if (match === null) return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
    if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return undefined; // toEpochMs explains
    const days = daysFromCivil(year!, month!, day!);
    const check = new Date(days * MS_PER_DAY);
    if (check.getUTCDate() !== day) return undefined; // 2026-02-30: toEpochMs explains
    const millis = Number(`${match[7] ?? ''}000`.slice(0, 3));
    return (this.zone as Zone).wallToInstant(days * MS_PER_DAY + ((hour! * 60 + minute!) * 60 + second!) * 1000 + millis);
  }

  private region(value: unknown, where: Where): string {
    const text = value === undefined || value === null ? '' : String(value).trim();
    const given = text === '' ? this.mapping.region : text;
    if (given === undefined) throw this.fail(where, 'region', 'is empty; give every case one region with --region');
    if (this.regionsSeen.has(given)) return given;
    const exact = Object.prototype.hasOwnProperty.call(this.regions, given) || Object.prototype.hasOwnProperty.call(DEFAULT_REGIONS, given);
    const code = exact ? given : given.toUpperCase();
    if (!exact && !Object.prototype.hasOwnProperty.call(DEFAULT_REGIONS, code) && !isKnownRegion(code)) {
      throw new SlaclockError('unknown_region', `${where.label}: unknown region ${quoteValue(code)}; expected a country or state code such as FR, US-CA or DE-BY (see: slaclock regions)`, [where.index, 'region']);
    }
    if (code === given) this.regionsSeen.add(code);
    return code;
  }

  private fail(where: Where, field: CaseField, problem: string): SlaclockError {
    return new SlaclockError('invalid_input', `${where.label}: ${field} ${problem}`, [where.index, field === 'first_reply_at' ? 'firstReplyAt' : field]);
  }
}
