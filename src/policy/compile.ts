import { compileCalendar, type Calendar, type CompileOptions } from '../calendar/calendar.js';
import { holidaySourceOption } from '../calendar/holidays/provider.js';
import { roundTheClock } from '../calendar/presets.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { collectIssues, throwAll } from '../calendar/check.js';
import { SlaclockError, withPathPrefix, type IssuePath, type SlaclockIssue } from '../errors.js';
import { readOptions } from '../ops/options.js';
import { describeReceived, didYouMean, quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import type { BusinessDayRule } from '../ops/businessDays.js';
import { toDurationMs } from '../time/duration.js';
import { deepFreeze } from '../util/freeze.js';
import { messages, safeParseWith } from '../validation.js';
import { channelNote, planNotes, versionNotes, type PlanNotes, type Reason, type VersionNotes } from './reasons.js';
import { compileRequestRules, policyWideRules, type PolicyWideRules, type RequestRules } from './request.js';
import { policySchema } from './schema.js';
import type { Clause, ClockRef, FactCondition, PlanSpec, PolicySpec, PolicyVersionSpec, ResponseTarget, SeveritySpec } from './types.js';

type Path = readonly (string | number)[];

/** Clock ids with a meaning of their own; any other id names one of the version's calendars. */
export const ROUND_THE_CLOCK = 'round-the-clock';
export const CUSTOMER_CLOCK = 'customer';
export const BASE_PLAN_CLOCK = 'base-plan';

/** A first-response target ready to compute: milliseconds of open time, or business days. */
export type CompiledTarget =
  | { readonly kind: 'duration'; readonly ms: number; readonly text: string; readonly spec: ResponseTarget }
  | { readonly kind: 'business-days'; readonly days: number; readonly rule: BusinessDayRule; readonly text: string; readonly spec: ResponseTarget };

export interface CompiledPlan {
  readonly spec: PlanSpec;
  readonly targets: ReadonlyMap<number, CompiledTarget | null>;
  readonly clocks: ReadonlyMap<number, ClockRef>;
  /** Per severity, the frozen parts every decision for it shares. */
  readonly shared: ReadonlyMap<number, SharedDecisionParts>;
  /** The notes of assumptions about the account, made once. */
  readonly notes: PlanNotes;
}

/** Parts of a decision that depend only on the version, plan and severity: computed once, frozen, shared. */
export interface SharedDecisionParts {
  readonly channels: { readonly available: readonly string[]; readonly required: string | null };
  readonly interpretations: readonly { readonly id: string; readonly reading: string; readonly clause: Clause }[];
  /** The note when no channel is given and this severity requires one. */
  readonly channelNote: Reason | undefined;
}

/** A fact condition as a list of entries, so matching allocates nothing. */
export type CompiledCondition = readonly (readonly [string, string | number | boolean])[];

export interface CompiledVersion {
  readonly spec: PolicyVersionSpec;
  /** `spec.scope` and `spec.routing.rules` with their conditions as entry lists. */
  readonly scope: readonly { readonly rule: NonNullable<PolicyVersionSpec['scope']>[number]; readonly when: CompiledCondition }[];
  readonly routes: readonly { readonly team: string; readonly clause: Clause; readonly when: CompiledCondition }[];
  readonly effectiveFromMs: number;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly severities: ReadonlyMap<number, SeveritySpec>;
  readonly plans: ReadonlyMap<string, CompiledPlan>;
  /** What a request to this version may say, precompiled for the fast check. */
  readonly request: RequestRules;
  /** The notes of assumptions about eligibility, made once. */
  readonly notes: VersionNotes;
}

/**
 * A validated policy with its clocks compiled and its tables indexed. Immutable;
 * compile once with {@link compilePolicy} and pass it to every `evaluate` call.
 */
export class CompiledPolicy {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  /** The frozen spec it was compiled from. */
  readonly spec: PolicySpec;
  /** @internal Versions by effective date, oldest first. */
  readonly versions: readonly CompiledVersion[];
  readonly #compiled = true;

  /** @internal Whether `value` is a CompiledPolicy: a brand check, which no Proxy can fake or break. */
  static is(value: unknown): value is CompiledPolicy {
    return typeof value === 'object' && value !== null && #compiled in value;
  }

  /** @internal Use {@link compilePolicy}. */
  constructor(spec: PolicySpec, versions: readonly CompiledVersion[]) {
    this.spec = spec;
    this.id = spec.id;
    this.vendor = spec.vendor;
    this.name = spec.name;
    this.versions = versions;
    Object.freeze(this);
  }

  /** The plain spec, so `JSON.stringify(policy)` round-trips through `compilePolicy`. */
  toJSON(): PolicySpec {
    return this.spec;
  }
}

/**
 * Validates a policy (structure with zod, then every cross-reference) and compiles
 * its clocks. Every problem found is reported at once (`error.issues`, sorted by
 * path): the structure of each version, and the cross-references of each version
 * whose structure is right. Untrusted JSON is safe: the input is read once into
 * plain data within a size budget (cycles, getters and Proxies included), and keys
 * that could reach a prototype are rejected. Accepts `unknown`, so a JSON import
 * type-checks.
 *
 * @throws {SlaclockError} `invalid_input` (shape), `invalid_policy` (a plan requiring
 *   a missing plan, a severity without a target, an unknown clock...), `input_too_large`,
 *   and any calendar or duration error (`regions_not_loaded` for a calendar with `{ region }`
 *   holidays compiled without `options.holidayRegions`), each with the path of the bad field.
 * @example
 * ```ts
 * import { compilePolicy, getPolicy, evaluate } from 'slaclock';
 * const oneIdentity = compilePolicy(getPolicy('one-identity'));
 * evaluate(oneIdentity, { plan: '24x7', severity: 1, at: '2026-11-28T03:00Z', channel: 'phone' }).firstResponse?.deadline;
 * // '2026-11-28T04:00:00.000+00:00' (one hour, round the clock, in UTC)
 * ```
 */
export function compilePolicy(spec: PolicySpec | CompiledPolicy, options?: CompileOptions): CompiledPolicy;
export function compilePolicy(spec: unknown, options?: CompileOptions): CompiledPolicy;
export function compilePolicy(spec: unknown, options?: CompileOptions): CompiledPolicy {
  const holidayRegions = holidaySourceOption(readOptions(options, ['holidayRegions']));
  if (CompiledPolicy.is(spec)) return spec;
  const cacheable = holidayRegions === undefined && spec !== null && typeof spec === 'object' && immutableSpecs.has(spec);
  const cached = cacheable ? compiledImmutable.get(spec as object) : undefined;
  if (cached) return cached;
  // Versions are compiled from a frozen snapshot, so nothing a decision hands out (clauses,
  // names) can reach back into the compiled policy, and nothing can change under it.
  const snapshot = snapshotInput(spec).value;
  const structure = safeParseWith(policySchema(), snapshot);
  const issues: SlaclockIssue[] = structure.success ? [] : structure.issues;
  const broken = new Set(issues.map((issue) => (issue.path[0] === 'versions' ? issue.path[1] : 'all')));
  if (broken.has('all') || broken.has(undefined)) throw SlaclockError.of(issues);
  const parsed = deepFreeze(snapshot) as PolicySpec;
  const compileOptions = { holidayRegions };
  const seen = new Set<string>();
  const versions: CompiledVersion[] = [];
  const wide = policyWideRules(parsed.versions.filter((_, index) => !broken.has(index)));
  parsed.versions.forEach((version, index) => {
    if (broken.has(index)) return;
    const path = ['versions', index];
    if (seen.has(version.id)) issues.push(policyIssue(`Version id ${quoteValue(version.id)} is used twice`, [...path, 'id']));
    seen.add(version.id);
    versions.push(compileVersion(version, path, compileOptions, wide, issues));
  });
  checkNoRequirementCycle(parsed, broken, issues);
  throwAll(issues);
  versions.sort((a, b) => a.effectiveFromMs - b.effectiveFromMs);
  const compiled = new CompiledPolicy(parsed, versions);
  if (cacheable) compiledImmutable.set(spec as object, compiled);
  return compiled;
}

function policyIssue(message: string, path: IssuePath): SlaclockIssue {
  return { code: 'invalid_policy', path, message };
}

// Specs the library itself deep-froze (the built-in catalog, withContract results)
// cannot change, so each is compiled once. A caller's spec is compiled on every call:
// compile it once with compilePolicy to avoid that.
const immutableSpecs = new WeakSet<object>();
const compiledImmutable = new WeakMap<object, CompiledPolicy>();

/** @internal Deep-freezes a policy spec and lets `compilePolicy` cache its compiled form. */
export function freezePolicy<T extends PolicySpec>(spec: T): T {
  deepFreeze(spec);
  immutableSpecs.add(spec);
  return spec;
}

// An add-on plan may require another add-on, but never, through any chain, itself:
// evaluate follows the chain to find the clock.
function checkNoRequirementCycle(policy: PolicySpec, broken: ReadonlySet<unknown>, issues: SlaclockIssue[]): void {
  policy.versions.forEach((version, versionIndex) => {
    if (broken.has(versionIndex)) return;
    const requires = new Map(version.plans.map((plan) => [plan.id, plan.requiresAnyOf ?? []]));
    version.plans.forEach((plan, planIndex) => {
      const stack = [...(plan.requiresAnyOf ?? [])];
      const seen = new Set<string>();
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (id === plan.id) {
          issues.push(policyIssue(`Plan ${quoteValue(plan.id)} requires itself through its chain of required plans`, ['versions', versionIndex, 'plans', planIndex, 'requiresAnyOf']));
          return;
        }
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...(requires.get(id) ?? []));
      }
    });
  });
}

function compileVersion(version: PolicyVersionSpec, path: Path, options: CompileOptions, wide: PolicyWideRules, issues: SlaclockIssue[]): CompiledVersion {
  const calendars = new Map<string, Calendar>([[ROUND_THE_CLOCK, compileCalendar(roundTheClock())]]);
  for (const [id, calendarSpec] of Object.entries(version.calendars ?? {})) {
    if (id === ROUND_THE_CLOCK || id === CUSTOMER_CLOCK || id === BASE_PLAN_CLOCK) {
      issues.push(policyIssue(`${quoteValue(id)} is a reserved clock name; give the calendar another id`, [...path, 'calendars', id]));
      continue;
    }
    const calendar = collectIssues(issues, () => withPathPrefix([...path, 'calendars', id], () => compileCalendar(calendarSpec, options)));
    // A calendar that failed is reported once, at its own fields, not again at each clock naming it.
    calendars.set(id, calendar ?? (calendars.get(ROUND_THE_CLOCK) as Calendar));
  }
  const severities = new Map<number, SeveritySpec>();
  version.severities.forEach((severity, index) => {
    if (severities.has(severity.level)) issues.push(policyIssue(`Severity ${severity.level} is defined twice`, [...path, 'severities', index, 'level']));
    severities.set(severity.level, severity);
  });
  if (version.defaultSeverity !== undefined && !severities.has(version.defaultSeverity)) {
    issues.push(policyIssue(messages.oneOf([...severities.keys()], version.defaultSeverity).replace(/^Expected/, 'Expected a defined severity:'), [...path, 'defaultSeverity']));
  }
  const planIds = new Set(version.plans.map((plan) => plan.id));
  const plans = new Map<string, CompiledPlan>();
  version.plans.forEach((plan, index) => {
    const at = [...path, 'plans', index];
    if (plans.has(plan.id)) issues.push(policyIssue(`Plan id ${quoteValue(plan.id)} is used twice`, [...at, 'id']));
    else plans.set(plan.id, compilePlan(plan, version, severities, planIds, calendars, at, issues));
  });
  (version.scope ?? []).forEach((rule, index) => {
    const at = [...path, 'scope', index];
    if (rule.effect === 'severity' && (rule.severity === undefined || !severities.has(rule.severity))) {
      issues.push(policyIssue(`A "severity" scope rule needs a severity the version defines (${[...severities.keys()].join(', ')}), got ${describeReceived(rule.severity)}`, [...at, 'severity']));
    }
    if (rule.effect === 'business-hours-only') checkClock(rule.clock ?? '', calendars, false, [...at, 'clock'], issues);
  });
  const effectiveFromMs = version.effectiveFrom === undefined ? Number.NEGATIVE_INFINITY : dayStartUtc(version.effectiveFrom);
  const scope = (version.scope ?? []).map((rule) => ({ rule, when: conditionOf(rule.when) }));
  const routes = (version.routing?.rules ?? []).map(({ team, clause, when }) => ({ team, clause, when: conditionOf(when) }));
  return { spec: version, scope, routes, effectiveFromMs, calendars, severities, plans, request: compileRequestRules(version, wide), notes: versionNotes(version.eligibility) };
}

function compilePlan(
  plan: PlanSpec,
  version: PolicyVersionSpec,
  severities: ReadonlyMap<number, SeveritySpec>,
  planIds: ReadonlySet<string>,
  calendars: ReadonlyMap<string, Calendar>,
  path: Path,
  issues: SlaclockIssue[],
): CompiledPlan {
  (plan.requiresAnyOf ?? []).forEach((required, index) => {
    if (!planIds.has(required) || required === plan.id) {
      const others = [...planIds].filter((id) => id !== plan.id);
      issues.push(policyIssue(`Plan ${quoteValue(plan.id)} requires plan ${quoteValue(required)}, which this version does not define${didYouMean(required, others)}`, [...path, 'requiresAnyOf', index]));
    }
  });
  const addOn = (plan.requiresAnyOf ?? []).length > 0;
  const targets = new Map<number, CompiledTarget | null>();
  const clocks = new Map<number, ClockRef>();
  const shared = new Map<number, SharedDecisionParts>();
  for (const [level, severity] of severities) {
    shared.set(level, sharedParts(plan, level, severity, version));
    const key = String(level);
    if (!Object.prototype.hasOwnProperty.call(plan.targets, key)) {
      issues.push(policyIssue(`Plan ${quoteValue(plan.id)} has no target for severity ${level} (use null for "no published target")`, [...path, 'targets']));
    } else {
      targets.set(level, collectIssues(issues, () => compileTarget(plan.targets[key] ?? null, [...path, 'targets', key])) ?? null);
    }
    const bySeverity = plan.coverage.bySeverity?.[key];
    const clock = bySeverity ?? plan.coverage.default;
    checkClock(clock, calendars, addOn, [...path, 'coverage', ...(bySeverity === undefined ? ['default'] : ['bySeverity', key])], issues);
    clocks.set(level, clock);
  }
  const levels = [...severities.keys()];
  for (const [field, keys] of [['targets', Object.keys(plan.targets)], ['coverage', Object.keys(plan.coverage.bySeverity ?? {})]] as const) {
    for (const key of keys) {
      if (!severities.has(Number(key))) {
        const at = field === 'targets' ? [...path, 'targets', key] : [...path, 'coverage', 'bySeverity', key];
        issues.push(policyIssue(`Expected a severity the version defines (${levels.join(', ')}), got ${quoteValue(key)}`, at));
      }
    }
  }
  return { spec: plan, targets, clocks, shared, notes: planNotes(plan) };
}

function sharedParts(plan: PlanSpec, level: number, severity: SeveritySpec, version: PolicyVersionSpec): SharedDecisionParts {
  const interpretations = (version.interpretations ?? [])
    .filter((note) => (note.plans?.includes(plan.id) ?? true) && (note.severities?.includes(level) ?? true))
    .map(({ id, reading, clause }) => ({ id, reading, clause }));
  const required = severity.requiredChannel;
  const note = required === undefined ? undefined : channelNote(level, required, severity.clause);
  return deepFreeze({ channels: { available: [...plan.channels], required: required ?? null }, interpretations, channelNote: note });
}

function conditionOf(when: FactCondition): CompiledCondition {
  return Object.freeze(Object.entries(when).map((entry) => Object.freeze(entry)));
}

function compileTarget(target: ResponseTarget | null, path: Path): CompiledTarget | null {
  if (target === null) return null;
  if ('duration' in target) {
    const ms = toDurationMs(target.duration, [...path, 'duration']);
    return { kind: 'duration', ms, text: describeDuration(ms), spec: target };
  }
  const { businessDays: days, rule } = target;
  return { kind: 'business-days', days, rule, text: `${days} business day${days === 1 ? '' : 's'} (${rule})`, spec: target };
}

// "4 hours", "30 minutes", "90 seconds": the largest unit that divides the duration.
function describeDuration(ms: number): string {
  const [unit, size] = ([['hour', 3_600_000], ['minute', 60_000], ['second', 1000]] as const).find(([, length]) => ms % length === 0) ?? ['millisecond', 1];
  const count = ms / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function checkClock(clock: ClockRef, calendars: ReadonlyMap<string, Calendar>, addOn: boolean, path: Path, issues: SlaclockIssue[]): void {
  if (clock === CUSTOMER_CLOCK || calendars.has(clock) || (addOn && clock === BASE_PLAN_CLOCK)) return;
  const hint = clock === BASE_PLAN_CLOCK ? ' ("base-plan" is only for add-on plans with requiresAnyOf)' : '';
  const known = [ROUND_THE_CLOCK, CUSTOMER_CLOCK, ...calendars.keys()];
  issues.push(policyIssue(`Unknown clock ${quoteValue(clock)}${hint}${didYouMean(clock, known)}; use "round-the-clock", "customer" or a calendar id of this version`, path));
}

function dayStartUtc(dateKey: string): number {
  const [year, month, day] = dateKey.split('-').map(Number) as [number, number, number];
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}
