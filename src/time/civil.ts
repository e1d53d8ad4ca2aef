/**
 * Proleptic Gregorian calendar arithmetic on whole days since 1970-01-01,
 * with no `Date` object and no host time zone involved.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** A calendar date. `month` is 1..12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of a civil date (any integer year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number: 0 = Monday ... 6 = Sunday. */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayKey(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a `YYYY-MM-DD` string, or `undefined` when it is not a real date. */
export function parseDayKey(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));

/** Two digits of 0..99. */
export function pad2(value: number): string {
  return TWO_DIGITS[value] ?? String(value).padStart(2, '0');
}

// Formatting instants is on every decision's hot path, and tickets and their deadlines
// cluster in time. So the `YYYY-MM-DDTHH:MM:` of a wall minute is memoised (direct-mapped:
// about three days of minutes, and three years of day keys behind them), and what follows
// the minute comes from a table per suffix: a whole-second instant is one concatenation.
const DAY_KEY_SLOTS = 1024;
const memoDays = new Float64Array(DAY_KEY_SLOTS).fill(Number.NaN);
const memoKeys: string[] = new Array<string>(DAY_KEY_SLOTS).fill('');
const MINUTE_SLOTS = 4096;
const memoMinutes = new Float64Array(MINUTE_SLOTS).fill(Number.NaN);
const memoMinuteKeys: string[] = new Array<string>(MINUTE_SLOTS).fill('');
/** `THH:MM:` of each minute of a day. */
const MINUTES_OF_DAY = Array.from({ length: 24 * 60 }, (_, minute) => `T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:`);
const SECONDS = Array.from({ length: 60 }, (_, second) => `${pad2(second)}.`);
const MILLIS = Array.from({ length: 1000 }, (_, millis) => String(millis).padStart(3, '0'));

function dayKeyOf(day: number): string {
  const slot = day & (DAY_KEY_SLOTS - 1);
  if (memoDays[slot] !== day) {
    memoKeys[slot] = formatDayKey(day);
    memoDays[slot] = day;
  }
  return memoKeys[slot] as string;
}

/** What follows the minute in an ISO-8601 string with a given suffix (`''`, `'Z'`, `'-07:00'`): `SS.mmm` and the suffix. */
export class IsoTails {
  readonly suffix: string;
  /** `SS.000` and the suffix, per second. */
  readonly #wholeSeconds: readonly string[];

  constructor(suffix: string) {
    this.suffix = suffix;
    this.#wholeSeconds = Array.from({ length: 60 }, (_, second) => `${pad2(second)}.000${suffix}`);
  }

  /** The tail of an instant `inMinute` milliseconds into its minute. */
  of(inMinute: number): string {
    // Division and subtraction, not `%`: the milliseconds are often a double, whose `%` is a call.
    const second = Math.floor(inMinute / 1000);
    const millis = inMinute - second * 1000;
    if (millis === 0) return this.#wholeSeconds[second] as string;
    return (SECONDS[second] as string) + (MILLIS[millis] ?? String(millis).padStart(3, '0')) + this.suffix;
  }
}

const NO_SUFFIX = new IsoTails('');

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` and the tails' suffix, of a wall time given as milliseconds
 * since 1970-01-01 on the wall calendar.
 */
export function formatWallIsoWith(wall: number, tails: IsoTails): string {
  const minute = Math.floor(wall / MS_PER_MINUTE);
  const slot = minute & (MINUTE_SLOTS - 1);
  if (memoMinutes[slot] !== minute) {
    const day = Math.floor(minute / 1440);
    memoMinuteKeys[slot] = dayKeyOf(day) + (MINUTES_OF_DAY[minute - day * 1440] as string);
    memoMinutes[slot] = minute;
  }
  return (memoMinuteKeys[slot] as string) + tails.of(wall - minute * MS_PER_MINUTE);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` of a wall time given as milliseconds since 1970-01-01 on
 * the wall calendar (no offset).
 */
export function formatWallIso(wall: number): string {
  return formatWallIsoWith(wall, NO_SUFFIX);
}
