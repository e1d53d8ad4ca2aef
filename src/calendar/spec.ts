import { array, boolean, oneOf, optional, pair, strictObject, string } from '../util/checks.js';

/** A weekday key of a calendar's `week`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The weekday keys, Monday first (index = ISO weekday - 1). */
export const WEEKDAYS: readonly Weekday[] = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * One open interval of wall-clock time, `[open, close)`, as `"HH:MM"` strings.
 * `"24:00"` is allowed as a close. A close at or before the open
 * (`["22:00", "06:00"]`, `["22:00", "00:00"]`) is an overnight shift that runs
 * into the next day.
 */
export type WallInterval = readonly [open: string, close: string];

/** Holiday types of `date-holidays` a regional source can count. */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

/** A date closed all day: `[X 00:00, X+1 00:00)`. */
export interface ClosedDate {
  readonly date: string;
  readonly name?: string | undefined;
}

/** A date whose open time is replaced by `hours` (`[]` = closed); it may open a normally closed weekday. */
export interface PartialDate {
  readonly date: string;
  readonly hours: readonly WallInterval[];
  readonly name?: string | undefined;
}

/** Public holidays of a region from `date-holidays`: `"US"`, `"US-CO"`, `"DE-BY"`, `"GB-SCT"`... */
export interface RegionHolidays {
  readonly region: string;
  /** Which holiday types close the calendar. @default ['public'] */
  readonly types?: readonly HolidayType[] | undefined;
  /** Whether substitute days (a holiday on a weekend observed on a weekday) also close. @default true */
  readonly observed?: boolean | undefined;
}

/** A built-in holiday list. `'us-federal'`: U.S. federal holidays as federal offices observe them. */
export interface PresetHolidays {
  readonly preset: 'us-federal';
}

/** Where a calendar's closed and partial dates come from; a calendar may combine several. */
export type HolidaySource = ClosedDate | PartialDate | RegionHolidays | PresetHolidays;

/** A calendar of weekly hours in one time zone, with holidays. */
export interface WeeklyCalendarSpec {
  /** IANA time zone name, e.g. `"America/Denver"`. */
  readonly timezone: string;
  /** Open intervals per weekday; a missing or empty day is closed. */
  readonly week: Readonly<Partial<Record<Weekday, readonly WallInterval[]>>>;
  /** Closed dates, partial dates, regional and preset holiday lists. @default [] */
  readonly holidays?: readonly HolidaySource[] | undefined;
  /** A label used in explanations. */
  readonly name?: string | undefined;
}

/** Open whenever any member is open (follow-the-sun desks). */
export interface UnionCalendarSpec {
  readonly union: readonly CalendarSpec[];
  /** Zone for local dates (business days, explanations). @default the first member's */
  readonly timezone?: string | undefined;
  readonly name?: string | undefined;
}

/** Open only when every member is open (vendor hours that also respect the customer's holidays). */
export interface IntersectionCalendarSpec {
  readonly intersection: readonly CalendarSpec[];
  /** Zone for local dates (business days, explanations). @default the first member's */
  readonly timezone?: string | undefined;
  readonly name?: string | undefined;
}

/** Plain-JSON description of when a support clock runs. */
export type CalendarSpec = WeeklyCalendarSpec | UnionCalendarSpec | IntersectionCalendarSpec;

const wallTime = /*#__PURE__*/ string(/^\d{2}:\d{2}$/, 'a wall-clock time "HH:MM"');
const intervals = /*#__PURE__*/ array(pair(wallTime));
const dateKey = /*#__PURE__*/ string(/^\d{4}-\d{2}-\d{2}$/, 'a date "YYYY-MM-DD"');
const label = /*#__PURE__*/ optional(string());

/** The shape of a weekly calendar spec (its times, zone and holidays are checked beyond it). */
export const weeklySpecShape = /*#__PURE__*/ strictObject({
  timezone: string(),
  week: strictObject(Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, optional(intervals)]))),
  holidays: optional(array()),
  name: label,
});

/** The shapes of a calendar's holiday sources, by kind. */
export const holidaySourceShapes = {
  closed: /*#__PURE__*/ strictObject({ date: dateKey, name: label }),
  partial: /*#__PURE__*/ strictObject({ date: dateKey, hours: intervals, name: label }),
  region: /*#__PURE__*/ strictObject({
    region: string(),
    types: optional(array(oneOf(['public', 'bank', 'school', 'optional', 'observance']))),
    observed: optional(boolean),
  }),
  preset: /*#__PURE__*/ strictObject({ preset: oneOf(['us-federal']) }),
} as const;

/** The shapes of the combined calendar specs, by combination. */
export const compositeSpecShapes = {
  union: /*#__PURE__*/ strictObject({ union: array(undefined, 1), timezone: optional(string()), name: label }),
  intersection: /*#__PURE__*/ strictObject({ intersection: array(undefined, 1), timezone: optional(string()), name: label }),
} as const;
