import { SlaclockError } from '../errors.js';
import { civilFromDays, daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import type { Zone } from '../zone/zone.js';
import { assertYearRanges } from './invariant.js';

/** The years slaclock computes open time for (local calendar years of the calendar's zone). */
export const SUPPORTED_YEARS = Object.freeze({ first: 1900, last: 2399 });

/**
 * Beyond a calendar's last explicitly dated rule its open time repeats year after
 * year, so a search that has seen this many whole years past both that rule and
 * its own starting point without finding what it wants will never find it.
 */
const YEARS_WITHOUT_CHANGE = 2;

/**
 * How far past the supported years a member of a combined calendar may be built: a
 * combined calendar's year 1900 in Pacific/Kiritimati is still 1899 in Pacific/Pago_Pago.
 */
const MEMBER_SLACK_YEARS = 1;

/** Instants inside the supported years in every zone (UTC offsets stay within a day). */
const SAFELY_INSIDE = Object.freeze({
  from: (daysFromCivil(SUPPORTED_YEARS.first, 1, 1) + 1) * MS_PER_DAY,
  to: (daysFromCivil(SUPPORTED_YEARS.last + 1, 1, 1) - 1) * MS_PER_DAY,
});

/**
 * Open time as a sorted table of disjoint, non-touching instant ranges, each stored
 * as its end `ends[i]` and `cum[i]`, the cumulative open milliseconds up to that end
 * (from an origin that never moves, so a year prepended gets smaller sums and the
 * others stay); a range's start is its end less its length `cum[i] - cum[i - 1]`.
 * Local years are built lazily, on demand, and appended or prepended in place, so
 * every query is a binary search plus arithmetic and each range is stored once.
 *
 * Subclasses say how to build one local year: `buildYear` returns the flat list
 * `[s0, e0, s1, e1, ...]` of that year's open ranges, sorted and merged, all within
 * `[yearStart(year), yearStart(year + 1))`. The test build checks this invariant for
 * every year built (src/calendar/invariant.ts).
 */
export abstract class Timeline {
  readonly zone: Zone;
  /**
   * Latest year whose dated rules can change where open time is found, or -Infinity:
   * beyond it, every year's open time follows the same pattern. A closed date far in
   * the future cannot make a search near the present look further.
   */
  readonly lastDatedYear: number;
  /** Earliest such year, or +Infinity. */
  readonly firstDatedYear: number;

  #firstYear = 0;
  #lastYear = -1;
  // Instants covered by the built years, [#lo, #hi); empty (every t outside) until a year is built.
  #lo = Number.POSITIVE_INFINITY;
  #hi = Number.NEGATIVE_INFINITY;
  // The ranges live in slots [#head, #tail) of two typed arrays with headroom at both
  // ends, so adding a year at either end writes only that year's ranges (amortised O(1)).
  // A range's start is not stored: it is its end less its length, the step in `cum`.
  #ends = EMPTY;
  /** Cumulative open time up to `ends[i]`, from an origin that stays put as years are added at either end. */
  #cum = EMPTY;
  #head = 0;
  #tail = 0;
  /** Cumulative open time at the table's first and last instants (equal when nothing is open). */
  #cumStart = 0;
  #cumEnd = 0;

  protected constructor(zone: Zone, firstDatedYear: number, lastDatedYear: number) {
    this.zone = zone;
    this.firstDatedYear = firstDatedYear;
    this.lastDatedYear = lastDatedYear;
  }

  /** The open ranges of one local year, flat and sorted: `[s0, e0, s1, e1, ...]`. */
  protected abstract buildYear(year: number): number[];

  /** True when the calendar is open at every instant (nothing to search for a close). */
  abstract readonly alwaysOpen: boolean;

  /** Whether the calendar is open at `t`. */
  isOpen(t: number): boolean {
    this.#cover(t);
    const i = this.#locate(t);
    return i < this.#tail && this.#startOf(i) <= t;
  }

  /** Open milliseconds in `[a, b)` (a <= b). */
  openBetween(a: number, b: number): number {
    if (a >= b) return 0;
    // Both ends inside the built years (and so inside the supported ones): one check.
    if (a < this.#lo || b - 1 >= this.#hi || a < SAFELY_INSIDE.from || b - 1 >= SAFELY_INSIDE.to) {
      this.#cover(a);
      this.#cover(b - 1);
    }
    return this.#cumAt(b) - this.#cumAt(a);
  }

  /**
   * The instant at which `amount` > 0 of open time has elapsed since `t`:
   * the earliest such instant (`farthest` false: lands on a close) or the latest
   * (`farthest` true: the next opening).
   */
  addOpen(t: number, amount: number, farthest: boolean): number {
    this.#cover(t);
    const from = this.#locate(t);
    const target = this.#cumBefore(t, from) + amount;
    let emptyYears = 0;
    while (farthest ? this.#cumEnd <= target : this.#cumEnd < target) {
      const before = this.#cumEnd;
      this.#extendForward();
      emptyYears = this.#cumEnd === before ? emptyYears + 1 : 0;
      if (emptyYears >= YEARS_WITHOUT_CHANGE && this.#lastYear - YEARS_WITHOUT_CHANGE >= this.lastDatedYear) {
        throw new SlaclockError('calendar_never_opens', 'The calendar has no more open time after this instant, so the duration can never elapse');
      }
    }
    return this.#supported(this.#instantAtCum(target, farthest, from));
  }

  /**
   * The instant `x` before `t` with exactly `amount` > 0 of open time in `[x, t)`:
   * the latest such instant (`farthest` false: lands on an opening) or the
   * earliest (`farthest` true: the previous close).
   */
  subtractOpen(t: number, amount: number, farthest: boolean): number {
    this.#cover(t);
    let emptyYears = 0;
    for (;;) {
      const target = this.#cumAt(t) - amount;
      if (farthest ? target > this.#cumStart : target >= this.#cumStart) return this.#supported(this.#instantAtCum(target, !farthest, this.#head));
      const before = this.#cumStart;
      this.#extendBackward();
      emptyYears = this.#cumStart === before ? emptyYears + 1 : 0;
      if (emptyYears >= YEARS_WITHOUT_CHANGE && this.#firstYear + YEARS_WITHOUT_CHANGE <= this.firstDatedYear) {
        throw new SlaclockError('calendar_never_opens', 'The calendar has no open time before this instant, so the duration cannot be subtracted');
      }
    }
  }

  /** `t` when open, else the next opening; `null` when the calendar never opens again. */
  nextOpen(t: number): number | null {
    this.#cover(t);
    const startYear = this.#lastYear;
    for (;;) {
      const i = this.#locate(t);
      if (i < this.#tail) return this.#supported(Math.max(t, this.#startOf(i)));
      if (!this.#mayStillChange(startYear)) return null;
      this.#extendForward();
    }
  }

  /** End of the open run containing `t`, or of the next run; `null` when there is none. */
  nextClose(t: number): number | null {
    if (this.alwaysOpen) return null;
    this.#cover(t);
    const startYear = this.#lastYear;
    for (;;) {
      const i = this.#locate(t);
      // A run that reaches the end of the built table may go on into the next year.
      if (i < this.#tail && (this.#ends[i] as number) < this.#hi) return this.#supported(this.#ends[i] as number);
      if (!this.#mayStillChange(startYear)) return null;
      this.#extendForward();
    }
  }

  /**
   * `t` when open time ends at or runs through `t` from before (some range has
   * start < t <= end), else the end of the last range before `t`; `null` when the
   * calendar was never open before `t`.
   */
  previousClose(t: number): number | null {
    this.#cover(t);
    const startYear = this.#firstYear;
    for (;;) {
      // Range i is the first that ends after t; the one before it is the last that ends at or before t.
      const i = this.#locate(t);
      if (i < this.#tail && this.#startOf(i) < t) return t;
      if (i > this.#head) return this.#supported(this.#ends[i - 1] as number);
      if (this.#firstYear <= Math.min(this.firstDatedYear, startYear) - YEARS_WITHOUT_CHANGE) return null;
      this.#extendBackward();
    }
  }

  /** The open ranges within `[a, b)`, clipped, as a flat list `[s0, e0, ...]`. */
  rangesWithin(a: number, b: number): number[] {
    return this.#rangesWithin(a, b, 0);
  }

  /**
   * {@link rangesWithin} for a combined calendar's member, which may need a year just
   * outside the supported ones when its zone is far from the combined calendar's.
   */
  memberRangesWithin(a: number, b: number): number[] {
    return this.#rangesWithin(a, b, MEMBER_SLACK_YEARS);
  }

  #rangesWithin(a: number, b: number, slack: number): number[] {
    const out: number[] = [];
    if (a >= b) return out;
    // [a, b) needs the years of a and of b's last millisecond, not of b itself.
    this.#cover(a, slack);
    this.#cover(b - 1, slack);
    for (let i = this.#locate(a); i < this.#tail && this.#startOf(i) < b; i++) {
      out.push(Math.max(a, this.#startOf(i)), Math.min(b, this.#ends[i] as number));
    }
    return out;
  }

  /** The instant where the local year `year` starts: where its January 1 begins ({@link Zone.dayStart}). */
  yearStart(year: number): number {
    return this.zone.dayStart(daysFromCivil(year, 1, 1));
  }

  // A member of a combined calendar may have built a year outside the supported ones; an
  // answer there is out of range whether or not that year happens to be built already.
  #supported(t: number): number {
    if (t < SAFELY_INSIDE.from || t >= SAFELY_INSIDE.to) this.#checkYear(civilFromDays(this.zone.localDayOf(t)).year);
    return t;
  }

  #mayStillChange(startYear: number): boolean {
    return this.#lastYear < Math.max(this.lastDatedYear, startYear) + YEARS_WITHOUT_CHANGE;
  }

  // First slot whose range ends after t (#tail when none). The search halves the slots
  // left with a select instead of a branch, which a random t would mispredict at every step.
  #locate(t: number): number {
    const ends = this.#ends;
    let base = this.#head;
    let left = this.#tail - base;
    if (left === 0) return base;
    while (left > 1) {
      const half = left >>> 1;
      base = (ends[base + half] as number) <= t ? base + half : base;
      left -= half;
    }
    return (ends[base] as number) <= t ? base + 1 : base;
  }

  // Cumulative open time up to t.
  #cumAt(t: number): number {
    return this.#cumBefore(t, this.#locate(t));
  }

  // #cumAt for a t whose #locate is already known to be i: the cumulative time at the
  // range's end less what is left of it after t, or the time at its start when t is before it.
  #cumBefore(t: number, i: number): number {
    if (i === this.#tail) return this.#cumEnd;
    const before = this.#cumAtStartOf(i);
    const upToT = (this.#cum[i] as number) - ((this.#ends[i] as number) - t);
    return upToT > before ? upToT : before;
  }

  // Cumulative open time at the start of the range in slot i.
  #cumAtStartOf(i: number): number {
    return i === this.#head ? this.#cumStart : (this.#cum[i - 1] as number);
  }

  #startOf(i: number): number {
    return (this.#ends[i] as number) - ((this.#cum[i] as number) - this.#cumAtStartOf(i));
  }

  // The instant at which the cumulative open time reaches `target`, in the first
  // range whose cumulative end is >= target (or > target when `strict`; all values
  // are whole milliseconds, so that is >= target + 1). That range exists and is at or
  // after slot `from`: a search over the rest (as in #locate) costs the same for an
  // 8-hour and a one-year duration.
  #instantAtCum(target: number, strict: boolean, from: number): number {
    const cum = this.#cum;
    const goal = strict ? target + 1 : target;
    let base = from;
    let left = this.#tail - base;
    while (left > 1) {
      const half = left >>> 1;
      base = (cum[base + half - 1] as number) < goal ? base + half : base;
      left -= half;
    }
    return (this.#ends[base] as number) - ((cum[base] as number) - target);
  }

  #cover(t: number, slack = 0): void {
    // A year outside the supported ones may be built for a combined calendar; asked directly, it is out of range.
    if (slack === 0 && (t < SAFELY_INSIDE.from || t >= SAFELY_INSIDE.to)) this.#checkYear(civilFromDays(this.zone.localDayOf(t)).year);
    if (t >= this.#lo && t < this.#hi) return;
    if (this.#lastYear < this.#firstYear) {
      const year = civilFromDays(this.zone.localDayOf(t)).year;
      this.#checkYear(year, slack);
      this.#firstYear = year;
      this.#lastYear = year - 1;
      this.#extendForward(slack);
    }
    while (t < this.#lo) this.#extendBackward(slack);
    while (t >= this.#hi) this.#extendForward(slack);
  }

  #checkYear(year: number, slack = 0): void {
    if (year < SUPPORTED_YEARS.first - slack || year > SUPPORTED_YEARS.last + slack) {
      throw new SlaclockError(
        'out_of_range',
        `slaclock computes open time for the years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}; this needs ${year}`,
      );
    }
  }

  #extendForward(slack = 0): void {
    const year = this.#lastYear + 1;
    this.#checkYear(year, slack);
    const ranges = this.#build(year);
    const needed = ranges.length >> 1;
    if (this.#tail + needed > this.#ends.length) this.#grow(0, needed);
    const ends = this.#ends;
    const cum = this.#cum;
    let tail = this.#tail;
    let total = this.#cumEnd;
    for (let k = 0; k < ranges.length; k += 2) {
      const start = ranges[k] as number;
      const end = ranges[k + 1] as number;
      // A run that touches the previous year's last one continues it.
      if (tail > this.#head && (ends[tail - 1] as number) >= start) {
        total += end - (ends[tail - 1] as number);
        ends[tail - 1] = end;
        cum[tail - 1] = total;
        continue;
      }
      total += end - start;
      ends[tail] = end;
      cum[tail] = total;
      tail++;
    }
    this.#tail = tail;
    this.#cumEnd = total;
    if (this.#lastYear < this.#firstYear) this.#lo = this.yearStart(year);
    this.#lastYear = year;
    this.#hi = this.yearStart(year + 1);
  }

  #extendBackward(slack = 0): void {
    const year = this.#firstYear - 1;
    this.#checkYear(year, slack);
    const ranges = this.#build(year);
    const needed = ranges.length >> 1;
    if (this.#head < needed) this.#grow(needed, 0);
    const ends = this.#ends;
    const cum = this.#cum;
    let head = this.#head;
    let total = this.#cumStart;
    for (let k = ranges.length - 2; k >= 0; k -= 2) {
      const start = ranges[k] as number;
      const end = ranges[k + 1] as number;
      // A run that touches the next year's first one continues it: its end and cumulative end
      // stay, and the table's cumulative start moves back by what the run gains.
      const next = head < this.#tail ? (ends[head] as number) - ((cum[head] as number) - total) : Number.POSITIVE_INFINITY;
      if (next <= end) {
        total -= next - start;
        continue;
      }
      head--;
      ends[head] = end;
      cum[head] = total;
      total -= end - start;
    }
    this.#head = head;
    this.#cumStart = total;
    this.#firstYear = year;
    this.#lo = this.yearStart(year);
  }

  // Room for `front` more slots before #head and `back` more after #tail: the side that
  // grows gets at least half the table again, so appends and prepends cost amortised O(1).
  #grow(front: number, back: number): void {
    const count = this.#tail - this.#head;
    const before = front === 0 ? this.#head : Math.max(front, count >> 1);
    const after = back === 0 ? this.#ends.length - this.#tail : Math.max(back, count >> 1);
    const capacity = before + count + after;
    const move = (from: Float64Array): Float64Array => {
      const to = new Float64Array(capacity);
      to.set(from.subarray(this.#head, this.#tail), before);
      return to;
    };
    this.#ends = move(this.#ends);
    this.#cum = move(this.#cum);
    this.#head = before;
    this.#tail = before + count;
  }

  #build(year: number): number[] {
    const ranges = this.buildYear(year);
    if (typeof __SLACLOCK_ASSERT__ !== 'undefined' && __SLACLOCK_ASSERT__) assertYearRanges(ranges, this.yearStart(year), this.yearStart(year + 1), `${this.zone.name} ${year}`);
    return ranges;
  }
}

const EMPTY: Float64Array = new Float64Array(0);

/** Sorts flat ranges by start and merges overlapping or touching ones. */
export function normalizeRanges(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) {
    const start = flat[k] as number;
    const end = flat[k + 1] as number;
    if (end > start) pairs.push([start, end]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    const last = out.length - 1;
    if (out.length > 0 && (out[last] as number) >= start) out[last] = Math.max(out[last] as number, end);
    else out.push(start, end);
  }
  return out;
}
