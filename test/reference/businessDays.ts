/**
 * Reference business days (docs/calendars.md, rule 8), read literally: a business day is a
 * local date with any open time; counting starts on the day after the start's local date.
 * Works on a {@link RefWindow}, so it answers at millisecond precision in any zone.
 */
import { dateExtent, ymdOf } from './calendar.js';
import type { RefWindow } from './window.js';
import { offsetMs, wallToInstant } from './zone.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

export type RefBusinessDayRule = 'end-of-day' | 'same-time' | 'start-of-day';

/** The local date (day number) whose instants include t. */
export function localDateOf(timezone: string, t: number): number {
  const guess = Math.floor((t + offsetMs(timezone, t)) / DAY);
  for (let day = guess - 2; day <= guess + 2; day++) {
    const [from, to] = dateExtent(timezone, day);
    if (from <= t && t < to) return day;
  }
  throw new Error(`reference: no local date holds ${t} in ${timezone}`);
}

function isBusinessDay(window: RefWindow, day: number): boolean {
  return window.rangesOf(day).length > 0;
}

function endOfDay(window: RefWindow, day: number): number | undefined {
  const ranges = window.rangesOf(day);
  const end = ranges.length === 0 ? undefined : Math.max(...ranges.map(([, e]) => e));
  return end !== undefined && end <= window.to ? end : undefined;
}

/** `undefined` when the answer would leave the window. */
export function refAddBusinessDays(window: RefWindow, start: number, n: number, rule: RefBusinessDayRule): number | undefined {
  const zone = window.spec.timezone;
  if (start < window.from || start >= window.to) return undefined;
  if (n === 0) {
    const open = window.nextOpen(start);
    if (open === undefined) return undefined;
    return rule === 'end-of-day' ? endOfDay(window, localDateOf(zone, open)) : open;
  }
  let day = localDateOf(zone, start);
  for (let counted = 0; counted < n; ) {
    day++;
    if (dateExtent(zone, day)[0] >= window.to) return undefined;
    if (isBusinessDay(window, day)) counted++;
  }
  if (rule === 'end-of-day') return endOfDay(window, day);
  if (rule === 'start-of-day') return window.nextOpen(dateExtent(zone, day)[0]);
  // same-time: the start's wall-clock time of day (what the clock showed, also where it went
  // back across midnight), on that date, read 'compatible'.
  const wall = start + offsetMs(zone, start);
  const timeOfDay = wall - Math.floor(wall / DAY) * DAY;
  const { y, m, d } = ymdOf(day);
  return window.nextOpen(wallToInstant(zone, y, m, d, timeOfDay / MINUTE));
}
