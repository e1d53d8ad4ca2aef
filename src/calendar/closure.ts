import { civilFromDays, MS_PER_MINUTE } from '../time/civil.js';
import { CompositeTimeline, type ExplainingTimeline } from './composite.js';

/** Why a calendar is closed at some instant. */
export type ClosureReason =
  /** Outside the weekly hours (nights, weekends). */
  | 'outside-hours'
  /** Between two open intervals of the same local date (a lunch break). */
  | 'break'
  /** A closed holiday (explicit, regional or preset). */
  | 'holiday'
  /** Outside the replaced hours of a partial day. */
  | 'partial-day';

/** A closure with the holiday's or partial day's name, and the calendar it comes from. */
export interface Closure {
  readonly reason: ClosureReason;
  readonly name?: string;
  readonly calendar?: string;
}

/**
 * Why the calendar is closed at `t` (which must be a closed instant); a combined calendar
 * answers with the closure of its first member that is closed at `t`.
 */
export function closureAt(timeline: ExplainingTimeline, t: number): Closure {
  if (timeline instanceof CompositeTimeline) {
    const closed = timeline.members.find((member) => !member.isOpen(t)) ?? (timeline.members[0] as ExplainingTimeline);
    return closureAt(closed, t);
  }
  const day = timeline.zone.dateOf(t);
  const year = civilFromDays(day).year;
  const rule = timeline.rules.ruleFor(day, year);
  const label = timeline.name === undefined ? {} : { calendar: timeline.name };
  if (rule?.kind === 'closed') return { reason: 'holiday', name: rule.name, ...label };
  if (rule?.kind === 'hours') return { reason: 'partial-day', name: rule.name, ...label };
  const minute = timeline.zone.localTimeOfDay(t) / MS_PER_MINUTE;
  if (rule?.kind === 'closed-from' && minute >= rule.minute) return { reason: 'holiday', name: rule.name, ...label };
  const ranges = timeline.wallRanges(day, year);
  const opensBefore = ranges.some((value, k) => k % 2 === 1 && value <= minute);
  const opensAfter = ranges.some((value, k) => k % 2 === 0 && value > minute);
  return { reason: opensBefore && opensAfter ? 'break' : 'outside-hours', ...label };
}
