// Internal: what compare() and renderDeadlineChart() share. Not part of the public API.
import { compileCalendar, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError, withPathPrefix } from '../errors.js';
import { isInstanceOf, quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { getPolicy } from '../catalog/registry.js';
import { compilePolicy, CompiledPolicy, type CompiledVersion } from '../policy/compile.js';
import { evaluate } from '../policy/evaluate.js';
import { compiledVersionAt as versionAt } from '../policy/versionAt.js';
import type { PolicySpec } from '../policy/types.js';
import { holidayRegions } from '../regions/regional.js';
import { DEFAULT_REGIONS } from './cases.js';

/**
 * One policy and plan to compare: a built-in policy id, a policy spec or a compiled policy.
 *
 * @example
 * ```ts
 * import { compilePolicy, getPolicy } from 'slaclock';
 * import type { CompareEntry } from 'slaclock/compare';
 * const entries: CompareEntry[] = [
 *   { policy: 'jumpcloud', plan: 'standard' },
 *   { policy: compilePolicy(getPolicy('one-identity')), plan: '24x7' },
 * ];
 * ```
 */
export interface CompareEntry {
  /** A built-in policy id (`'jumpcloud'`), a {@link PolicySpec} or a {@link CompiledPolicy}. */
  policy: string | PolicySpec | CompiledPolicy;
  /** A plan id of that policy (`'standard'`). */
  plan: string;
}

/** @internal An entry with its policy compiled. */
export interface PreparedEntry {
  readonly policy: CompiledPolicy;
  readonly plan: string;
  /** `policy-id/plan`. */
  readonly label: string;
  /** Every plan id of every version of the policy (the account's `plans`). */
  readonly planIds: readonly string[];
}

/** @internal What a case came to under one entry. */
export type Outcome =
  /** The version in force at the case lacks the severity (or the plan): not counted. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'ineligible' }
  | { readonly kind: 'no-target' }
  | { readonly kind: 'deadline'; readonly deadlineMs: number };

/** @internal Compiles each entry's policy once and checks that its plan exists. */
export function prepareEntries(entries: readonly CompareEntry[]): PreparedEntry[] {
  entries = snapshotInput(entries, ['entries'], (value) => isInstanceOf(value, CompiledPolicy)).value as CompareEntry[]; // read once, within the size budget
  if (!Array.isArray(entries) || entries.length === 0) throw new SlaclockError('invalid_input', 'Expected a non-empty array of { policy, plan } entries', ['entries']);
  return entries.map((entry, index) => {
    const path = ['entries', index];
    if (entry === null || typeof entry !== 'object') throw new SlaclockError('invalid_input', 'Expected an entry { policy, plan }', path);
    const policy = withPathPrefix([...path, 'policy'], () => {
      if (typeof entry.policy !== 'string') return compilePolicy(entry.policy, { holidayRegions });
      let spec: PolicySpec;
      try {
        spec = getPolicy(entry.policy);
      } catch (error) {
        // getPolicy names its own argument 'policy'; here the entry's field is the path.
        if (error instanceof SlaclockError) throw new SlaclockError(error.code, error.issues[0]?.message ?? error.message);
        throw error;
      }
      return compilePolicy(spec); // built-in specs are compiled once and cached
    });
    const planIds = [...new Set(policy.versions.flatMap((version) => [...version.plans.keys()]))];
    if (typeof entry.plan !== 'string' || !planIds.includes(entry.plan)) {
      throw new SlaclockError('unknown_plan', `Policy "${policy.id}" has no plan ${quoteValue(entry.plan)}; it has ${planIds.join(', ')}`, [...path, 'plan']);
    }
    return { policy, plan: entry.plan, label: `${policy.id}/${entry.plan}`, planIds };
  });
}

/** @internal Region calendars by code, compiled once: {@link DEFAULT_REGIONS} overridden by `extra`. */
export function compileRegions(extra: Readonly<Record<string, CalendarSpec>> | undefined): Map<string, Calendar> {
  const regions = new Map<string, Calendar>();
  for (const [code, spec] of Object.entries(DEFAULT_REGIONS)) regions.set(code, compileCalendar(spec, { holidayRegions }));
  if (extra !== undefined) {
    if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) throw new SlaclockError('invalid_option', 'regions must be a record of calendar specs by region code', ['regions']);
    for (const [code, spec] of Object.entries(extra)) regions.set(code, withPathPrefix(['regions', code], () => compileCalendar(spec, { holidayRegions })));
  }
  return regions;
}

/** @internal The calendar of a region code, or `unknown_region` at `path`. */
export function regionCalendar(regions: ReadonlyMap<string, Calendar>, code: string, path: readonly (string | number)[]): Calendar {
  const calendar = regions.get(code);
  if (calendar === undefined) throw new SlaclockError('unknown_region', `Unknown region ${quoteValue(code)}; known: ${[...regions.keys()].join(', ')}`, path);
  return calendar;
}

// The version in force at `at`, as evaluate() picks it: the latest not after `at`, else the earliest.
/**
 * @internal Evaluates one case under one entry, as an administrator of an account in
 * good standing: the plan's first accepted contract status (or `'active'`), every plan
 * of the policy held, the trial starting at the case.
 */
export function decide(entry: PreparedEntry, severity: number, at: number, calendar: Calendar): Outcome {
  const version = versionAt(entry.policy, at);
  const plan = version.plans.get(entry.plan);
  if (plan === undefined || !version.severities.has(severity)) return { kind: 'skipped' };
  const decision = evaluate(entry.policy, {
    plan: entry.plan,
    severity,
    at,
    calendar,
    account: { contract: plan.spec.contract?.[0] ?? 'active', role: 'administrator', plans: entry.planIds, trialStart: at },
  });
  if (!decision.eligible) return { kind: 'ineligible' };
  if (decision.firstResponse === null) return { kind: 'no-target' };
  return { kind: 'deadline', deadlineMs: decision.firstResponse.deadlineMs };
}
