import * as z from 'zod/mini';
import { SlaclockError, type IssuePath, type SlaclockErrorCode, type SlaclockIssue } from './errors.js';
import { describeReceived, didYouMean, kindOf, quoteValue, truncate } from './util/describe.js';

/**
 * The one bridge from zod issues to slaclock issues, and the one place message text
 * about malformed values is written: every message says what was expected and what
 * was received (quoted and truncated), and a failed union is reported by the branch
 * the input was closest to, or as one message naming the accepted forms.
 */

type Schema = z.core.$ZodType;

/** Most unknown keys of one object reported one by one. */
const MAX_UNKNOWN_KEYS = 10;

/** Names of the accepted forms of a union schema, for one message instead of each branch's complaint. */
const unionForms = new WeakMap<Schema, string>();

/**
 * Names the accepted forms of a union schema (`'a response target { duration, clause } or ...'`),
 * so a value that fits no branch gets one message naming them. Returns the schema.
 *
 * @example
 * ```ts
 * const target = namedUnion(z.union([a, b]), 'a response target { duration, clause } or { businessDays, rule, clause }');
 * ```
 */
export function namedUnion<T extends Schema>(schema: T, forms: string): T {
  unionForms.set(schema, forms);
  return schema;
}

/**
 * Parses `input` with a zod schema; throws a {@link SlaclockError} carrying every
 * issue (sorted by path) when it does not fit.
 *
 * @example
 * ```ts
 * parseWith(z.strictObject({ tier: z.number() }), { tier: 'zero' }, ['plans', 0]);
 * // throws: Expected a number, got string "zero" (at plans[0].tier)
 * ```
 */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, path: IssuePath = [], code: SlaclockErrorCode = 'invalid_input'): T {
  const result = safeParseWith(schema, input, path, code);
  if (result.success) return result.data;
  throw SlaclockError.of(result.issues);
}

/**
 * Like {@link parseWith}, but returns the issues instead of throwing, so a caller can
 * collect them with others.
 */
export function safeParseWith<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  path: IssuePath = [],
  code: SlaclockErrorCode = 'invalid_input',
): { success: true; data: T } | { success: false; issues: SlaclockIssue[] } {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: translateIssues(result.error.issues, schema, path, code) };
}

function translateIssues(issues: readonly z.core.$ZodIssue[], schema: Schema, root: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  return issues.flatMap((issue) => translate(issue, schema, root, code));
}

function translate(issue: z.core.$ZodIssue, schema: Schema, root: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  const relative = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  const path = [...root, ...relative];
  const received = 'input' in issue ? issue.input : undefined;
  const present = 'input' in issue && issue.input !== undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeLabel(issue.expected);
      if (!present) return [{ code, path, message: messages.missing(expected), expected }];
      return [{ code, path, message: messages.expected(expected, received), expected, received: quoteValue(received) }];
    }
    case 'unrecognized_keys':
      return unknownKeyIssues(issue.keys, knownKeysAt(schema, relative), path, code);
    case 'invalid_value': {
      const expected = `one of ${issue.values.map((value) => quoteValue(value)).join(', ')}`;
      if (!present) return [{ code, path, message: messages.missing(expected), expected }];
      return [{ code, path, message: messages.oneOf(issue.values as readonly (string | number)[], received), expected, received: quoteValue(received) }];
    }
    case 'too_small':
    case 'too_big': {
      const expected = boundLabel(issue);
      return [{ code, path, message: messages.expectedGot(expected, sizeOf(received, issue.origin)), expected, received: quoteValue(received) }];
    }
    case 'invalid_format': {
      const expected = issue.message === 'Invalid input' ? `a ${issue.format} string` : issue.message.replace(/^Expected /, '');
      return [{ code, path, message: messages.expectedGot(expected, quoteValue(received)), expected, received: quoteValue(received) }];
    }
    case 'invalid_union':
      return translateUnion(issue, schemaAt(schema, relative), path, code);
    default:
      return [{ code, path, message: issue.message === 'Invalid input' ? `Invalid value ${quoteValue(received)}` : issue.message }];
  }
}

// The branch with the fewest problems is the one the caller meant, unless the value
// fits none of them even in kind (a number where an object is expected): then one
// message names every accepted form.
function translateUnion(issue: z.core.$ZodIssueInvalidUnion, union: Schema | undefined, path: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  const options = (union?._zod.def as { options?: Schema[] } | undefined)?.options ?? [];
  const branches = issue.errors.map((errors, index) => {
    const option = options[index];
    return option === undefined
      ? errors.map((inner): SlaclockIssue => ({ code, path: [...path, ...inner.path.map(String)], message: inner.message }))
      : translateIssues(errors, option, path, code);
  });
  const fewest = Math.min(...branches.map((branch) => branch.length));
  const best = branches.filter((branch) => branch.length === fewest);
  const chosen = best.length === 1 ? best[0] : undefined;
  const atRoot = (candidate: SlaclockIssue) => candidate.path.length === path.length && candidate.expected !== undefined && candidate.keys === undefined;
  if (chosen !== undefined && chosen.length > 0 && !chosen.some(atRoot)) return chosen;
  const forms =
    (union && unionForms.get(union)) ??
    joinOr(branches.map((branch) => branch.find(atRoot)?.expected).filter((label): label is string => label !== undefined));
  const expected = forms || 'one of the accepted forms';
  return [{ code, path, message: messages.expected(expected, issue.input), expected, received: quoteValue(issue.input) }];
}

function unknownKeyIssues(keys: readonly string[], known: readonly string[], path: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
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

/**
 * Message text about malformed values, in one place.
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

function joinOr(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1] as string}`;
}

function typeLabel(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'object':
    case 'record':
      return 'an object';
    case 'array':
    case 'tuple':
      return 'an array';
    case 'undefined':
    case 'null':
    case 'never':
      return expected === 'never' ? 'nothing here' : expected;
    default:
      return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
  }
}

function boundLabel(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  const relation = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (issue.origin === 'array' || issue.origin === 'set') return `${relation} ${bound} item${bound === '1' ? '' : 's'}`;
  if (issue.origin === 'string') return `${relation} ${bound} character${bound === '1' ? '' : 's'}`;
  return `a number ${small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${bound}`;
}

function sizeOf(value: unknown, origin: string): string {
  if (origin === 'array' && Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (origin === 'string' && typeof value === 'string') return `${quoteValue(value)}`;
  return kindOf(value) === 'number' ? String(value) : describeReceived(value);
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  innerType?: Schema;
  valueType?: Schema;
  options?: Schema[];
}

/** The sub-schema at a relative path (through objects, arrays, tuples, records, optionals). */
function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const part of path) {
    current = unwrap(current);
    if (current === undefined) return undefined;
    const def = current._zod.def as SchemaDef;
    if (def.type === 'object') current = def.shape?.[String(part)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'tuple') current = def.items?.[Number(part)];
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return unwrap(current);
}

function unwrap(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    const def = current._zod.def as SchemaDef;
    if (def.type !== 'optional' && def.type !== 'nullable' && def.type !== 'default') return current;
    current = def.innerType;
  }
  return current;
}

function knownKeysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  const def = target?._zod.def as SchemaDef | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
