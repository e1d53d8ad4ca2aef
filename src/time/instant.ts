import { SlaclockError, type IssuePath } from '../errors.js';
import { describeReceived, isInstanceOf, quoteValue } from '../util/describe.js';
import { Zone } from '../zone/zone.js';
import { daysFromCivil, daysInMonth, formatDayKey, MS_PER_DAY } from './civil.js';

/**
 * An instant in time, in any of the forms callers have:
 *
 * - a `Date`;
 * - whole epoch milliseconds (a number in `[1e9, 1e10)` is an epoch in *seconds*
 *   by mistake and is rejected with a hint);
 * - an ISO-8601 string with an offset or `Z` (`"2026-11-25T15:00-07:00"`), or an
 *   RFC 9557 string with a bracketed zone (`"2026-11-25T15:00-07:00[America/Denver]"`,
 *   what `Temporal.ZonedDateTime#toString()` prints); the offset must be the zone's
 *   at that instant. A string without an offset is rejected: it would name a
 *   different instant in every zone;
 * - an object with `epochMilliseconds` (`Temporal.Instant`, `Temporal.ZonedDateTime`);
 * - a luxon `DateTime` (anything with `toMillis()`).
 *
 * Objects are recognised by shape; slaclock depends on neither Temporal nor luxon.
 */
export type Instant = Date | number | string | EpochMillisecondsLike | ToMillisLike;

/**
 * An object that knows its epoch milliseconds: `Temporal.Instant`, `Temporal.ZonedDateTime`.
 *
 * @example
 * ```ts
 * const instant: EpochMillisecondsLike = Temporal.Instant.from('2026-11-25T22:00Z');
 * ```
 */
export interface EpochMillisecondsLike {
  readonly epochMilliseconds: number;
}

/**
 * An object that converts itself to epoch milliseconds: a luxon `DateTime`.
 *
 * @example
 * ```ts
 * const instant: ToMillisLike = DateTime.fromISO('2026-11-25T15:00', { zone: 'America/Denver' });
 * ```
 */
export interface ToMillisLike {
  toMillis(): number;
}

/** Instants slaclock accepts: a day's margin around the supported local years 1900-2399. */
const MIN_MS = (daysFromCivil(1900, 1, 1) - 2) * MS_PER_DAY;
const MAX_MS = (daysFromCivil(2400, 1, 1) + 2) * MS_PER_DAY;
/** Epoch seconds of 2001-09-09 to 2286-11-20 read as milliseconds all land in 1970. */
const SECONDS_LOOKALIKE = { from: 1e9, to: 1e10 } as const;

const FORMS = 'a Date, epoch milliseconds, an ISO-8601 string with an offset, a Temporal.Instant or ZonedDateTime, or a luxon DateTime';

// Date, time with minutes, optional seconds and fraction, a mandatory offset (seconds
// allowed, as zones with second-level offsets need), then RFC 9557 annotations.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)((?:\[[^\]]{1,100}\])*)$/i;
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:\[[^\]]*\])*$/i;
const ANNOTATION = /\[(!?)([^\]=]+?)(?:=([^\]]*))?\]/g;

/**
 * Converts an {@link Instant} to epoch milliseconds, or throws `invalid_instant`
 * (`out_of_range` beyond the supported years), before any `Date` is made.
 *
 * @example
 * ```ts
 * toEpochMs('2026-11-25T15:00-07:00');                  // 1795644000000
 * toEpochMs('2026-11-25T15:00-07:00[America/Denver]');  // 1795644000000
 * ```
 */
export function toEpochMs(input: Instant, path: IssuePath = []): number {
  switch (typeof input) {
    case 'number':
      return checkEpochMs(input, path, true);
    case 'string':
      return checkRange(parseIsoInstant(input, path), input, path);
    case 'object':
      if (input !== null) return fromObject(input, path);
      break;
    case 'bigint':
      throw new SlaclockError('invalid_instant', `Expected epoch milliseconds as a number, got ${describeReceived(input)} (convert it with Number())`, path);
    default:
      break;
  }
  throw new SlaclockError('invalid_instant', `Expected ${FORMS}, got ${describeReceived(input)}`, path);
}

/**
 * Whether `value` is an instant every check would pass as it is: whole epoch milliseconds
 * from 1970-04-26 (below it, epoch seconds mistaken for milliseconds are possible) to
 * 2399-01-01. Hot paths take such a number with two compares; anything else goes through
 * {@link toEpochMs}, which gives the answer or the error.
 */
export function isPlainEpochMs(value: unknown): value is number {
  return typeof value === 'number' && value >= PLAIN_EPOCH_MS.from && value < PLAIN_EPOCH_MS.to && Number.isInteger(value);
}

const PLAIN_EPOCH_MS = { from: SECONDS_LOOKALIKE.to, to: Date.UTC(2399, 0, 1) } as const;

function checkEpochMs(ms: number, path: IssuePath, fromNumber: boolean): number {
  if (!Number.isInteger(ms)) throw new SlaclockError('invalid_instant', `Expected whole epoch milliseconds, got ${describeReceived(ms)}`, path);
  // Only positive: epoch seconds of 2001-2286; a negative number of that size is a 1969 instant in milliseconds.
  if (fromNumber && ms >= SECONDS_LOOKALIKE.from && ms < SECONDS_LOOKALIKE.to) {
    throw new SlaclockError(
      'invalid_instant',
      `Expected epoch milliseconds, got ${ms}, which as milliseconds is ${formatDayKey(Math.floor(ms / MS_PER_DAY))}; if it is epoch seconds, multiply by 1000 (${ms * 1000})`,
      path,
    );
  }
  return checkRange(ms, ms, path);
}

function checkRange(ms: number, input: unknown, path: IssuePath): number {
  if (ms >= MIN_MS && ms < MAX_MS) return ms;
  throw new SlaclockError('out_of_range', `Expected an instant in the supported years 1900 to 2399, got ${quoteValue(input)}`, path);
}

function fromObject(input: object, path: IssuePath): number {
  let ms: unknown;
  try {
    if (input instanceof Date) {
      // The Date's own time value: a subclass cannot answer for it.
      const time = Date.prototype.getTime.call(input);
      if (Number.isNaN(time)) throw new SlaclockError('invalid_instant', 'Expected a valid Date, got an Invalid Date', path);
      return checkEpochMs(time, path, false);
    }
    const temporal = (input as Partial<EpochMillisecondsLike>).epochMilliseconds;
    if (temporal !== undefined) {
      if (typeof temporal !== 'number') throw new SlaclockError('invalid_instant', `Expected epochMilliseconds to be a number, got ${describeReceived(temporal)}`, [...path, 'epochMilliseconds']);
      return checkEpochMs(temporal, path, false);
    }
    const luxon = input as Partial<ToMillisLike> & { isValid?: unknown; invalidReason?: unknown };
    if (typeof luxon.toMillis === 'function') {
      if (luxon.isValid === false) {
        throw new SlaclockError('invalid_instant', `Expected a valid DateTime, got an invalid one (${quoteValue(luxon.invalidReason)})`, path);
      }
      ms = luxon.toMillis();
      if (typeof ms !== 'number' || Number.isNaN(ms)) throw new SlaclockError('invalid_instant', `Expected toMillis() to return epoch milliseconds, got ${describeReceived(ms)}`, path);
      return checkEpochMs(ms, path, false);
    }
    const tag = Object.prototype.toString.call(input);
    if (/Temporal\.Plain/.test(tag)) {
      throw new SlaclockError('invalid_instant', `Expected an exact instant, got a ${tag.slice(8, -1)}, which has no time zone (convert it with toZonedDateTime(zone) first)`, path);
    }
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    const what = isInstanceOf(input, Date) ? 'an object that inherits from Date but is no Date' : 'an object that throws when read';
    throw new SlaclockError('invalid_instant', `Expected ${FORMS}, got ${what}`, path);
  }
  throw new SlaclockError('invalid_instant', `Expected ${FORMS}, got ${describeReceived(input)}`, path);
}

function parseIsoInstant(text: string, path: IssuePath): number {
  const trimmed = text.length > 200 ? text : text.trim();
  const match = ISO_WITH_OFFSET.exec(trimmed);
  if (!match) {
    const hint = ISO_WITHOUT_OFFSET.test(trimmed) ? ' (it has no offset: add "Z" or an offset such as "-07:00")' : '';
    throw new SlaclockError('invalid_instant', `Expected an ISO-8601 date-time with an offset, got ${quoteValue(text)}${hint}`, path);
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset = 'Z', annotations = ''] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 24 && minute <= 59 && second <= 59 &&
    (hour < 24 || (minute === 0 && second === 0 && /^0*$/.test(fraction)));
  if (!valid) throw new SlaclockError('invalid_instant', `Expected a real date-time, got ${quoteValue(text)}`, path);
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000 + 1e-6);
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const offsetMs = parseOffsetMs(offset);
  if (Number.isNaN(offsetMs)) throw new SlaclockError('invalid_instant', `Expected a UTC offset from -23:59 to +23:59, got ${quoteValue(offset)} in ${quoteValue(text)}`, path);
  const ms = wall - offsetMs;
  if (annotations !== '') checkAnnotations(annotations, ms, offset, offsetMs, text, path);
  return ms;
}

function parseOffsetMs(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  const seconds = Number(digits.slice(4, 6) || '0');
  return hours <= 23 && minutes <= 59 && seconds <= 59 ? sign * ((hours * 60 + minutes) * 60 + seconds) * 1000 : Number.NaN;
}

// RFC 9557: one time-zone annotation, whose offset at the instant must be the string's
// (Temporal rounds sub-minute offsets to the minute when it prints, so that also
// matches); `[key=value]` annotations are ignored unless marked critical with "!".
function checkAnnotations(annotations: string, ms: number, offset: string, offsetMs: number, text: string, path: IssuePath): void {
  let zoneSeen = false;
  for (const [, critical, key = '', value] of annotations.matchAll(ANNOTATION)) {
    if (value !== undefined) {
      if (critical && key !== 'u-ca') throw new SlaclockError('invalid_instant', `Expected no critical annotation other than the time zone, got [!${quoteValue(key).slice(1, -1)}=…] in ${quoteValue(text)}`, path);
      continue;
    }
    if (zoneSeen) throw new SlaclockError('invalid_instant', `Expected at most one time-zone annotation, got ${quoteValue(text)}`, path);
    zoneSeen = true;
    if (offset.toUpperCase() === 'Z') continue; // "Z" names the instant; the zone only says how to show it
    const zoneOffset = /^[+-]\d{2}(?::?\d{2})?$/.test(key) ? parseOffsetMs(key) : Zone.of(key, path).offsetAt(checkRange(ms, text, path));
    const written = offsetMs;
    const hasSeconds = offset.replace(/:/g, '').length > 5;
    const matches = written === zoneOffset || (!hasSeconds && written === Math.round(zoneOffset / 60_000) * 60_000);
    if (!matches) {
      throw new SlaclockError(
        'invalid_instant',
        `The offset ${offset} of ${quoteValue(text)} is not ${key}'s offset at that instant (${formatOffset(zoneOffset)}); fix the offset or the zone`,
        path,
      );
    }
  }
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(ms) / 1000;
  const hh = String(Math.floor(total / 3600)).padStart(2, '0');
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = total % 60;
  return `${sign}${hh}:${mm}${ss === 0 ? '' : `:${String(ss).padStart(2, '0')}`}`;
}
