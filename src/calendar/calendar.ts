import { SlaclockError, withPathPrefix, type IssuePath, type SlaclockIssue } from '../errors.js';
import { readOptions } from '../util/options.js';
import { isArray } from '../util/describe.js';
import { frozenCopy } from '../util/freeze.js';
import { snapshotInput } from '../util/snapshot.js';
import { SpecCache } from '../util/specCache.js';
import { parseChecked } from '../util/checks.js';
import { messages } from '../util/issues.js';
import { collectIssues, readWeeklySpec, throwAll } from './check.js';
import { Zone } from '../zone/zone.js';
import { CompositeTimeline, type Combination, type ExplainingTimeline } from './composite.js';
import { compositeSpecShapes, type CalendarSpec } from './spec.js';
import { holidaySourceOption, type HolidayRegions } from './holidays/provider.js';
import { WeeklyTimeline } from './weekly.js';


/**
 * A validated, compiled calendar. Immutable; compile once with
 * {@link compileCalendar} and reuse it for every call. Serialises to its spec.
 */
export class Calendar {
  /** IANA zone of the calendar's local dates. */
  readonly timezone: string;
  /** The calendar's label, when its spec has one. */
  readonly name: string | undefined;
  /** A frozen copy of the spec it was compiled from. */
  readonly spec: CalendarSpec;
  readonly #timeline: ExplainingTimeline;

  /** @internal Use {@link compileCalendar}. */
  constructor(spec: CalendarSpec, timeline: ExplainingTimeline) {
    this.spec = frozenCopy(spec);
    this.timezone = timeline.zone.name;
    this.name = timeline.name;
    this.#timeline = timeline;
    Object.freeze(this);
  }

  /** @internal Whether `value` is a compiled Calendar: a brand check, which no Proxy can fake or break. */
  static is(value: unknown): value is Calendar {
    return typeof value === 'object' && value !== null && #timeline in value;
  }

  /** @internal The compiled timeline behind a calendar. */
  static timelineOf(calendar: Calendar): ExplainingTimeline {
    return calendar.#timeline;
  }

  /** The plain spec, so `JSON.stringify(calendar)` round-trips through `compileCalendar`. */
  toJSON(): CalendarSpec {
    return this.spec;
  }
}

/**
 * Options of {@link compileCalendar}.
 *
 * @example
 * ```ts
 * import { holidayRegions } from 'slaclock/regions';
 * const options: CompileOptions = { holidayRegions };
 * ```
 */
export interface CompileOptions {
  /**
   * Where `{ region }` holiday entries get their dates: `holidayRegions` from `slaclock/regions`
   * (`date-holidays` data) or a source of your own. Without it, a calendar that names a region
   * throws `regions_not_loaded`; calendars without regions never need it.
   */
  readonly holidayRegions?: HolidayRegions | undefined;
}

/**
 * Validates a calendar spec once and compiles it, reporting every problem found at
 * once (`error.issues`, sorted by path). Every function that takes a calendar also
 * accepts a spec, but compiling once is faster for repeated calls. The spec is read
 * once into plain data (getters, Proxies and `toJSON` are not consulted again), within
 * a size budget, so a JSON value of unknown shape is fine to pass.
 * A spec seen before is not compiled again: a deep-frozen spec object is recognised by
 * identity, an unfrozen one by identity and a check that it still reads as it did, an
 * equal spec by its content (the 1,024 most recently used per holiday source; see
 * `configureCaches`). Equal specs give the same `Calendar` while it is cached.
 *
 * A calendar with `{ region }` holidays needs `options.holidayRegions`:
 * `import { holidayRegions } from 'slaclock/regions'`.
 *
 * @throws {SlaclockError} `unknown_time_zone`, `invalid_time`, `empty_interval`,
 *   `overlapping_intervals`, `conflicting_dates`, `unknown_region`, `regions_not_loaded`,
 *   `calendar_never_opens`, `invalid_input`, each with the path of the bad field;
 *   `invalid_option` for a `holidayRegions` that is not a holiday source.
 * @example
 * ```ts
 * import { compileCalendar, addBusinessTime } from 'slaclock';
 * const denver = compileCalendar({
 *   timezone: 'America/Denver',
 *   week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']],
 *           thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
 *   holidays: [{ preset: 'us-federal' }],
 * });
 * addBusinessTime(denver, '2026-11-25T15:00-07:00', { hours: 4 }).toISOString();
 * // '2026-11-27T18:00:00.000Z' (Wed 15:00 + 2h, Thanksgiving closed, Fri 09:00 + 2h = 11:00 MST)
 * ```
 */
export function compileCalendar(spec: CalendarSpec | Calendar, options?: CompileOptions): Calendar;
export function compileCalendar(spec: unknown, options?: CompileOptions): Calendar;
export function compileCalendar(spec: unknown, options?: CompileOptions): Calendar {
  const holidayRegions = holidaySourceOption(readOptions(options, COMPILE_OPTION_KEYS));
  if (Calendar.is(spec)) return spec;
  return cachedCalendar(spec, holidayRegions);
}

const COMPILE_OPTION_KEYS = ['holidayRegions'] as const;
const COMBINE_OPTION_KEYS = ['holidayRegions', 'timezone', 'name'] as const;
const isCalendar = (value: object): boolean => Calendar.is(value);

/**
 * A calendar open whenever any of `calendars` is open: a follow-the-sun desk.
 * Local dates follow `timezone`, by default the first calendar's.
 *
 * @example
 * ```ts
 * const desk = unionCalendars([emea, americas, apac], { name: 'Global desk' });
 * ```
 */
export function unionCalendars(calendars: readonly (Calendar | CalendarSpec)[], options?: CombineOptions): Calendar {
  return combine('union', calendars, options);
}

/**
 * A calendar open only when every one of `calendars` is open: vendor hours that
 * also respect the customer's holidays.
 *
 * @example
 * ```ts
 * const vendorHoursCustomerHolidays = intersectCalendars([vendor, customerHolidays]);
 * ```
 */
export function intersectCalendars(calendars: readonly (Calendar | CalendarSpec)[], options?: CombineOptions): Calendar {
  return combine('intersection', calendars, options);
}

function combine(combination: Combination, calendars: readonly (Calendar | CalendarSpec)[], options: CombineOptions | undefined): Calendar {
  const { holidayRegions, timezone, name } = readOptions(options, COMBINE_OPTION_KEYS);
  if (!isArray(calendars)) {
    throw new SlaclockError('invalid_input', messages.expected('an array of calendars or calendar specs', calendars), ['calendars']);
  }
  const members = snapshotInput(calendars, ['calendars'], isCalendar).value;
  const spec = { [combination]: members, ...(timezone === undefined ? {} : { timezone }), ...(name === undefined ? {} : { name }) };
  return withRenamedRoot(combination, () => compileCalendar(spec, { holidayRegions: holidayRegions as HolidayRegions | undefined }));
}

// unionCalendars(list) reports a bad member at calendars[1], as the caller wrote it, not union[1].
function withRenamedRoot<T>(combination: Combination, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof SlaclockError)) throw error;
    const rename = (path: IssuePath): IssuePath => (path[0] === combination ? ['calendars', ...path.slice(1)] : path[0] === 'timezone' || path[0] === 'name' ? ['options', ...path] : path);
    throw SlaclockError.of(error.issues.map((issue) => ({ ...issue, path: rename(issue.path) })));
  }
}

/** Options of {@link unionCalendars} and {@link intersectCalendars}. */
export interface CombineOptions extends CompileOptions {
  /** Zone for local dates. @default the first calendar's zone */
  readonly timezone?: string | undefined;
  /** A label for explanations. */
  readonly name?: string | undefined;
}

/** @internal The compiled timeline of a calendar or spec (specs are compiled through the cache, without a holiday source). */
export function timelineOf(calendar: Calendar | CalendarSpec, path: IssuePath = []): ExplainingTimeline {
  if (Calendar.is(calendar)) return Calendar.timelineOf(calendar);
  return withPathPrefix(path, () => Calendar.timelineOf(cachedCalendar(calendar, undefined)));
}

/** Compiled calendars of specs passed uncompiled: one cache per holiday source (see configureCaches). */
const withoutRegions = new SpecCache<Calendar>('calendars', isCalendar);
const byHolidaySource = new WeakMap<HolidayRegions, SpecCache<Calendar>>();

// A spec seen before (deep-frozen, or unfrozen and unchanged) is found by identity; an
// equal spec by the key of its one snapshot, from which it is also compiled, so an input
// that reads differently twice (a getter, a Proxy, toJSON) cannot file one calendar under
// another's key. A snapshot that embeds compiled Calendars has no key (its JSON does not
// say which holiday source those were compiled with); it is compiled, or found by identity.
function cachedCalendar(spec: unknown, holidayRegions: HolidayRegions | undefined): Calendar {
  let cache = holidayRegions === undefined ? withoutRegions : byHolidaySource.get(holidayRegions);
  if (cache === undefined) {
    cache = new SpecCache<Calendar>('calendars', isCalendar);
    byHolidaySource.set(holidayRegions as HolidayRegions, cache);
  }
  return cache.get(spec, (snapshot) => new Calendar(snapshot.value as CalendarSpec, compileTimeline(snapshot.value, [], holidayRegions)));
}

const SPEC_FORMS = 'a calendar spec { timezone, week, holidays? }, { union: [...] } or { intersection: [...] }';

function compileTimeline(spec: unknown, path: IssuePath, holidayRegions: HolidayRegions | undefined): ExplainingTimeline {
  if (spec instanceof Calendar) return Calendar.timelineOf(spec);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new SlaclockError('invalid_input', messages.expected(SPEC_FORMS, spec), path);
  }
  if ('union' in spec) return compileComposite('union', spec, path, holidayRegions);
  if ('intersection' in spec) return compileComposite('intersection', spec, path, holidayRegions);
  return new WeeklyTimeline(readWeeklySpec(spec, path, holidayRegions), path);
}

function compileComposite(combination: Combination, spec: object, path: IssuePath, holidayRegions: HolidayRegions | undefined): ExplainingTimeline {
  const data = parseChecked<{ union?: unknown[]; intersection?: unknown[]; timezone?: string | undefined; name?: string | undefined }>(
    compositeSpecShapes[combination],
    spec,
    path,
  );
  const list = (combination === 'union' ? data.union : data.intersection) as unknown[];
  const issues: SlaclockIssue[] = [];
  const members: ExplainingTimeline[] = [];
  list.forEach((member, index) => {
    const timeline = collectIssues(issues, () => compileTimeline(member, [...path, combination, index], holidayRegions));
    if (timeline !== undefined) members.push(timeline);
  });
  const zone = data.timezone === undefined ? undefined : collectIssues(issues, () => Zone.of(data.timezone as string, [...path, 'timezone']));
  throwAll(issues);
  return new CompositeTimeline(combination, members, zone ?? (members[0] as ExplainingTimeline).zone, data.name);
}
