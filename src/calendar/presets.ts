import type { SlaclockIssue } from '../errors.js';
import { parseShift } from '../time/wallClock.js';
import { messages } from '../util/issues.js';
import { collectIssues, throwAll } from './check.js';
import type { PresetHolidays, WallInterval, WeeklyCalendarSpec, Weekday } from './spec.js';

const ALL_DAY: readonly WallInterval[] = Object.freeze([Object.freeze(['00:00', '24:00'] as const)]);

/**
 * U.S. federal holidays as federal offices observe them (5 U.S.C. 6103): a
 * Saturday holiday is observed on the Friday before, a Sunday one on the Monday
 * after. Use it in a calendar's `holidays`.
 *
 * @example
 * ```ts
 * import { US_FEDERAL_HOLIDAYS, weekdayHours } from 'slaclock';
 * const denver = weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]);
 * ```
 */
export const US_FEDERAL_HOLIDAYS: PresetHolidays = Object.freeze({ preset: 'us-federal' });

/**
 * A calendar that is always open: 24 hours a day, 7 days a week, 365 days a year.
 * Business time on it equals elapsed time.
 *
 * @param timezone Zone for local dates (business days, explanations). @default 'UTC'
 * @example
 * ```ts
 * import { roundTheClock, addBusinessTime } from 'slaclock';
 * addBusinessTime(roundTheClock(), '2026-11-25T23:30Z', { hours: 1 }).toISOString(); // '2026-11-26T00:30:00.000Z'
 * ```
 */
export function roundTheClock(timezone = 'UTC'): WeeklyCalendarSpec {
  return Object.freeze({
    timezone,
    name: '24x7',
    week: Object.freeze({ mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY }),
  });
}

/**
 * Monday-to-Friday hours `open`-`close` in `timezone`, with optional holiday sources.
 *
 * @example
 * ```ts
 * import { weekdayHours, US_FEDERAL_HOLIDAYS } from 'slaclock';
 * const spec = weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]);
 * ```
 */
export function weekdayHours(
  timezone: string,
  open: string,
  close: string,
  holidays: WeeklyCalendarSpec['holidays'] = [],
): WeeklyCalendarSpec {
  // Checked here, at the arguments the caller wrote, rather than five times inside a week.
  const issues: SlaclockIssue[] = [];
  if (typeof timezone !== 'string') issues.push({ code: 'invalid_input', path: ['timezone'], message: messages.expected('a string', timezone) });
  collectIssues(issues, () => parseShift([open, close], []));
  throwAll(issues.map((issue) => ({ ...issue, path: issue.path[0] === 0 ? ['open'] : issue.path[0] === 1 ? ['close'] : issue.path })));
  const hours: readonly WallInterval[] = [[open, close]];
  const week: Partial<Record<Weekday, readonly WallInterval[]>> = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours };
  return { timezone, week, holidays };
}
