import type { BusinessDayRule } from '../ops/businessDays.js';
import { toDurationMs } from '../time/duration.js';
import type { ClockRef, MetricSpec, ResponseTarget } from './types.js';

/** How a metric runs: what a ticket timer needs beyond the target's figure. */
export interface MetricDefinition {
  readonly id: string;
  readonly name: string;
  /** Starts again after each stop (a next response after each customer reply, an update every cadence). */
  readonly recurring: boolean;
  /** Ticket statuses that pause its clock. */
  readonly pausedBy: readonly string[];
}

const WAITING = Object.freeze(['waiting-on-customer']);
const NONE: readonly string[] = Object.freeze([]);

/**
 * The five metrics every policy may state targets for, and how each runs: a new
 * metric is an entry here (or in a version's `metrics`), never another branch.
 * First and next responses are not paused by waiting on the customer (Jira Service
 * Management's and Zendesk's defaults); workaround, resolution and the update cadence are.
 *
 * @example
 * ```ts
 * import { METRICS } from 'slaclock';
 * METRICS.update.recurring; // true
 * METRICS.resolution.pausedBy; // ['waiting-on-customer']
 * ```
 */
export const METRICS: Readonly<Record<'firstResponse' | 'nextResponse' | 'update' | 'workaround' | 'resolution', MetricDefinition>> = Object.freeze({
  firstResponse: Object.freeze({ id: 'firstResponse', name: 'First response', recurring: false, pausedBy: NONE }),
  nextResponse: Object.freeze({ id: 'nextResponse', name: 'Next response', recurring: true, pausedBy: NONE }),
  update: Object.freeze({ id: 'update', name: 'Periodic update', recurring: true, pausedBy: WAITING }),
  workaround: Object.freeze({ id: 'workaround', name: 'Workaround', recurring: false, pausedBy: WAITING }),
  resolution: Object.freeze({ id: 'resolution', name: 'Resolution', recurring: false, pausedBy: WAITING }),
});

/** @internal The metric definitions of a version: the built-in ones, with the version's own declarations over them. */
export function metricDefinitions(declared: Readonly<Record<string, MetricSpec>> | undefined): ReadonlyMap<string, MetricDefinition> {
  const definitions = new Map<string, MetricDefinition>(Object.entries(METRICS));
  for (const [id, spec] of Object.entries(declared ?? {})) {
    const base = definitions.get(id);
    definitions.set(id, Object.freeze({ id, name: spec.name, recurring: spec.recurring ?? base?.recurring ?? false, pausedBy: Object.freeze([...(spec.pausedBy ?? base?.pausedBy ?? NONE)]) }));
  }
  return definitions;
}

/** A target ready to compute: milliseconds of open time, or business days. */
export type CompiledTarget = (
  | { readonly kind: 'duration'; readonly ms: number }
  | { readonly kind: 'business-days'; readonly days: number; readonly rule: BusinessDayRule }
) & {
  readonly metric: MetricDefinition;
  /** The target in words, e.g. `'4 hours'`. */
  readonly text: string;
  /** The target's own clock, when it sets one. */
  readonly clock: ClockRef | undefined;
  readonly attainment: number | null;
  readonly spec: ResponseTarget;
  /** Per channel, the target that replaces this one for a case on that channel. */
  readonly byChannel: ReadonlyMap<string, CompiledTarget> | undefined;
  /** Resolved terms per clock that depend on nothing in the request, shared by every decision (filled on first use). */
  readonly memo: Map<string, unknown>;
  /** Resolved terms for a clock that depends on the customer's calendar, by that calendar (filled on first use). */
  readonly byCustomer: CustomerMemo;
};

/**
 * @internal Values by customer calendar, weakly held: the one asked for last is found with
 * one comparison (a loop over one tenant's cases), any other with a WeakMap lookup. Holds
 * at most one calendar strongly (the last).
 */
export class CustomerMemo {
  #last: object | undefined;
  #lastValue: unknown;
  readonly #all = new WeakMap<object, unknown>();

  get(customer: object): unknown {
    if (customer === this.#last) return this.#lastValue;
    const value = this.#all.get(customer);
    if (value !== undefined) this.#remember(customer, value);
    return value;
  }

  set(customer: object, value: unknown): void {
    this.#all.set(customer, value);
    this.#remember(customer, value);
  }

  #remember(customer: object, value: unknown): void {
    this.#last = customer;
    this.#lastValue = value;
  }
}

/** @internal Compiles one target; throws a duration error at `path`. */
export function compileTarget(metric: MetricDefinition, target: ResponseTarget | null, path: readonly (string | number)[]): CompiledTarget | null {
  if (target === null) return null;
  const channels = target.byChannel === undefined ? undefined : new Map(Object.entries(target.byChannel).map(([channel, own]) => [channel, compileTarget(metric, own, [...path, 'byChannel', channel]) as CompiledTarget]));
  const common = { metric, clock: target.clock, attainment: target.attainment ?? null, spec: target, byChannel: channels, memo: new Map<string, unknown>(), byCustomer: new CustomerMemo() };
  if ('duration' in target) {
    const ms = toDurationMs(target.duration, [...path, 'duration']);
    return Object.freeze({ kind: 'duration', ms, text: describeDuration(ms), ...common });
  }
  const { businessDays: days, rule } = target;
  return Object.freeze({ kind: 'business-days', days, rule, text: `${days} business day${days === 1 ? '' : 's'} (${rule})`, ...common });
}

// "4 hours", "30 minutes", "90 seconds": the largest unit that divides the duration.
function describeDuration(ms: number): string {
  const [unit, size] = ([['hour', 3_600_000], ['minute', 60_000], ['second', 1000]] as const).find(([, length]) => ms % length === 0) ?? ['millisecond', 1];
  const count = ms / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
