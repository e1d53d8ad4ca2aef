// Internal: what compare() and the charts share. Not part of the public API.
import { compileCalendar, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError, withPathPrefix } from '../errors.js';
import { readOptions } from '../util/options.js';
import { messages } from '../util/issues.js';
import { snapshotInput } from '../util/snapshot.js';
import { getPolicy } from '../catalog/registry.js';
import { compilePolicy, CompiledPolicy } from '../policy/compile.js';
import { deadlineMs, resolveTerms } from '../policy/terms.js';
import { compiledVersionAt as versionAt } from '../policy/versionAt.js';
import type { Decision } from '../policy/decision.js';
import type { ContractStatus, PolicySpec } from '../policy/types.js';
import { holidayRegions } from '../regions/regional.js';
import { regionCalendarSpec } from './regionCatalog.js';

/**
 * One policy and plan to compare: a built-in policy id, a policy spec or a compiled
 * policy. An add-on plan (one with `requiresAnyOf`, such as One Identity's Premier)
 * runs on the clock of the base plan it is added to: name it with `basePlan`
 * (default: the first plan the add-on requires).
 *
 * @example
 * ```ts
 * import { compilePolicy, getPolicy } from 'slaclock';
 * import type { CompareEntry } from 'slaclock/compare';
 * const entries: CompareEntry[] = [
 *   { policy: 'jumpcloud', plan: 'standard' },
 *   { policy: compilePolicy(getPolicy('one-identity')), plan: 'premier', basePlan: '24x7' },
 * ];
 * ```
 */
export interface CompareEntry {
  /** A built-in policy id (`'jumpcloud'`), a {@link PolicySpec} or a {@link CompiledPolicy}. */
  policy: string | PolicySpec | CompiledPolicy;
  /** A plan id of that policy (`'standard'`). */
  plan: string;
  /** For an add-on plan, the base plan the account holds with it. @default the add-on's first required plan */
  basePlan?: string;
}

/** @internal An entry with its policy compiled. */
export interface PreparedEntry {
  readonly policy: CompiledPolicy;
  readonly plan: string;
  /** The base plan of an add-on, else `null`. */
  readonly basePlan: string | null;
  /** `premier (on standard)`, or the plan id. */
  readonly planLabel: string;
  /** The plans the account holds: the plan, and its base plan for an add-on. */
  readonly held: readonly string[];
}

/** @internal What a case came to under one entry, with the policy version in force. */
export type Outcome =
  /** The version in force at the case does not define the severity. */
  | { readonly kind: 'undefined-severity'; readonly version: string }
  /** The version in force at the case has no such plan. */
  | { readonly kind: 'no-plan'; readonly version: string }
  | { readonly kind: 'ineligible'; readonly version: string; readonly interpretations: Interpretations }
  | { readonly kind: 'no-target'; readonly version: string; readonly interpretations: Interpretations }
  | { readonly kind: 'deadline'; readonly version: string; readonly deadlineMs: number; readonly interpretations: Interpretations };

/** @internal The interpretations a decision records (shared, frozen). */
export type Interpretations = Decision['interpretations'];

/** @internal The account columns a case may carry. */
export interface CaseAccount {
  readonly contract?: ContractStatus;
}

/** @internal A built-in policy id or a policy (spec or compiled), compiled; a bad id is the caller's `policy`. */
export function compileEntryPolicy(policy: CompareEntry['policy']): CompiledPolicy {
  if (typeof policy !== 'string') return compilePolicy(policy, { holidayRegions });
  let spec: PolicySpec;
  try {
    spec = getPolicy(policy);
  } catch (error) {
    // getPolicy names its own argument 'policy'; here the entry's field is the path.
    if (error instanceof SlaclockError) throw new SlaclockError(error.code, error.issues[0]?.message ?? error.message);
    throw error;
  }
  return compilePolicy(spec); // built-in specs are compiled once and cached
}

const ENTRY_KEYS = ['policy', 'plan', 'basePlan'] as const;

/** @internal Compiles each entry's policy once and checks its plan (and base plan). */
export function prepareEntries(entries: readonly CompareEntry[]): PreparedEntry[] {
  entries = snapshotInput(entries, ['entries'], (value) => CompiledPolicy.is(value)).value as CompareEntry[]; // read once, within the size budget
  if (!Array.isArray(entries) || entries.length === 0) throw new SlaclockError('invalid_input', messages.expected('a non-empty array of { policy, plan } entries', entries), ['entries']);
  return entries.map((entry, index) => {
    const path = ['entries', index];
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new SlaclockError('invalid_input', messages.expected('an entry { policy, plan, basePlan? }', entry), path);
    readOptions(entry, ENTRY_KEYS, path, 'invalid_input');
    const policy = withPathPrefix([...path, 'policy'], () => compileEntryPolicy(entry.policy));
    const planIds = [...new Set(policy.versions.flatMap((version) => [...version.plans.keys()]))];
    if (typeof entry.plan !== 'string' || !planIds.includes(entry.plan)) {
      throw new SlaclockError('unknown_plan', `${messages.oneOf(planIds, entry.plan)} (the plans of policy "${policy.id}")`, [...path, 'plan']);
    }
    const bases = requiredPlans(policy, entry.plan);
    if (bases.length === 0) {
      if (entry.basePlan !== undefined) throw new SlaclockError('invalid_input', `Plan "${entry.plan}" of "${policy.id}" is not an add-on; it takes no basePlan`, [...path, 'basePlan']);
      return { policy, plan: entry.plan, basePlan: null, planLabel: entry.plan, held: [entry.plan] };
    }
    const basePlan = entry.basePlan ?? (bases[0] as string);
    if (!bases.includes(basePlan)) {
      throw new SlaclockError('unknown_plan', `${messages.oneOf(bases, basePlan)} (the plans that add-on "${entry.plan}" of "${policy.id}" is added to)`, [...path, 'basePlan']);
    }
    return { policy, plan: entry.plan, basePlan, planLabel: `${entry.plan} (on ${basePlan})`, held: [entry.plan, basePlan] };
  });
}

/** @internal The plans an add-on requires (any version), `[]` for a plan that stands alone. */
export function requiredPlans(policy: CompiledPolicy, plan: string): string[] {
  const required = policy.versions.flatMap((version) => version.plans.get(plan)?.spec.requiresAnyOf ?? []);
  return [...new Set(required)];
}

/**
 * @internal Region calendars by code, compiled when first asked: the caller's `extra`
 * specs, else a key of DEFAULT_REGIONS, else any region date-holidays knows.
 */
export class RegionCalendars {
  private readonly calendars = new Map<string, Calendar>();
  private readonly extra: ReadonlyMap<string, CalendarSpec>;

  constructor(extra: Readonly<Record<string, CalendarSpec>> | undefined) {
    if (extra !== undefined && (extra === null || typeof extra !== 'object' || Array.isArray(extra))) {
      throw new SlaclockError('invalid_option', messages.expected('a record of calendar specs by region code', extra), ['regions']);
    }
    this.extra = new Map(Object.entries(extra ?? {}));
    for (const [code, spec] of this.extra) this.calendars.set(code, withPathPrefix(['regions', code], () => compileCalendar(spec, { holidayRegions })));
  }

  /** The calendar of `code`, or `unknown_region` at `path`. */
  get(code: string, path: readonly (string | number)[]): Calendar {
    let calendar = this.calendars.get(code);
    if (calendar === undefined) {
      calendar = withPathPrefix(path, () => {
        try {
          return compileCalendar(regionCalendarSpec(code), { holidayRegions });
        } catch (error) {
          if (error instanceof SlaclockError) throw new SlaclockError(error.code, error.issues[0]?.message ?? error.message);
          throw error;
        }
      });
      this.calendars.set(code, calendar);
    }
    return calendar;
  }
}

/**
 * @internal Evaluates one case under one entry. Without `account` the account is in
 * good standing: the plan's first accepted contract status (or `'active'`), an
 * administrator holding the entry's plans, the trial starting at the case.
 */
export function decide(entry: PreparedEntry, severity: number, at: number, calendar: Calendar, account?: CaseAccount): Outcome {
  const version = versionAt(entry.policy, at);
  const id = version.spec.id;
  const plan = version.plans.get(entry.plan);
  if (plan === undefined) return { kind: 'no-plan', version: id };
  if (!version.severities.has(severity)) return { kind: 'undefined-severity', version: id };
  // The terms, not a whole Decision: a comparison reads one deadline and formats no string.
  const terms = resolveTerms(entry.policy, {
    plan: entry.plan,
    severity,
    at,
    calendar,
    account: {
      contract: account?.contract ?? plan.spec.contract?.[0] ?? 'active',
      role: 'administrator',
      plans: entry.held,
      trialStart: at,
    },
  });
  const { interpretations } = terms;
  if (!terms.eligible) return { kind: 'ineligible', version: id, interpretations };
  const firstResponse = terms.metrics.firstResponse;
  if (firstResponse === null || firstResponse === undefined) return { kind: 'no-target', version: id, interpretations };
  return { kind: 'deadline', version: id, deadlineMs: deadlineMs(firstResponse, terms.at), interpretations };
}
