/**
 * Every error slaclock throws on purpose is a {@link SlaclockError}: a stable
 * snake_case `code` to branch on, the `path` of the bad field inside the input
 * (as in zod: `['week', 'mon', 0, 1]`), and a plain-English `message` that says
 * what was received and what is expected.
 */
import { truncate } from './util/describe.js';

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
  /** A calendar names a holiday region but was compiled without a holiday source (see `slaclock/regions`), or `slaclock/regions` is used without its optional peer dependency `date-holidays` installed. */
  | 'regions_not_loaded'
  /** An instant that is not a valid `Date`, whole epoch milliseconds, an ISO-8601 / RFC 9557 string with an offset, a Temporal instant or a luxon `DateTime`. */
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
  /** A channel name that no plan of the policy version offers (a channel another plan offers is a `channel_not_offered` denial, not an error). */
  | 'unknown_channel'
  /** A policy that is well-formed JSON but inconsistent (a plan requiring a missing plan, a severity without a target, an unknown clock). */
  | 'invalid_policy'
  /** An input beyond the size budget (too many values, nested too deep, a string too long) or cyclic. */
  | 'input_too_large';

/** Longest message a {@link SlaclockError} carries; a safety net over the per-value truncation. */
const MAX_MESSAGE = 1000;
/** Most issues one error carries; a note says how many more there were. */
const MAX_ISSUES = 100;

/** A path inside an input: keys and array indexes, as zod gives them. */
export type IssuePath = readonly (string | number)[];

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
  readonly path: IssuePath;
  /**
   * Every problem found when the input was validated as a whole, sorted by path
   * (this error's own code, path and message are the first's); a single entry otherwise.
   */
  readonly issues: readonly SlaclockIssue[];

  constructor(code: SlaclockErrorCode, message: string, path: IssuePath = [], otherIssues: readonly SlaclockIssue[] = []) {
    const text = truncate(String(message), MAX_MESSAGE);
    super(path.length > 0 ? `${text} (at ${formatPath(path)})` : text);
    this.code = code;
    this.path = Object.freeze([...path]);
    this.issues = Object.freeze([Object.freeze({ code, path: this.path, message: text }), ...otherIssues.slice(0, MAX_ISSUES)]);
  }

  /**
   * The error for a list of issues: the first (by path) gives the code, path and
   * message; all are carried in `issues`.
   *
   * @example
   * ```ts
   * SlaclockError.of([{ code: 'invalid_input', path: ['b'], message: 'Missing required string' }]).message;
   * // 'Missing required string (at b)'
   * ```
   */
  static of(issues: readonly SlaclockIssue[]): SlaclockError {
    const sorted = sortIssues(issues);
    const [first, ...rest] = sorted;
    if (first === undefined) return new SlaclockError('invalid_input', 'Invalid input');
    const error = new SlaclockError(first.code, first.message, first.path, rest.map(freezeIssue));
    const extra = sorted.length - 1 - MAX_ISSUES;
    if (extra > 0) {
      (error as { issues: readonly SlaclockIssue[] }).issues = Object.freeze([
        freezeIssue(first),
        ...rest.slice(0, MAX_ISSUES).map(freezeIssue),
        Object.freeze({ code: first.code, path: Object.freeze([]), message: `... and ${extra} more problems` }),
      ]);
    } else {
      (error as { issues: readonly SlaclockIssue[] }).issues = Object.freeze([freezeIssue(first), ...rest.map(freezeIssue)]);
    }
    return error;
  }

  /** A plain, serialisable copy: `{ name, code, path, message, issues }`. */
  toJSON(): { name: string; code: SlaclockErrorCode; path: (string | number)[]; message: string; issues: SlaclockIssue[] } {
    return { name: this.name, code: this.code, path: [...this.path], message: this.message, issues: [...this.issues] };
  }
}

/**
 * One validation problem: a code, where it is, what is wrong (`message`, without the
 * path), and, where known, what was `expected` and what was `received` (already
 * quoted and truncated), or the unknown `keys` of an object.
 */
export interface SlaclockIssue {
  readonly code: SlaclockErrorCode;
  readonly path: IssuePath;
  readonly message: string;
  /** What the field accepts, e.g. `'one of "active", "trial", "lapsed", "none"'`. */
  readonly expected?: string | undefined;
  /** What it got, quoted and truncated, e.g. `'"Active"'`. */
  readonly received?: string | undefined;
  /** For unknown fields: their names. */
  readonly keys?: readonly string[] | undefined;
}

function freezeIssue(issue: SlaclockIssue): SlaclockIssue {
  return Object.freeze({ ...issue, message: truncate(String(issue.message), MAX_MESSAGE), path: Object.freeze([...issue.path]) });
}

/**
 * Issues sorted by path (index by index; numbers before names, numbers by value),
 * without repeats of the same code, path and message.
 */
export function sortIssues(issues: readonly SlaclockIssue[]): SlaclockIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = `${issue.code}\u0000${formatPath(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePaths(a.path, b.path));
}

function comparePaths(a: IssuePath, b: IssuePath): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k] as string | number;
    const y = b[k] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Runs `action`; a SlaclockError it throws is thrown again with `prefix` in front of
 * its path (and of its issues' paths), for inputs validated inside a larger input.
 */
export function withPathPrefix<T>(prefix: IssuePath, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof SlaclockError) || prefix.length === 0) throw error;
    throw SlaclockError.of(prefixIssues(prefix, error.issues));
  }
}

/** The issues with `prefix` in front of each path. */
export function prefixIssues(prefix: IssuePath, issues: readonly SlaclockIssue[]): SlaclockIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const COMMAND_LINE_OPTION = /^--[a-z][\w-]{0,40}$/;

/**
 * Renders a path as `week.mon[0][1]`; keys that are not identifiers are quoted the
 * way zod's dot paths quote them: `targets["1"]`, `channels["help-center"]`.
 */
export function formatPath(path: IssuePath): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      if (IDENTIFIER.test(key) && key.length <= 60) return index === 0 ? key : `.${key}`;
      // A command-line option names itself: `(at --at)`.
      if (index === 0 && COMMAND_LINE_OPTION.test(key)) return key;
      return `[${JSON.stringify(truncate(key, 60))}]`;
    })
    .join('');
}
