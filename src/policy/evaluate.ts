import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { businessDaysOn } from '../ops/businessDays.js';
import { formatWallIso, MS_PER_DAY } from '../time/civil.js';
import { toEpochMs } from '../time/instant.js';
import { TZDB_VERSION } from '../zone/tzdb.js';
import {
  BASE_PLAN_CLOCK,
  compilePolicy,
  CUSTOMER_CLOCK,
  type CompiledCondition,
  type CompiledPlan,
  type CompiledPolicy,
  type CompiledTarget,
  type CompiledVersion,
  type SharedDecisionParts,
} from './compile.js';
import type { Decision, FirstResponse, Reason, SupportRequest } from './decision.js';
import type { ClockRef, PolicySpec } from './types.js';

/**
 * Decides a support request under a policy: whether the customer is entitled to
 * support, on which channels, and by what exact instant the first response is due.
 * Pure and deterministic: the same policy and request always give the same
 * decision, whatever the host's zone, locale or clock.
 *
 * The version of the policy in force at `request.at` applies. An ineligible request
 * gets no deadline but says why (`reasons` with `effect: 'deny'`, each with the
 * clause it comes from and a remedy).
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
  const compiled = compilePolicy(policy);
  if (request === null || typeof request !== 'object') throw new SlaclockError('invalid_input', 'Expected a support request object');
  const at = toEpochMs(request.at, ['at']);
  const version = versionAt(compiled, at);
  const plan = requirePlan(version, request.plan);
  let severity = requireSeverity(version, request.severity);
  if (request.channel !== undefined && !plan.spec.channels.includes(request.channel)) {
    throw new SlaclockError('unknown_channel', `Plan "${plan.spec.id}" does not offer the channel "${request.channel}" (it offers ${plan.spec.channels.join(', ')})`, ['channel']);
  }

  const reasons: Reason[] = [];
  if (at < version.effectiveFromMs) {
    reasons.push({ code: 'before_first_version', effect: 'note', message: `The request predates every version of the policy; the earliest (${version.spec.id}, from ${String(version.spec.effectiveFrom)}) is applied` });
  }
  let clockOverride: ClockRef | undefined;
  for (const { rule, when } of version.scope) {
    if (!matches(when, request.facts)) continue;
    if (rule.effect === 'excluded') {
      reasons.push({ code: 'out_of_scope', effect: 'deny', message: `Not covered by support (${rule.id})`, clause: rule.clause, remedy: 'Seek help outside support, as the clause says' });
    } else if (rule.effect === 'severity' && rule.severity !== severity) {
      reasons.push({ code: 'severity_set', effect: 'adjust', message: `Handled at severity ${String(rule.severity)} (${rule.id})`, clause: rule.clause });
      severity = rule.severity as number;
    } else if (rule.effect === 'business-hours-only') {
      reasons.push({ code: 'business_hours_only', effect: 'adjust', message: `No after-hours support (${rule.id}): the clock is "${String(rule.clock)}"`, clause: rule.clause });
      clockOverride = rule.clock;
    }
  }
  checkEntitlement(version, plan, request, at, reasons);

  const severitySpec = version.severities.get(severity);
  const shared = plan.shared.get(severity) as SharedDecisionParts;
  const required = shared.channels.required;
  if (required !== null && request.channel !== undefined && request.channel !== required) {
    reasons.push({
      code: 'channel_required',
      effect: 'deny',
      message: `Severity ${severity} cases must be reported by ${required}, not ${request.channel}`,
      ...(severitySpec?.clause === undefined ? {} : { clause: severitySpec.clause }),
      remedy: `Report the case by ${required}`,
    });
  }

  const eligible = !reasons.some((reason) => reason.effect === 'deny');
  let firstResponse: FirstResponse | null = null;
  const target = plan.targets.get(severity) ?? null;
  if (eligible && target === null) {
    reasons.push({ code: 'no_published_target', effect: 'note', message: `The policy publishes no first-response target for ${plan.spec.name}, severity ${severity}`, clause: plan.spec.clause });
  } else if (eligible && target !== null) {
    const clock = clockOverride ?? resolveClock(version, plan, severity, request);
    firstResponse = computeFirstResponse(target, clock, clockCalendar(version, clock, request), at);
  }

  return {
    policy: compiled.id,
    version: version.spec.id,
    plan: plan.spec.id,
    severity,
    at: `${formatWallIso(at)}Z`,
    eligible,
    reasons,
    channels: shared.channels,
    firstResponse,
    route: routeOf(version, request),
    interpretations: shared.interpretations,
    tzdb: TZDB_VERSION,
  };
}

/** @internal The latest version whose effective date is not after `at`; the earliest when `at` precedes them all. */
export function versionAt(policy: CompiledPolicy, at: number): CompiledVersion {
  let chosen = policy.versions[0] as CompiledVersion;
  for (const version of policy.versions) if (version.effectiveFromMs <= at) chosen = version;
  return chosen;
}

function requirePlan(version: CompiledVersion, id: string): CompiledPlan {
  const plan = version.plans.get(id);
  if (plan) return plan;
  throw new SlaclockError('unknown_plan', `Unknown plan "${String(id)}"; this policy version has ${[...version.plans.keys()].join(', ')}`, ['plan']);
}

function requireSeverity(version: CompiledVersion, requested: number | undefined): number {
  const severity = requested ?? version.spec.defaultSeverity;
  if (severity === undefined) throw new SlaclockError('unknown_severity', 'This policy has no default severity; give one', ['severity']);
  if (version.severities.has(severity)) return severity;
  throw new SlaclockError('unknown_severity', `Unknown severity ${String(severity)}; this policy version has ${[...version.severities.keys()].join(', ')}`, ['severity']);
}

function checkEntitlement(version: CompiledVersion, plan: CompiledPlan, request: SupportRequest, at: number, reasons: Reason[]): void {
  const { account } = request;
  const spec = plan.spec;
  const { roles, roleClause, languages, languageClause } = version.spec.eligibility ?? {};
  if (request.language !== undefined && typeof request.language !== 'string') {
    throw new SlaclockError('invalid_input', 'language must be a language tag such as "en" or "en-US"', ['language']);
  }
  const language = request.language?.toLowerCase().split('-')[0];
  if (languages !== undefined && language !== undefined && !languages.includes(language)) {
    reasons.push({ code: 'language_not_supported', effect: 'deny', message: `Support is given in: ${languages.join(', ')}`, ...(languageClause ? { clause: languageClause } : {}), remedy: `Ask in ${languages.join(' or ')}` });
  }
  if (account === undefined) {
    reasons.push({ code: 'account_not_checked', effect: 'note', message: 'No account given: the request is judged as if the account holds the plan in good standing' });
    return;
  }
  const contracts = spec.contract ?? ['active'];
  if (account.contract !== undefined && !contracts.includes(account.contract)) {
    reasons.push({ code: 'contract_not_eligible', effect: 'deny', message: `A ${account.contract} contract does not entitle to ${spec.name} (needs ${contracts.join(' or ')})`, clause: spec.clause, remedy: contracts.includes('active') ? 'Renew or buy a support contract' : `Hold a ${contracts.join(' or ')} contract` });
  }
  if (spec.trialDays !== undefined && account.trialStart !== undefined) {
    const start = toEpochMs(account.trialStart, ['account', 'trialStart']);
    if (at < start) reasons.push({ code: 'trial_not_started', effect: 'deny', message: 'The case is opened before the trial started', clause: spec.clause, remedy: 'Check the trial start' });
    else if (at >= start + spec.trialDays * MS_PER_DAY) reasons.push({ code: 'trial_expired', effect: 'deny', message: `Trial support ends ${spec.trialDays} days after the trial starts`, clause: spec.clause, remedy: 'Buy a paid plan' });
  }
  const base = spec.requiresAnyOf ?? [];
  if (base.length > 0 && account.plans !== undefined && !base.some((id) => account.plans?.includes(id))) {
    reasons.push({ code: 'base_plan_required', effect: 'deny', message: `${spec.name} needs an active ${base.join(' or ')} plan as well`, clause: spec.clause, remedy: `Hold ${base.join(' or ')} as well` });
  }
  if (roles !== undefined && account.role !== undefined && !roles.includes(account.role)) {
    reasons.push({ code: 'role_not_allowed', effect: 'deny', message: `Cases must be opened by: ${roles.join(', ')}`, ...(roleClause ? { clause: roleClause } : {}), remedy: `Ask a ${roles.join(' or ')} to open the case` });
  }
}

function resolveClock(version: CompiledVersion, plan: CompiledPlan, severity: number, request: SupportRequest): ClockRef {
  const clock = plan.clocks.get(severity) as ClockRef;
  if (clock !== BASE_PLAN_CLOCK) return clock;
  // The add-on rides on the best base plan the account holds; when the account's plans
  // are not given, on the first base plan the policy lists.
  const candidates = plan.spec.requiresAnyOf ?? [];
  const held = candidates
    .map((id) => version.plans.get(id) as CompiledPlan)
    .filter((base) => request.account?.plans?.includes(base.spec.id))
    .sort((a, b) => b.spec.tier - a.spec.tier);
  const base = held[0] ?? (version.plans.get(candidates[0] as string) as CompiledPlan);
  return resolveClock(version, base, severity, request);
}

function clockCalendar(version: CompiledVersion, clock: ClockRef, request: SupportRequest): Calendar | CalendarSpec {
  if (clock !== CUSTOMER_CLOCK) return version.calendars.get(clock) as Calendar;
  if (request.calendar === undefined) {
    throw new SlaclockError('invalid_input', "This plan and severity run on the customer's local business hours: give the customer's calendar", ['calendar']);
  }
  return request.calendar;
}

function computeFirstResponse(target: CompiledTarget, clock: ClockRef, calendar: Calendar | CalendarSpec, at: number): FirstResponse {
  const timeline = timelineOf(calendar);
  const deadlineMs =
    target.kind === 'duration'
      ? target.ms === 0 ? at : timeline.addOpen(at, target.ms, false)
      : businessDaysOn(timeline, at, target.days, target.rule);
  return {
    target: target.text,
    clock,
    timezone: timeline.zone.name,
    deadline: timeline.zone.formatIso(deadlineMs),
    deadlineMs,
    clause: target.spec.clause,
  };
}

function routeOf(version: CompiledVersion, request: SupportRequest): Decision['route'] {
  const routing = version.spec.routing;
  if (routing === undefined) return null;
  const rule = version.routes.find((candidate) => matches(candidate.when, request.facts));
  return rule ? { team: rule.team, clause: rule.clause } : { team: routing.fallback, clause: routing.clause };
}

function matches(condition: CompiledCondition, facts: SupportRequest['facts']): boolean {
  if (facts === undefined) return condition.length === 0;
  for (const [key, value] of condition) {
    if (!Object.prototype.hasOwnProperty.call(facts, key) || facts[key] !== value) return false;
  }
  return true;
}
