import type { CompileOptions } from '../calendar/calendar.js';
import { holidaySourceOption, type HolidayRegions } from '../calendar/holidays/provider.js';
import { throwAll } from '../calendar/check.js';
import { SlaclockError, type IssuePath, type SlaclockIssue } from '../errors.js';
import { readOptions } from '../util/options.js';
import { quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { SpecCache } from '../util/specCache.js';
import { deepFreeze } from '../util/freeze.js';
import { issuesOf } from '../util/checks.js';
import { compileVersion, type CompiledVersion } from './compileVersion.js';
import { policyWideRules } from './request.js';
import { policyShape } from './shape.js';
import type { PolicySpec } from './types.js';

export { BASE_PLAN_CLOCK, CUSTOMER_CLOCK, ROUND_THE_CLOCK } from './clocks.js';
export type { CompiledPlan, CompiledVersion, SharedDecisionParts } from './compileVersion.js';
export type { CompiledTarget } from './metrics.js';

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
  /** @internal The holiday source it was compiled with; a request's calendar spec is compiled with it too. */
  readonly holidayRegions: HolidayRegions | undefined;
  readonly #compiled = true;

  /** @internal Whether `value` is a CompiledPolicy: a brand check, which no Proxy can fake or break. */
  static is(value: unknown): value is CompiledPolicy {
    return typeof value === 'object' && value !== null && #compiled in value;
  }

  /** @internal Use {@link compilePolicy}. */
  constructor(spec: PolicySpec, versions: readonly CompiledVersion[], holidayRegions: HolidayRegions | undefined) {
    this.spec = spec;
    this.id = spec.id;
    this.vendor = spec.vendor;
    this.name = spec.name;
    this.versions = versions;
    this.holidayRegions = holidayRegions;
    Object.freeze(this);
  }

  /** The plain spec, so `JSON.stringify(policy)` round-trips through `compilePolicy`. */
  toJSON(): PolicySpec {
    return this.spec;
  }
}

/**
 * Validates a policy (its structure with precompiled checks, then every cross-reference) and compiles
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
  if (holidayRegions === undefined && spec !== null && typeof spec === 'object' && immutableSpecs.has(spec)) {
    let compiled = compiledImmutable.get(spec);
    if (compiled === undefined) {
      // A built-in policy is deep-frozen data that the tests hold to the policy's shape:
      // it skips the snapshot and the shape check.
      compiled = builtInSpecs.has(spec) ? compileSnapshot(spec, holidayRegions, false) : compileSnapshot(snapshotInput(spec).value, holidayRegions);
      compiledImmutable.set(spec, compiled);
    }
    return compiled;
  }
  return policyCache(holidayRegions).get(spec, (snapshot) => compileSnapshot(snapshot.value, holidayRegions));
}

// Versions are compiled from a frozen snapshot, so nothing a decision hands out (clauses,
// names) can reach back into the compiled policy, and nothing can change under it.
function compileSnapshot(snapshot: unknown, holidayRegions: CompileOptions['holidayRegions'], checkStructure = true): CompiledPolicy {
  const issues: SlaclockIssue[] = checkStructure ? issuesOf(policyShape, snapshot) : [];
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
  return new CompiledPolicy(parsed, versions, holidayRegions);
}

/** Compiled policies of specs passed uncompiled: one cache per holiday source (see configureCaches). */
const withoutRegions = new SpecCache<CompiledPolicy>('policies');
const byHolidaySource = new WeakMap<HolidayRegions, SpecCache<CompiledPolicy>>();

function policyCache(holidayRegions: HolidayRegions | undefined): SpecCache<CompiledPolicy> {
  if (holidayRegions === undefined) return withoutRegions;
  let cache = byHolidaySource.get(holidayRegions);
  if (cache === undefined) {
    cache = new SpecCache<CompiledPolicy>('policies');
    byHolidaySource.set(holidayRegions, cache);
  }
  return cache;
}

function policyIssue(message: string, path: IssuePath): SlaclockIssue {
  return { code: 'invalid_policy', path, message };
}

// Specs the library itself deep-froze (the built-in catalog, withContract results)
// cannot change, so each is compiled once, without any check. A caller's spec goes
// through the spec cache (identity, then content).
const immutableSpecs = new WeakSet<object>();
const compiledImmutable = new WeakMap<object, CompiledPolicy>();

/** @internal Deep-freezes a policy spec and lets `compilePolicy` cache its compiled form. */
export function freezePolicy<T extends PolicySpec>(spec: T): T {
  deepFreeze(spec);
  immutableSpecs.add(spec);
  return spec;
}

// The built-in catalog: trusted data, checked against the policy's shape by test/golden.test.ts.
const builtInSpecs = new WeakSet<object>();

/** @internal {@link freezePolicy} for a built-in policy, which `compilePolicy` also does not check against the policy's shape. */
export function freezeBuiltInPolicy<T extends PolicySpec>(spec: T): T {
  builtInSpecs.add(freezePolicy(spec));
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
