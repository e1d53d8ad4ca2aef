import { SlaclockError } from '../errors.js';
import { civilFromDays, daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from '../time/civil.js';

const MS_PER_SECOND = 1000;

/** One UTC year of a zone's offsets: `offsets[i]` (ms) is in force from `starts[i]` on. */
interface OffsetYear {
  readonly starts: number[];
  readonly offsets: number[];
  /** Where the year ends (the next year's first instant). */
  readonly end: number;
}

/**
 * An IANA time zone with the two conversions slaclock needs: the UTC offset at an
 * instant, and the instant of a wall-clock time resolved with Temporal's
 * `'compatible'` disambiguation. Offsets are read from `Intl` once per UTC year
 * (one sample a day, transitions found by bisection) and then looked up.
 */
export class Zone {
  readonly name: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #years = new Map<number, OffsetYear>();
  #spanStart = 0;
  #spanEnd = 0;
  #spanOffset = 0;

  private constructor(name: string, format: Intl.DateTimeFormat) {
    this.name = name;
    this.#format = format;
  }

  /**
   * The zone called `name`, or `unknown_time_zone`. Instances are shared through a
   * least-recently-used cache large enough for every IANA name, so tenants spread over
   * all zones share one instance (and its offset tables) per zone.
   */
  static of(name: string, path: readonly (string | number)[] = []): Zone {
    if (lastUsed !== undefined && name === lastUsed.name) return lastUsed;
    const cached = zones.get(name);
    if (cached) {
      // A hit becomes the most recently used: re-inserting moves it to the end of the Map's order.
      zones.delete(name);
      zones.set(name, cached);
      return remember(cached);
    }
    let format: Intl.DateTimeFormat;
    try {
      // Locale, calendar and digits are fixed: the host's locale never shapes the parts read back.
      format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new SlaclockError('unknown_time_zone', `Unknown IANA time zone "${name}"`, path);
    }
    const zone = new Zone(name, format);
    zones.set(name, zone);
    trimZoneCache();
    return remember(zone);
  }

  /** UTC offset in milliseconds at `epochMs` (local = UTC + offset). */
  offsetAt(epochMs: number): number {
    // Most lookups fall in the same constant-offset span as the previous one.
    if (epochMs >= this.#spanStart && epochMs < this.#spanEnd) return this.#spanOffset;
    const year = civilFromDays(Math.floor(epochMs / MS_PER_DAY)).year;
    const { starts, offsets, end } = this.#yearTable(year);
    let index = starts.length - 1;
    while (index > 0 && (starts[index] as number) > epochMs) index--;
    this.#spanStart = starts[index] as number;
    this.#spanEnd = index + 1 < starts.length ? (starts[index + 1] as number) : end;
    this.#spanOffset = offsets[index] as number;
    return this.#spanOffset;
  }

  /** The local day number (days since 1970-01-01 on the wall calendar) of an instant. */
  localDayOf(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / MS_PER_DAY);
  }

  /** Milliseconds since local midnight of an instant. */
  localTimeOfDay(epochMs: number): number {
    const wall = epochMs + this.offsetAt(epochMs);
    return wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY;
  }

  /**
   * The instant of a wall-clock time, `'compatible'`: a time in a DST gap is read
   * with the offset in force before the gap (so it moves later by the gap); an
   * ambiguous time takes the earlier of its two instants.
   */
  toInstant(localDay: number, minuteOfDay: number): number {
    return this.wallToInstant(localDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE);
  }

  /** {@link toInstant} for a wall time given as milliseconds since 1970-01-01 on the wall calendar. */
  wallToInstant(wall: number): number {
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    if (before === after) return wall - before;
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early;
  }

  /**
   * The first instant at which the local date is `localDay` or later: where the date
   * begins. Usually its 00:00; when midnight falls in a gap, the instant of the
   * transition; for a date the zone skips, the same instant as the next date's start.
   * Never decreasing in `localDay`, so consecutive dates own disjoint, ordered spans.
   */
  dayStart(localDay: number): number {
    const wall = localDay * MS_PER_DAY;
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    if (before === after) return wall - before;
    const early = wall - before;
    if (this.offsetAt(early) === before) return early;
    const late = wall - after;
    if (this.offsetAt(late) === after) return late;
    // Midnight is in a gap: the local date is reached by the jump itself, at the transition.
    return this.nextTransition(late);
  }

  /**
   * The local date that owns an instant (from its {@link dayStart} to the next date's): the
   * wall clock's date, or a later one where the clock went back across midnight (Moncton's
   * 2003-10-26 00:01 ADT became 10-25 23:01 AST, still owned by 10-26).
   */
  dateOf(epochMs: number): number {
    let day = this.localDayOf(epochMs);
    while (this.dayStart(day + 1) <= epochMs) day++;
    return day;
  }

  /** The first instant after `epochMs` at which the offset changes (within the next two years), else `Infinity`. */
  nextTransition(epochMs: number): number {
    const year = civilFromDays(Math.floor(epochMs / MS_PER_DAY)).year;
    for (let y = year; y <= year + 2; y++) {
      for (const start of this.#yearTable(y).starts) {
        if (start > epochMs && this.offsetAt(start) !== this.offsetAt(start - 1)) return start;
      }
    }
    return Number.POSITIVE_INFINITY;
  }

  #yearTable(year: number): OffsetYear {
    let table = this.#years.get(year);
    if (!table) {
      table = this.#scanYear(year);
      this.#years.set(year, table);
    }
    return table;
  }

  // One sample a day; where two samples differ, bisect to the second of the change.
  // Zones never change offset twice within a day, so no transition is missed.
  #scanYear(year: number): OffsetYear {
    const first = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    const last = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    const starts = [first];
    const offsets = [this.#readOffset(first)];
    let previous = offsets[0] as number;
    for (let t = first + MS_PER_DAY; t <= last; t += MS_PER_DAY) {
      const offset = this.#readOffset(t);
      if (offset === previous) continue;
      let lo = t - MS_PER_DAY;
      let hi = t;
      while (hi - lo > MS_PER_SECOND) {
        const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
        if (this.#readOffset(mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi < last) {
        starts.push(hi);
        offsets.push(this.#readOffset(hi));
      }
      previous = offset;
    }
    return { starts, offsets, end: last };
  }

  #readOffset(epochMs: number): number {
    const wholeSecond = Math.floor(epochMs / MS_PER_SECOND) * MS_PER_SECOND;
    const wall = (textReadable(this.#format) ? wallFromText(this.#format.format(wholeSecond)) : undefined) ?? wallFromParts(this.#format.formatToParts(wholeSecond));
    return wall - wholeSecond;
  }
}

/**
 * `format()` reads about four times faster than `formatToParts()`, which matters for a cold
 * start (a zone's first year reads ~370 offsets). Its text is parsed only in the exact shape
 * `"7/1/2026 AD, 12:34:56"`; any other text falls back to the parts, and each formatter is
 * checked once against its own parts before its text is trusted.
 */
const WALL_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{1,4}) (AD|BC), (\d{2}):(\d{2}):(\d{2})$/;
const PROBES = [Date.UTC(2026, 6, 1, 12, 34, 56), Date.UTC(1901, 11, 13, 20, 45, 52)];
const textChecked = new WeakMap<Intl.DateTimeFormat, boolean>();

function textReadable(format: Intl.DateTimeFormat): boolean {
  let readable = textChecked.get(format);
  if (readable === undefined) {
    readable = PROBES.every((t) => wallFromText(format.format(t)) === wallFromParts(format.formatToParts(t)));
    textChecked.set(format, readable);
  }
  return readable;
}

/** Wall-clock milliseconds (since 1970-01-01 on the wall calendar) from `"M/D/Y G, HH:MM:SS"`. */
function wallFromText(text: string): number | undefined {
  const match = WALL_TEXT.exec(text);
  if (match === null) return undefined;
  const [, month, day, year, era, hour, minute, second] = match;
  const fullYear = era === 'BC' ? 1 - Number(year) : Number(year);
  return wallMs(fullYear, Number(month), Number(day), Number(hour), Number(minute), Number(second));
}

function wallFromParts(parts: readonly Intl.DateTimeFormatPart[]): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      case 'era': bc = part.value === 'BC' || part.value === 'B'; break;
      default: break;
    }
  }
  return wallMs(bc ? 1 - year : year, month, day, hour, minute, second);
}

function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MS_PER_SECOND;
}

/**
 * How many zones the cache keeps, least recently used dropped first. Bounded, since `Intl`
 * accepts every letter case of a name and callers could make endless keys; the default
 * covers every IANA name `Intl` knows (418 canonical zones plus links on Node 20) with room.
 */
export const DEFAULT_ZONE_CACHE_SIZE = 1024;
let zoneCacheSize = DEFAULT_ZONE_CACHE_SIZE;
const zones = new Map<string, Zone>();
/** The last zone handed out: already the most recently used, so asking again needs no reordering. */
let lastUsed: Zone | undefined;

function remember(zone: Zone): Zone {
  lastUsed = zone;
  return zone;
}

function trimZoneCache(): void {
  while (zones.size > zoneCacheSize) zones.delete(zones.keys().next().value as string);
  if (lastUsed !== undefined && zones.get(lastUsed.name) !== lastUsed) lastUsed = undefined;
}

/**
 * @internal Sets how many zones the shared cache keeps (a whole number >= 1) and drops the
 * least recently used beyond it. For a configuration API of the cache sizes; callers never
 * see the cache except through memory use.
 */
export function setZoneCacheSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1) throw new SlaclockError('invalid_option', `Expected a whole number >= 1 for the zone cache size, got ${String(size)}`);
  zoneCacheSize = size;
  trimZoneCache();
}

/** @internal How many zones the shared cache keeps. */
export function zoneCacheLimit(): number {
  return zoneCacheSize;
}
