import { Calendar } from '../calendar/calendar.js';
import type { ExplainingTimeline } from '../calendar/composite.js';
import { SlaclockError } from '../errors.js';
import { isPlainEpochMs, toEpochMs } from '../time/instant.js';
import { describeReceived } from '../util/describe.js';
import { messages } from '../util/issues.js';

// The number-in, number-out fast path for hot loops: a compiled Calendar, whole epoch
// milliseconds and whole milliseconds of duration, no options. Every argument is still
// checked, with a typeof and a range compare on the common path; anything unusual takes
// the same checks as the Date functions, so a bad value is the same SlaclockError. The
// timeline itself rejects an answer outside the supported years (out_of_range).

/**
 * {@link addBusinessTime} for hot loops: epoch milliseconds in, epoch milliseconds out, with
 * the same answer as `addBusinessTime(calendar, startMs, { milliseconds: durationMs }).getTime()`.
 * It lands on the earliest instant (a close when it uses up an interval exactly) and takes no
 * options: for pauses or `landing: 'farthest'`, use `addBusinessTime`. Needs a compiled
 * {@link Calendar} (never a spec: compile once, outside the loop).
 *
 * @throws {SlaclockError} `invalid_input` (not a compiled Calendar), `invalid_instant` (not
 *   whole epoch milliseconds), `invalid_duration` (not whole milliseconds >= 0),
 *   `calendar_never_opens`, `out_of_range`.
 * @example
 * ```ts
 * import { addBusinessTimeMs, compileCalendar } from 'slaclock';
 * const utc = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });
 * const start = Date.UTC(2026, 10, 23, 16); // Mon 16:00Z
 * addBusinessTimeMs(utc, start, 2 * 3_600_000) === Date.UTC(2026, 10, 24, 10); // true: Mon 16-17, Tue 09-10
 * ```
 */
export function addBusinessTimeMs(calendar: Calendar, startMs: number, durationMs: number): number {
  const timeline = timelineArgument(calendar);
  const t = epochMsArgument(startMs, 'startMs');
  const amount = durationArgument(durationMs);
  return amount === 0 ? t : timeline.addOpen(t, amount, false);
}

/**
 * {@link subtractBusinessTime} for hot loops, in epoch milliseconds: the latest instant with
 * `durationMs` of open time between it and `startMs` (it lands on an opening). The same answer
 * as `subtractBusinessTime(calendar, startMs, { milliseconds: durationMs }).getTime()`; no options.
 *
 * @throws {SlaclockError} as {@link addBusinessTimeMs}.
 * @example
 * ```ts
 * import { subtractBusinessTimeMs, compileCalendar } from 'slaclock';
 * const utc = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });
 * subtractBusinessTimeMs(utc, Date.UTC(2026, 10, 24, 10), 3_600_000) === Date.UTC(2026, 10, 24, 9); // true
 * ```
 */
export function subtractBusinessTimeMs(calendar: Calendar, startMs: number, durationMs: number): number {
  const timeline = timelineArgument(calendar);
  const t = epochMsArgument(startMs, 'startMs');
  const amount = durationArgument(durationMs);
  return amount === 0 ? t : timeline.subtractOpen(t, amount, false);
}

/**
 * {@link businessTimeBetween} for hot loops: milliseconds of open time in `[aMs, bMs)`,
 * negative when `bMs < aMs`, `0` (never `-0`) when there is none. The same answer as
 * `businessTimeBetween(calendar, aMs, bMs)`; no pauses.
 *
 * @throws {SlaclockError} `invalid_input` (not a compiled Calendar), `invalid_instant`, `out_of_range`.
 * @example
 * ```ts
 * import { businessTimeBetweenMs, compileCalendar } from 'slaclock';
 * const utc = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } });
 * businessTimeBetweenMs(utc, Date.UTC(2026, 10, 23, 8), Date.UTC(2026, 10, 23, 10)); // 3600000
 * ```
 */
export function businessTimeBetweenMs(calendar: Calendar, aMs: number, bMs: number): number {
  const timeline = timelineArgument(calendar);
  return signedOpenBetween(timeline, epochMsArgument(aMs, 'aMs'), epochMsArgument(bMs, 'bMs'));
}

/** Open milliseconds in `[a, b)`, negative when `b < a`, never `-0`. */
export function signedOpenBetween(timeline: ExplainingTimeline, a: number, b: number): number {
  if (a <= b) return timeline.openBetween(a, b);
  const amount = timeline.openBetween(b, a);
  return amount === 0 ? 0 : -amount;
}

function timelineArgument(calendar: Calendar): ExplainingTimeline {
  if (Calendar.is(calendar)) return Calendar.timelineOf(calendar);
  throw new SlaclockError(
    'invalid_input',
    messages.expected('a compiled Calendar (compileCalendar(spec), once, outside the loop); the Ms functions take no specs', calendar),
    ['calendar'],
  );
}

function epochMsArgument(value: number, name: string): number {
  if (isPlainEpochMs(value)) return value;
  if (typeof value === 'number') return toEpochMs(value, [name]);
  throw new SlaclockError('invalid_instant', `Expected epoch milliseconds as a number, got ${describeReceived(value)}`, [name]);
}

function durationArgument(value: number): number {
  if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) return value;
  throw new SlaclockError('invalid_duration', `Expected whole milliseconds >= 0 as a number, got ${describeReceived(value)}`, ['durationMs']);
}
