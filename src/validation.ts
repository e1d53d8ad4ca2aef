import * as z from 'zod/mini';
import { SlaclockError, type SlaclockErrorCode, type SlaclockIssue } from './errors.js';

type Path = readonly (string | number)[];

/**
 * Parses `input` with a zod schema, turning every zod issue into a
 * {@link SlaclockIssue} with a plain message; throws the first as a
 * {@link SlaclockError} that carries them all.
 */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, path: Path = [], code: SlaclockErrorCode = 'invalid_input'): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => toIssue(issue, path, code));
  const [first, ...rest] = issues as [SlaclockIssue, ...SlaclockIssue[]];
  throw new SlaclockError(first.code, first.message, first.path, rest);
}

function toIssue(issue: z.core.$ZodIssue, root: Path, code: SlaclockErrorCode): SlaclockIssue {
  const path = [...root, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
  return { code, path, message: describe(issue) };
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `Missing required ${issue.expected}` : `Expected ${issue.expected}, got ${typeName(issue.input)}`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `Expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `Expected at least ${String(issue.minimum)} item(s)` : `Expected a value >= ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `Expected at most ${String(issue.maximum)} item(s)` : `Expected a value <= ${String(issue.maximum)}`;
    default:
      return issue.message === 'Invalid input' ? `Invalid value ${JSON.stringify(issue.input)}` : issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}
