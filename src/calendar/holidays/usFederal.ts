/**
 * U.S. federal holidays (5 U.S.C. 6103), computed from the statutory rules, kept as a
 * table, with plain integer date arithmetic (src/time/civil.ts): no `Date` in local
 * time, no time zone, no dependency. This is what the `{ preset: 'us-federal' }`
 * holiday source uses.
 */

import { SlaclockError } from '../../errors.js';
import { civilFromDays, daysFromCivil, formatDayKey, weekdayOfDays } from '../../time/civil.js';
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

// Weekdays as time/civil.ts numbers them.
const MONDAY = 0;
const THURSDAY = 3;
const SATURDAY = 5;
const SUNDAY = 6;
const LAST = -1;

/**
 * A statutory holiday, in force in the years `from` to `to`: on a fixed date of `month`
 * (`day`; observed on a weekday when it falls on a weekend), or on the `nth` `weekday` of
 * `month` (`LAST`: the last).
 */
type HolidayRule = { readonly name: string; readonly month: number; readonly from?: number; readonly to?: number } & (
  | { readonly day: number }
  | { readonly weekday: number; readonly nth: number }
);

/** 5 U.S.C. 6103(a); Veterans Day was the fourth Monday in October from 1971 to 1977. */
const RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", month: 1, day: 1 },
  { name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: MONDAY, nth: 3, from: 1986 },
  { name: "Washington's Birthday", month: 2, weekday: MONDAY, nth: 3 },
  { name: 'Memorial Day', month: 5, weekday: MONDAY, nth: LAST },
  { name: 'Juneteenth National Independence Day', month: 6, day: 19, from: 2021 },
  { name: 'Independence Day', month: 7, day: 4 },
  { name: 'Labor Day', month: 9, weekday: MONDAY, nth: 1 },
  { name: 'Columbus Day', month: 10, weekday: MONDAY, nth: 2 },
  { name: 'Veterans Day', month: 10, weekday: MONDAY, nth: 4, from: 1971, to: 1977 },
  { name: 'Veterans Day', month: 11, day: 11, to: 1970 },
  { name: 'Veterans Day', month: 11, day: 11, from: 1978 },
  { name: 'Thanksgiving Day', month: 11, weekday: THURSDAY, nth: 4 },
  { name: 'Christmas Day', month: 12, day: 25 },
];

/** The day number on which `rule` is observed in `year`, and its name there. */
function observedIn(rule: HolidayRule, year: number): { days: number; name: string } {
  if (!('day' in rule)) return { days: weekdayInMonth(year, rule.month, rule.weekday, rule.nth), name: rule.name };
  const actual = daysFromCivil(year, rule.month, rule.day);
  const weekday = weekdayOfDays(actual);
  if (weekday !== SATURDAY && weekday !== SUNDAY) return { days: actual, name: rule.name };
  // A Saturday holiday is observed on the Friday before, a Sunday one on the Monday after
  // (5 U.S.C. 6103(b), Executive Order 11582).
  const observed = weekday === SATURDAY ? actual - 1 : actual + 1;
  const observedYear = civilFromDays(observed).year;
  const written = `${MONTH_NAMES[rule.month - 1] as string} ${rule.day}`;
  // A Saturday January 1 is observed on December 31 of the year before: name the year that holiday belongs to.
  const label = observedYear === year ? rule.name : `${rule.name} ${year}`;
  const when = observedYear === year ? written : `${written}, ${year}`;
  return { days: observed, name: `${label} (observed; ${when} is a ${weekday === SATURDAY ? 'Saturday' : 'Sunday'})` };
}

/** The `nth` (1-based, or `LAST`) `weekday` of a month. */
function weekdayInMonth(year: number, month: number, weekday: number, nth: number): number {
  if (nth === LAST) {
    const last = daysFromCivil(year, month + 1, 1) - 1; // month + 1 = 13 is fine: it rolls into January
    return last - ((weekdayOfDays(last) - weekday + 7) % 7);
  }
  const first = daysFromCivil(year, month, 1);
  return first + ((weekday - weekdayOfDays(first) + 7) % 7) + (nth - 1) * 7;
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

  return usFederalDays(year).map((entry) => ({ date: formatDayKey(entry.days), name: entry.name }));
}

/** @internal {@link usFederalHolidays} with dates as day numbers (days since 1970-01-01), for a whole year 1 to 9999. */
export function usFederalDays(year: number): { days: number; name: string }[] {
  // Only a holiday of the next year can be observed in this one (a Saturday January 1, on December 31).
  const entries: { days: number; name: string }[] = [];
  for (const y of year < 9999 ? [year, year + 1] : [year]) {
    for (const rule of RULES) if (y >= (rule.from ?? y) && y <= (rule.to ?? y)) entries.push(observedIn(rule, y));
  }
  return entries.filter((entry) => civilFromDays(entry.days).year === year).sort((a, b) => a.days - b.days);
}
