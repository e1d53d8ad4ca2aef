import * as z from 'zod/mini';
import { SlaclockError, type IssuePath, type SlaclockErrorCode, type SlaclockIssue } from '../../src/errors.js';
import { quoteValue } from '../../src/util/describe.js';
import { boundIssue, formatIssue, messages, oneOfIssue, typeIssue, unknownKeyIssues } from '../../src/util/issues.js';

/**
 * The bridge from zod issues to slaclock issues (whose message text is written in
 * src/util/issues.ts) that the library validated with before its precompiled checks
 * (src/util/checks.ts): with the zod schemas of that time, the oracle the checks are
 * compared with (test/checks.test.ts, test/policyChecks.test.ts). A failed union is
 * reported by the branch the input was closest to, or as one message naming the
 * accepted forms.
 *
 * One difference from the bridge the library had, the checks' one deliberate
 * difference: zod runs a length check (`minLength(1)`) on any value with a `length`,
 * even after rejecting its type, so `{ union: "" }` also got `Expected at least 1
 * character, got ""`, a second, misleading message at the same path. That issue is
 * dropped here, before a union counts the issues of its branches, as the checks never
 * report it ({@link isLengthAfterType}).
 */

type Schema = z.core.$ZodType;

/** Names of the accepted forms of a union schema, for one message instead of each branch's complaint. */
const unionForms = new WeakMap<Schema, string>();

/**
 * Names the accepted forms of a union schema (`'a response target { duration, clause } or ...'`),
 * so a value that fits no branch gets one message naming them. Returns the schema.
 *
 * @example
 * ```ts
 * namedUnion(z.union([a, b]), 'a response target { duration, clause } or { businessDays, rule, clause }');
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

/**
 * The issues of `input` under a zod schema, through the bridge (empty when it passes):
 * what the precompiled checks must give.
 *
 * @example
 * ```ts
 * zodIssues(z.strictObject({ tier: z.number() }), { tier: 'zero' }, ['plans', 0]);
 * // [{ code: 'invalid_input', path: ['plans', 0, 'tier'], message: 'Expected a number, got string "zero"', ... }]
 * ```
 */
export function zodIssues(schema: z.ZodMiniType, input: unknown, path: IssuePath = []): SlaclockIssue[] {
  const result = safeParseWith(schema, input, path);
  return result.success ? [] : result.issues;
}

function translateIssues(issues: readonly z.core.$ZodIssue[], schema: Schema, root: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  return issues.filter((issue, index) => !isLengthAfterType(issue, issues[index - 1])).flatMap((issue) => translate(issue, schema, root, code));
}

/** Whether `issue` is a length check zod ran on a value whose type it had just rejected (see above). */
export function isLengthAfterType(issue: z.core.$ZodIssue, previous: z.core.$ZodIssue | undefined): boolean {
  return issue.code === 'too_small' && previous?.code === 'invalid_type' && issue.path.map(String).join('\0') === previous.path.map(String).join('\0');
}

function translate(issue: z.core.$ZodIssue, schema: Schema, root: IssuePath, code: SlaclockErrorCode): SlaclockIssue[] {
  const relative = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  const path = [...root, ...relative];
  const received = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return [typeIssue(code, path, typeLabel(issue.expected), received)];
    case 'unrecognized_keys':
      return unknownKeyIssues(issue.keys, knownKeysAt(schema, relative), path, code);
    case 'invalid_value':
      return [oneOfIssue(code, path, issue.values as readonly (string | number)[], received)];
    case 'too_small':
      return [boundIssue(code, path, { small: true, value: issue.minimum, inclusive: issue.inclusive !== false, origin: issue.origin }, received)];
    case 'too_big':
      return [boundIssue(code, path, { small: false, value: issue.maximum, inclusive: issue.inclusive !== false, origin: issue.origin }, received)];
    case 'invalid_format':
      return [formatIssue(code, path, issue.message === 'Invalid input' ? `a ${issue.format} string` : issue.message.replace(/^Expected /, ''), received)];
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
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
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
