/**
 * Reference SLA clock: walks minute by minute. Every input instant must be on the minute grid
 * (all zones used in tests have whole-minute offsets, so every open range is on the grid too,
 * and a minute is either wholly open or wholly closed).
 */
import { dayNumber, openInstantRanges, type RefSpec } from './calendar.js';
import { instantToWall } from './zone.js';

const MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

/** How far (in minutes) any walk may go before the reference gives up. */
export const MAX_STEPS = 120 * MINUTES_PER_DAY;

/** Thrown when the reference found nothing within MAX_STEPS minutes. */
export class ReferenceBoundError extends Error {
  constructor(what: string) {
    super(`reference: ${what}: nothing found within ${MAX_STEPS} minutes`);
  }
}

export type RefPause = { start: number; end: number };
export type Landing = 'nearest' | 'farthest';

function onGrid(ms: number, what: string): number {
  if (!Number.isInteger(ms / MINUTE)) throw new Error(`reference: ${what} ${ms} is not on the minute grid`);
  return ms / MINUTE;
}

/** A calendar spec plus caches: open ranges per local date, and open flags per minute. */
export class RefCalendar {
  private readonly ranges = new Map<number, Array<[number, number]>>();
  private readonly chunks = new Map<number, Uint8Array>(); // one per UTC day of minutes
  private lastChunkIndex = NaN;
  private lastChunk: Uint8Array = new Uint8Array(0);

  constructor(readonly spec: RefSpec) {}

  /** Open instant ranges of a local date (cached). */
  rangesOf(day: number): Array<[number, number]> {
    let r = this.ranges.get(day);
    if (r === undefined) this.ranges.set(day, (r = openInstantRanges(this.spec, day)));
    return r;
  }

  /** Is the minute [minute, minute + 1) (minutes since epoch) open? */
  openMinute(minute: number): boolean {
    const chunkIndex = Math.floor(minute / MINUTES_PER_DAY);
    if (chunkIndex === this.lastChunkIndex) return this.lastChunk[minute - chunkIndex * MINUTES_PER_DAY] === 1;
    let chunk = this.chunks.get(chunkIndex);
    if (chunk === undefined) {
      // Mark every open range of the local dates around this UTC day (offsets are within +-14h).
      chunk = new Uint8Array(MINUTES_PER_DAY);
      const first = chunkIndex * MINUTES_PER_DAY;
      for (let day = chunkIndex - 2; day <= chunkIndex + 2; day++) {
        for (const [start, end] of this.rangesOf(day)) {
          for (let m = Math.max(start / MINUTE, first); m < Math.min(end / MINUTE, first + MINUTES_PER_DAY); m++) {
            chunk[m - first] = 1;
          }
        }
      }
      this.chunks.set(chunkIndex, chunk);
    }
    [this.lastChunkIndex, this.lastChunk] = [chunkIndex, chunk]; // speeds up walking
    return chunk[minute - chunkIndex * MINUTES_PER_DAY] === 1;
  }
}

/** isOpen, straight from the ranges of local dates d-1, d, d+1 of t (t may be any ms). */
export function refIsOpen(cal: RefCalendar, t: number): boolean {
  const { y, m, d } = instantToWall(cal.spec.timezone, t);
  const day = dayNumber(y, m, d);
  for (const date of [day - 1, day, day + 1]) {
    for (const [start, end] of cal.rangesOf(date)) if (start <= t && t < end) return true;
  }
  return false;
}

function isPaused(minute: number, pauses: readonly RefPause[]): boolean {
  return pauses.some((p) => p.start <= minute * MINUTE && (minute + 1) * MINUTE <= p.end);
}

/** A minute counts when it is open and not paused. */
function counts(cal: RefCalendar, minute: number, pauses: readonly RefPause[]): boolean {
  return cal.openMinute(minute) && !isPaused(minute, pauses);
}

function checkPauses(pauses: readonly RefPause[]): void {
  for (const p of pauses) {
    onGrid(p.start, 'pause start');
    onGrid(p.end, 'pause end');
  }
}

/** t if t is open, else the start of the next open run. */
export function refNextOpen(cal: RefCalendar, t: number): number {
  const from = onGrid(t, 't');
  for (let m = from; m < from + MAX_STEPS; m++) if (cal.openMinute(m)) return m * MINUTE;
  throw new ReferenceBoundError('nextOpen');
}

/** The end of the open run containing t, or of the next run when t is closed. */
export function refNextClose(cal: RefCalendar, t: number): number {
  const from = onGrid(refNextOpen(cal, t), 't');
  for (let m = from; m < onGrid(t, 't') + MAX_STEPS; m++) if (!cal.openMinute(m)) return m * MINUTE;
  throw new ReferenceBoundError('nextClose');
}

/**
 * The earliest instant at which `minutes` of counted time have elapsed since start
 * ('farthest': the latest such instant, i.e. the start of the next counted minute).
 */
export function refAdd(
  cal: RefCalendar,
  start: number,
  minutes: number,
  landing: Landing = 'nearest',
  pauses: readonly RefPause[] = [],
): number {
  const from = onGrid(start, 'start');
  checkPauses(pauses);
  if (minutes === 0) return start;
  let counted = 0;
  let m = from;
  for (; m < from + MAX_STEPS; m++) {
    if (counts(cal, m, pauses)) counted++;
    if (counted === minutes) break;
  }
  if (counted < minutes) throw new ReferenceBoundError('add');
  m++; // the end of the minute that completed the duration
  if (landing === 'nearest') return m * MINUTE;
  for (; m < from + MAX_STEPS; m++) if (counts(cal, m, pauses)) return m * MINUTE;
  throw new ReferenceBoundError('add farthest');
}

/**
 * The latest instant t with `minutes` of counted time in [t, start) (lands on an opening);
 * 'farthest': the earliest such t (the end of the previous counted minute, a close).
 */
export function refSubtract(
  cal: RefCalendar,
  start: number,
  minutes: number,
  landing: Landing = 'nearest',
  pauses: readonly RefPause[] = [],
): number {
  const from = onGrid(start, 'start');
  checkPauses(pauses);
  if (minutes === 0) return start;
  let counted = 0;
  let m = from - 1;
  for (; m >= from - MAX_STEPS; m--) {
    if (counts(cal, m, pauses)) counted++;
    if (counted === minutes) break;
  }
  if (counted < minutes) throw new ReferenceBoundError('subtract');
  if (landing === 'nearest') return m * MINUTE; // the start of the minute that completed it
  for (m--; m >= from - MAX_STEPS; m--) if (counts(cal, m, pauses)) return (m + 1) * MINUTE;
  throw new ReferenceBoundError('subtract farthest');
}

/** Counted time in [a, b) in ms; negative when b < a; never -0. */
export function refBetween(cal: RefCalendar, a: number, b: number, pauses: readonly RefPause[] = []): number {
  checkPauses(pauses);
  const [lo, hi] = a <= b ? [onGrid(a, 'a'), onGrid(b, 'b')] : [onGrid(b, 'b'), onGrid(a, 'a')];
  if (hi - lo > MAX_STEPS) throw new ReferenceBoundError('between');
  let counted = 0;
  for (let m = lo; m < hi; m++) if (counts(cal, m, pauses)) counted++;
  return counted === 0 ? 0 : a <= b ? counted * MINUTE : -counted * MINUTE;
}
