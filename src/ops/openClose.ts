import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { toEpochMs, type Instant } from '../time/instant.js';

/**
 * Whether the calendar is open at `t` (intervals are half-open: open at 09:00, closed at 17:00).
 *
 * @example
 * ```ts
 * import { isOpen } from 'slaclock';
 * const cal = { timezone: 'Asia/Kolkata', week: { mon: [['09:30', '18:00']] } };
 * isOpen(cal, '2026-11-23T09:30+05:30'); // true
 * isOpen(cal, '2026-11-23T18:00+05:30'); // false
 * ```
 */
export function isOpen(calendar: Calendar | CalendarSpec, t: Instant): boolean {
  return timelineOf(calendar).isOpen(toEpochMs(t, ['t']));
}

/**
 * `t` itself when the calendar is open at `t`, else the next opening; `null`
 * when the calendar never opens again.
 *
 * @example
 * ```ts
 * import { nextOpen } from 'slaclock';
 * const cal = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };
 * nextOpen(cal, '2026-11-21T12:00Z')?.toISOString(); // '2026-11-23T09:00:00.000Z'
 * ```
 */
export function nextOpen(calendar: Calendar | CalendarSpec, t: Instant): Date | null {
  const result = timelineOf(calendar).nextOpen(toEpochMs(t, ['t']));
  return result === null ? null : new Date(result);
}

/**
 * The end of the open run containing `t`, or of the next run when `t` is closed;
 * touching intervals (also across midnight) are one run. `null` when there is no
 * such instant, e.g. for a round-the-clock calendar.
 *
 * @example
 * ```ts
 * import { nextClose } from 'slaclock';
 * const nights = { timezone: 'UTC', week: { mon: [['22:00', '06:00']], tue: [['06:00', '08:00']] } };
 * nextClose(nights, '2026-11-23T23:00Z')?.toISOString(); // '2026-11-24T08:00:00.000Z'
 * ```
 */
export function nextClose(calendar: Calendar | CalendarSpec, t: Instant): Date | null {
  const result = timelineOf(calendar).nextClose(toEpochMs(t, ['t']));
  return result === null ? null : new Date(result);
}
