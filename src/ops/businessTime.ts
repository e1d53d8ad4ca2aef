import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { toDurationMs, type DurationInput } from '../time/duration.js';
import { isPlainEpochMs, toEpochMs, type Instant } from '../time/instant.js';
import { readOptions } from '../util/options.js';
import { signedOpenBetween } from './fast.js';
import { readLanding, type BetweenOptions, type BusinessTimeOptions } from './options.js';
import { type Pause, addCounted, countedBetween, nextCounting, normalizePauses, previousCountingEnd, subtractCounted } from './pauses.js';

/**
 * The instant at which `duration` of open time has elapsed after `start`.
 *
 * By default the earliest such instant: using up exactly the rest of an interval
 * lands on its close (`landing: 'farthest'` returns the next opening instead).
 * Adding zero returns `start` unchanged. Paused windows never count.
 *
 * @throws {SlaclockError} `invalid_instant`, `invalid_duration`, `invalid_option`,
 *   `calendar_never_opens` (the duration can never elapse), `out_of_range`.
 * @example
 * ```ts
 * import { addBusinessTime } from 'slaclock';
 * const officeHours = { timezone: 'America/Denver', week: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] } };
 * addBusinessTime(officeHours, '2026-11-20T16:00-07:00', { hours: 2 }).toISOString();
 * // '2026-11-23T17:00:00.000Z'  (Fri 16:00-17:00, then Mon 09:00-10:00 MST)
 * ```
 */
export function addBusinessTime(
  calendar: Calendar | CalendarSpec,
  start: Instant,
  duration: DurationInput,
  options?: BusinessTimeOptions,
): Date {
  const timeline = timelineOf(calendar);
  const t = toEpochMs(start, ['start']);
  const amount = toDurationMs(duration, ['duration']);
  const read = readOptions(options, TIME_OPTION_KEYS);
  const farthest = readLanding(read);
  if (amount === 0) return new Date(t);
  if (read.pauses === undefined) return new Date(checkedResult(timeline.addOpen(t, amount, farthest)));
  const pauses = normalizePauses(read.pauses as readonly Pause[], ['options', 'pauses']);
  const nearest = addCounted(timeline, t, amount, pauses);
  return new Date(farthest ? requireInstant(nextCounting(timeline, nearest, pauses), 'The calendar never opens again after the deadline') : nearest);
}

/**
 * The instant `duration` of open time before `start`: by default the latest such
 * instant, which lands on an opening (`landing: 'farthest'`: the previous close).
 * Subtracting zero returns `start` unchanged.
 *
 * @example
 * ```ts
 * import { subtractBusinessTime } from 'slaclock';
 * const officeHours = { timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } };
 * subtractBusinessTime(officeHours, '2026-11-24T10:00Z', { hours: 1 }).toISOString(); // '2026-11-24T09:00:00.000Z'
 * subtractBusinessTime(officeHours, '2026-11-24T10:00Z', { hours: 1 }, { landing: 'farthest' }).toISOString(); // '2026-11-23T17:00:00.000Z'
 * ```
 */
export function subtractBusinessTime(
  calendar: Calendar | CalendarSpec,
  start: Instant,
  duration: DurationInput,
  options?: BusinessTimeOptions,
): Date {
  const timeline = timelineOf(calendar);
  const t = toEpochMs(start, ['start']);
  const amount = toDurationMs(duration, ['duration']);
  const read = readOptions(options, TIME_OPTION_KEYS);
  const farthest = readLanding(read);
  if (amount === 0) return new Date(t);
  if (read.pauses === undefined) return new Date(checkedResult(timeline.subtractOpen(t, amount, farthest)));
  const pauses = normalizePauses(read.pauses as readonly Pause[], ['options', 'pauses']);
  const nearest = subtractCounted(timeline, t, amount, pauses);
  return new Date(farthest ? requireInstant(previousCountingEnd(timeline, nearest, pauses), 'The calendar was never open before this instant') : nearest);
}

/**
 * Milliseconds of open (and unpaused) time in `[a, b)`; negative when `b < a`, and
 * `0` (never `-0`) when there is none.
 *
 * @example
 * ```ts
 * import { businessTimeBetween } from 'slaclock';
 * const officeHours = { timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } };
 * businessTimeBetween(officeHours, '2026-11-23T08:00Z', '2026-11-23T14:00Z'); // 14400000 (09-12 and 13-14)
 * ```
 */
export function businessTimeBetween(calendar: Calendar | CalendarSpec, a: Instant, b: Instant, options?: BetweenOptions): number {
  // Epoch milliseconds and no options (the hot loop): nothing to read or allocate.
  if (options === undefined && isPlainEpochMs(a) && isPlainEpochMs(b)) return signedOpenBetween(timelineOf(calendar), a, b);
  const timeline = timelineOf(calendar);
  const from = toEpochMs(a, ['a']);
  const to = toEpochMs(b, ['b']);
  const pauses = normalizePauses(readOptions(options, BETWEEN_OPTION_KEYS).pauses as readonly Pause[] | undefined, ['options', 'pauses']);
  const forward = from <= to;
  const amount = countedBetween(timeline, forward ? from : to, forward ? to : from, pauses);
  return amount === 0 ? 0 : forward ? amount : -amount;
}

const TIME_OPTION_KEYS = ['pauses', 'landing'] as const;
const BETWEEN_OPTION_KEYS = ['pauses'] as const;

// An answer past the supported years is an error, never an Invalid Date.
function checkedResult(ms: number): number {
  if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) return ms;
  throw new SlaclockError('out_of_range', 'The answer lies beyond the supported years 1900 to 2399');
}

/** Asserts a value from a search that cannot fail once the calendar is known to open. */
export function requireInstant(value: number | null, message: string): number {
  if (value === null) throw new SlaclockError('calendar_never_opens', message);
  return value;
}
