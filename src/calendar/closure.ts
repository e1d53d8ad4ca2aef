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
