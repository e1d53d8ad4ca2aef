/**
 * A reference clock over the open ranges of a window of local dates, at millisecond precision
 * (for zones whose offsets are not whole minutes, where the minute-stepping clock cannot go).
 * Every answer comes from a plain scan of the merged ranges; an answer the window cannot
 * vouch for (it would need a date outside the window) is `undefined`.
 */
import { dateExtent, openInstantRanges, type RefSpec } from './calendar.js';

export class RefWindow {
  /** Merged open ranges (touching ones joined), sorted. */
  readonly ranges: Array<[number, number]>;
  /** The instants whose answers the window knows: from the first date's start to the last date's end. */
  readonly from: number;
  readonly to: number;

  constructor(readonly spec: RefSpec, firstDay: number, lastDay: number) {
    const all: Array<[number, number]> = [];
    for (let day = firstDay; day <= lastDay; day++) all.push(...openInstantRanges(spec, day, false));
    all.sort((p, q) => p[0] - q[0]);
    const merged: Array<[number, number]> = [];
    for (const [s, e] of all) {
      const last = merged[merged.length - 1];
      if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    this.ranges = merged;
    this.from = dateExtent(spec.timezone, firstDay)[0];
    this.to = dateExtent(spec.timezone, lastDay)[1];
  }

  readonly #byDate = new Map<number, Array<[number, number]>>();

  /** The open ranges of one local date (memoized). */
  rangesOf(day: number): Array<[number, number]> {
    let ranges = this.#byDate.get(day);
    if (ranges === undefined) this.#byDate.set(day, (ranges = openInstantRanges(this.spec, day, false)));
    return ranges;
  }

  #inside(t: number): boolean {
    return t >= this.from && t < this.to;
  }

  isOpen(t: number): boolean | undefined {
    if (!this.#inside(t)) return undefined;
    return this.ranges.some(([s, e]) => s <= t && t < e);
  }

  /** Open milliseconds in [a, b), a <= b. */
  between(a: number, b: number): number | undefined {
    if (!this.#inside(a) || !this.#inside(b)) return undefined;
    let total = 0;
    for (const [s, e] of this.ranges) total += Math.max(0, Math.min(b, e) - Math.max(a, s));
    return total;
  }

  nextOpen(t: number): number | undefined {
    if (!this.#inside(t)) return undefined;
    for (const [s, e] of this.ranges) if (t < e) return Math.max(s, t);
    return undefined;
  }

  nextClose(t: number): number | undefined {
    if (!this.#inside(t)) return undefined;
    for (const [, e] of this.ranges) if (t < e) return e < this.to ? e : undefined; // the last run may go on
    return undefined;
  }

  /** Earliest (nearest) or latest (farthest) instant with `amount` > 0 of open time after t. */
  add(t: number, amount: number, farthest: boolean): number | undefined {
    if (!this.#inside(t)) return undefined;
    let left = amount;
    for (let i = 0; i < this.ranges.length; i++) {
      const [s, e] = this.ranges[i]!;
      if (e <= t) continue;
      const from = Math.max(s, t);
      if (e - from >= left) {
        const at = from + left;
        if (!farthest || at < e) return at;
        return i + 1 < this.ranges.length ? this.ranges[i + 1]![0] : undefined;
      }
      left -= e - from;
    }
    return undefined;
  }

  /** Latest (nearest) or earliest (farthest) instant with `amount` > 0 of open time before t. */
  subtract(t: number, amount: number, farthest: boolean): number | undefined {
    if (!this.#inside(t)) return undefined;
    let left = amount;
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      const [s, e] = this.ranges[i]!;
      if (s >= t) continue;
      const to = Math.min(e, t);
      if (to - s >= left) {
        const at = to - left;
        if (!farthest || at > s) return at;
        return i > 0 ? this.ranges[i - 1]![1] : undefined;
      }
      left -= to - s;
    }
    return undefined;
  }
}
