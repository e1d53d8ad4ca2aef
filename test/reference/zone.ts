/**
 * Reference time-zone arithmetic: slow, brute force, and independent of src/ and luxon.
 *
 * - offsetMinutes: the wall clock Intl.DateTimeFormat shows for the instant, minus the instant.
 * - wallToInstant: Temporal's 'compatible' disambiguation, found by trying every offset
 *   the zone uses around that wall time.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Memo only (Intl is slow); cleared when it grows large. */
const offsetMemo = new Map<string, Map<number, number>>();

/** The zone's UTC offset in minutes at the instant (Denver: -420 in winter, -360 in summer). */
export function offsetMinutes(zone: string, epochMs: number): number {
  let memo = offsetMemo.get(zone);
  if (memo === undefined) offsetMemo.set(zone, (memo = new Map()));
  const key = epochMs / MINUTE; // a small integer on the minute grid: fast Map key
  const hit = memo.get(key);
  if (hit !== undefined) return hit;

  // format() gives the same fields as formatToParts ("11/01/2026, 01:30:00") but is ~4x faster.
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const text = formatterFor(zone).format(wholeSecond);
  const match = /^(\d\d)\/(\d\d)\/(\d{4}), (\d\d):(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new Error(`reference: unexpected Intl output "${text}"`);
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (hour > 23) throw new Error(`reference: unexpected Intl hour "${text}"`);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = (wallAsUtc - wholeSecond) / MINUTE;
  if (!Number.isInteger(offset)) throw new Error(`offset of ${zone} at ${epochMs} is not whole minutes`);

  if (memo.size > 1_000_000) memo.clear();
  memo.set(key, offset);
  return offset;
}

/** The local wall clock of an instant, as { y, m, d, minuteOfDay } (seconds dropped). */
export function instantToWall(zone: string, epochMs: number): { y: number; m: number; d: number; minuteOfDay: number } {
  const wall = new Date(epochMs + offsetMinutes(zone, epochMs) * MINUTE);
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
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

  // Every offset the zone shows within (at least) 36 hours of the wall time, sampled hourly
  // from the UTC midnight before W - 36h (so that one sample set serves a whole day).
  const firstSample = Math.floor((W - 36 * HOUR) / DAY) * DAY;
  const offsets = offsetsSeen(zone, firstSample);

  // A candidate instant W - o is real when the zone does show offset o at that instant.
  const valid = offsets.map((o) => W - o * MINUTE).filter((t) => W - offsetMinutes(zone, t) * MINUTE === t);
  if (valid.length > 0) return Math.min(...valid);

  // No instant shows this wall time: it is in a gap. Use the offset before the gap.
  return W - offsetMinutes(zone, firstSample) * MINUTE;
}

/** The distinct offsets at 4 days of hourly samples from `firstSample` on (memoized: Intl is slow). */
const offsetsMemo = new Map<string, number[]>();
function offsetsSeen(zone: string, firstSample: number): number[] {
  const key = `${zone} ${firstSample}`;
  let offsets = offsetsMemo.get(key);
  if (offsets === undefined) {
    const set = new Set<number>();
    for (let k = 0; k <= 96; k++) set.add(offsetMinutes(zone, firstSample + k * HOUR));
    offsets = [...set];
    if (offsetsMemo.size > 200_000) offsetsMemo.clear();
    offsetsMemo.set(key, offsets);
  }
  return offsets;
}
