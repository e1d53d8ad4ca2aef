/**
 * Where a calendar's `{ region: 'DE-BY' }` holidays come from.
 *
 * The core entry carries no regional holiday data: a calendar that names a region is compiled with a
 * {@link HolidayRegions} source, such as `holidayRegions` from `slaclock/regions` (backed by `date-holidays`)
 * or one of the caller's own. What a source returns is checked here, so a faulty one fails loudly instead
 * of closing the wrong dates.
 */

import { SlaclockError, withPathPrefix } from '../../errors.js';
import { parseDayKey } from '../../time/civil.js';
import { quoteValue } from '../../util/describe.js';
import type { HolidayType } from '../spec.js';

type Path = readonly (string | number)[];

/**
 * One regional closure: a whole day (or several), or the rest of a day from `fromMinute` on.
 *
 * @example
 * ```ts
 * const christmasEve: RegionalHoliday = { date: '2026-12-24', name: 'Heiliger Abend', fromMinute: 840, days: 1 };
 * ```
 */
export interface RegionalHoliday {
  /** The local calendar date the holiday starts on, `YYYY-MM-DD`. */
  readonly date: string;
  /** The holiday's name, in the source's language. */
  readonly name: string;
  /** Minute of the local day at which the closure starts: 0 for the whole day, 840 for a 14:00 start. */
  readonly fromMinute: number;
  /** How many consecutive local dates, starting with `date`, the holiday touches; at least 1. */
  readonly days: number;
}

/**
 * What a calendar's region entry asks for: `types` of `{ region, types, observed }`, with defaults applied.
 *
 * @example
 * ```ts
 * const options: RegionHolidayOptions = { types: ['public', 'bank'], observed: true };
 * ```
 */
export interface RegionHolidayOptions {
  /** The holiday categories that close the calendar. */
  readonly types: readonly HolidayType[];
  /** Whether substitute days (a weekend holiday observed on a weekday) are included. */
  readonly observed: boolean;
}

/**
 * A source of regional holidays for calendars with `{ region }` entries. Pass one to
 * `compileCalendar(spec, { holidayRegions })` or `compilePolicy(spec, { holidayRegions })`.
 *
 * `holidays` must be pure (same answer for the same arguments: compiled calendars ask once per year and keep
 * the answer) and must throw a `SlaclockError` with code `unknown_region` for a region it does not know.
 *
 * @example
 * ```ts
 * import { compileCalendar, type HolidayRegions } from 'slaclock';
 * // A company's own holiday list instead of date-holidays:
 * const companyDays: HolidayRegions = {
 *   holidays: (region, year) => (region === 'ACME' ? [{ date: `${year}-12-24`, name: 'Winter break', fromMinute: 0, days: 2 }] : []),
 * };
 * compileCalendar({ timezone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']] }, holidays: [{ region: 'ACME' }] }, { holidayRegions: companyDays });
 * ```
 */
export interface HolidayRegions {
  /** The holidays of `region` that start in `year`, in the region's own local dates. */
  holidays(region: string, year: number, options: RegionHolidayOptions): readonly RegionalHoliday[];
}

const MINUTES_PER_DAY = 1440;

/**
 * The holidays `source` returns, checked: without a source, or when it returns something that is not a list
 * of {@link RegionalHoliday}, a `SlaclockError` at `path` (the calendar's `region` field).
 */
export function regionHolidaysFrom(
  source: HolidayRegions | undefined,
  region: string,
  year: number,
  options: RegionHolidayOptions,
  path: Path,
): readonly RegionalHoliday[] {
  if (source === undefined) {
    throw new SlaclockError(
      'regions_not_loaded',
      `Holidays of region "${region}" need a holiday source: import { holidayRegions } from 'slaclock/regions' and compile with compileCalendar(spec, { holidayRegions }) (or compilePolicy(spec, { holidayRegions }))`,
      path,
    );
  }
  const list = withPathPrefix(path, () => source.holidays(region, year, options));
  if (!Array.isArray(list)) throw new SlaclockError('invalid_input', `The holiday source returned ${typeof list} for region "${region}", not an array`, path);
  // An indexed loop: forEach would skip the holes of a sparse array.
  for (let index = 0; index < list.length; index++) checkHoliday(list[index], region, year, index, path);
  return list;
}

/**
 * The holiday source of compile options, checked: `undefined`, or an object with a `holidays` function.
 *
 * @throws {SlaclockError} `invalid_option` at `['holidayRegions']`.
 */
export function holidaySourceOption(options: { readonly holidayRegions?: unknown } | undefined): HolidayRegions | undefined {
  const source = options?.holidayRegions as HolidayRegions | null | undefined;
  if (source === undefined) return undefined;
  if (source === null || typeof source !== 'object' || typeof source.holidays !== 'function') {
    throw new SlaclockError(
      'invalid_option',
      "holidayRegions must be a holiday source { holidays(region, year, options) }, such as holidayRegions from 'slaclock/regions'",
      ['holidayRegions'],
    );
  }
  return source;
}

function checkHoliday(holiday: unknown, region: string, year: number, index: number, path: Path): void {
  const h = (holiday ?? {}) as Partial<RegionalHoliday>;
  const problem =
    typeof h.date !== 'string' || parseDayKey(h.date) === undefined
      ? 'a date that is not YYYY-MM-DD'
      : Number(h.date.slice(0, 4)) !== year
        ? `a date outside ${year} (a source lists the holidays that start in the year asked for)`
      : typeof h.name !== 'string'
        ? 'no name'
        : !Number.isInteger(h.fromMinute) || (h.fromMinute as number) < 0 || (h.fromMinute as number) >= MINUTES_PER_DAY
          ? 'a fromMinute that is not a whole minute 0-1439'
          : !Number.isInteger(h.days) || (h.days as number) < 1 || (h.days as number) > 366
            ? 'a days count that is not a whole number 1-366'
            : undefined;
  if (problem !== undefined) {
    throw new SlaclockError('invalid_input', `The holiday source's entry ${index} for region "${region}" in ${year} has ${problem}: ${quoteValue(holiday)}`, path);
  }
}
