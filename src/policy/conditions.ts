import type { Condition, FactValue } from './types.js';

/** A condition's value: facts decide it either way, or a fact it needs was not given. */
export const TRUE = 0;
export const FALSE = 1;
export const UNKNOWN = 2;
export type Truth = typeof TRUE | typeof FALSE | typeof UNKNOWN;

type Facts = Readonly<Record<string, FactValue>> | undefined;

/** A condition ready to test: three-valued, and the facts it reads. */
export interface CompiledCondition {
  readonly test: (facts: Facts) => Truth;
  /** Every fact the condition reads, for the note that names those not given. */
  readonly reads: readonly string[];
  /** Per fact read, the test in words: `identityVerified (false)`, `seats (> 50)`. */
  readonly wants: ReadonlyMap<string, string>;
}

const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;

/** @internal Compiles a condition (validated by the policy schema) into a three-valued test. */
export function compileCondition(condition: Condition): CompiledCondition {
  const reads = new Map<string, string>();
  const test = build(condition, reads);
  return Object.freeze({ test, reads: Object.freeze([...reads.keys()]), wants: reads });
}

/** @internal The facts a condition reads, with the kind of value each is compared with (`'any'` for `exists`). */
export function factKindsOf(condition: Condition, into: Map<string, string>): void {
  const record = condition as Record<string, unknown>;
  if ('all' in record || 'any' in record) for (const part of (record.all ?? record.any) as Condition[]) factKindsOf(part, into);
  else if ('not' in record) factKindsOf(record.not as Condition, into);
  else if (typeof record.fact === 'string') {
    const values = 'equals' in record ? [record.equals] : 'in' in record ? (record.in as unknown[]) : COMPARISONS.some((key) => key in record) ? [0] : [];
    if (!into.has(record.fact)) into.set(record.fact, values.length === 0 ? 'any' : typeof values[0]);
  } else for (const [key, value] of Object.entries(record)) into.set(key, typeof value);
}

function build(condition: Condition, reads: Map<string, string>): (facts: Facts) => Truth {
  const record = condition as Record<string, unknown>;
  if ('all' in record) return combine((record.all as Condition[]).map((part) => build(part, reads)), FALSE, TRUE);
  if ('any' in record) return combine((record.any as Condition[]).map((part) => build(part, reads)), TRUE, FALSE);
  if ('not' in record) {
    const inner = build(record.not as Condition, reads);
    return (facts) => {
      const value = inner(facts);
      return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
    };
  }
  if (typeof record.fact === 'string') return leaf(record, reads);
  // The original form: every listed fact equals its value.
  return combine(Object.entries(record).map(([fact, equals]) => leaf({ fact, equals }, reads)), FALSE, TRUE);
}

// `all` decides FALSE on the first false part, `any` TRUE on the first true one; a part
// that is unknown makes the whole unknown unless another part decides it.
function combine(parts: readonly ((facts: Facts) => Truth)[], decisive: Truth, otherwise: Truth): (facts: Facts) => Truth {
  return (facts) => {
    let unknown = false;
    for (const part of parts) {
      const value = part(facts);
      if (value === decisive) return decisive;
      if (value === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : otherwise;
  };
}

function leaf(record: Record<string, unknown>, reads: Map<string, string>): (facts: Facts) => Truth {
  const fact = record.fact as string;
  if (!reads.has(fact)) reads.set(fact, `${fact} (${describeTest(record)})`);
  const holds = predicate(record);
  return (facts) => {
    if (facts === undefined || !Object.prototype.hasOwnProperty.call(facts, fact)) return 'exists' in record ? (record.exists === false ? TRUE : FALSE) : UNKNOWN;
    return holds(facts[fact] as FactValue) ? TRUE : FALSE;
  };
}

function predicate(record: Record<string, unknown>): (value: FactValue) => boolean {
  if ('equals' in record) return (value) => value === record.equals;
  if ('in' in record) {
    const values = record.in as readonly FactValue[];
    return (value) => values.includes(value);
  }
  if ('exists' in record) return () => record.exists === true;
  const bound = record.gt ?? record.gte ?? record.lt ?? record.lte;
  const op = COMPARISONS.find((key) => key in record);
  return (value) => typeof value === 'number' && (op === 'gt' ? value > (bound as number) : op === 'gte' ? value >= (bound as number) : op === 'lt' ? value < (bound as number) : value <= (bound as number));
}

function describeTest(record: Record<string, unknown>): string {
  if ('equals' in record) return JSON.stringify(record.equals);
  if ('in' in record) return `one of ${(record.in as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if ('exists' in record) return record.exists === true ? 'given' : 'not given';
  const op = COMPARISONS.find((key) => key in record) as (typeof COMPARISONS)[number];
  return `${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[op]} ${String(record[op])}`;
}
