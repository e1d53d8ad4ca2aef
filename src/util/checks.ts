import { SlaclockError, type IssuePath, type SlaclockIssue } from '../errors.js';
import { boundIssue, formatIssue, oneOfIssue, typeIssue, unknownKeyIssues } from './issues.js';

/**
 * Precompiled checks: small hand-written validators, so that neither the calendar nor
 * the policy path needs a schema library. A check adds the issues of a value to
 * `issues`, every problem at once, in the order and with the text the zod schemas they
 * replaced gave through the zod bridge (test/checks.test.ts and
 * test/policyChecks.test.ts hold the two side by side).
 *
 * Without `issues`, a check only probes: it builds no issue and may stop at the first
 * problem, so a value that passes (the common case) costs no message and no path.
 * {@link issuesOf} probes first; a {@link union} probes its branches.
 */
export type Check = (value: unknown, path: IssuePath, issues?: SlaclockIssue[]) => Verdict;

/**
 * What a check found: nothing, or problems that are all soft (a bound, a format,
 * unknown keys beside known ones: about a value of the right kind), or a hard one (a
 * value of the wrong kind, or outside a fixed set). A {@link union} reports the one
 * branch with soft problems only as the one the caller meant. A probe may stop at its
 * first problem, so only whether it passed means anything there.
 */
export type Verdict = typeof PASS | typeof SOFT | typeof HARD;
export const PASS = 0;
export const SOFT = 1;
/** Hard: its bits include {@link SOFT}'s, so verdicts combine with `|`. */
export const HARD = 3;

/** Bounds of a number, each optional: `min` and `max` inclusive, `above` exclusive. */
export interface NumberBounds {
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
}

const CODE = 'invalid_input';

/** A problem: its issue is built and added unless the check only probes. */
function problem(issues: SlaclockIssue[] | undefined, verdict: Verdict, issue: () => SlaclockIssue): Verdict {
  issues?.push(issue());
  return verdict;
}

/** A value of the wrong kind (or none): a hard problem. */
function wrongKind(issues: SlaclockIssue[] | undefined, path: IssuePath, expected: string, value: unknown): Verdict {
  return problem(issues, HARD, () => typeIssue(CODE, path, expected, value));
}

/** The path of a field or item: only built when there are issues to give it to. */
function at(path: IssuePath, key: string | number, issues: SlaclockIssue[] | undefined): IssuePath {
  return issues === undefined ? path : [...path, key];
}

/** Whether a check is done: it only probes, and found a problem. */
function settled(verdict: number, issues: SlaclockIssue[] | undefined): boolean {
  return verdict !== PASS && issues === undefined;
}

/**
 * A string, optionally matching `pattern` (`expected` then names the form).
 *
 * @example
 * ```ts
 * const wallTime = string(/^\d{2}:\d{2}$/, 'a wall-clock time "HH:MM"');
 * ```
 */
export function string(pattern?: RegExp, expected?: string): Check {
  return (value, path, issues) => {
    if (typeof value !== 'string') return wrongKind(issues, path, 'a string', value);
    if (pattern !== undefined && !pattern.test(value)) return problem(issues, SOFT, () => formatIssue(CODE, path, expected as string, value));
    return PASS;
  };
}

/** A string of at least one character. */
export const nonEmptyString: Check = (value, path, issues) => {
  if (typeof value !== 'string') return wrongKind(issues, path, 'a string', value);
  if (value.length === 0) return problem(issues, SOFT, () => boundIssue(CODE, path, { small: true, value: 1, inclusive: true, origin: 'string' }, value));
  return PASS;
};

/** `true` or `false`. */
export const boolean: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') return wrongKind(issues, path, 'a boolean', value);
  return PASS;
};

/**
 * A finite number within `bounds`.
 *
 * @example
 * ```ts
 * const attainment = number({ above: 0, max: 100 });
 * ```
 */
export function number(bounds: NumberBounds = {}): Check {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongKind(issues, path, 'a number', value);
    return outOfBounds(value, bounds, path, issues);
  };
}

/** A safe integer (beyond ±(2^53 - 1) it is not exact) within `bounds`. */
export function integer(bounds: NumberBounds = {}): Check {
  const safe = { max: Number.MAX_SAFE_INTEGER, min: Number.MIN_SAFE_INTEGER };
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongKind(issues, path, 'a number', value);
    if (!Number.isInteger(value)) return wrongKind(issues, path, 'an integer', value);
    // Only the safe bound it crosses (a number cannot be below one and above the other), then its own bounds.
    const unsafe = Number.isSafeInteger(value) ? PASS : outOfBounds(value, value > 0 ? { max: safe.max } : { min: safe.min }, path, issues);
    return (unsafe | outOfBounds(value, bounds, path, issues)) as Verdict;
  };
}

function outOfBounds(value: number, { min, above, max }: NumberBounds, path: IssuePath, issues: SlaclockIssue[] | undefined): Verdict {
  let verdict: Verdict = PASS;
  const bound = (small: boolean, limit: number, inclusive: boolean) =>
    (verdict = problem(issues, SOFT, () => boundIssue(CODE, path, { small, value: limit, inclusive, origin: 'number' }, value)));
  if (min !== undefined && value < min) bound(true, min, true);
  if (above !== undefined && !(value > above)) bound(true, above, false);
  if (max !== undefined && value > max) bound(false, max, true);
  return verdict;
}

/** One of `values` exactly. */
export function oneOf(values: readonly string[]): Check {
  return (value, path, issues) => {
    if (!values.includes(value as string)) return problem(issues, HARD, () => oneOfIssue(CODE, path, values, value));
    return PASS;
  };
}

/** `check`, or `undefined` (an absent or undefined field). */
export function optional(check: Check): Check {
  return (value, path, issues) => (value === undefined ? PASS : check(value, path, issues));
}

/** `check`, or `null`. */
export function nullable(check: Check): Check {
  return (value, path, issues) => (value === null ? PASS : check(value, path, issues));
}

/** An array whose items each pass `item` (any items when omitted) and of at least `min` items. */
export function array(item?: Check, min = 0): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return wrongKind(issues, path, 'an array', value);
    let verdict: number = PASS;
    for (let index = 0; item !== undefined && index < value.length && !settled(verdict, issues); index++) verdict |= item(value[index], at(path, index, issues), issues);
    if (value.length < min) verdict |= problem(issues, SOFT, () => boundIssue(CODE, path, { small: true, value: min, inclusive: true, origin: 'array' }, value));
    return verdict as Verdict;
  };
}

/** An array of exactly two items, each passing `item` (a pair, such as an interval). */
export function pair(item: Check): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return wrongKind(issues, path, 'an array', value);
    if (value.length < 2) return problem(issues, HARD, () => boundIssue(CODE, path, { small: true, value: 2, inclusive: true, origin: 'array' }, value));
    let verdict: number = value.length > 2 ? problem(issues, HARD, () => boundIssue(CODE, path, { small: false, value: 2, inclusive: true, origin: 'array' }, value)) : PASS;
    for (let index = 0; index < 2 && !settled(verdict, issues); index++) verdict |= item(value[index], at(path, index, issues), issues);
    return verdict as Verdict;
  };
}

/**
 * An object (not an array) with the fields of `shape`, each checked in order, and no
 * other (enumerable) key; the unknown ones are reported after the fields' own issues.
 */
export function strictObject(shape: Readonly<Record<string, Check>>): Check {
  const known = Object.keys(shape);
  const checks = Object.values(shape);
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrongKind(issues, path, 'an object', value);
    const fields = value as Record<string, unknown>;
    let verdict: number = PASS;
    for (let index = 0; index < known.length && !settled(verdict, issues); index++) {
      const key = known[index] as string;
      verdict |= (checks[index] as Check)(fields[key], at(path, key, issues), issues);
    }
    const unknown: string[] = [];
    for (const key in fields) if (!known.includes(key)) unknown.push(key);
    if (unknown.length === 0) return verdict as Verdict;
    issues?.push(...unknownKeyIssues(unknown, known, path, CODE));
    return (verdict | SOFT) as Verdict;
  };
}

/**
 * A plain object (its prototype `Object.prototype` or none) whose values each pass
 * `item` (any values when omitted), under any keys.
 */
export function record(item?: Check): Check {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return wrongKind(issues, path, 'an object', value);
    let verdict: number = PASS;
    const keys = item === undefined ? [] : Object.keys(value);
    for (let index = 0; index < keys.length && !settled(verdict, issues); index++) {
      const key = keys[index] as string;
      verdict |= (item as Check)(value[key], at(path, key, issues), issues);
    }
    return verdict as Verdict;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The issues of `value` under `check`, at `path` (empty when it passes).
 *
 * @example
 * ```ts
 * issuesOf(strictObject({ timezone: string() }), { timezone: 5 }, ['calendar']);
 * // [{ code: 'invalid_input', path: ['calendar', 'timezone'], message: 'Expected a string, got number 5', ... }]
 * ```
 */
export function issuesOf(check: Check, value: unknown, path: IssuePath = []): SlaclockIssue[] {
  const issues: SlaclockIssue[] = [];
  if (check(value, path) !== PASS) check(value, path, issues);
  return issues;
}

/**
 * `value` as a `T` when it passes `check`; throws a {@link SlaclockError} carrying every
 * issue (sorted by path) when it does not.
 *
 * @example
 * ```ts
 * const spec = parseChecked<{ timezone: string }>(strictObject({ timezone: string() }), input, ['calendar']);
 * ```
 */
export function parseChecked<T>(check: Check, value: unknown, path: IssuePath = []): T {
  const issues = issuesOf(check, value, path);
  if (issues.length > 0) throw SlaclockError.of(issues);
  return value as T;
}
