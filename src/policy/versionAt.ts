import { toEpochMs, type Instant } from '../time/instant.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { CompiledVersion } from './compileVersion.js';
import type { PolicySpec, PolicyVersionSpec } from './types.js';

/**
 * The version of a policy in force at an instant: the latest whose `effectiveFrom`
 * (local midnight in the policy's zone) is not after `at`; the earliest when `at`
 * precedes them all (`evaluate` then adds a `before_first_version` note). This is the
 * version `evaluate` applies when the request names no `version` and the plan is one
 * the version defines.
 *
 * @throws {SlaclockError} `invalid_instant`, and any policy validation error.
 * @example
 * ```ts
 * import { getPolicy, versionAt } from 'slaclock';
 * versionAt(getPolicy('jumpcloud'), '2022-06-01T12:00Z').id;       // 'legacy'
 * versionAt(getPolicy('jumpcloud'), '2023-01-01T06:00-07:00').id;  // 'current' (midnight in Denver has passed)
 * ```
 */
export function versionAt(policy: PolicySpec | CompiledPolicy, at: Instant): PolicyVersionSpec {
  return compiledVersionAt(compilePolicy(policy), toEpochMs(at, ['at'])).spec;
}

/** @internal {@link versionAt} on a compiled policy and epoch milliseconds. */
export function compiledVersionAt(policy: CompiledPolicy, at: number): CompiledVersion {
  let chosen = policy.versions[0] as CompiledVersion;
  for (const version of policy.versions) if (version.effectiveFromMs <= at) chosen = version;
  return chosen;
}
