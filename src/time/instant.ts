import { SlaclockError } from '../errors.js';
import { daysFromCivil, daysInMonth, MS_PER_DAY } from './civil.js';

/**
 * An instant in time: a `Date`, epoch milliseconds, or an ISO-8601 string that
 * carries an offset or `Z` (`"2026-11-25T15:00-07:00"`). A string without an
 * offset is rejected, because it would name a different instant in every zone.
 */
export type Instant = Date | number | string;

// Date, optional time with minutes, optional seconds and fraction, then a mandatory offset.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Converts an {@link Instant} to epoch milliseconds, or throws `invalid_instant`.
 *
 * @example
 * ```ts
 * toEpochMs('2026-11-25T15:00-07:00'); // 1795644000000
 * ```
 */
export function toEpochMs(input: Instant, path: readonly (string | number)[] = []): number {
  if (typeof input === 'number') {
    if (Number.isInteger(input)) return input;
    throw new SlaclockError('invalid_instant', `Expected whole epoch milliseconds, got ${String(input)}`, path);
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isFinite(ms)) return ms;
    throw new SlaclockError('invalid_instant', 'Expected a valid Date, got an Invalid Date', path);
  }
  if (typeof input === 'string') return parseIsoInstant(input, path);
  throw new SlaclockError('invalid_instant', `Expected a Date, epoch milliseconds or an ISO-8601 string, got ${typeof input}`, path);
}

function parseIsoInstant(text: string, path: readonly (string | number)[]): number {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.test(text.trim())
      ? ' (it has no offset: add "Z" or an offset such as "-07:00")'
      : '';
    throw new SlaclockError('invalid_instant', `Expected an ISO-8601 date-time with an offset, got "${text}"${hint}`, path);
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 24 && minute <= 59 && second <= 59 &&
    (hour < 24 || (minute === 0 && second === 0 && /^0*$/.test(fraction)));
  if (!valid) throw new SlaclockError('invalid_instant', `"${text}" is not a real date-time`, path);
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000 + 1e-6);
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const offsetMinutes = parseOffsetMinutes(offset);
  if (Number.isNaN(offsetMinutes)) throw new SlaclockError('invalid_instant', `"${text}" has an impossible UTC offset`, path);
  return wall - offsetMinutes * 60_000;
}

function parseOffsetMinutes(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return hours <= 23 && minutes <= 59 ? sign * (hours * 60 + minutes) : Number.NaN;
}

