import type { CalendarSpec } from '../calendar/spec.js';
import type { CompileOptions } from '../calendar/calendar.js';
import { SlaclockError } from '../errors.js';
import { compilePolicy, freezePolicy, type CompiledPolicy } from './compile.js';
import { contractTermsShape } from './shape.js';
import { didYouMean, isArray, quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { parseChecked } from '../util/checks.js';
import { messages } from '../util/issues.js';
import type { Clause, PlanSpec, PolicySpec, ResponseTarget } from './types.js';

/** A customer's contract terms for one plan; each given field replaces the published one. */
export interface PlanTerms {
  readonly targets?: Readonly<Record<string, ResponseTarget | null>> | undefined;
  /** Targets of the other metrics, per metric id and severity (`{ resolution: { 1: { duration: 'PT16H', clause } } }`): each given severity replaces the published one. */
  readonly metrics?: PlanSpec['metrics'] | undefined;
  readonly coverage?: PlanSpec['coverage'] | undefined;
  readonly channels?: PlanSpec['channels'] | undefined;
}

/** Contract terms that take precedence over a published policy. */
export interface ContractTerms {
  /** Where the terms come from, e.g. the contract's name and section. */
  readonly clause: Clause;
  /** Terms per plan id. */
  readonly plans: Readonly<Record<string, PlanTerms>>;
  /** Extra vendor clocks the terms refer to. */
  readonly calendars?: Readonly<Record<string, CalendarSpec>> | undefined;
}

/**
 * Applies a customer's contract terms to a published policy, in every version:
 * contract terms take precedence over the published page (Cirrus Identity says so,
 * and most vendors' contracts do). Returns a new policy spec; the input is not
 * changed. The result records the contract as an interpretation.
 *
 * Contract calendars with `{ region }` holidays need `options.holidayRegions` here, and
 * the result is then compiled with the same option: `compilePolicy(result, { holidayRegions })`.
 *
 * @throws {SlaclockError} `unknown_plan` for terms about a plan the policy lacks;
 *   `invalid_policy` and others when the result does not validate.
 * @example
 * ```ts
 * import { evaluate, getPolicy, withContract } from 'slaclock';
 * const contract = { text: 'Order form 2026-114, schedule B', source: 'Customer contract' };
 * const policy = withContract(getPolicy('cirrus-identity'), {
 *   clause: contract,
 *   plans: { standard: { targets: { 1: { duration: 'PT1H', clause: contract }, 2: { duration: 'PT8H', clause: contract } } } },
 * });
 * evaluate(policy, { plan: 'standard', severity: 1, at: '2026-11-25T15:00Z' }).firstResponse?.target; // '1 hour'
 * ```
 */
export function withContract(policy: PolicySpec | CompiledPolicy, terms: ContractTerms, options?: CompileOptions): PolicySpec {
  const base = compilePolicy(policy, options).spec;
  // Read once, within the size budget, and checked whole: a typo ("target") is an error, not ignored.
  const snapshot = snapshotInput(terms).value;
  if (snapshot === null || typeof snapshot !== 'object' || isArray(snapshot)) {
    throw new SlaclockError('invalid_input', messages.expected('contract terms { clause, plans, calendars? }', snapshot));
  }
  terms = parseChecked<ContractTerms>(contractTermsShape, snapshot);
  const versions = base.versions.map((version) => {
    const planIds = version.plans.map((plan) => plan.id);
    for (const planId of Object.keys(terms.plans)) {
      if (!planIds.includes(planId)) {
        throw new SlaclockError('unknown_plan', `The contract has terms for plan ${quoteValue(planId)}, which version ${quoteValue(version.id)} does not define${didYouMean(planId, planIds)}`, ['plans', planId]);
      }
    }
    return {
      ...version,
      calendars: { ...(version.calendars ?? {}), ...(terms.calendars ?? {}) },
      plans: version.plans.map((plan) => {
        const planTerms = terms.plans[plan.id];
        if (!planTerms) return plan;
        return {
          ...plan,
          ...(planTerms.channels ? { channels: planTerms.channels } : {}),
          ...(planTerms.coverage ? { coverage: planTerms.coverage } : {}),
          targets: { ...plan.targets, ...(planTerms.targets ?? {}) },
          ...(planTerms.metrics ? { metrics: mergeMetrics(plan.metrics, planTerms.metrics) } : {}),
        };
      }),
      interpretations: [
        ...(version.interpretations ?? []),
        { id: 'contract-precedence', clause: terms.clause, reading: 'Customer contract terms replace the published plan terms they cover.', plans: Object.keys(terms.plans) },
      ],
    };
  });
  const result = freezePolicy(JSON.parse(JSON.stringify({ ...base, id: `${base.id}+contract`, versions })) as PolicySpec);
  compilePolicy(result, options); // validate now, with paths, rather than at the first evaluate
  return result;
}

// Per metric, the contract's severities over the published ones.
function mergeMetrics(published: PlanSpec['metrics'], contract: NonNullable<PlanSpec['metrics']>): NonNullable<PlanSpec['metrics']> {
  const merged: Record<string, Readonly<Record<string, ResponseTarget | null>>> = { ...(published ?? {}) };
  for (const [metric, bySeverity] of Object.entries(contract)) merged[metric] = { ...(merged[metric] ?? {}), ...bySeverity };
  return merged;
}
