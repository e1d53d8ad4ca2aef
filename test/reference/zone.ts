/**
 * Reference time-zone arithmetic: slow, brute force, and independent of src/. Its zone
 * engine is luxon (IANAZone#offset), so no zone math is shared with src/zone/.
 *
 * - offsetMs: luxon's UTC offset of the zone at an instant (seconds-level LMT offsets included).
 * - spansAround: the constant-offset spans of the zone around a wall time, found by sampling
 *   every hour and bisecting each change to the millisecond.
 * - wallToInstant: Temporal's 'compatible' disambiguation, read off those spans.
 * - dayStart: the first instant whose local date is the given date or later.
 */
import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const zones = new Map<string, IANAZone>();
function luxonZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new Error(`reference: luxon does not know ${name}`);
    zones.set(name, zone);
  }
  return zone;
}

/** Memo only (luxon asks Intl every time); cleared when it grows large. */
const offsetMemo = new Map<string, number>();

/** The zone's UTC offset in milliseconds at the instant (luxon gives minutes, fractional for LMT). */
export function offsetMs(zone: string, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const key = `${zone} ${wholeSecond}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    offset = Math.round(luxonZone(zone).offset(wholeSecond) * MINUTE);
    if (offsetMemo.size > 2_000_000) offsetMemo.clear();
    offsetMemo.set(key, offset);
  }
  return offset;
}

/** The zone's UTC offset in whole minutes (Denver: -420 in winter); throws for a seconds-level offset. */
export function offsetMinutes(zone: string, epochMs: number): number {
  const offset = offsetMs(zone, epochMs) / MINUTE;
  if (!Number.isInteger(offset)) throw new Error(`offset of ${zone} at ${epochMs} is not whole minutes`);
  return offset;
}

/** The local wall clock of an instant, as { y, m, d, minuteOfDay } (seconds dropped). */
export function instantToWall(zone: string, epochMs: number): { y: number; m: number; d: number; minuteOfDay: number } {
  const wall = new Date(epochMs + offsetMs(zone, epochMs));
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** A stretch of instants `[start, end)` with one offset. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

const spanMemo = new Map<string, Span[]>();

/**
 * The constant-offset spans covering the instants from 2 days before to 3 days after the UTC
 * day of `wall` (a wall time written as if it were UTC): enough for any wall time on that day,
 * as offsets stay within a day. Changes less than an hour apart would be missed; tzdb has none
 * that matter here.
 */
export function spansAround(zone: string, wall: number): Span[] {
  const from = Math.floor(wall / DAY) * DAY - 2 * DAY;
  const to = from + 6 * DAY;
  const key = `${zone} ${from}`;
  let spans = spanMemo.get(key);
  if (spans === undefined) {
    spans = [];
    let start = from;
    let offset = offsetMs(zone, from);
    for (let t = from + HOUR; t <= to; t += HOUR) {
      const next = offsetMs(zone, t);
      if (next === offset) continue;
      let lo = t - HOUR; // offset here is `offset`
      let hi = t; // and here it is not
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMs(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      spans.push({ start, end: hi, offset });
      start = hi;
      offset = offsetMs(zone, hi);
    }
    spans.push({ start, end: to, offset });
    if (spanMemo.size > 100_000) spanMemo.clear();
    spanMemo.set(key, spans);
  }
  return spans;
}

/**
 * The instant of a wall-clock time (minuteOfDay may be 1440 = 24:00 = next day's 00:00),
 * with Temporal's 'compatible' rule:
 * - an ambiguous wall time (fall back) takes the earliest instant;
 * - a wall time in a gap (spring forward) is read with the offset in force before the gap,
 *   so it lands later by the length of the gap.
 */
export function wallToInstant(zone: string, y: number, m: number, d: number, minuteOfDay: number): number {
  const W = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE; // the wall time, written as if it were UTC
  const spans = spansAround(zone, W);
  // A span shows W when W - offset is one of its instants.
  const shown = spans.filter((s) => s.start <= W - s.offset && W - s.offset < s.end);
  if (shown.length > 0) return Math.min(...shown.map((s) => W - s.offset));
  // No instant shows W: it is in a gap, after the wall clock of one span ends and before the next begins.
  const before = spans.filter((s) => s.end + s.offset <= W).pop();
  if (before === undefined) throw new Error(`reference: no span before the gap at ${W} in ${zone}`);
  return W - before.offset;
}

/**
 * Where local date y-m-d begins: the first instant at which the wall clock reads that date's
 * 00:00 or later (running over every span, so a date a zone skips begins where the next one does).
 */
export function dayStart(zone: string, y: number, m: number, d: number): number {
  const W = Date.UTC(y, m - 1, d);
  let first = Number.POSITIVE_INFINITY;
  for (const s of spansAround(zone, W)) {
    const t = Math.max(s.start, W - s.offset);
    if (t < s.end) first = Math.min(first, t);
  }
  return first;
}
