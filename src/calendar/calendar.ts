import { SlaclockError } from '../errors.js';
import { frozenCopy } from '../util/freeze.js';
import { parseWith } from '../validation.js';
import { Zone } from '../zone/zone.js';
import { CompositeTimeline, type Combination, type ExplainingTimeline } from './composite.js';
import { intersectionSpecSchema, unionSpecSchema, type CalendarSpec } from './spec.js';
import { holidaySourceOption, type HolidayRegions } from './holidays/provider.js';
import { WeeklyTimeline } from './weekly.js';

type Path = readonly (string | number)[];

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
  readonly holidayRegions?: HolidayRegions;
}

/**
 * Validates a calendar spec once and compiles it. Every function that takes a
 * calendar also accepts a spec, but compiling once is faster for repeated calls.
 * Equal specs share one compiled timeline through a small bounded cache (the 32
 * most recently used per holiday source), so compiling the same spec again, or
 * passing an equal spec to every call, does not recompile it.
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
export function compileCalendar(spec: CalendarSpec, options: CompileOptions = {}): Calendar {
  const holidayRegions = holidaySourceOption(options);
  if (spec instanceof Calendar) return spec;
  return new Calendar(spec, cachedTimeline(spec, holidayRegions));
}

/**
 * A calendar open whenever any of `calendars` is open: a follow-the-sun desk.
 * Local dates follow `timezone`, by default the first calendar's.
 *
 * @example
 * ```ts
 * const desk = unionCalendars([emea, americas, apac], { name: 'Global desk' });
 * ```
 */
export function unionCalendars(calendars: readonly (Calendar | CalendarSpec)[], options: CombineOptions = {}): Calendar {
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
export function intersectCalendars(calendars: readonly (Calendar | CalendarSpec)[], options: CombineOptions = {}): Calendar {
  return combine('intersection', calendars, options);
}

function combine(combination: Combination, calendars: readonly (Calendar | CalendarSpec)[], options: CombineOptions): Calendar {
  const { holidayRegions, ...labels } = options;
  const spec = { [combination]: calendars, ...labels } as unknown as CalendarSpec;
  return compileCalendar(spec, { holidayRegions });
}

/** Options of {@link unionCalendars} and {@link intersectCalendars}. */
export interface CombineOptions extends CompileOptions {
  /** Zone for local dates. @default the first calendar's zone */
  readonly timezone?: string;
  /** A label for explanations. */
  readonly name?: string;
}

/** @internal The compiled timeline of a calendar or spec (specs are compiled through the cache, without a holiday source). */
export function timelineOf(calendar: Calendar | CalendarSpec): ExplainingTimeline {
  return calendar instanceof Calendar ? Calendar.timelineOf(calendar) : cachedTimeline(calendar, undefined);
}

const CACHE_SIZE = 32;
/** Compiled timelines by spec JSON, least recently used first: one cache per holiday source. */
const withoutRegions = new Map<string, ExplainingTimeline>();
const byHolidaySource = new WeakMap<HolidayRegions, Map<string, ExplainingTimeline>>();

// Equal specs share one compiled timeline; past CACHE_SIZE the least recently used is dropped.
// A spec that embeds compiled Calendars is not cached: its JSON does not say which holiday
// source those were compiled with.
function cachedTimeline(spec: CalendarSpec, holidayRegions: HolidayRegions | undefined): ExplainingTimeline {
  const key = cacheKey(spec);
  if (key === undefined) return compileTimeline(spec, [], holidayRegions);
  let cache = holidayRegions === undefined ? withoutRegions : byHolidaySource.get(holidayRegions);
  if (cache === undefined) {
    cache = new Map();
    byHolidaySource.set(holidayRegions as HolidayRegions, cache);
  }
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const timeline = compileTimeline(spec, [], holidayRegions);
  cache.set(key, timeline);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return timeline;
}

/** The spec's JSON, or `undefined` when it embeds a compiled Calendar. */
function cacheKey(spec: CalendarSpec): string | undefined {
  let embedsCalendar = false;
  let key: string;
  try {
    key = JSON.stringify(spec, function (this: Record<string, unknown>, name: string, value: unknown) {
      if (this[name] instanceof Calendar) embedsCalendar = true;
      return value;
    });
  } catch {
    throw new SlaclockError('invalid_input', 'A calendar spec must be plain JSON data');
  }
  return embedsCalendar ? undefined : key;
}

function compileTimeline(spec: unknown, path: Path, holidayRegions: HolidayRegions | undefined): ExplainingTimeline {
  if (spec instanceof Calendar) return Calendar.timelineOf(spec);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new SlaclockError('invalid_input', 'Expected a calendar spec object', path);
  }
  if ('union' in spec) return compileComposite('union', parseWith(unionSpecSchema, spec, path), path, holidayRegions);
  if ('intersection' in spec) return compileComposite('intersection', parseWith(intersectionSpecSchema, spec, path), path, holidayRegions);
  return new WeeklyTimeline(spec as never, path, holidayRegions);
}

function compileComposite(
  combination: Combination,
  parsed: { union?: unknown[]; intersection?: unknown[]; timezone?: string | undefined; name?: string | undefined },
  path: Path,
  holidayRegions: HolidayRegions | undefined,
): ExplainingTimeline {
  const list = (combination === 'union' ? parsed.union : parsed.intersection) as unknown[];
  const members = list.map((member, index) => compileTimeline(member, [...path, combination, index], holidayRegions));
  const zone = parsed.timezone === undefined ? (members[0] as ExplainingTimeline).zone : Zone.of(parsed.timezone, [...path, 'timezone']);
  return new CompositeTimeline(combination, members, zone, parsed.name);
}
