import { SlaclockError, type IssuePath, type SlaclockIssue } from '../errors.js';
import { parseShift } from '../time/wallClock.js';
import { safeParseWith } from '../validation.js';
import { Zone } from '../zone/zone.js';
import { checkHolidaySource } from './dateRules.js';
import type { HolidayRegions } from './holidays/provider.js';
import { WEEKDAYS, weeklySpecSchema } from './spec.js';

/**
 * Every problem of a weekly calendar spec that can be found field by field: its shape,
 * its zone, each interval's times and each holiday entry. Problems between fields
 * (overlapping intervals, a date listed twice, a week that never opens) are found when
 * the calendar compiles, once the fields are right.
 */
export function weeklySpecIssues(spec: object, path: IssuePath, holidayRegions: HolidayRegions | undefined): SlaclockIssue[] {
  const parsed = safeParseWith(weeklySpecSchema, spec, path);
  const issues: SlaclockIssue[] = parsed.success ? [] : parsed.issues;
  const fields = spec as Record<string, unknown>;
  // Unknown keys say nothing about the known fields beside them, so those are still checked.
  const reported = issues.filter((issue) => issue.keys === undefined).map((issue) => issue.path);
  const collect = (check: () => unknown) => collectIssues(issues, check, reported);
  if (typeof fields.timezone === 'string') collect(() => Zone.of(fields.timezone as string, [...path, 'timezone']));
  const week = fields.week;
  if (week !== null && typeof week === 'object') {
    for (const weekday of WEEKDAYS) {
      const intervals = (week as Record<string, unknown>)[weekday];
      if (!Array.isArray(intervals)) continue;
      intervals.forEach((interval, index) => {
        if (Array.isArray(interval) && interval.length === 2 && interval.every((time) => typeof time === 'string')) {
          collect(() => parseShift(interval as [string, string], [...path, 'week', weekday, index]));
        }
      });
    }
  }
  if (Array.isArray(fields.holidays)) {
    fields.holidays.forEach((source, index) => collect(() => checkHolidaySource(source, [...path, 'holidays', index], holidayRegions)));
  }
  return issues;
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
