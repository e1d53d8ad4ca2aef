/**
 * Regional holidays from the `date-holidays` package, turned into plain local dates.
 *
 * How `date-holidays` is used here, and why:
 * - Every `Holidays` instance is built with `timezone: 'UTC'`. That option only decides how the package turns
 *   its wall-clock results into the `start`/`end` `Date`s; with `'UTC'` their UTC fields *are* the holiday's
 *   wall-clock start and end in the country's own calendar, free of the country's DST (a holiday on a fall-back
 *   Sunday is 24 wall-clock hours, not 25 real ones). The `date` string does not depend on it.
 * - `date-holidays` does its calendar arithmetic with local-time `Date`s of the *host*. In a host zone whose
 *   DST starts at midnight (America/Santiago, Asia/Beirut, Africa/Cairo, America/Havana, ...) a holiday starting
 *   or ending at 00:00 on such a date comes back as 01:00, and the 01:00 carries over to dates computed from it
 *   (CH-GE "thursday after 1st sunday in September"). {@link regionalHolidays} undoes these shifts, so its
 *   results are the same on every host. A host zone that skipped a whole date (Pacific/Apia on
 *   2011-12-30, Pacific/Kiritimati on 1994-12-31) makes the package roll a holiday on that date to the next
 *   one; a holiday whose rule names that fixed date (`"12-30"`) is put back on it.
 * - The package never reads the host locale: names are in the region's own first language (German names for
 *   `DE-BY`, English for `US`).
 */

import type { HolidaysTypes } from 'date-holidays';
import type { HolidayRegions, RegionHolidayOptions, RegionalHoliday } from '../calendar/holidays/provider.js';
import { SlaclockError } from '../errors.js';
import { readOptions } from '../util/options.js';
import { quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { dateHolidays } from './dateHolidays.js';
import type { HolidaysInstance } from './peer.js';

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const CODE_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,2}$/;
/** `"2026-12-24 14:00:00"`; Islamic and Hebrew holidays add `" -0600"` (they begin at 18:00 the evening before). */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}(?: [+-]\d{4})?$/;
/** A time of day in a date-holidays rule (`"12-24 14:00"`), but not a zone offset (`"march equinox in +09:00"`). */
const RULE_TIME = /(?<![+\-\d])\d{1,2}:\d{2}(?!\d)/;

interface RegionParts {
  /** The canonical upper-case code, e.g. `"US-CO"`. */
  key: string;
  country: string;
  state: string | undefined;
  region: string | undefined;
}

/** Instances by canonical code; an instance holds every holiday type and is only ever read from. */
const instances = new Map<string, HolidaysInstance>();
/** Region codes already checked and found known, by canonical code. */
const knownRegions = new Map<string, RegionParts>();
let directoryInstance: HolidaysInstance | undefined;

/** An instance without a country, used only to ask which countries, states and regions exist. */
function directory(): HolidaysInstance {
  directoryInstance ??= new (dateHolidays())();
  return directoryInstance;
}

function hasKey(table: Record<string, string> | undefined, key: string): boolean {
  return table !== undefined && table !== null && Object.hasOwn(table, key);
}

/**
 * Splits and checks a region code. Returns the parts, or a sentence saying what is wrong.
 *
 * `date-holidays` upper-cases the parts of a code before it looks them up and silently falls back to the
 * country (or state) when a state (or region) does not exist, so the check is done here against its lists.
 * A few of its keys are not upper case (the Cook Islands states such as `Rarotonga`, the New Zealand regions
 * `Timaru` and `Buller`); the package itself can never select those, so they are reported as unknown.
 */
function parseRegion(code: string): RegionParts | string {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
    return `${JSON.stringify(code)} is not a holiday region code; expected COUNTRY, COUNTRY-STATE or COUNTRY-STATE-REGION, such as "US", "US-CO" or "DE-BY"`;
  }
  const key = code.toUpperCase();
  const cached = knownRegions.get(key);
  if (cached !== undefined) return cached;
  const [country = '', state, region] = key.split('-');
  const holidays = directory();
  if (!hasKey(holidays.getCountries(), country)) {
    return `unknown holiday region "${code}": date-holidays has no country "${country}"`;
  }
  if (state !== undefined && !hasKey(holidays.getStates(country), state)) {
    return `unknown holiday region "${code}": date-holidays has no state "${state}" in country "${country}"`;
  }
  if (state !== undefined && region !== undefined && !hasKey(holidays.getRegions(country, state), region)) {
    return `unknown holiday region "${code}": date-holidays has no region "${region}" in "${country}-${state}"`;
  }
  const parts: RegionParts = { key, country, state, region };
  knownRegions.set(key, parts);
  return parts;
}

function instanceFor(parts: RegionParts): HolidaysInstance {
  let instance = instances.get(parts.key);
  if (instance === undefined) {
    const options: HolidaysTypes.Options = { timezone: 'UTC' };
    const { country, state, region } = parts;
    const Holidays = dateHolidays();
    instance =
      state === undefined
        ? new Holidays(country, options)
        : region === undefined
          ? new Holidays(country, state, options)
          : new Holidays(country, state, region, options);
    instances.set(parts.key, instance);
  }
  return instance;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/**
 * The minute of the day at which the host's local midnight of a date reads back: 0 almost everywhere, 60 on
 * a date whose midnight the host zone skips (DST starting at 00:00). `date-holidays` moves a 00:00 it computes
 * on such a date to this minute. Returns 0 when the host skips the whole date (nothing to undo then).
 */
function hostMidnightMinute(year: number, month: number, day: number): number {
  const probe = new Date(2000, 0, 1, 0, 0, 0, 0);
  probe.setFullYear(year, month - 1, day);
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) return 0;
  return probe.getHours() * 60 + probe.getMinutes();
}

/** Whether the host's zone skips the whole date (no local instant has it). */
function hostSkipsDate(year: number, month: number, day: number): boolean {
  const probe = new Date(2000, 0, 1, 12, 0, 0, 0);
  probe.setFullYear(year, month - 1, day);
  return probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day;
}

/** How many of the dates a holiday spans (from `startDay`) the host skips: the package counted each as a whole day. */
function hostSkippedDays(startDay: number, holiday: HolidaysTypes.Holiday): number {
  const spanned = Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY);
  let skipped = 0;
  for (let k = 0; k < spanned; k++) {
    const date = new Date((startDay + k) * MS_PER_DAY);
    if (hostSkipsDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) skipped++;
  }
  return skipped;
}

/** A rule that is a fixed month and day (`"12-30"`, `"12-30 14:00"`), as `[month, day]`. */
const FIXED_RULE = /^(\d{2})-(\d{2})(?: \d{1,2}:\d{2})?$/;

/**
 * The date a holiday really falls on: the package's date, or the fixed date its rule names when
 * the host skipped that date and the package rolled the holiday to the next day.
 */
function undoSkippedDate(year: number, month: number, day: number, rule: string): [number, number, number] {
  const fixed = FIXED_RULE.exec(rule);
  if (fixed === null) return [year, month, day];
  const before = new Date((epochDay(year, month, day) - 1) * MS_PER_DAY);
  const [y, m, d] = [before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate()];
  return m === Number(fixed[1]) && d === Number(fixed[2]) && hostSkipsDate(y, m, d) ? [y, m, d] : [year, month, day];
}

/** Removes the host-zone shift described in {@link hostMidnightMinute}. */
function undoHostShift(minute: number, year: number, month: number, day: number): number {
  return minute !== 0 && minute === hostMidnightMinute(year, month, day) ? 0 : minute;
}

function toRegionalHoliday(holiday: HolidaysTypes.Holiday): RegionalHoliday {
  const match = DATE_PATTERN.exec(holiday.date);
  if (match === null) {
    throw new Error(`slaclock: unexpected date string ${JSON.stringify(holiday.date)} from date-holidays`);
  }
  const [, y = '', mo = '', d = '', hh = '', mm = ''] = match;
  const [year, month, day] = undoSkippedDate(Number(y), Number(mo), Number(d), holiday.rule);
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // A rule without a time of day ("07-04", "thursday after 1st sunday in September") starts at 00:00. On a
  // host that skips some midnight, date-holidays may report 01:00 for it, also on dates derived from the
  // skipped one, so the time is only read when the rule names one ("12-24 14:00").
  const fromMinute = RULE_TIME.test(holiday.rule)
    ? undoHostShift(Number(hh) * 60 + Number(mm), year, month, day)
    : 0;

  // With timezone 'UTC', `end - start` is the holiday's length in the region's wall-clock time (DST-free).
  // It is laid from the (corrected) start on `date`: a start that date-holidays shifted for the host zone
  // shifts its end too, and an Islamic or Hebrew holiday that starts the evening before counts from 00:00.
  const startDay = epochDay(year, month, day);
  const lengthMinutes = Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_MINUTE) - MINUTES_PER_DAY * hostSkippedDays(startDay, holiday);
  const endTotal = startDay * MINUTES_PER_DAY + fromMinute + lengthMinutes;
  const endDay = Math.floor(endTotal / MINUTES_PER_DAY);
  const endDate = new Date(endDay * MS_PER_DAY);
  const endMinute = undoHostShift(
    endTotal - endDay * MINUTES_PER_DAY,
    endDate.getUTCFullYear(),
    endDate.getUTCMonth() + 1,
    endDate.getUTCDate(),
  );
  const days = Math.max(1, endDay - startDay + (endMinute > 0 ? 1 : 0));

  return {
    date,
    name: holiday.name,
    fromMinute,
    days,
  };
}

/**
 * Whether `date-holidays` knows a region code: a country (`"US"`), country-state (`"US-CO"`, `"GB-SCT"`) or
 * country-state-region (`"DE-BY-A"`), parts separated by `-`, any letter case.
 *
 * @param code - The region code to check.
 * @returns `true` when {@link regionalHolidays} accepts the code.
 *
 * @example
 * ```ts
 * isKnownRegion('de-by'); // true
 * isKnownRegion('US-ZZ'); // false: the United States have no state "ZZ"
 * isKnownRegion('XX');    // false
 * ```
 */
export function isKnownRegion(code: string): boolean {
  return typeof code === 'string' && code.length <= 64 && typeof parseRegion(code) !== 'string';
}

/**
 * The holidays `date-holidays` lists for a region in one year, as local calendar dates.
 *
 * - `date` is the local date in the region's own calendar, taken from the package's `date` string (never from a
 *   `Date` read in the host's zone). Islamic and Hebrew holidays, which the package starts at 18:00 the evening
 *   before, are taken as starting at 00:00 on their date.
 * - `fromMinute` is the local start time (e.g. 840 for Christmas Eve from 14:00 in `DE-BY`), 0 for a whole day.
 * - `days` counts the local dates the holiday touches (1 for most; e.g. 3 for `1 Shawwal P3D`).
 * - `observed: false` drops the package's substitute days (`substitute: true`, e.g. `US` Independence Day
 *   observed on Friday 2026-07-03); `observed: true` keeps both the holiday and its substitute day.
 * - Only holidays whose type is in `types` are kept (`[]` keeps none). When one name falls on one date with two
 *   types, `date-holidays` lists it once, with the more official type (public > bank > school > optional >
 *   observance).
 *
 * Every listed date falls in `year` (a Saturday January 1 observed on Friday December 31 is in the list of the
 * earlier year). The result is sorted by date, then start minute, then name, and is a new array each call.
 *
 * @param region - `"US"`, `"US-CO"`, `"DE-BY"`, `"GB-SCT"`, ...: country[-state[-region]], any letter case.
 * @param year - A whole year, 1 to 9999.
 * @param options - `types` to keep (default `['public']`) and whether substitute (observed) days are kept (default `true`).
 * @returns A new array of {@link RegionalHoliday}.
 * @throws {SlaclockError} `unknown_region` when `date-holidays` does not know `region`; `out_of_range` for a bad year.
 *
 * @example
 * ```ts
 * import { regionalHolidays } from 'slaclock/regions';
 * regionalHolidays('US-CO', 2026).filter((h) => h.date.startsWith('2026-07'));
 * // [ { date: '2026-07-03', name: 'Independence Day (substitute day)', fromMinute: 0, days: 1 },
 * //   { date: '2026-07-04', name: 'Independence Day', fromMinute: 0, days: 1 } ]
 * regionalHolidays('DE-BY', 2026, { types: ['bank'], observed: false });
 * // [ { date: '2026-12-24', name: 'Heiliger Abend', fromMinute: 840, days: 1 },
 * //   { date: '2026-12-31', name: 'Silvester', fromMinute: 840, days: 1 } ]
 * ```
 */
export function regionalHolidays(region: string, year: number, options: Partial<RegionHolidayOptions> = {}): RegionalHoliday[] {
  if (typeof region !== 'string' || region.length > 64) throw new SlaclockError('unknown_region', `Expected a region code such as "US" or "DE-BY", got ${quoteValue(region)}`, ['region']);
  const read = snapshotInput(readOptions(options, ['types', 'observed']), ['options']).value as Partial<RegionHolidayOptions>;
  if (read.types !== undefined && !(Array.isArray(read.types) && read.types.every((type) => typeof type === 'string'))) {
    throw new SlaclockError('invalid_option', `Expected an array of holiday types, got ${quoteValue(read.types)}`, ['options', 'types']);
  }
  if (read.observed !== undefined && typeof read.observed !== 'boolean') {
    throw new SlaclockError('invalid_option', `Expected a boolean, got ${quoteValue(read.observed)}`, ['options', 'observed']);
  }
  const parts = parseRegion(region);
  if (typeof parts === 'string') throw new SlaclockError('unknown_region', parts);
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new SlaclockError('out_of_range', `holidays are computed for whole years 1 to 9999, not ${quoteValue(year)}`);
  }

  const types = new Set<string>(read.types ?? ['public']);
  const observed = read.observed ?? true;
  // The types as JSON: a type may contain any character, so no separator could keep two lists apart.
  const key = `${parts.key} ${year} ${observed} ${JSON.stringify([...types].sort())}`;
  let list = lists.get(key);
  if (list === undefined) {
    list = computeHolidays(instanceFor(parts), year, types, observed);
    if (lists.size >= MAX_LISTS) lists.delete(lists.keys().next().value as string);
    lists.set(key, list);
  }
  return list.map((holiday) => ({ ...holiday }));
}

/**
 * Lists already computed, by region, year and options, oldest first. A calendar's check and
 * its build ask for the same years, so date-holidays computes each once; callers get copies.
 */
const lists = new Map<string, readonly RegionalHoliday[]>();
/** About 40 years of 25 regions (a calendar also reads the year before each year it builds). */
const MAX_LISTS = 1024;

function computeHolidays(instance: HolidaysInstance, year: number, types: ReadonlySet<string>, observed: boolean): RegionalHoliday[] {
  const result: RegionalHoliday[] = [];
  for (const holiday of instance.getHolidays(year)) {
    if (!types.has(holiday.type)) continue;
    if (!observed && holiday.substitute === true) continue;
    result.push(toRegionalHoliday(holiday));
  }
  return result.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.fromMinute - b.fromMinute ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/**
 * The `date-holidays` holiday source for calendars with `{ region }` entries. Importing it (the
 * `slaclock/regions` entry) is what brings `date-holidays` and its data for every country into a bundle;
 * calendars without regions never need it.
 *
 * @example
 * ```ts
 * import { compileCalendar, weekdayHours } from 'slaclock';
 * import { holidayRegions } from 'slaclock/regions';
 * const munich = compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions });
 * ```
 */
export const holidayRegions: HolidayRegions = Object.freeze({
  holidays: (region: string, year: number, options: RegionHolidayOptions) => regionalHolidays(region, year, options),
});
