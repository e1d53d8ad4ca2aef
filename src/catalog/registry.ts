import { SlaclockError } from '../errors.js';
import type { PolicySpec } from '../policy/types.js';
import { didYouMean, quoteValue } from '../util/describe.js';
import { CATALOG } from './index.js';

/** A line of {@link listPolicies}. */
export interface PolicySummary {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  /** Plan ids of the newest version, lowest tier first. */
  readonly plans: readonly string[];
  readonly versions: readonly { readonly id: string; readonly effectiveFrom: string | null }[];
}

/**
 * A built-in vendor policy by id: `'jumpcloud'`, `'jumpcloud-legacy'`,
 * `'one-identity'`, `'cirrus-identity'`, `'sailpoint-identitynow'`. The result is
 * frozen plain data; `evaluate` compiles it once.
 *
 * @throws {SlaclockError} `unknown_policy`
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * getPolicy('one-identity').versions[0]?.plans.map((plan) => plan.id); // ['trial', 'standard', '24x7', 'premier']
 * ```
 */
export function getPolicy(id: PolicyId): PolicySpec {
  const policy = CATALOG.find((candidate) => candidate.id === id);
  if (policy) return policy;
  const ids = CATALOG.map((candidate) => candidate.id);
  throw new SlaclockError('unknown_policy', `Unknown policy ${quoteValue(id)}; the catalog has ${ids.join(', ')}${didYouMean(id, ids)}`, ['policy']);
}

/** The ids of the built-in policies (any string is accepted at run time and checked). */
export type PolicyId = 'jumpcloud' | 'jumpcloud-legacy' | 'one-identity' | 'cirrus-identity' | 'sailpoint-identitynow' | (string & {});

/**
 * The built-in catalog, one summary per policy.
 *
 * @example
 * ```ts
 * import { listPolicies } from 'slaclock';
 * listPolicies().map((policy) => policy.id);
 * // ['jumpcloud', 'jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow']
 * ```
 */
export function listPolicies(): PolicySummary[] {
  return CATALOG.map((policy) => {
    const newest = policy.versions[policy.versions.length - 1];
    return {
      id: policy.id,
      vendor: policy.vendor,
      name: policy.name,
      plans: [...(newest?.plans ?? [])].sort((a, b) => a.tier - b.tier).map((plan) => plan.id),
      versions: policy.versions.map((version) => ({ id: version.id, effectiveFrom: version.effectiveFrom ?? null })),
    };
  });
}

