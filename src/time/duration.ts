import { SlaclockError } from '../errors.js';
import { describeReceived, isArray, quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';

/**
 * A length of (business) time: an object of non-negative parts, or an
 * ISO-8601 duration with time parts only (`"PT4H"`, `"PT1H30M"`, `"PT0.5S"`).
 * Days are deliberately not accepted here: "a business day" is not 24 hours;
 * use `addBusinessDays` for that.
 */
export type DurationInput =
  | {
      readonly hours?: number | undefined;
      readonly minutes?: number | undefined;
      readonly seconds?: number | undefined;
      readonly milliseconds?: number | undefined;
    }
  | string;

const PART_MS = { hours: 3_600_000, minutes: 60_000, seconds: 1_000, milliseconds: 1 } as const;
const DURATION_PARTS = Object.keys(PART_MS);
const ISO_DURATION = /^PT(?=\d|\.)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?$/i;

/**
 * Converts a {@link DurationInput} to whole milliseconds (fractions round to the
 * nearest millisecond), or throws `invalid_duration`.
 *
 * @example
 * ```ts
 * toDurationMs({ hours: 8 });   // 28800000
 * toDurationMs('PT1H30M');      // 5400000
 * ```
 */
export function toDurationMs(input: DurationInput, path: readonly (string | number)[] = []): number {
  if (typeof input === 'string') return parseIsoDuration(input, path);
  if (input === null || typeof input !== 'object' || isArray(input)) {
    throw new SlaclockError('invalid_duration', `Expected a duration object such as { hours: 4 } or an ISO-8601 duration such as "PT4H", got ${describeReceived(input)}`, path);
  }
  try {
    return objectDurationMs(input, path);
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    throw new SlaclockError('invalid_duration', 'Expected a duration object of plain numbers, got one that throws when read', path);
  }
}

function objectDurationMs(input: Exclude<DurationInput, string>, path: readonly (string | number)[]): number {
  const { hours, minutes, seconds, milliseconds } = input;
  let total = 0;
  let parts = 0;
  if (hours !== undefined) (total += partMs(hours, 'hours', path)), parts++;
  if (minutes !== undefined) (total += partMs(minutes, 'minutes', path)), parts++;
  if (seconds !== undefined) (total += partMs(seconds, 'seconds', path)), parts++;
  if (milliseconds !== undefined) (total += partMs(milliseconds, 'milliseconds', path)), parts++;
  let keys = 0;
  for (const key in input) {
    if (PART_MS[key as keyof typeof PART_MS] === undefined || !Object.prototype.hasOwnProperty.call(input, key)) {
      throw new SlaclockError('invalid_duration', `${messages.unknownKey(key, DURATION_PARTS)}; use hours, minutes, seconds or milliseconds`, [...path, key]);
    }
    keys++;
  }
  if (keys < parts) throw new SlaclockError('invalid_duration', 'Duration parts must be own properties of a plain object', path);
  return parts === 1 && Number.isSafeInteger(total) ? total : checkedRound(total, path);
}

function partMs(value: unknown, key: keyof typeof PART_MS, path: readonly (string | number)[]): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new SlaclockError('invalid_duration', messages.expected('a finite number >= 0', value), [...path, key]);
  }
  return value * PART_MS[key];
}

// Policies repeat a handful of ISO durations ("PT4H") on every call; parsing each once is enough.
const isoCache = new Map<string, number>();
const ISO_CACHE_SIZE = 64;

function parseIsoDuration(text: string, path: readonly (string | number)[]): number {
  const cached = isoCache.get(text);
  if (cached !== undefined) return cached;
  const ms = parseIsoDurationText(text, path);
  if (isoCache.size >= ISO_CACHE_SIZE) isoCache.clear();
  isoCache.set(text, ms);
  return ms;
}

function parseIsoDurationText(text: string, path: readonly (string | number)[]): number {
  const match = ISO_DURATION.exec(text.trim());
  if (!match) {
    throw new SlaclockError('invalid_duration', `Expected an ISO-8601 duration with time parts only, such as "PT4H", got ${quoteValue(text)}`, path);
  }
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const number = (part: string) => Number(part.replace(',', '.'));
  return checkedRound(number(hours) * PART_MS.hours + number(minutes) * PART_MS.minutes + number(seconds) * PART_MS.seconds, path);
}

function checkedRound(ms: number, path: readonly (string | number)[]): number {
  if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER) {
    throw new SlaclockError('invalid_duration', 'Expected a duration of at most 2^53 - 1 milliseconds, got a larger one', path);
  }
  return Math.round(ms);
}
