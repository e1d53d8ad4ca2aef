import { SlaclockError, type IssuePath, type SlaclockIssue } from '../errors.js';
import { parseShift } from '../time/wallClock.js';
import { issuesOf } from '../util/checks.js';
import { Zone } from '../zone/zone.js';
import { DateRules, mergeExplicit, readHolidaySource, type DateRule, type YearlySource } from './dateRules.js';
import type { HolidayRegions } from './holidays/provider.js';
import { WEEKDAYS, weeklySpecShape } from './spec.js';
import { overlapIssues, weekDays, weekShift, type WeeklyParts, type WeekShift } from './weekly.js';

/**
 * A weekly calendar spec read in one pass that finds every problem: its shape, its zone,
 * each interval's times and each holiday entry, and the problems between fields among the
 * entries that are right on their own (overlapping intervals, a date listed twice with
 * different meanings), all thrown together. Only a week that never opens is left for the
 * compiled calendar to find, once everything else is right.
 */
export function readWeeklySpec(spec: object, path: IssuePath, holidayRegions: HolidayRegions | undefined): WeeklyParts {
  const issues = issuesOf(weeklySpecShape, spec, path);
  const fields = spec as Record<string, unknown>;
  // Unknown keys say nothing about the known fields beside them, so those are still checked.
  const reported = issues.filter((issue) => issue.keys === undefined).map((issue) => issue.path);
  const collect = <T>(check: () => T) => collectIssues(issues, check, reported);
  const zone = typeof fields.timezone === 'string' ? collect(() => Zone.of(fields.timezone as string, [...path, 'timezone'])) : undefined;
  const week = fields.week;
  const shifts: WeekShift[] = [];
  if (week !== null && typeof week === 'object') {
    WEEKDAYS.forEach((weekday, day) => {
      const intervals = (week as Record<string, unknown>)[weekday];
      if (!Array.isArray(intervals)) return;
      intervals.forEach((interval, index) => {
        if (Array.isArray(interval) && interval.length === 2 && interval.every((time) => typeof time === 'string')) {
          const at = [...path, 'week', weekday, index];
          const shift = collect(() => parseShift(interval as [string, string], at));
          // An interval the schema already rejected is left out of the overlap check.
          if (shift !== undefined && !reported.some((seen) => isPrefix(seen, at))) shifts.push(weekShift(day, interval as [string, string], shift, at));
        }
      });
    });
    issues.push(...overlapIssues(shifts));
  }
  const dated = new Map<number, DateRule>();
  const yearly: YearlySource[] = [];
  if (Array.isArray(fields.holidays)) {
    fields.holidays.forEach((source, index) => {
      const at = [...path, 'holidays', index];
      const entry = collect(() => readHolidaySource(source, at, holidayRegions));
      if (entry === undefined) return;
      if ('yearly' in entry) {
        yearly.push(entry.yearly);
        return;
      }
      const rule = collect(() => mergeExplicit(dated.get(entry.day), entry.rule, [...at, 'date']));
      if (rule !== undefined) dated.set(entry.day, rule);
    });
  }
  throwAll(issues);
  // No issue: the shape check saw a zone name and an optional string name.
  return { zone: zone as Zone, name: fields.name as string | undefined, days: weekDays(shifts), rules: new DateRules(dated, yearly) };
}

/**
 * Runs a check, adding the issues of a SlaclockError it throws to `issues` (unless one
 * was already reported at the same path or a parent of it) and returning `undefined`;
 * returns the check's result otherwise. Anything else it throws is thrown on.
 */
export function collectIssues<T>(issues: SlaclockIssue[], check: () => T, reported: IssuePath[] = []): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof SlaclockError)) throw error;
    for (const issue of error.issues) {
      if (reported.some((seen) => isPrefix(seen, issue.path))) continue;
      issues.push(issue);
    }
    return undefined;
  }
}

/** Throws the issues as one SlaclockError when there are any. */
export function throwAll(issues: readonly SlaclockIssue[]): void {
  if (issues.length > 0) throw SlaclockError.of(issues);
}

function isPrefix(prefix: IssuePath, path: IssuePath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => part === path[index]);
}
