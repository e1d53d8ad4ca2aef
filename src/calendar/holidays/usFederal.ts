/**
 * U.S. federal holidays (5 U.S.C. 6103), computed from the statutory rules with
 * plain integer date arithmetic: no `Date` in local time, no time zone, no
 * dependency. This is what the `{ preset: 'us-federal' }` holiday source uses.
 */

import { SlaclockError } from '../../errors.js';
import { quoteValue } from '../../util/describe.js';

/**
 * One holiday on one calendar date.
 *
 * @example
 * ```ts
 * const juneteenth2027: HolidayDate = {
 *   date: '2027-06-18',
 *   name: 'Juneteenth National Independence Day (observed; June 19 is a Saturday)',
 * };
 * ```
 */
export interface HolidayDate {
  /** The calendar date, `YYYY-MM-DD`. For a holiday that falls on a weekend this is the observed date. */
  date: string;
  /** The holiday's name, e.g. `"Independence Day"` or `"Independence Day (observed; July 4 is a Saturday)"`. */
  name: string;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). Exact for every integer year. */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of {@link epochDay}. */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function isoDate(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `n`th (1-based) `weekday` of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = epochDay(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** The last `weekday` of a month. */
function lastWeekday(year: number, month: number, weekday: number): number {
  const last = epochDay(year, month + 1, 1) - 1; // month + 1 = 13 is fine: epochDay rolls it into January
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/**
 * A fixed-date holiday of `year` moved by the federal observance rule (a Saturday holiday is observed on the
 * Friday before, a Sunday holiday on the Monday after; 5 U.S.C. 6103(b) and Executive Order 11582).
 */
function observedFixed(
  year: number,
  month: number,
  day: number,
  name: string,
): { days: number; name: string } {
  const actual = epochDay(year, month, day);
  const weekday = weekdayOf(actual);
  if (weekday !== SATURDAY && weekday !== SUNDAY) return { days: actual, name };
  const observed = weekday === SATURDAY ? actual - 1 : actual + 1;
  const observedYear = civilDate(observed).year;
  const monthName = MONTH_NAMES[month - 1] ?? String(month);
  // A Saturday January 1 is observed on December 31 of the year before: name the year that holiday belongs to.
  const label = observedYear === year ? `${name}` : `${name} ${year}`;
  const when = observedYear === year ? `${monthName} ${day}` : `${monthName} ${day}, ${year}`;
  return { days: observed, name: `${label} (observed; ${when} is a ${WEEKDAY_NAMES[weekday] ?? ''})` };
}

/**
 * The U.S. federal holidays observed in `year` (5 U.S.C. 6103), as the dates federal offices are closed,
 * sorted by date.
 *
 * The statutory list: New Year's Day (January 1), Birthday of Martin Luther King, Jr. (third Monday in
 * January, from 1986), Washington's Birthday (third Monday in February), Memorial Day (last Monday in
 * May), Juneteenth National Independence Day (June 19, from 2021), Independence Day (July 4), Labor Day
 * (first Monday in September), Columbus Day (second Monday in October), Veterans Day (November 11; the
 * fourth Monday in October in 1971-1977), Thanksgiving Day (fourth Thursday in November) and Christmas Day
 * (December 25). A fixed-date holiday on a Saturday is observed on the Friday before, one on a Sunday on the
 * Monday after; only the observed date is listed, with a name such as
 * `"Independence Day (observed; July 4 is a Saturday)"`.
 *
 * The list holds the observed dates that fall in `year`: when January 1 of `year + 1` is a Saturday, its
 * observed date December 31 of `year` is in this list (named e.g. `"New Year's Day 2028 (observed; January 1,
 * 2028 is a Saturday)"`), and a Saturday January 1 of `year` is not (it is in the list of `year - 1`).
 *
 * Not included:
 * - Inauguration Day (January 20 every fourth year): under 5 U.S.C. 6103(c) it is a holiday only for federal
 *   employees in the Washington, D.C. area, not a nationwide federal holiday.
 * - One-off closures by executive order (e.g. a day of mourning or an extra day at Christmas).
 *
 * History before the Uniform Monday Holiday Act took effect (1971) is not modelled: earlier years get the
 * Monday rules of today's statute.
 *
 * @param year - A whole year, 1 to 9999.
 * @returns A new array of `{ date: 'YYYY-MM-DD', name }`, sorted by date.
 * @throws {SlaclockError} `out_of_range` when `year` is not a whole number from 1 to 9999.
 *
 * @example
 * ```ts
 * usFederalHolidays(2026).find((h) => h.date === '2026-07-03');
 * // { date: '2026-07-03', name: 'Independence Day (observed; July 4 is a Saturday)' }
 * usFederalHolidays(2027).at(-1);
 * // { date: '2027-12-31', name: "New Year's Day 2028 (observed; January 1, 2028 is a Saturday)" }
 * ```
 */
export function usFederalHolidays(year: number): HolidayDate[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new SlaclockError('out_of_range', `U.S. federal holidays are computed for whole years 1 to 9999, not ${quoteValue(year)}`);
  }

  const entries: { days: number; name: string }[] = [];
  const fixed = (y: number, month: number, day: number, name: string): void => {
    entries.push(observedFixed(y, month, day, name));
  };

  fixed(year, 1, 1, "New Year's Day");
  if (year >= 1986) {
    entries.push({ days: nthWeekday(year, 1, MONDAY, 3), name: 'Birthday of Martin Luther King, Jr.' });
  }
  entries.push({ days: nthWeekday(year, 2, MONDAY, 3), name: "Washington's Birthday" });
  entries.push({ days: lastWeekday(year, 5, MONDAY), name: 'Memorial Day' });
  if (year >= 2021) fixed(year, 6, 19, 'Juneteenth National Independence Day');
  fixed(year, 7, 4, 'Independence Day');
  entries.push({ days: nthWeekday(year, 9, MONDAY, 1), name: 'Labor Day' });
  entries.push({ days: nthWeekday(year, 10, MONDAY, 2), name: 'Columbus Day' });
  if (year >= 1971 && year <= 1977) {
    entries.push({ days: nthWeekday(year, 10, MONDAY, 4), name: 'Veterans Day' });
  } else {
    fixed(year, 11, 11, 'Veterans Day');
  }
  entries.push({ days: nthWeekday(year, 11, THURSDAY, 4), name: 'Thanksgiving Day' });
  fixed(year, 12, 25, 'Christmas Day');
  if (year < 9999) fixed(year + 1, 1, 1, "New Year's Day");

  return entries
    .filter((entry) => civilDate(entry.days).year === year)
    .sort((a, b) => a.days - b.days)
    .map((entry) => ({ date: isoDate(entry.days), name: entry.name }));
}
