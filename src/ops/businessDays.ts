import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import type { Timeline } from '../calendar/timeline.js';
import { SlaclockError } from '../errors.js';
import { MS_PER_DAY } from '../time/civil.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { messages } from '../util/issues.js';
import { requireInstant } from './businessTime.js';
import { readOptions } from '../util/options.js';

/**
 * What "N business days after the start" means. A business day is a local date
 * (in the calendar's zone) with any open time; the count starts on the day after
 * the start's local date.
 *
 * - `'end-of-day'`: the last close of the Nth business day ("within 2 business
 *   days" = by the end of the second business day after today). With N = 0: the
 *   end of the first business day, from today on, that still has open time at or
 *   after the start.
 * - `'same-time'`: the start's local wall-clock time on the Nth business day,
 *   moved on to the next opening when that time is closed ("24 hours, business
 *   days only"). With N = 0: the next opening from the start.
 * - `'start-of-day'`: the first opening of the Nth business day ("next business
 *   day" = when the desk opens on the next business day). With N = 0: the next
 *   opening from the start.
 */
export type BusinessDayRule = 'end-of-day' | 'same-time' | 'start-of-day';

/** The business-day rules, in the order the docs present them. */
export const BUSINESS_DAY_RULES: readonly BusinessDayRule[] = Object.freeze(['end-of-day', 'same-time', 'start-of-day']);

/** More business days than the supported years hold: a larger count can only run out of range. */
const MAX_BUSINESS_DAYS = 500 * 366;

/** Options of {@link addBusinessDays}. */
export interface BusinessDaysOptions {
  /** See {@link BusinessDayRule}. @default 'end-of-day' */
  readonly rule?: BusinessDayRule | undefined;
}

/**
 * The deadline `n` business days after `start`, by a named {@link BusinessDayRule}.
 *
 * @example
 * ```ts
 * import { addBusinessDays } from 'slaclock';
 * const weekdays = { timezone: 'America/Denver', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };
 * // Friday 15:00 -> the next business day is Monday
 * addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1).toISOString();                          // '2026-11-24T00:00:00.000Z' (Mon 17:00 MST)
 * addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1, { rule: 'same-time' }).toISOString();    // '2026-11-23T22:00:00.000Z' (Mon 15:00)
 * addBusinessDays(weekdays, '2026-11-20T15:00-07:00', 1, { rule: 'start-of-day' }).toISOString(); // '2026-11-23T16:00:00.000Z' (Mon 09:00)
 * ```
 */
export function addBusinessDays(calendar: Calendar | CalendarSpec, start: Instant, n: number, options?: BusinessDaysOptions): Date {
  const timeline = timelineOf(calendar);
  const t = toEpochMs(start, ['start']);
  if (!Number.isInteger(n) || n < 0 || n > MAX_BUSINESS_DAYS) {
    throw new SlaclockError('invalid_input', messages.expected(`a whole number of business days from 0 to ${MAX_BUSINESS_DAYS}`, n), ['n']);
  }
  const rule = (readOptions(options, ['rule']).rule ?? 'end-of-day') as BusinessDayRule;
  if (!BUSINESS_DAY_RULES.includes(rule)) {
    throw new SlaclockError('invalid_option', messages.oneOf(BUSINESS_DAY_RULES, rule), ['options', 'rule']);
  }
  return new Date(businessDaysOn(timeline, t, n, rule));
}

/** @internal {@link addBusinessDays} on a compiled timeline, with checked arguments; epoch ms. */
export function businessDaysOn(timeline: Timeline, t: number, n: number, rule: BusinessDayRule): number {
  const startDay = timeline.zone.dateOf(t);
  if (n === 0) {
    if (rule !== 'end-of-day') return nextOpening(timeline, t);
    return endOfDay(timeline, timeline.zone.dateOf(nextOpening(timeline, t)));
  }
  let day = startDay;
  for (let counted = 0; counted < n; counted++) day = nextBusinessDay(timeline, day + 1);
  if (rule === 'end-of-day') return endOfDay(timeline, day);
  if (rule === 'start-of-day') return nextOpening(timeline, dayStart(timeline, day));
  const timeOfDay = timeline.zone.localTimeOfDay(t);
  return nextOpening(timeline, timeline.zone.wallToInstant(day * MS_PER_DAY + timeOfDay));
}

function dayStart(timeline: Timeline, day: number): number {
  return timeline.zone.dayStart(day);
}

// The first local date from `day` on with open time: the date of the next opening.
function nextBusinessDay(timeline: Timeline, day: number): number {
  return timeline.zone.dateOf(nextOpening(timeline, dayStart(timeline, day)));
}

function nextOpening(timeline: Timeline, t: number): number {
  return requireInstant(timeline.nextOpen(t), 'The calendar never opens again, so no business day follows');
}

// The last instant of open time on a business day (the end of its last range).
function endOfDay(timeline: Timeline, day: number): number {
  const ranges = timeline.rangesWithin(dayStart(timeline, day), dayStart(timeline, day + 1));
  return ranges[ranges.length - 1] as number;
}
