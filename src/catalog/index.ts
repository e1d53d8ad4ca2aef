import { freezeBuiltInPolicy } from '../policy/compile.js';
import type { PolicySpec } from '../policy/types.js';
import { cirrusIdentity } from './cirrusIdentity.js';
import { jumpcloud, jumpcloudLegacy } from './jumpcloud.js';
import { oneIdentity } from './oneIdentity.js';
import { sailpointIdentityNow } from './sailpointIdentityNow.js';

// Each built-in policy is its own frozen export, so that an application bundling one of
// them (and `evaluate`) carries only that one; `getPolicy` takes an id at run time and so
// carries all five (docs/performance.md, "Core bundle").

/**
 * JumpCloud's support policy, the same frozen object as `getPolicy('jumpcloud')`: the
 * legacy page, then the current tiers page from 2023-01-01 (an interpretation date).
 * Importing it by name lets a bundler leave the other built-in policies out.
 *
 * @example
 * ```ts
 * import { evaluate, jumpcloudPolicy } from 'slaclock';
 * evaluate(jumpcloudPolicy, { plan: 'standard', severity: 1, at: '2026-03-02T16:00:00Z' }).firstResponse?.deadline;
 * // '2026-03-02T13:00:00.000-07:00': Standard severity 1 is 4 business hours, from 09:00 Mountain
 * ```
 */
export const jumpcloudPolicy: PolicySpec = /* @__PURE__ */ freezeBuiltInPolicy(jumpcloud);

/**
 * The legacy JumpCloud page alone, in force at every instant; the same frozen object as
 * `getPolicy('jumpcloud-legacy')`.
 *
 * @example
 * ```ts
 * import { jumpcloudLegacyPolicy } from 'slaclock';
 * jumpcloudLegacyPolicy.versions.length; // 1
 * ```
 */
export const jumpcloudLegacyPolicy: PolicySpec = /* @__PURE__ */ freezeBuiltInPolicy(jumpcloudLegacy);

/**
 * One Identity's support guide (Standard, 24x7 and Premier programs, trials,
 * customizations, preview features); the same frozen object as `getPolicy('one-identity')`.
 *
 * @example
 * ```ts
 * import { oneIdentityPolicy } from 'slaclock';
 * oneIdentityPolicy.versions[0]?.plans.map((plan) => plan.id); // ['trial', 'standard', '24x7', 'premier']
 * ```
 */
export const oneIdentityPolicy: PolicySpec = /* @__PURE__ */ freezeBuiltInPolicy(oneIdentity);

/**
 * Cirrus Identity's support center page; the same frozen object as `getPolicy('cirrus-identity')`.
 *
 * @example
 * ```ts
 * import { cirrusIdentityPolicy } from 'slaclock';
 * cirrusIdentityPolicy.vendor; // 'Cirrus Identity'
 * ```
 */
export const cirrusIdentityPolicy: PolicySpec = /* @__PURE__ */ freezeBuiltInPolicy(cirrusIdentity);

/**
 * SailPoint IdentityNow's SaaS Support vs. Expert Services page; the same frozen object
 * as `getPolicy('sailpoint-identitynow')`.
 *
 * @example
 * ```ts
 * import { sailpointIdentityNowPolicy } from 'slaclock';
 * sailpointIdentityNowPolicy.id; // 'sailpoint-identitynow'
 * ```
 */
export const sailpointIdentityNowPolicy: PolicySpec = /* @__PURE__ */ freezeBuiltInPolicy(sailpointIdentityNow);

/**
 * The built-in vendor policies, read from their published support pages. Every
 * figure quotes its sentence (`Clause.text`); every reading the words do not force
 * is an `Interpretation` (see docs/policies.md).
 */
export const CATALOG: readonly PolicySpec[] = [jumpcloudPolicy, jumpcloudLegacyPolicy, oneIdentityPolicy, cirrusIdentityPolicy, sailpointIdentityNowPolicy];
