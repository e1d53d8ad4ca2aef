import type { IssuePath, SlaclockErrorCode, SlaclockIssue } from '../errors.js';
import { describeReceived, didYouMean, kindOf, quoteValue, truncate } from './describe.js';

/**
 * Message text about malformed values, in one place, and the issues that carry it:
 * every message says what was expected and what was received (quoted and truncated).
 * The precompiled checks (src/util/checks.ts) and every hand-written message build
 * their issues here, and so did the zod bridge they replaced (now the tests' oracle,
 * test/support/zodBridge.ts), so one malformed value reads the same whichever found it.
 */

/** Most unknown keys of one object reported one by one. */
const MAX_UNKNOWN_KEYS = 10;

/**
 * Message text about malformed values.
 *
 * @example
 * ```ts
 * messages.oneOf(['active', 'trial', 'lapsed', 'none'], 'Active');
 * // 'Expected one of "active", "trial", "lapsed", "none", got "Active" (did you mean "active"?)'
 * ```
 */
export const messages = {
  /** `Missing required string` */
  missing: (expected: string) => `Missing required ${expected.replace(/^an? /, '')}`,
  /** `Expected a number, got string "zero"` */
  expected: (expected: string, received: unknown) => `Expected ${expected}, got ${describeReceived(received)}`,
  /** `Expected <expected>, got <text>`, with the received part already rendered. */
  expectedGot: (expected: string, receivedText: string) => `Expected ${expected}, got ${receivedText}`,
  /** `Expected one of "a", "b", got "A" (did you mean "a"?)`: the value alone when its kind matches the options'. */
  oneOf: (values: readonly (string | number | boolean | null | bigint | undefined)[], received: unknown) => {
    const list = values.slice(0, 30).map((value) => quoteValue(value)).join(', ') + (values.length > 30 ? `, … ${values.length - 30} more` : '');
    const sameKind = values.length > 0 && typeof values[0] === typeof received;
    const candidates = values.filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
    return `Expected one of ${list}, got ${sameKind ? quoteValue(received) : describeReceived(received)}${didYouMean(received, candidates)}`;
  },
  /** `Unknown field "acount" (did you mean "account"?)` */
  unknownKey: (key: string, known: readonly string[]) => `Unknown field ${JSON.stringify(truncate(key, 60))}${didYouMean(key, known)}`,
} as const;

/**
 * A value of the wrong kind (`Expected a string, got number 5`), or none at all
 * (`Missing required string`) when `received` is `undefined`.
 */
export function typeIssue(code: SlaclockErrorCode, path: IssuePath, expected: string, received: unknown): SlaclockIssue {
  if (received === undefined) return { code, path, message: messages.missing(expected), expected };
  return { code, path, message: messages.expected(expected, received), expected, received: quoteValue(received) };
}

/** A value that is none of `values`: `Expected one of "a", "b", got "A" (did you mean "a"?)`. */
export function oneOfIssue(code: SlaclockErrorCode, path: IssuePath, values: readonly (string | number)[], received: unknown): SlaclockIssue {
  const expected = `one of ${values.map((value) => quoteValue(value)).join(', ')}`;
  if (received === undefined) return { code, path, message: messages.missing(expected), expected };
  return { code, path, message: messages.oneOf(values, received), expected, received: quoteValue(received) };
}

/** A string of the wrong form: `Expected a date "YYYY-MM-DD", got "2026-1-5"`. */
export function formatIssue(code: SlaclockErrorCode, path: IssuePath, expected: string, received: unknown): SlaclockIssue {
  return { code, path, message: messages.expectedGot(expected, quoteValue(received)), expected, received: quoteValue(received) };
}

/**
 * A value too small or too big: `Expected at least 1 item, got 0 items`,
 * `Expected a number >= 0, got -1`. `origin` is what was measured: `'array'`, `'set'`,
 * `'string'` or a number's kind.
 */
export function boundIssue(
  code: SlaclockErrorCode,
  path: IssuePath,
  bound: { small: boolean; value: unknown; inclusive: boolean; origin: string },
  received: unknown,
): SlaclockIssue {
  const expected = boundLabel(bound);
  return { code, path, message: messages.expectedGot(expected, sizeOf(received, bound.origin)), expected, received: quoteValue(received) };
}

/** One issue per unknown key (the first {@link MAX_UNKNOWN_KEYS}, then one for the rest), naming the known keys. */
export function unknownKeyIssues(keys: readonly string[], known: readonly string[], path: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  const issues: SlaclockIssue[] = keys.slice(0, MAX_UNKNOWN_KEYS).map((key) => ({
    code,
    path,
    message: messages.unknownKey(key, known),
    keys: [key],
    ...(known.length > 0 ? { expected: `one of ${known.map((name) => JSON.stringify(name)).join(', ')}` } : {}),
  }));
  if (keys.length > MAX_UNKNOWN_KEYS) {
    issues.push({ code, path, message: `... and ${keys.length - MAX_UNKNOWN_KEYS} more unknown fields`, keys: keys.slice(MAX_UNKNOWN_KEYS, MAX_UNKNOWN_KEYS + 100) });
  }
  return issues;
}

function boundLabel({ small, value, inclusive, origin }: { small: boolean; value: unknown; inclusive: boolean; origin: string }): string {
  const bound = String(value);
  const relation = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (origin === 'array' || origin === 'set') return `${relation} ${bound} item${bound === '1' ? '' : 's'}`;
  if (origin === 'string') return `${relation} ${bound} character${bound === '1' ? '' : 's'}`;
  return `a number ${small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${bound}`;
}

function sizeOf(value: unknown, origin: string): string {
  if (origin === 'array' && Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (origin === 'string' && typeof value === 'string') return `${quoteValue(value)}`;
  return kindOf(value) === 'number' ? String(value) : describeReceived(value);
}
