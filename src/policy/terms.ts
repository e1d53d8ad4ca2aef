import { timelineOf, type Calendar } from '../calendar/calendar.js';
import { SlaclockError } from '../errors.js';
import { businessDaysOn } from '../ops/businessDays.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { didYouMean, quoteValue } from '../util/describe.js';
import { clockCalendar, displayZone, isCustomerClock, resolveClock, ROUND_THE_CLOCK } from './clocks.js';
import { compilePolicy, CompiledPolicy } from './compile.js';
import type { CompiledPlan, CompiledVersion, SharedDecisionParts } from './compileVersion.js';
import { levelOf, type PlanLevel } from './planLevel.js';
import { TRUE, UNKNOWN, type CompiledCondition, type WindowContext } from './conditions.js';
import type { SupportRequest } from './decision.js';
import { channelNotOffered, checkEntitlement } from './entitlement.js';
import type { CompiledTarget, MetricDefinition } from './metrics.js';
import { assumption, type Reason } from './reasons.js';
import { RecentStages } from './recent.js';
import { checkAgainstVersion, readRequestFields, type RequestFields } from './request.js';
import { compiledVersionAt } from './versionAt.js';
import type { Zone } from '../zone/zone.js';
import type { Clause, ClockRef, PolicySpec, ScopeRule } from './types.js';

/** One metric's commitment for a request: its target, the clock it runs on and how it runs. */
export interface MetricTerms {
  /** Id, name, whether it recurs and which ticket statuses pause it. */
  readonly metric: MetricDefinition;
  /** The target in words, e.g. `'4 hours'`. */
  readonly target: string;
  /** `'round-the-clock'`, a vendor calendar id, or `'customer'`. */
  readonly clock: ClockRef;
  /** The calendar the clock counts open time on. */
  readonly calendar: Calendar;
  /** The zone deadlines are shown in (the customer's for round-the-clock when known). */
  readonly timezone: string;
  /** @internal The zone of `timezone`, looked up once. */
  readonly zone: Zone;
  /** The share of cases the vendor commits to meet it for, in percent; `null` when not published. */
  readonly attainment: number | null;
  readonly clause: Clause;
  /** @internal */
  readonly compiled: CompiledTarget;
}

/**
 * What a policy commits to for one request, before any deadline is computed: the
 * outcome of the entitlement, scope, channel and clock stages. `evaluate` turns it into
 * a `Decision`; a ticket timer starts each metric's clock from it with {@link deadlineFrom}.
 */
export interface ResolvedTerms {
  readonly policy: string;
  readonly version: string;
  readonly plan: string;
  /** The severity the case is handled at (after scope rules). */
  readonly severity: number;
  /** When the case is opened, epoch milliseconds. */
  readonly at: number;
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
  readonly channels: SharedDecisionParts['channels'];
  readonly route: { readonly team: string; readonly clause: Clause } | null;
  readonly interpretations: SharedDecisionParts['interpretations'];
  /**
   * Per metric the plan states for the severity: its terms, or `null` (no published
   * commitment). Empty when the request is not eligible.
   */
  readonly metrics: Readonly<Record<string, MetricTerms | null>>;
}

/**
 * Resolves what a policy commits to for a request: the version and plan in force,
 * eligibility with its reasons, the severity after scope rules, the channels, the
 * route, and for each metric (first response, next response, update, workaround,
 * resolution, custom ones) the target with the calendar its clock runs on. Validates
 * the request exactly as `evaluate` does.
 *
 * @throws {SlaclockError} as `evaluate`.
 * @example
 * ```ts
 * import { compilePolicy, deadlineFrom, getPolicy, resolveTerms } from 'slaclock';
 * const terms = resolveTerms(compilePolicy(getPolicy('jumpcloud')), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' });
 * const firstResponse = terms.metrics.firstResponse;
 * firstResponse?.clock;                                        // 'jumpcloud-business-hours'
 * firstResponse && deadlineFrom(firstResponse, '2026-11-25T15:00-07:00'); // epoch ms of 2026-11-27T11:00-07:00
 * ```
 */
export function resolveTerms(policy: PolicySpec | CompiledPolicy, request: SupportRequest): ResolvedTerms {
  const resolution = resolveRequest(policy, request);
  const metrics: Record<string, MetricTerms | null> = {};
  if (resolution.eligible) {
    const table = resolution.level.metrics;
    for (let index = 0; index < table.length; index++) metrics[(table[index] as MetricEntry)[0]] = metricTermsAt(resolution, index);
  }
  return {
    policy: resolution.policy,
    version: resolution.version.terms.id,
    plan: resolution.plan.terms.id,
    severity: resolution.severity,
    at: resolution.fields.at,
    eligible: resolution.eligible,
    reasons: resolution.reasons,
    channels: resolution.level.channels,
    route: routeFor(resolution),
    interpretations: resolution.level.interpretations,
    metrics,
  };
}

type MetricEntry = PlanLevel['metrics'][number];

/**
 * @internal What the stages decide for one request: all of its terms but each metric's
 * (read with {@link metricTermsAt}) and the route (read with {@link routeFor}, after the
 * metrics, so the first problem found is the same whichever caller reads them). Built
 * per call; the scope stage sets its fields.
 */
export interface Resolution {
  readonly policy: string;
  readonly version: CompiledVersion;
  readonly plan: CompiledPlan;
  readonly fields: RequestFields;
  readonly reasons: Reason[];
  /** The severity the case is handled at (after scope rules), and the plan's terms for it. */
  severity: number;
  level: PlanLevel;
  /** The clock a scope rule sets, replacing the plan's. */
  clock: ClockRef | undefined;
  /** The team a scope rule routes to, replacing the routing's. */
  route: { readonly team: string; readonly clause: Clause } | undefined;
  /** A best-effort rule held: no target is a commitment. */
  bestEffort: boolean;
  eligible: boolean;
}

/**
 * @internal The version, entitlement, scope and channel stages on a request read once
 * (a calendar spec in it compiled with the policy's holiday source).
 */
export function resolveRequest(policy: PolicySpec | CompiledPolicy, request: SupportRequest): Resolution {
  const compiled = CompiledPolicy.is(policy) ? policy : compilePolicy(policy);
  const fields = readRequestFields(request, compiled.holidayRegions);
  const reasons = reasonList();
  const version = chooseVersion(compiled, fields, reasons);
  const plan = version.plans.get(fields.plan);
  const asked = fields.severity ?? version.terms.defaultSeverity;
  const level = plan === undefined || asked === undefined ? undefined : levelOf(plan, asked);
  const keeps = level !== undefined && reasons.length === 0 && RecentStages.keeps(fields);
  const recent = keeps ? level.recent.find(fields) : undefined;
  if (recent !== undefined) {
    return newResolution(compiled.id, version, plan as CompiledPlan, fields, recent.reasons.slice(), level as PlanLevel, recent.eligible);
  }
  checkAgainstVersion(fields, version.request, version.terms.id, level !== undefined);
  if (plan === undefined || level === undefined) {
    throw new SlaclockError('unknown_severity', `Missing required severity: this policy has no default severity; give one of ${version.request.levels.join(', ')}`, ['severity']);
  }
  if (fields.severity === undefined) reasons.push(version.notes.severityNotGiven as Reason);
  const channel = fields.channel;
  if (channel !== undefined && !plan.spec.channels.includes(channel)) reasons.push(channelNotOffered(version, plan, channel));

  const resolution = newResolution(compiled.id, version, plan, fields, reasons, level, false);
  applyScope(resolution, level.level);
  checkEntitlement(version, plan, fields, reasons);

  const scoped = resolution.level;
  const required = scoped.channels.required;
  if (required !== null && channel !== undefined && channel !== required) {
    reasons.push({
      code: 'channel_required',
      effect: 'deny',
      message: `Severity ${resolution.severity} cases must be reported by ${required}, not ${channel}`,
      ...(scoped.requiredClause === undefined ? {} : { clause: scoped.requiredClause }),
      remedy: `Report the case by ${required}`,
    });
  } else if (required !== null && channel === undefined) {
    reasons.push(scoped.channelNotGiven as Reason);
  }
  const eligible = !hasDenial(reasons);
  resolution.eligible = eligible;
  // Every table's first entry is the first response.
  if (eligible && !resolution.bestEffort && (scoped.metrics[0] as MetricEntry)[1] === null) {
    reasons.push({ code: 'no_published_target', effect: 'note', message: `The policy publishes no first-response target for ${plan.spec.name}, severity ${resolution.severity}`, clause: plan.spec.clause });
  }
  if (keeps && scoped === level && resolution.clock === undefined && resolution.route === undefined && !resolution.bestEffort) level.recent.remember(fields, eligible, reasons);
  return resolution;
}

// A resolution at the plan's level as asked, before any scope rule: the one shape both the
// stages and a reused outcome build.
function newResolution(policy: string, version: CompiledVersion, plan: CompiledPlan, fields: RequestFields, reasons: Reason[], level: PlanLevel, eligible: boolean): Resolution {
  return { policy, version, plan, fields, reasons, severity: level.level, level, clock: undefined, route: undefined, bestEffort: false, eligible };
}

/** @internal The terms of the metric at `index` of an eligible resolution's table: `null` for no published commitment or a best-effort case. */
export function metricTermsAt(resolution: Resolution, index: number): MetricTerms | null {
  const target = (resolution.level.metrics[index] as MetricEntry)[1];
  if (target === null || resolution.bestEffort) return null;
  // A channel's own target replaces the severity's: the channel asked on, else the one required.
  const chosen = target.byChannel === undefined ? target : (target.byChannel.get(resolution.fields.channel ?? resolution.level.channels.required ?? '') ?? target);
  return metricTerms(resolution, chosen);
}

/** @internal The team a resolved request belongs to: a scope rule's, else the routing's. */
export function routeFor(resolution: Resolution): ResolvedTerms['route'] {
  return resolution.route ?? routeOf(resolution.version, resolution.fields);
}

// An empty list with room for one reason: most decisions have none or one (a note for a
// fact not given), and the first push on `[]` would make room for seventeen.
function reasonList(): Reason[] {
  const list: Reason[] = [NO_REASON];
  list.pop();
  return list;
}

const NO_REASON: Reason = Object.freeze({ code: 'account_not_checked', effect: 'note', message: '' });

function hasDenial(reasons: readonly Reason[]): boolean {
  for (let index = 0; index < reasons.length; index++) if ((reasons[index] as Reason).effect === 'deny') return true;
  return false;
}

/**
 * The deadline of a metric whose clock starts at `start`: its target counted on its
 * calendar (open time, or business days by the target's rule). For a recurring metric
 * (next response, update) this is the deadline of the cycle that starts at `start`.
 *
 * @example
 * ```ts
 * import { deadlineFrom, getPolicy, resolveTerms } from 'slaclock';
 * const terms = resolveTerms(getPolicy('one-identity'), { plan: '24x7', severity: 1, at: '2026-11-28T03:00Z', channel: 'phone' });
 * deadlineFrom(terms.metrics.firstResponse!, '2026-11-28T03:00Z'); // Date.parse('2026-11-28T04:00Z')
 * ```
 */
export function deadlineFrom(terms: MetricTerms, start: Instant | number): number {
  return deadlineMs(terms, toEpochMs(start, ['start']));
}

/** @internal {@link deadlineFrom} on epoch milliseconds already checked. */
export function deadlineMs(terms: MetricTerms, at: number): number {
  const target = terms.compiled;
  const timeline = timelineOf(terms.calendar);
  if (target.kind === 'duration') return target.ms === 0 ? at : timeline.addOpen(at, target.ms, false);
  return businessDaysOn(timeline, at, target.days, target.rule);
}

function metricTerms(resolution: Resolution, target: CompiledTarget): MetricTerms {
  const { version, fields } = resolution;
  const clock = resolution.clock ?? resolveClock(version, resolution.plan, resolution.severity, fields, target.clock ?? resolution.level.clock);
  // A vendor clock's terms depend on nothing in the request (round the clock, only when the
  // request gives no calendar to show it in): built once, frozen, shared. Any other clock's
  // depend on the customer's calendar alone: built once per calendar.
  const shareable = !isCustomerClock(version, clock) && (clock !== ROUND_THE_CLOCK || fields.calendar === undefined);
  const customer = shareable ? undefined : fields.calendar;
  const memo = (customer === undefined ? target.memo.get(clock) : target.byCustomer.get(customer)) as MetricTerms | undefined;
  if (memo !== undefined && memo.clock === clock && (shareable || customer !== undefined)) return memo;
  const calendar = clockCalendar(version, clock, fields);
  const zone = displayZone(version, clock, calendar, fields);
  const terms: MetricTerms = {
    metric: target.metric,
    target: target.text,
    clock,
    calendar,
    timezone: zone.name,
    zone,
    attainment: target.attainment,
    clause: target.spec.clause,
    compiled: target,
  };
  if (shareable) target.memo.set(clock, Object.freeze(terms));
  else if (customer !== undefined) target.byCustomer.set(customer, Object.freeze(terms));
  return terms;
}

// The version in force, unless the request pins one, or the plan is one the version in
// force does not define but another does (a plan launched later, asked about earlier):
// then the nearest version that defines it, with a note. Never an exception for a date.
function chooseVersion(compiled: CompiledPolicy, fields: RequestFields, reasons: Reason[]): CompiledVersion {
  if (fields.version !== undefined) return pinnedVersion(compiled, fields.version);
  const inForce = compiledVersionAt(compiled, fields.at);
  if (fields.at < inForce.effectiveFromMs) {
    reasons.push({ code: 'before_first_version', effect: 'note', message: `The request predates every version of the policy; the earliest (${inForce.spec.id}, from ${String(inForce.spec.effectiveFrom)}) is applied` });
  }
  if (compiled.versions.length === 1 || inForce.plans.has(fields.plan)) return inForce;
  return versionDefining(compiled, inForce, fields.plan, reasons);
}

function pinnedVersion(compiled: CompiledPolicy, id: string): CompiledVersion {
  const pinned = compiled.versions.find((version) => version.spec.id === id);
  if (pinned !== undefined) return pinned;
  const ids = compiled.versions.map((version) => version.spec.id);
  throw new SlaclockError('invalid_input', `Unknown version ${quoteValue(id)}; the policy has ${ids.join(', ')}${didYouMean(id, ids)}`, ['version']);
}

// The nearest version after, else before, the one in force that defines the plan, with a note.
function versionDefining(compiled: CompiledPolicy, inForce: CompiledVersion, plan: string, reasons: Reason[]): CompiledVersion {
  const index = compiled.versions.indexOf(inForce);
  const defining = [...compiled.versions.slice(index + 1), ...compiled.versions.slice(0, index).reverse()].find((version) => version.plans.has(plan));
  if (defining === undefined) return inForce;
  reasons.push({
    code: 'plan_not_in_version',
    effect: 'note',
    message: `Plan "${plan}" is not in version ${inForce.spec.id}, in force at the request; the terms of version ${defining.spec.id}${defining.spec.effectiveFrom === undefined ? '' : ` (from ${defining.spec.effectiveFrom})`}, which defines it, are applied`,
  });
  return defining;
}

// Scope rules in order: each that holds adds its reason (and may set the resolution's
// severity, clock, route or best effort); one whose facts are partly given and undecided
// adds a note naming the facts that would decide it.
function applyScope(resolution: Resolution, asked: number): void {
  const { version, fields, reasons } = resolution;
  const facts = fields.facts;
  // Without facts, a rule that reads one cannot hold (nor need a note): only the others are tried.
  const rules = facts === undefined ? version.scopeWithoutFacts : version.scope;
  if (rules.length === 0) return;
  const plan = resolution.plan.terms.id;
  const context = windowContext(version, fields);
  for (const { rule, when } of rules) {
    if ((rule.plans !== undefined && !rule.plans.includes(plan)) || (rule.severities !== undefined && !rule.severities.includes(asked))) continue;
    const truth = when.test(facts, context);
    if (truth === UNKNOWN) {
      // A request that gives none of the facts a rule reads does not raise its subject;
      // one that gives some of them is told which others would decide the rule.
      const note = factsNotGiven(rule, when, facts);
      if (note !== undefined) reasons.push(note);
      continue;
    }
    if (truth !== TRUE) continue;
    if (rule.route !== undefined) resolution.route = { team: rule.route, clause: rule.clause };
    const remedy = rule.remedy === undefined ? {} : { remedy: rule.remedy };
    if (rule.effect === 'excluded') {
      reasons.push({ code: 'out_of_scope', effect: 'deny', message: `Not covered by support (${rule.id})`, clause: rule.clause, remedy: rule.remedy ?? 'Seek help outside support, as the clause says' });
    } else if (rule.effect === 'severity') {
      const set = Math.min(Math.max(rule.severity ?? resolution.severity, rule.min ?? Number.NEGATIVE_INFINITY), rule.max ?? Number.POSITIVE_INFINITY);
      if (set !== resolution.severity) {
        reasons.push({ code: 'severity_set', effect: 'adjust', message: `Handled at severity ${set} (${rule.id})`, clause: rule.clause, ...remedy });
        resolution.severity = set;
        resolution.level = levelOf(resolution.plan, set) as PlanLevel;
      }
    } else if (rule.effect === 'business-hours-only') {
      reasons.push({ code: 'business_hours_only', effect: 'adjust', message: `No after-hours support (${rule.id}): the clock is "${String(rule.clock)}"`, clause: rule.clause, ...remedy });
      resolution.clock = rule.clock;
    } else if (rule.effect === 'best-effort') {
      reasons.push({ code: 'best_effort', effect: 'note', message: `Answered on a best-effort basis, with no committed target (${rule.id})`, clause: rule.clause, ...remedy });
      resolution.bestEffort = true;
    } else {
      reasons.push({ code: 'rule_note', effect: 'note', message: `${rule.id}${rule.route === undefined ? '' : `: see ${rule.route}`}`, clause: rule.clause, ...remedy });
    }
  }
}

// A rule undecided for want of facts: a note naming those not given, unless none of its facts was.
function factsNotGiven(rule: ScopeRule, when: CompiledCondition, facts: RequestFields['facts']): Reason | undefined {
  const missing = when.reads.filter((fact) => facts === undefined || !Object.prototype.hasOwnProperty.call(facts, fact));
  if (missing.length === when.reads.length) return undefined;
  return assumption('fact_not_given', `Rule "${rule.id}" reads ${missing.map((fact) => when.wants.get(fact)).join(', ')}, which ${missing.length === 1 ? 'was' : 'were'} not given: assumed not to apply`, rule.clause);
}

function routeOf(version: CompiledVersion, request: RequestFields): ResolvedTerms['route'] {
  const routing = version.spec.routing;
  if (routing === undefined) return null;
  const context = windowContext(version, request);
  for (const rule of version.routes) if (rule.when.test(request.facts, context) === TRUE) return { team: rule.team, clause: rule.clause };
  return { team: routing.fallback, clause: routing.clause };
}

// What window conditions read: built only for a version that has them, and a request with facts.
function windowContext(version: CompiledVersion, fields: RequestFields): WindowContext | undefined {
  return version.windows && fields.facts !== undefined ? windowContextOf(version, fields) : undefined;
}

function windowContextOf(version: CompiledVersion, fields: RequestFields): WindowContext {
  return {
    at: fields.at,
    zone: fields.calendar === undefined ? version.zone : timelineOf(fields.calendar).zone,
    calendar: (clock) => clockCalendar(version, clock, fields),
  };
}
