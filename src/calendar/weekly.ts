import { formatPath, SlaclockError, type SlaclockIssue } from '../errors.js';
import { daysFromCivil, MINUTES_PER_DAY, weekdayOfDays } from '../time/civil.js';
import { quoteValue } from '../util/describe.js';
import type { Zone } from '../zone/zone.js';
import { findOverlaps, type DateRule, type DateRules } from './dateRules.js';
import { WEEKDAYS } from './spec.js';
import { normalizeRanges, Timeline } from './timeline.js';

type Path = readonly (string | number)[];
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** A weekly calendar spec, read: its zone, its weekly hours per weekday ({@link weekDays}) and its date rules. */
export interface WeeklyParts {
  readonly zone: Zone;
  readonly name: string | undefined;
  readonly days: readonly (readonly number[])[];
  readonly rules: DateRules;
}

/**
 * A calendar of weekly hours in one zone with date rules, compiled to a
 * {@link Timeline}. Open time of local date X: X's intervals up to 24:00, plus
 * the after-midnight part of the previous weekday's overnight shifts, unless a
 * date rule for X says otherwise; each mapped to instants 'compatible' and kept
 * within the instants that are X's own (docs/calendars.md, rule 3).
 */
export class WeeklyTimeline extends Timeline {
  readonly name: string | undefined;
  readonly alwaysOpen: boolean;
  /** Per weekday (0 = Monday), the open minutes of the day as flat sorted ranges. */
  readonly #days: readonly (readonly number[])[];
  /** The date rules: explicit dates, regional and preset holidays. */
  readonly rules: DateRules;

  /** The calendar of a spec read and checked at `path` (src/calendar/check.ts). */
  constructor({ zone, name, days, rules }: WeeklyParts, path: Path) {
    const weeklyMinutes = days.reduce((sum, ranges) => sum + rangesLength(ranges), 0);
    // Without weekly hours only partial days open, and a closed date can only take time
    // away: the years of the dates that open bound every search.
    super(
      zone,
      weeklyMinutes === 0 ? rules.firstOpeningYear : rules.firstExplicitYear,
      weeklyMinutes === 0 ? rules.lastOpeningYear : rules.lastExplicitYear,
    );
    this.name = name;
    this.rules = rules;
    this.#days = days;
    this.alwaysOpen = weeklyMinutes === MINUTES_PER_WEEK && rules.isEmpty;
    if (weeklyMinutes === 0 && !rules.opensOnSomeDate) {
      throw new SlaclockError('calendar_never_opens', 'The calendar has no open hours on any weekday and no partial day that opens', [...path, 'week']);
    }
  }

  protected buildYear(year: number): number[] {
    const flat: number[] = [];
    const first = daysFromCivil(year, 1, 1);
    const last = daysFromCivil(year + 1, 1, 1);
    let dayStart = this.zone.dayStart(first);
    for (let day = first; day < last; day++) {
      const dayEnd = this.zone.dayStart(day + 1);
      // A date the zone skips (Apia 2011-12-30) owns no instants, so it has no open time.
      const ranges = dayEnd > dayStart ? this.wallRanges(day, year) : [];
      for (let k = 0; k < ranges.length; k += 2) {
        // 'compatible' moves a time in a gap later; it stays within the date's own instants,
        // never reaching the next date's (Kiritimati 1994-12-30 22:00-24:00 ends at 1994-12-31T10:00Z).
        // 00:00 is where the date begins (also where midnight is in a gap), so a run across midnight stays one run.
        const start = ranges[k] === 0 ? dayStart : clamp(this.zone.toInstant(day, ranges[k] as number), dayStart, dayEnd);
        const end = clamp(this.zone.toInstant(day, ranges[k + 1] as number), dayStart, dayEnd);
        if (end > start) flat.push(start, end);
      }
      dayStart = dayEnd;
    }
    // DST gaps can reorder or join mapped ranges within a date; sorting and merging restores the invariant.
    return normalizeRanges(flat);
  }

  /** The open minutes of a local date, after its date rule: flat sorted ranges. */
  wallRanges(day: number, year: number): readonly number[] {
    const weekly = this.#days[weekdayOfDays(day)] as readonly number[];
    const rule: DateRule | undefined = this.rules.ruleFor(day, year);
    if (!rule) return weekly;
    if (rule.kind === 'closed') return [];
    if (rule.kind === 'hours') return rule.ranges;
    return clipRanges(weekly, rule.minute);
  }
}

/**
 * Per weekday (0 = Monday), its open minutes as flat sorted ranges: its own intervals up
 * to 24:00 plus the previous weekday's overnight spill. The shifts do not overlap
 * ({@link overlapIssues} found none).
 */
export function weekDays(shifts: readonly WeekShift[]): number[][] {
  const days: number[][] = WEEKDAYS.map(() => []);
  for (const { start, end } of shifts) {
    for (let from = start; from < end; ) {
      const dayIndex = Math.floor(from / MINUTES_PER_DAY);
      const dayEnd = (dayIndex + 1) * MINUTES_PER_DAY;
      const to = Math.min(end, dayEnd);
      (days[dayIndex % 7] as number[]).push(from - dayIndex * MINUTES_PER_DAY, to - dayIndex * MINUTES_PER_DAY);
      from = to;
    }
  }
  return days.map(normalizeRanges);
}

/** One weekly interval placed on the week: minutes from Monday 00:00, as written at `path`. */
export interface WeekShift {
  readonly start: number;
  readonly end: number;
  readonly path: Path;
  /** The interval as the caller wrote it. */
  readonly interval: readonly [string, string];
}

/** Places an interval of weekday `index` (0 = Monday), already read by `parseShift`, on the week. */
export function weekShift(index: number, interval: readonly [string, string], shift: { open: number; close: number }, path: Path): WeekShift {
  return { start: index * MINUTES_PER_DAY + shift.open, end: index * MINUTES_PER_DAY + shift.close, path, interval };
}

/**
 * Every interval that overlaps one before it on the week (overnight parts included;
 * shifts live on a circular week, so Sunday's overnight shift runs into Monday): one
 * issue per overlapping interval, at its path, naming the interval it overlaps.
 */
export function overlapIssues(shifts: readonly WeekShift[]): SlaclockIssue[] {
  const pieces = shifts.flatMap((shift) =>
    shift.end > MINUTES_PER_WEEK
      ? [{ ...shift, end: MINUTES_PER_WEEK }, { ...shift, start: 0, end: shift.end - MINUTES_PER_WEEK }]
      : [shift],
  );
  return findOverlaps(pieces).map(({ item, overlaps }) => ({
    code: 'overlapping_intervals',
    path: item.path,
    message: 'Open intervals overlap (overnight parts included)',
    expected: `an interval that does not overlap ${formatPath(overlaps.path)} ${quoteValue(overlaps.interval)}`,
    received: quoteValue(item.interval),
  }));
}

function clipRanges(ranges: readonly number[], until: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k] as number;
    const end = Math.min(ranges[k + 1] as number, until);
    if (end > start) out.push(start, end);
  }
  return out;
}

function clamp(t: number, from: number, to: number): number {
  return t < from ? from : t > to ? to : t;
}

function rangesLength(ranges: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < ranges.length; k += 2) total += (ranges[k + 1] as number) - (ranges[k] as number);
  return total;
}
