import { timelineOf, type Calendar } from '../calendar/calendar.js';
import { businessDaysOn } from '../ops/businessDays.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { civilFromDays, daysFromCivil, daysInMonth } from '../time/civil.js';
import type { Zone } from '../zone/zone.js';
import type { Condition, FactValue } from './types.js';

/** What a window test reads besides the facts: the request's instant, the zone of calendar days, and the clocks for business days. */
export interface WindowContext {
  readonly at: number;
  readonly zone: Zone;
  calendar(clock: string): Calendar;
}

/** A condition's value: facts decide it either way, or a fact it needs was not given. */
export const TRUE = 0;
export const FALSE = 1;
export const UNKNOWN = 2;
export type Truth = typeof TRUE | typeof FALSE | typeof UNKNOWN;

type Facts = Readonly<Record<string, FactValue>> | undefined;

/** A condition ready to test: three-valued, and the facts it reads. */
export interface CompiledCondition {
  /** `context` is needed only by windows (`within`, `noticeBusinessDays`); without it they are unknown. */
  readonly test: (facts: Facts, context?: WindowContext) => Truth;
  /** The clocks its notice tests count business days on (empty: no window reads a clock). */
  readonly clocks: readonly string[];
  /** Whether it has a window test, which needs a context. */
  readonly windows: boolean;
  /** Every fact the condition reads, for the note that names those not given. */
  readonly reads: readonly string[];
  /** Per fact read, the test in words: `identityVerified (false)`, `seats (> 50)`. */
  readonly wants: ReadonlyMap<string, string>;
}

const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;

/** @internal Compiles a condition (validated by the policy schema) into a three-valued test. */
export function compileCondition(condition: Condition): CompiledCondition {
  const reads = new Map<string, string>();
  const clocks: string[] = [];
  const windows = { found: false };
  const test = build(condition, reads, clocks, windows);
  return Object.freeze({ test, reads: Object.freeze([...reads.keys()]), wants: reads, clocks: Object.freeze(clocks), windows: windows.found });
}

/** @internal The facts a condition reads, with the kind of value each is compared with (`'any'` for `exists`). */
export function factKindsOf(condition: Condition, into: Map<string, string>): void {
  const record = condition as Record<string, unknown>;
  if ('all' in record || 'any' in record) for (const part of (record.all ?? record.any) as Condition[]) factKindsOf(part, into);
  else if ('not' in record) factKindsOf(record.not as Condition, into);
  else if (typeof record.fact === 'string') {
    const values = 'equals' in record ? [record.equals] : 'in' in record ? (record.in as unknown[]) : COMPARISONS.some((key) => key in record) ? [0] : [];
    // A window's instant wins over `exists` (any kind) on the same fact.
    if (isWindow(record)) into.set(record.fact, 'instant');
    else if (!into.has(record.fact)) into.set(record.fact, values.length === 0 ? 'any' : typeof values[0]);
  } else for (const [key, value] of Object.entries(record)) into.set(key, typeof value);
}

type Test = (facts: Facts, context?: WindowContext) => Truth;

function build(condition: Condition, reads: Map<string, string>, clocks: string[], windows: { found: boolean }): Test {
  const record = condition as Record<string, unknown>;
  if ('all' in record) return combine((record.all as Condition[]).map((part) => build(part, reads, clocks, windows)), FALSE, TRUE);
  if ('any' in record) return combine((record.any as Condition[]).map((part) => build(part, reads, clocks, windows)), TRUE, FALSE);
  if ('not' in record) {
    const inner = build(record.not as Condition, reads, clocks, windows);
    return (facts, context) => {
      const value = inner(facts, context);
      return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
    };
  }
  if (typeof record.fact === 'string') {
    if (!isWindow(record)) return leaf(record, reads);
    windows.found = true;
    if (typeof record.clock === 'string') clocks.push(record.clock);
    return windowLeaf(record, reads);
  }
  // The original form: every listed fact equals its value.
  return combine(Object.entries(record).map(([fact, equals]) => leaf({ fact, equals }, reads)), FALSE, TRUE);
}

// `all` decides FALSE on the first false part, `any` TRUE on the first true one; a part
// that is unknown makes the whole unknown unless another part decides it.
function combine(parts: readonly Test[], decisive: Truth, otherwise: Truth): Test {
  return (facts, context) => {
    let unknown = false;
    for (const part of parts) {
      const value = part(facts, context);
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

function isWindow(record: Record<string, unknown>): boolean {
  return 'within' in record || 'noticeBusinessDays' in record;
}

// A window on an instant fact: measured in the customer's calendar days, or business days
// on a clock, from the request's `at`. An absent fact (or no context) is unknown.
function windowLeaf(record: Record<string, unknown>, reads: Map<string, string>): Test {
  const fact = record.fact as string;
  if (!reads.has(fact)) reads.set(fact, `${fact} (${describeTest(record)})`);
  const within = record.within as { readonly days?: number; readonly years?: number } | undefined;
  return (facts, context) => {
    if (context === undefined || facts === undefined || !Object.prototype.hasOwnProperty.call(facts, fact)) return UNKNOWN;
    const instant = toEpochMs(facts[fact] as Instant, ['facts', fact]);
    const { at, zone } = context;
    if (within === undefined) {
      const due = businessDaysOn(timelineOf(context.calendar(record.clock as string)), at, record.noticeBusinessDays as number, 'end-of-day');
      return instant >= due ? TRUE : FALSE;
    }
    return instant <= at && at < windowEnd(zone, instant, within) ? TRUE : FALSE;
  };
}

// "within N days of the close date": through the end of the Nth day after it; "N calendar
// years from the start date": up to the anniversary (29 February's is 28 February).
function windowEnd(zone: Zone, instant: number, within: { readonly days?: number; readonly years?: number }): number {
  const day = zone.dateOf(instant);
  if (within.days !== undefined) return zone.dayStart(day + within.days + 1);
  const { year, month, day: date } = civilFromDays(day);
  const later = year + (within.years as number);
  return zone.dayStart(daysFromCivil(later, month, Math.min(date, daysInMonth(later, month))));
}

function describeTest(record: Record<string, unknown>): string {
  if ('within' in record) {
    const { days, years } = record.within as { readonly days?: number; readonly years?: number };
    return days === undefined ? `within ${String(years)} calendar year${years === 1 ? '' : 's'} before the request` : `within ${days} days before the request`;
  }
  if ('noticeBusinessDays' in record) return `at least ${String(record.noticeBusinessDays)} business days after the request, on ${String(record.clock)}`;
  if ('equals' in record) return JSON.stringify(record.equals);
  if ('in' in record) return `one of ${(record.in as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if ('exists' in record) return record.exists === true ? 'given' : 'not given';
  const op = COMPARISONS.find((key) => key in record) as (typeof COMPARISONS)[number];
  return `${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[op]} ${String(record[op])}`;
}
