import { SlaclockError } from '../errors.js';
import { quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';
import { MINUTES_PER_DAY } from './civil.js';

/**
 * Minute of the day of an `"HH:MM"` wall-clock time, `0` to `1440` (`"24:00"`).
 * Throws `invalid_time` for anything else (`"25:00"`, `"24:30"`, `"9:00"`).
 *
 * @example
 * ```ts
 * parseWallTime('17:30'); // 1050
 * ```
 */
export function parseWallTime(text: string, path: readonly (string | number)[] = []): number {
  const match = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  const hours = match ? Number(match[1]) : Number.NaN;
  const minutes = match ? Number(match[2]) : Number.NaN;
  if (!(hours <= 24 && minutes <= 59) || (hours === 24 && minutes !== 0)) {
    const hint = typeof text === 'string' && /^\d:\d{2}$/.test(text) ? ` (write "0${text}")` : '';
    const expected = 'a wall-clock time "HH:MM" from "00:00" to "24:00"';
    const message = typeof text === 'string' ? messages.expectedGot(expected, quoteValue(text)) : messages.expected(expected, text);
    throw new SlaclockError('invalid_time', `${message}${hint}`, path);
  }
  return hours * 60 + minutes;
}

/** `"HH:MM"` of a minute of the day (0..1440). */
export function formatWallTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * Reads a weekly interval `[open, close]` as minutes: `close` is `open < close ? close : close + 1440`,
 * so an overnight shift ends on the next day. Rejects an empty interval and a `"24:00"` open.
 */
export function parseShift(interval: readonly [string, string], path: readonly (string | number)[]): { open: number; close: number } {
  const open = parseWallTime(interval[0], [...path, 0]);
  const close = parseWallTime(interval[1], [...path, 1]);
  if (open === MINUTES_PER_DAY) {
    throw new SlaclockError('empty_interval', '"24:00" can only close an interval, not open one', [...path, 0]);
  }
  if (open === close) {
    throw new SlaclockError('empty_interval', `Expected an interval with open time, got [${quoteValue(interval[0])}, ${quoteValue(interval[1])}], which is empty; use ["00:00", "24:00"] for a whole day`, path);
  }
  return { open, close: close > open ? close : close + MINUTES_PER_DAY };
}
