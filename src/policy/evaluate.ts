import { formatUtcIso, formatZonedIso } from '../zone/isoFormat.js';
import { TZDB_VERSION } from '../zone/tzdb.js';
import type { CompiledPolicy } from './compile.js';
import type { PlanLevel } from './planLevel.js';
import type { Decision, TargetDeadline, SupportRequest } from './decision.js';
import { deadlineMs, metricTermsAt, resolveRequest, routeFor, type MetricTerms, type Resolution } from './terms.js';
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
  const resolution = resolveRequest(policy, request);
  const { at } = resolution.fields;
  const level = resolution.level;
  const eligible = resolution.eligible;
  // The metrics' terms, then the route, then the deadlines: the order resolveTerms reads
  // them in, so a request with two problems reports the same one first.
  const single = eligible && level.metrics.length === 1;
  const first = single ? metricTermsAt(resolution, 0) : null;
  const terms = eligible && !single ? termsOf(resolution) : undefined;
  const route = routeFor(resolution);
  const firstResponse = first === null ? null : deadlineOf(first, at);
  const targets = terms === undefined ? (single ? { firstResponse } : {}) : deadlinesOf(terms, at);
  return {
    policy: resolution.policy,
    version: resolution.version.terms.id,
    plan: resolution.plan.terms.id,
    severity: resolution.severity,
    at: formatUtcIso(at),
    eligible,
    reasons: resolution.reasons,
    channels: level.channels,
    firstResponse: terms === undefined ? firstResponse : (targets.firstResponse ?? null),
    targets,
    route,
    interpretations: level.interpretations,
    tzdb: TZDB_VERSION,
  };
}

// A table of several metrics: each one's terms by id.
function termsOf(resolution: Resolution): Record<string, MetricTerms | null> {
  const terms: Record<string, MetricTerms | null> = {};
  const table = resolution.level.metrics;
  for (let index = 0; index < table.length; index++) terms[(table[index] as PlanLevel['metrics'][number])[0]] = metricTermsAt(resolution, index);
  return terms;
}

function deadlinesOf(terms: Readonly<Record<string, MetricTerms | null>>, at: number): Record<string, TargetDeadline | null> {
  const targets: Record<string, TargetDeadline | null> = {};
  for (const id in terms) {
    const metric = terms[id] as MetricTerms | null;
    targets[id] = metric === null ? null : deadlineOf(metric, at);
  }
  return targets;
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
