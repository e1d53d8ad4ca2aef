import { SlaclockError } from '../errors.js';
import { Zone } from '../zone/zone.js';
import { normalizeRanges, Timeline } from './timeline.js';
import type { WeeklyTimeline } from './weekly.js';

/** The timeline of a compiled calendar: weekly hours, or a combination (closure.ts says why either is closed). */
export type ExplainingTimeline = WeeklyTimeline | CompositeTimeline;

/** How members combine: open when any member is open, or only when all are. */
export type Combination = 'union' | 'intersection';

/**
 * How deeply unions and intersections may nest once nested ones of the same kind are
 * flattened (a union of unions is one union): each level adds one table per year.
 */
export const MAX_COMBINATION_DEPTH = 64;

/**
 * The union or intersection of other calendars, itself a calendar. Its local years
 * (for business days and explanations) are those of `zone`. A member of the same
 * kind is flattened into this one (its open time is the same set of instants), so a
 * year costs time linear in the number of weekly calendars and the nesting depth.
 */
export class CompositeTimeline extends Timeline {
  readonly name: string | undefined;
  readonly alwaysOpen: boolean;
  readonly combination: Combination;
  readonly members: readonly ExplainingTimeline[];
  /** 1 for a combination of weekly calendars; one more per level of nesting. */
  readonly depth: number;

  constructor(combination: Combination, members: readonly ExplainingTimeline[], zone: Zone, name: string | undefined) {
    const flat = members.flatMap((member) => (member instanceof CompositeTimeline && member.combination === combination ? member.members : [member]));
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let depth = 1;
    for (const member of flat) {
      first = Math.min(first, member.firstDatedYear);
      last = Math.max(last, member.lastDatedYear);
      if (member instanceof CompositeTimeline) depth = Math.max(depth, member.depth + 1);
    }
    if (depth > MAX_COMBINATION_DEPTH) {
      throw new SlaclockError(
        'limit_exceeded',
        `Unions and intersections nest ${depth} levels deep (after flattening unions of unions and intersections of intersections); at most ${MAX_COMBINATION_DEPTH} are allowed`,
      );
    }
    // A member's dated years are in its own zone; one year of slack covers the difference.
    super(zone, first - 1, last + 1);
    this.combination = combination;
    this.members = flat;
    this.depth = depth;
    this.name = name;
    this.alwaysOpen = combination === 'union' ? flat.some((m) => m.alwaysOpen) : flat.every((m) => m.alwaysOpen);
  }

  protected buildYear(year: number): number[] {
    const start = this.yearStart(year);
    const end = this.yearStart(year + 1);
    const lists = this.members.map((member) => member.memberRangesWithin(start, end));
    if (this.combination === 'union') return normalizeRanges(lists.flat());
    return lists.reduce(intersectRanges);
  }
}

/** Intersection of two sorted, disjoint flat range lists. */
export function intersectRanges(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (end > start) out.push(start, end);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}
