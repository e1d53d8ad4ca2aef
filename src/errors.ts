/**
 * Every error slaclock throws on purpose is a {@link SlaclockError}: a stable
 * snake_case `code` to branch on, the `path` of the bad field inside the input
 * (as in zod: `['week', 'mon', 0, 1]`), and a plain-English `message`.
 */

/** The stable codes a {@link SlaclockError} can carry. */
export type SlaclockErrorCode =
  /** A field has the wrong type or shape (a zod issue without a more specific code). */
  | 'invalid_input'
  /** An IANA time zone name that this runtime does not know. */
  | 'unknown_time_zone'
  /** A wall-clock time that is not `HH:MM` between `00:00` and `24:00`. */
  | 'invalid_time'
  /** A calendar date that is not a real `YYYY-MM-DD` date. */
  | 'invalid_date'
  /** An interval that is empty (start equals end) or starts at `24:00`. */
  | 'empty_interval'
  /** Two open intervals of one calendar overlap (overnight parts included). */
  | 'overlapping_intervals'
  /** One date is given both as a closed holiday and as a partial day. */
  | 'conflicting_dates'
  /** A holiday region code that the holiday source (`date-holidays` through `slaclock/regions`) does not know. */
  | 'unknown_region'
  /** A calendar names a holiday region but was compiled without a holiday source (see `slaclock/regions`). */
  | 'regions_not_loaded'
  /** An instant that is not a valid `Date`, finite epoch milliseconds or an ISO-8601 string with an offset. */
  | 'invalid_instant'
  /** A duration that is malformed, negative or not finite. */
  | 'invalid_duration'
  /** A calendar that has no open time at all, or none left in the searched range. */
  | 'calendar_never_opens'
  /** An instant outside the years slaclock computes (see `SUPPORTED_YEARS`). */
  | 'out_of_range'
  /** An option that is not one of the accepted values. */
  | 'invalid_option'
  /** An answer or input beyond a documented limit: calendars nested too deeply, an explanation longer than `maxSegments`. */
  | 'limit_exceeded'
  /** A policy id that is not in the built-in catalog. */
  | 'unknown_policy'
  /** A plan the policy does not define. */
  | 'unknown_plan'
  /** A severity level the policy does not define. */
  | 'unknown_severity'
  /** A channel the plan does not offer. */
  | 'unknown_channel'
  /** A policy that is well-formed JSON but inconsistent (a plan requiring a missing plan, a severity without a target, an unknown clock). */
  | 'invalid_policy';

/**
 * The one error class slaclock throws for bad input.
 *
 * @example
 * ```ts
 * import { compileCalendar, SlaclockError } from 'slaclock';
 * try {
 *   compileCalendar({ timezone: 'Mars/Olympus', week: {} });
 * } catch (error) {
 *   if (error instanceof SlaclockError) console.log(error.code, error.path); // 'unknown_time_zone' ['timezone']
 * }
 * ```
 */
export class SlaclockError extends Error {
  override readonly name = 'SlaclockError';
  /** A stable, machine-readable code. */
  readonly code: SlaclockErrorCode;
  /** Where in the input the problem is; empty when it is the input as a whole. */
  readonly path: readonly (string | number)[];
  /**
   * Every problem found when the input was validated as a whole (this error's own
   * code, path and message come first); a single entry otherwise.
   */
  readonly issues: readonly SlaclockIssue[];

  constructor(
    code: SlaclockErrorCode,
    message: string,
    path: readonly (string | number)[] = [],
    otherIssues: readonly SlaclockIssue[] = [],
  ) {
    super(path.length > 0 ? `${message} (at ${formatPath(path)})` : message);
    this.code = code;
    this.path = Object.freeze([...path]);
    this.issues = Object.freeze([Object.freeze({ code, path: this.path, message }), ...otherIssues]);
  }

  /** A plain, serialisable copy: `{ name, code, path, message, issues }`. */
  toJSON(): { name: string; code: SlaclockErrorCode; path: (string | number)[]; message: string; issues: SlaclockIssue[] } {
    return { name: this.name, code: this.code, path: [...this.path], message: this.message, issues: [...this.issues] };
  }
}

/** One validation problem: a code, where it is, and what is wrong. */
export interface SlaclockIssue {
  readonly code: SlaclockErrorCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Runs `action`; a SlaclockError it throws is thrown again with `prefix` in front of
 * its path (and of its issues' paths), for inputs validated inside a larger input.
 */
export function withPathPrefix<T>(prefix: readonly (string | number)[], action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof SlaclockError) || prefix.length === 0) throw error;
    const [first, ...rest] = error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
    throw new SlaclockError(error.code, first?.message ?? error.message, first?.path ?? prefix, rest);
  }
}

/** Renders a path as `week.mon[0][1]`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}
