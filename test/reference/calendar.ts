/**
 * Reference open time of one local date, written as literally as possible from docs/calendars.md ("The rules").
 * Only the base calendar kind ({ timezone, week, holidays with explicit dates }).
 */
import { dayStart, wallToInstant } from './zone.js';

export type RefWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type RefInterval = [string, string];
export type RefHoliday = { date: string; name?: string } | { date: string; hours: RefInterval[]; name?: string };
export type RefSpec = {
  timezone: string;
  week: Partial<Record<RefWeekday, RefInterval[]>>;
  holidays?: RefHoliday[];
  name?: string;
};

/** Weekday names indexed like Date#getUTCDay (0 = Sunday). */
export const WEEKDAY_BY_UTC_DAY: readonly RefWeekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A local date is a day number: days since 1970-01-01. */
export function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY;
}
export function ymdOf(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
function weekdayOf(day: number): RefWeekday {
  return WEEKDAY_BY_UTC_DAY[new Date(day * DAY).getUTCDay()]!;
}

/** "09:30" -> 570, "24:00" -> 1440. */
export function wallMinutes(hhmm: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(hhmm);
  if (!match) throw new Error(`reference: bad wall time ${hhmm}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new Error(`reference: bad wall time ${hhmm}`);
  return minutes;
}

/** Sort and join overlapping or touching ranges, so touching intervals form one run. */
function mergeTouching(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((p, q) => p[0] - q[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * The open wall ranges [start, end) of local date `day`, in minutes of that date (0..1440).
 */
export function openWallRanges(spec: RefSpec, day: number): Array<[number, number]> {
  const special = (spec.holidays ?? []).find((h) => h.date === isoDate(day));

  // A partial date defines exactly its open time; nothing spills into it.
  if (special !== undefined && 'hours' in special) {
    return mergeTouching(
      special.hours.map(([s, e]) => {
        const [start, end] = [wallMinutes(s), wallMinutes(e)];
        if (!(start < end)) throw new Error('reference: partial-day intervals do not run overnight');
        return [start, end];
      }),
    );
  }
  // A holiday closes the whole date.
  if (special !== undefined) return [];

  const ranges: Array<[number, number]> = [];
  // This weekday's intervals; an overnight one (or one ending "00:00") counts until 24:00 today.
  for (const [s, e] of spec.week[weekdayOf(day)] ?? []) {
    const [start, end] = [wallMinutes(s), wallMinutes(e)];
    if (start === end || start === 1440) throw new Error('reference: empty interval');
    ranges.push(start < end ? [start, end] : [start, 1440]);
  }
  // The after-midnight part of the previous weekday's overnight shifts ("00:00" ends do not spill).
  for (const [s, e] of spec.week[weekdayOf(day - 1)] ?? []) {
    const [start, end] = [wallMinutes(s), wallMinutes(e)];
    if (end < start && end > 0) ranges.push([0, end]);
  }
  return mergeTouching(ranges);
}

/**
 * The instants a local date owns: from its start to the next date's start (docs/calendars.md,
 * rule 3). Empty for a date the zone skips.
 */
export function dateExtent(timezone: string, day: number): [number, number] {
  const start = ymdOf(day);
  const next = ymdOf(day + 1);
  return [dayStart(timezone, start.y, start.m, start.d), dayStart(timezone, next.y, next.m, next.d)];
}

/**
 * The open instant ranges [start, end) in epoch ms of local date `day` (empty ones dropped):
 * each wall range mapped 'compatible', then cut to the date's own instants.
 */
export function openInstantRanges(spec: RefSpec, day: number, requireMinuteGrid = true): Array<[number, number]> {
  const { y, m, d } = ymdOf(day);
  const [from, to] = dateExtent(spec.timezone, day);
  const clip = (t: number) => Math.min(Math.max(t, from), to);
  const result: Array<[number, number]> = [];
  for (const [s, e] of openWallRanges(spec, day)) {
    // 00:00 is where the date begins, like the previous date's 24:00 (rule 1: runs across midnight).
    const start = s === 0 ? from : clip(wallToInstant(spec.timezone, y, m, d, s));
    const end = clip(wallToInstant(spec.timezone, y, m, d, e));
    if (requireMinuteGrid && (start % MINUTE !== 0 || end % MINUTE !== 0)) throw new Error('reference: zone offset is not whole minutes');
    if (end > start) result.push([start, end]);
  }
  return result;
}
