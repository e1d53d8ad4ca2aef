import { SlaclockError, type IssuePath, type SlaclockIssue } from '../errors.js';
import { boundIssue, formatIssue, oneOfIssue, typeIssue, unknownKeyIssues } from './issues.js';

/**
 * Precompiled checks: small hand-written validators for the calendar path, which needs
 * no schema library. A check adds the issues of a value to `issues`, every problem at
 * once, in the order and with the text the zod bridge (src/validation.ts) would give
 * for the equivalent zod schema (test/checks.test.ts holds the two side by side).
 */
export type Check = (value: unknown, path: IssuePath, issues: SlaclockIssue[]) => void;

const CODE = 'invalid_input';

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
    if (typeof value !== 'string') issues.push(typeIssue(CODE, path, 'a string', value));
    else if (pattern !== undefined && !pattern.test(value)) issues.push(formatIssue(CODE, path, expected as string, value));
  };
}

/** `true` or `false`. */
export const boolean: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push(typeIssue(CODE, path, 'a boolean', value));
};

/** One of `values` exactly. */
export function oneOf(values: readonly string[]): Check {
  return (value, path, issues) => {
    if (!values.includes(value as string)) issues.push(oneOfIssue(CODE, path, values, value));
  };
}

/** `check`, or `undefined` (an absent or undefined field). */
export function optional(check: Check): Check {
  return (value, path, issues) => {
    if (value !== undefined) check(value, path, issues);
  };
}

/** An array whose items each pass `item` (any items when omitted) and of at least `min` items. */
export function array(item?: Check, min = 0): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push(typeIssue(CODE, path, 'an array', value));
    if (item !== undefined) value.forEach((element, index) => item(element, [...path, index], issues));
    if (value.length < min) issues.push(boundIssue(CODE, path, { small: true, value: min, inclusive: true, origin: 'array' }, value));
  };
}

/** An array of exactly two items, each passing `item` (a pair, such as an interval). */
export function pair(item: Check): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push(typeIssue(CODE, path, 'an array', value));
    if (value.length < 2) return void issues.push(boundIssue(CODE, path, { small: true, value: 2, inclusive: true, origin: 'array' }, value));
    if (value.length > 2) issues.push(boundIssue(CODE, path, { small: false, value: 2, inclusive: true, origin: 'array' }, value));
    item(value[0], [...path, 0], issues);
    item(value[1], [...path, 1], issues);
  };
}

/**
 * An object (not an array) with the fields of `shape`, each checked in order, and no
 * other (enumerable) key; the unknown ones are reported after the fields' own issues.
 */
export function strictObject(shape: Readonly<Record<string, Check>>): Check {
  const known = Object.keys(shape);
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void issues.push(typeIssue(CODE, path, 'an object', value));
    const fields = value as Record<string, unknown>;
    for (const key of known) (shape[key] as Check)(fields[key], [...path, key], issues);
    const unknown: string[] = [];
    for (const key in fields) if (!known.includes(key)) unknown.push(key);
    if (unknown.length > 0) issues.push(...unknownKeyIssues(unknown, known, path, CODE));
  };
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
  check(value, path, issues);
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
