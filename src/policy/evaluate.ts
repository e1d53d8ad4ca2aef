import { formatUtcIso, formatZonedIso } from '../zone/isoFormat.js';
import { TZDB_VERSION } from '../zone/tzdb.js';
import type { CompiledPolicy } from './compile.js';
import type { Decision, TargetDeadline, SupportRequest } from './decision.js';
import { deadlineMs, resolveTerms, type MetricTerms } from './terms.js';
import type { PolicySpec } from './types.js';

/**
 * Decides a support request under a policy: whether the customer is entitled to
 * support, on which channels, and by what exact instant each metric's target falls
 * due if its clock starts when the case is opened (`targets`; the first response also
 * as `firstResponse`). Pure and deterministic: the same policy and request always give
 * the same decision, whatever the host's zone, locale or clock.
 *
 * The version of the policy in force at `request.at` applies (see `versionAt`). An
 * ineligible request gets no deadline but says why (`reasons` with `effect: 'deny'`,
 * each with the clause it comes from and a remedy).
 *
 * @throws {SlaclockError} `unknown_plan`, `unknown_severity`, `unknown_channel`,
 *   `invalid_instant`, `invalid_input` (no customer calendar for a plan that runs on
 *   the customer's hours), and any policy validation error.
 * @example
 * ```ts
 * import { evaluate, getPolicy } from 'slaclock';
 * const decision = evaluate(getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' });
 * decision.eligible;                  // true
 * decision.channels.available;        // ['help-center', 'email']
 * decision.firstResponse?.deadline;   // '2026-11-27T11:00:00.000-07:00' (4 business hours; Thanksgiving closed)
 * ```
 */
export function evaluate(policy: PolicySpec | CompiledPolicy, request: SupportRequest): Decision {
  const terms = resolveTerms(policy, request);
  const targets: Record<string, TargetDeadline | null> = {};
  for (const id in terms.metrics) {
    const metric = terms.metrics[id] as MetricTerms | null;
    targets[id] = metric === null ? null : deadlineOf(metric, terms.at);
  }
  return {
    policy: terms.policy,
    version: terms.version,
    plan: terms.plan,
    severity: terms.severity,
    at: formatUtcIso(terms.at),
    eligible: terms.eligible,
    reasons: terms.reasons,
    channels: terms.channels,
    firstResponse: targets.firstResponse ?? null,
    targets,
    route: terms.route,
    interpretations: terms.interpretations,
    tzdb: TZDB_VERSION,
  };
}

function deadlineOf(metric: MetricTerms, at: number): TargetDeadline {
  const deadline = deadlineMs(metric, at);
  return {
    metric: metric.metric.id,
    target: metric.target,
    clock: metric.clock,
    timezone: metric.timezone,
    deadline: formatZonedIso(metric.zone, deadline),
    deadlineMs: deadline,
    cadence: metric.metric.recurring ? metric.target : null,
    attainment: metric.attainment,
    clause: metric.clause,
  };
}
