import { formatPath, SlaclockError, type SlaclockIssue } from '../errors.js';
import { civilFromDays, MINUTES_PER_DAY, parseDayKey } from '../time/civil.js';
import { parseShift } from '../time/wallClock.js';
import { quoteValue } from '../util/describe.js';
import { parseChecked } from '../util/checks.js';
import { messages } from '../util/issues.js';
import { regionHolidaysFrom, type HolidayRegions, type RegionalHoliday, type RegionHolidayOptions } from './holidays/provider.js';
import { usFederalDays } from './holidays/usFederal.js';
import { normalizeRanges } from './timeline.js';
import { holidaySourceShapes, type ClosedDate, type PartialDate, type PresetHolidays, type RegionHolidays, type WallInterval } from './spec.js';

type Path = readonly (string | number)[];

/** What a date-specific rule does to one local date's open time. */
export type DateRule =
  /** Closed all day. */
  | { readonly kind: 'closed'; readonly name: string }
  /** Open exactly during `ranges` (minutes of the day, sorted, disjoint). */
  | { readonly kind: 'hours'; readonly name: string; readonly ranges: readonly number[] }
  /** The weekly hours, but closed from `minute` on (a holiday that starts in the afternoon). */
  | { readonly kind: 'closed-from'; readonly name: string; readonly minute: number };

/** A holiday list that yields dates year by year (a region, a preset). */
export interface YearlySource {
  rulesFor(year: number): Map<number, DateRule>;
}

/**
 * The date-specific rules of a calendar: explicit closed and partial dates, which
 * win, and yearly generated holiday lists.
 */
export class DateRules {
  readonly #explicit: ReadonlyMap<number, DateRule>;
  readonly #yearly: readonly YearlySource[];
  readonly #byYear = new Map<number, Map<number, DateRule>>();
  /** First and last year with an explicit date (±Infinity when none). */
  readonly firstExplicitYear: number;
  readonly lastExplicitYear: number;
  /** First and last year with a partial day that opens (±Infinity when none). */
  readonly firstOpeningYear: number;
  readonly lastOpeningYear: number;

  /** The rules of explicit dates (by local day number, merged by {@link mergeExplicit}) and the yearly lists. */
  constructor(explicit: ReadonlyMap<number, DateRule>, yearly: readonly YearlySource[]) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let firstOpening = Number.POSITIVE_INFINITY;
    let lastOpening = Number.NEGATIVE_INFINITY;
    for (const [day, rule] of explicit) {
      const year = civilFromDays(day).year;
      first = Math.min(first, year);
      last = Math.max(last, year);
      if (rule.kind === 'hours' && rule.ranges.length > 0) {
        firstOpening = Math.min(firstOpening, year);
        lastOpening = Math.max(lastOpening, year);
      }
    }
    this.#explicit = explicit;
    this.#yearly = yearly;
    this.firstExplicitYear = first;
    this.lastExplicitYear = last;
    this.firstOpeningYear = firstOpening;
    this.lastOpeningYear = lastOpening;
  }

  /** True when no date has a rule of its own. */
  get isEmpty(): boolean {
    return this.#explicit.size === 0 && this.#yearly.length === 0;
  }

  /** Whether some explicit date has open hours (so a calendar with no weekly hours still opens). */
  get opensOnSomeDate(): boolean {
    return this.firstOpeningYear !== Number.POSITIVE_INFINITY;
  }

  /** The rule for a local day number in `year`, if any. */
  ruleFor(day: number, year: number): DateRule | undefined {
    return this.#explicit.get(day) ?? this.#generated(year).get(day);
  }

  #generated(year: number): Map<number, DateRule> {
    let rules = this.#byYear.get(year);
    if (!rules) {
      rules = new Map();
      for (const source of this.#yearly) {
        for (const [day, rule] of source.rulesFor(year)) rules.set(day, strongerRule(rules.get(day), rule));
      }
      this.#byYear.set(year, rules);
    }
    return rules;
  }
}

/** One holiday entry, read: a dated rule on local day `day`, or a yearly list. */
export type HolidayEntry = { readonly day: number; readonly rule: DateRule } | { readonly yearly: YearlySource };

/**
 * Reads and checks one holiday source on its own (shape, date, hours, region), so a
 * calendar can report every bad entry at once; dates listed twice are left for
 * {@link mergeExplicit}.
 */
export function readHolidaySource(source: unknown, path: Path, holidayRegions: HolidayRegions | undefined): HolidayEntry {
  const parsed = parseHolidaySource(source, path);
  if ('date' in parsed) {
    return { day: realDay(parsed.date, [...path, 'date']), rule: toExplicitRule(parsed, path) };
  }
  if ('region' in parsed) {
    return { yearly: regionSource(holidayRegions, parsed.region, { types: parsed.types ?? ['public'], observed: parsed.observed ?? true }, [...path, 'region']) };
  }
  return { yearly: usFederalSource };
}

const HOLIDAY_FORMS = '"YYYY-MM-DD", { date, name? }, { date, hours, name? }, { region, types?, observed? } or { preset: "us-federal" }';

function parseHolidaySource(source: unknown, path: Path) {
  // "2026-12-25" is shorthand for { date: "2026-12-25" }.
  if (typeof source === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(source)) throw new SlaclockError('invalid_input', messages.expected(`a holiday: ${HOLIDAY_FORMS}`, source), path);
    realDay(source, path);
    return { date: source };
  }
  if (source === null || typeof source !== 'object' || Array.isArray(source)) {
    throw new SlaclockError('invalid_input', messages.expected(`a holiday: ${HOLIDAY_FORMS}`, source), path);
  }
  const keys = Object.keys(source);
  if (keys.includes('region')) return parseChecked<RegionHolidays>(holidaySourceShapes.region, source, path);
  if (keys.includes('preset')) return parseChecked<PresetHolidays>(holidaySourceShapes.preset, source, path);
  if (keys.includes('hours')) return parseChecked<PartialDate>(holidaySourceShapes.partial, source, path);
  return parseChecked<ClosedDate>(holidaySourceShapes.closed, source, path);
}

/** The local day number of a real `YYYY-MM-DD` date; `invalid_date` at `path` otherwise. */
function realDay(text: string, path: Path): number {
  const day = parseDayKey(text);
  if (day === undefined) throw new SlaclockError('invalid_date', `Expected a real date "YYYY-MM-DD", got ${quoteValue(text)}`, path);
  return day;
}

function toExplicitRule(source: { date: string; name?: string | undefined; hours?: readonly WallInterval[] }, path: Path): DateRule {
  const name = source.name ?? (source.hours ? 'Special hours' : 'Holiday');
  if (!source.hours) return { kind: 'closed', name };
  // Every interval's own problems and every overlap are reported together.
  const issues: SlaclockIssue[] = [];
  const read: { start: number; end: number; index: number; interval: WallInterval }[] = [];
  source.hours.forEach((interval, index) => {
    const at = [...path, 'hours', index];
    try {
      const { open, close } = parseShift(interval, at);
      if (close > MINUTES_PER_DAY) {
        throw new SlaclockError('invalid_time', 'Partial-day hours cannot run overnight; use "24:00" to close at midnight', [...at, 1]);
      }
      read.push({ start: open, end: close, index, interval });
    } catch (error) {
      if (!(error instanceof SlaclockError)) throw error;
      issues.push(...error.issues);
    }
  });
  for (const { item, overlaps } of findOverlaps(read)) {
    issues.push({
      code: 'overlapping_intervals',
      path: [...path, 'hours', item.index],
      message: 'Partial-day hours overlap',
      expected: `hours that do not overlap ${formatPath([...path, 'hours', overlaps.index])} ${quoteValue(overlaps.interval)}`,
      received: quoteValue(item.interval),
    });
  }
  if (issues.length > 0) throw SlaclockError.of(issues);
  // Touching intervals are one run before they become instants, as weekly ones are:
  // a split inside a DST gap must not change the answer.
  return { kind: 'hours', name, ranges: normalizeRanges(read.flatMap(({ start, end }) => [start, end])) };
}

/**
 * Every interval that starts before an earlier-starting one has ended, in start order
 * (ties in the given order), each with the interval reaching furthest before it: a long
 * interval can overlap several after it.
 */
export function findOverlaps<T extends { readonly start: number; readonly end: number }>(intervals: readonly T[]): { item: T; overlaps: T }[] {
  const found: { item: T; overlaps: T }[] = [];
  let reach: T | undefined;
  for (const item of [...intervals].sort((x, y) => x.start - y.start)) {
    if (reach !== undefined && item.start < reach.end) found.push({ item, overlaps: reach });
    if (reach === undefined || item.end > reach.end) reach = item;
  }
  return found;
}

/**
 * The rule of a date listed again: two closures join their names; anything else
 * throws `conflicting_dates` at `path`.
 */
export function mergeExplicit(existing: DateRule | undefined, rule: DateRule, path: Path): DateRule {
  if (!existing) return rule;
  if (existing.kind === 'closed' && rule.kind === 'closed') {
    return existing.name === rule.name ? existing : { kind: 'closed', name: `${existing.name}; ${rule.name}` };
  }
  throw new SlaclockError(
    'conflicting_dates',
    'This date is listed more than once with different meanings (a closed holiday and a partial day, or two partial days)',
    path,
  );
}

// Among generated rules a whole-day closure wins over one that starts later in the
// day, and of two equal rules the first listed names the date.
function strongerRule(existing: DateRule | undefined, rule: DateRule): DateRule {
  if (!existing) return rule;
  if (existing.kind === 'closed') return existing;
  if (rule.kind === 'closed') return rule;
  return existing.kind === 'closed-from' && rule.kind === 'closed-from' && rule.minute < existing.minute ? rule : existing;
}

const usFederalSource: YearlySource = {
  rulesFor(year) {
    const rules = new Map<number, DateRule>();
    for (const holiday of usFederalDays(year)) rules.set(holiday.days, { kind: 'closed', name: holiday.name });
    return rules;
  },
};

function regionSource(source: HolidayRegions | undefined, region: string, options: RegionHolidayOptions, path: Path): YearlySource {
  // Each year's list is asked for and checked once: building year Y reads Y-1 and Y, and Y+1 reads Y again.
  const lists = new Map<number, readonly RegionalHoliday[]>();
  const holidaysOf = (year: number): readonly RegionalHoliday[] => {
    let list = lists.get(year);
    if (list === undefined) {
      list = regionHolidaysFrom(source, region, year, options, path);
      lists.set(year, list);
    }
    return list;
  };
  holidaysOf(2000); // checks the source and the code now, not on first use
  return {
    rulesFor(year) {
      const rules = new Map<number, DateRule>();
      // A holiday of several days that starts in the previous year can reach into this one.
      for (const holiday of [...holidaysOf(year - 1), ...holidaysOf(year)]) {
        const first = parseDayKey(holiday.date) as number;
        for (let offset = 0; offset < holiday.days; offset++) {
          const day = first + offset;
          const rule: DateRule =
            offset === 0 && holiday.fromMinute > 0
              ? { kind: 'closed-from', name: holiday.name, minute: holiday.fromMinute }
              : { kind: 'closed', name: holiday.name };
          rules.set(day, strongerRule(rules.get(day), rule));
        }
      }
      return rules;
    },
  };
}
