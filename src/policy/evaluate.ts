import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { businessDaysOn } from '../ops/businessDays.js';
import { formatWallIso, MS_PER_DAY } from '../time/civil.js';
import { TZDB_VERSION } from '../zone/tzdb.js';
import {
  BASE_PLAN_CLOCK,
  compilePolicy,
  CUSTOMER_CLOCK,
  CompiledPolicy,
  type CompiledCondition,
  type CompiledPlan,
  type CompiledTarget,
  type CompiledVersion,
  type SharedDecisionParts,
} from './compile.js';
import type { Decision, FirstResponse, SupportRequest } from './decision.js';
import { assumption, type Reason } from './reasons.js';
import { checkAgainstVersion, readRequestFields, type RequestFields } from './request.js';
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
  const compiled = CompiledPolicy.is(policy) ? policy : compilePolicy(policy);
  const fields = readRequestFields(request);
  const at = fields.at;
  const version = versionAt(compiled, at);
  checkAgainstVersion(fields, version.request, version.spec.id);
  const plan = version.plans.get(fields.plan) as CompiledPlan;
  const reasons: Reason[] = [];
  let severity = fields.severity ?? version.spec.defaultSeverity;
  if (severity === undefined) {
    throw new SlaclockError('unknown_severity', `Missing required severity: this policy has no default severity; give one of ${version.request.levels.join(', ')}`, ['severity']);
  }
  if (fields.severity === undefined) reasons.push(assumption('severity_not_given', `No severity given: the policy's default severity ${severity} is applied`));
  if (at < version.effectiveFromMs) {
    reasons.push({ code: 'before_first_version', effect: 'note', message: `The request predates every version of the policy; the earliest (${version.spec.id}, from ${String(version.spec.effectiveFrom)}) is applied` });
  }
  const channel = fields.channel;
  if (channel !== undefined && !plan.spec.channels.includes(channel)) reasons.push(channelNotOffered(version, plan, channel));
  let clockOverride: ClockRef | undefined;
  for (const { rule, when } of version.scope) {
    const match = matchOf(when, fields.facts);
    if (match === PARTLY) {
      reasons.push(assumption('fact_not_given', `Rule "${rule.id}" reads ${missingFacts(when, fields.facts)}, which ${missingCount(when, fields.facts) === 1 ? 'was' : 'were'} not given: assumed not to apply`, rule.clause));
    }
    if (match !== MATCHES) continue;
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
  checkEntitlement(version, plan, fields, at, reasons);

  const severitySpec = version.severities.get(severity);
  const shared = plan.shared.get(severity) as SharedDecisionParts;
  const required = shared.channels.required;
  if (required !== null && channel !== undefined && channel !== required) {
    reasons.push({
      code: 'channel_required',
      effect: 'deny',
      message: `Severity ${severity} cases must be reported by ${required}, not ${channel}`,
      ...(severitySpec?.clause === undefined ? {} : { clause: severitySpec.clause }),
      remedy: `Report the case by ${required}`,
    });
  } else if (required !== null && channel === undefined) {
    reasons.push(shared.channelNote as Reason);
  }

  const eligible = !reasons.some((reason) => reason.effect === 'deny');
  let firstResponse: FirstResponse | null = null;
  const target = plan.targets.get(severity) ?? null;
  if (eligible && target === null) {
    reasons.push({ code: 'no_published_target', effect: 'note', message: `The policy publishes no first-response target for ${plan.spec.name}, severity ${severity}`, clause: plan.spec.clause });
  } else if (eligible && target !== null) {
    const clock = clockOverride ?? resolveClock(version, plan, severity, fields);
    firstResponse = computeFirstResponse(target, clock, clockCalendar(version, clock, fields), at);
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
    route: routeOf(version, fields),
    interpretations: shared.interpretations,
    tzdb: TZDB_VERSION,
  };
}

// A channel another plan of the version offers: a business fact, so a denial whose
// remedy names the plan's channels and the lowest plan that offers the one asked for.
function channelNotOffered(version: CompiledVersion, plan: CompiledPlan, channel: string): Reason {
  const offering = [...version.plans.values()]
    .filter((candidate) => candidate.spec.channels.includes(channel))
    .sort((a, b) => a.spec.tier - b.spec.tier)[0];
  const upgrade = offering === undefined ? '' : `, or hold ${offering.spec.name} (plan "${offering.spec.id}"), which offers ${channel}`;
  return {
    code: 'channel_not_offered',
    effect: 'deny',
    message: `${plan.spec.name} does not offer ${channel}; it offers ${plan.spec.channels.join(', ')}`,
    clause: plan.spec.clause,
    remedy: `Use ${plan.spec.channels.join(' or ')}${upgrade}`,
  };
}

/** @internal The latest version whose effective date is not after `at`; the earliest when `at` precedes them all. */
export function versionAt(policy: CompiledPolicy, at: number): CompiledVersion {
  let chosen = policy.versions[0] as CompiledVersion;
  for (const version of policy.versions) if (version.effectiveFromMs <= at) chosen = version;
  return chosen;
}

function checkEntitlement(version: CompiledVersion, plan: CompiledPlan, fields: RequestFields, at: number, reasons: Reason[]): void {
  const { account } = fields;
  const spec = plan.spec;
  const { roles, roleClause, languages, languageClause } = version.spec.eligibility ?? {};
  const language = fields.language?.toLowerCase().split('-')[0];
  if (languages !== undefined && language !== undefined && !languages.includes(language)) {
    reasons.push({ code: 'language_not_supported', effect: 'deny', message: `Support is given in: ${languages.join(', ')}`, ...(languageClause ? { clause: languageClause } : {}), remedy: `Ask in ${languages.join(' or ')}` });
  } else if (languages !== undefined && language === undefined) {
    reasons.push(version.notes.languageNotGiven as Reason);
  }
  if (account === undefined) {
    reasons.push({ code: 'account_not_checked', effect: 'note', message: 'No account given: the request is judged as if the account holds the plan in good standing' });
    return;
  }
  const contracts = spec.contract ?? ['active'];
  if (account.contract === undefined) {
    reasons.push(plan.notes.contractNotGiven);
  } else if (!contracts.includes(account.contract)) {
    reasons.push({ code: 'contract_not_eligible', effect: 'deny', message: `A ${account.contract} contract does not entitle to ${spec.name} (needs ${contracts.join(' or ')})`, clause: spec.clause, remedy: contracts.includes('active') ? 'Renew or buy a support contract' : `Hold a ${contracts.join(' or ')} contract` });
  }
  if (spec.trialDays !== undefined && account.trialStart === undefined) {
    reasons.push(plan.notes.trialStartNotGiven as Reason);
  } else if (spec.trialDays !== undefined && account.trialStart !== undefined) {
    const start = account.trialStart;
    if (at < start) reasons.push({ code: 'trial_not_started', effect: 'deny', message: 'The case is opened before the trial started', clause: spec.clause, remedy: 'Check the trial start' });
    else if (at >= start + spec.trialDays * MS_PER_DAY) reasons.push({ code: 'trial_expired', effect: 'deny', message: `Trial support ends ${spec.trialDays} days after the trial starts`, clause: spec.clause, remedy: 'Buy a paid plan' });
  }
  const base = spec.requiresAnyOf ?? [];
  if (base.length > 0 && account.plans === undefined) {
    reasons.push(plan.notes.plansNotGiven as Reason);
  } else if (base.length > 0 && !base.some((id) => account.plans?.includes(id))) {
    reasons.push({ code: 'base_plan_required', effect: 'deny', message: `${spec.name} needs an active ${base.join(' or ')} plan as well`, clause: spec.clause, remedy: `Hold ${base.join(' or ')} as well` });
  }
  if (roles !== undefined && account.role === undefined) {
    reasons.push(version.notes.roleNotGiven as Reason);
  } else if (roles !== undefined && account.role !== undefined && !roles.includes(account.role)) {
    reasons.push({ code: 'role_not_allowed', effect: 'deny', message: `Cases must be opened by: ${roles.join(', ')}`, ...(roleClause ? { clause: roleClause } : {}), remedy: `Ask a ${roles.join(' or ')} to open the case` });
  }
}

function resolveClock(version: CompiledVersion, plan: CompiledPlan, severity: number, request: RequestFields): ClockRef {
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

function clockCalendar(version: CompiledVersion, clock: ClockRef, request: RequestFields): Calendar | CalendarSpec {
  if (clock !== CUSTOMER_CLOCK) return version.calendars.get(clock) as Calendar;
  if (request.calendar === undefined) {
    throw new SlaclockError('invalid_input', "Missing required calendar: this plan and severity run on the customer's local business hours, so give the customer's calendar", ['calendar']);
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

function routeOf(version: CompiledVersion, request: RequestFields): Decision['route'] {
  const routing = version.spec.routing;
  if (routing === undefined) return null;
  const rule = version.routes.find((candidate) => matchOf(candidate.when, request.facts) === MATCHES);
  return rule ? { team: rule.team, clause: rule.clause } : { team: routing.fallback, clause: routing.clause };
}

const MATCHES = 0;
const PARTLY = 1;
const DIFFERS = 2;

// MATCHES: every fact given and equal; PARTLY: those given are equal, some are missing
// (the rule is assumed not to apply, and a note says so); DIFFERS otherwise.
function matchOf(condition: CompiledCondition, facts: RequestFields['facts']): number {
  if (facts === undefined) return condition.length === 0 ? MATCHES : DIFFERS;
  let missing = 0;
  for (const [key, value] of condition) {
    if (!Object.prototype.hasOwnProperty.call(facts, key)) missing++;
    else if (facts[key] !== value) return DIFFERS;
  }
  return missing === 0 ? MATCHES : missing < condition.length ? PARTLY : DIFFERS;
}

function missingFacts(condition: CompiledCondition, facts: RequestFields['facts']): string {
  return condition
    .filter(([key]) => facts === undefined || !Object.prototype.hasOwnProperty.call(facts, key))
    .map(([key, value]) => `${key} (${JSON.stringify(value)})`)
    .join(', ');
}

function missingCount(condition: CompiledCondition, facts: RequestFields['facts']): number {
  return condition.filter(([key]) => facts === undefined || !Object.prototype.hasOwnProperty.call(facts, key)).length;
}
