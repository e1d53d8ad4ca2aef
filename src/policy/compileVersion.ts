import { compileCalendar, type Calendar, type CompileOptions } from '../calendar/calendar.js';
import { roundTheClock } from '../calendar/presets.js';
import { collectIssues } from '../calendar/check.js';
import { withPathPrefix, type IssuePath, type SlaclockIssue } from '../errors.js';
import { parseDayKey } from '../time/civil.js';
import { deepFreeze } from '../util/freeze.js';
import { describeReceived, didYouMean, quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';
import { Zone } from '../zone/zone.js';
import { BASE_PLAN_CLOCK, CalendarTemplate, CUSTOMER_CLOCK, isTemplateSpec, ROUND_THE_CLOCK } from './clocks.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import { compileTarget, metricDefinitions, type CompiledTarget, type MetricDefinition } from './metrics.js';
import { channelNotGiven, planNotes, versionNotes, type PlanNotes, type VersionNotes } from './notes.js';
import type { PlanLevel } from './planLevel.js';
import { RecentStages } from './recent.js';
import { compileRequestRules, CONTRACT_STATUSES, type PolicyWideRules, type RequestRules } from './request.js';
import type { Clause, ClockRef, PlanSpec, PolicyVersionSpec, ResponseTarget, ScopeRule, SeveritySpec } from './types.js';

type Path = readonly (string | number)[];

/** One plan, indexed per severity. */
export interface CompiledPlan {
  readonly spec: PlanSpec;
  /** The terms of `spec` every decision reads, defaults applied, in one shape whatever the spec's. */
  readonly terms: PlanTerms;
  /** Per severity of the version, in its order, everything a decision at that severity shares (see {@link levelOf}). */
  readonly levels: readonly PlanLevel[];
  /** The notes for the account's facts not given. */
  readonly notes: PlanNotes;
}

/** A plan's entitlement terms, defaults applied. */
export interface PlanTerms {
  readonly id: string;
  /** Contract statuses under which the plan is in force (`['active']` by default). */
  readonly contracts: readonly string[];
  readonly trialDays: number | undefined;
  /** The plans an add-on requires one of (none for a plan that is not an add-on). */
  readonly requires: readonly string[];
  readonly namedContacts: PlanSpec['namedContacts'];
}

/** A version's terms every decision reads, in one shape whatever the spec's. */
export interface VersionTerms {
  readonly id: string;
  readonly defaultSeverity: number | undefined;
  readonly roles: readonly string[] | undefined;
  readonly roleClause: Clause | undefined;
  readonly languages: readonly string[] | undefined;
  readonly languageClause: Clause | undefined;
  readonly otherLanguages: 'denied' | 'accommodated' | undefined;
}

const ACTIVE_ONLY: readonly string[] = Object.freeze(['active']);
const NO_PLANS: readonly string[] = Object.freeze([]);

/** Parts of a decision that depend only on the version, plan and severity: computed once, frozen, shared. */
export interface SharedDecisionParts {
  /** The severity they are for. */
  readonly level: number;
  readonly channels: { readonly available: readonly string[]; readonly required: string | null };
  /** The clause that makes the channel required (the plan's, or the severity's). */
  readonly requiredClause: Clause | undefined;
  readonly interpretations: readonly { readonly id: string; readonly reading: string; readonly clause: Clause }[];
}

/** A scope rule with its condition compiled. */
export interface CompiledRule {
  readonly rule: ScopeRule;
  readonly when: CompiledCondition;
}

export interface CompiledVersion {
  readonly spec: PolicyVersionSpec;
  /** The terms of `spec` every decision reads, in one shape whatever the spec's. */
  readonly terms: VersionTerms;
  readonly scope: readonly CompiledRule[];
  /** The scope rules that read no fact: the only ones that can hold for a request without facts. */
  readonly scopeWithoutFacts: readonly CompiledRule[];
  readonly routes: readonly { readonly team: string; readonly clause: Clause; readonly when: CompiledCondition }[];
  /** The instant the version comes into force: local midnight of `effectiveFrom` in the policy's zone. */
  readonly effectiveFromMs: number;
  /** The policy's own zone (see `PolicyVersionSpec.timezone`). */
  readonly zone: Zone;
  readonly calendars: ReadonlyMap<string, Calendar>;
  /** Calendars whose zone is the customer's (`"timezone": "customer"`), by id; also in `calendars`, compiled in UTC, for the checks. */
  readonly templates: ReadonlyMap<string, CalendarTemplate>;
  /** Whether a scope or routing condition has a window (`within`, `noticeBusinessDays`), which reads the request's instant and clocks. */
  readonly windows: boolean;
  readonly severities: ReadonlyMap<number, SeveritySpec>;
  readonly metrics: ReadonlyMap<string, MetricDefinition>;
  readonly plans: ReadonlyMap<string, CompiledPlan>;
  /** What a request to this version may say, precompiled for the fast check. */
  readonly request: RequestRules;
  /** The notes for the request's facts not given. */
  readonly notes: VersionNotes;
}

function policyIssue(message: string, path: IssuePath): SlaclockIssue {
  return { code: 'invalid_policy', path, message };
}

/** @internal Compiles one version: clocks, severities, metrics, plans and rules, collecting every problem in `issues`. */
export function compileVersion(version: PolicyVersionSpec, path: Path, options: CompileOptions, wide: PolicyWideRules, issues: SlaclockIssue[]): CompiledVersion {
  const calendars = new Map<string, Calendar>([[ROUND_THE_CLOCK, compileCalendar(roundTheClock())]]);
  const templates = new Map<string, CalendarTemplate>();
  for (const [id, calendarSpec] of Object.entries(version.calendars ?? {})) {
    if (id === ROUND_THE_CLOCK || id === CUSTOMER_CLOCK || id === BASE_PLAN_CLOCK) {
      issues.push(policyIssue(`${quoteValue(id)} is a reserved clock name; give the calendar another id`, [...path, 'calendars', id]));
      continue;
    }
    // A template is checked as the same hours in UTC; it is applied in each customer's zone when evaluated.
    const template = isTemplateSpec(calendarSpec);
    const checked = template ? { ...calendarSpec, timezone: 'UTC' } : calendarSpec;
    const calendar = collectIssues(issues, () => withPathPrefix([...path, 'calendars', id], () => compileCalendar(checked, options)));
    if (template && calendar !== undefined) templates.set(id, new CalendarTemplate(calendarSpec, options));
    // A calendar that failed is reported once, at its own fields, not again at each clock naming it.
    calendars.set(id, calendar ?? (calendars.get(ROUND_THE_CLOCK) as Calendar));
  }
  const firstCalendar = Object.keys(version.calendars ?? {}).find((id) => !templates.has(id));
  const zone =
    (version.timezone === undefined ? undefined : collectIssues(issues, () => Zone.of(version.timezone as string, [...path, 'timezone']))) ??
    Zone.of(firstCalendar === undefined ? 'UTC' : (calendars.get(firstCalendar)?.timezone ?? 'UTC'));
  const severities = new Map<number, SeveritySpec>();
  version.severities.forEach((severity, index) => {
    if (severities.has(severity.level)) issues.push(policyIssue(`Severity ${severity.level} is defined twice`, [...path, 'severities', index, 'level']));
    severities.set(severity.level, severity);
  });
  if (version.defaultSeverity !== undefined && !severities.has(version.defaultSeverity)) {
    issues.push(policyIssue(messages.oneOf([...severities.keys()], version.defaultSeverity).replace(/^Expected/, 'Expected a defined severity:'), [...path, 'defaultSeverity']));
  }
  const metrics = metricDefinitions(version.metrics);
  const planIds = new Set(version.plans.map((plan) => plan.id));
  const plans = new Map<string, CompiledPlan>();
  const context: VersionContext = { version, severities, planIds, calendars, metrics, issues };
  version.plans.forEach((plan, index) => {
    const at = [...path, 'plans', index];
    if (plans.has(plan.id)) issues.push(policyIssue(`Plan id ${quoteValue(plan.id)} is used twice`, [...at, 'id']));
    else plans.set(plan.id, compilePlan(plan, context, at));
  });
  (version.scope ?? []).forEach((rule, index) => checkRule(rule, context, [...path, 'scope', index]));
  const effectiveFromMs = version.effectiveFrom === undefined ? Number.NEGATIVE_INFINITY : zone.toInstant(parseDayKey(version.effectiveFrom) ?? 0, 0);
  const scope = (version.scope ?? []).map((rule) => Object.freeze({ rule, when: compileCondition(rule.when) }));
  const routes = (version.routing?.rules ?? []).map(({ team, clause, when }) => ({ team, clause, when: compileCondition(when) }));
  const conditions = [...scope.map((rule, index) => [rule.when, ['scope', index, 'when']] as const), ...routes.map((route, index) => [route.when, ['routing', 'rules', index, 'when']] as const)];
  for (const [when, at] of conditions) for (const clock of when.clocks) checkClock(clock, calendars, false, [...path, ...at], issues);
  const windows = conditions.some(([when]) => when.windows);
  const { roles, roleClause, languages, languageClause, otherLanguages } = version.eligibility ?? {};
  const terms: VersionTerms = Object.freeze({ id: version.id, defaultSeverity: version.defaultSeverity, roles, roleClause, languages, languageClause, otherLanguages });
  return { spec: version, terms, scope, scopeWithoutFacts: scope.filter((rule) => rule.when.reads.length === 0), routes, effectiveFromMs, zone, calendars, templates, windows, severities, metrics, plans, request: compileRequestRules(version, wide), notes: versionNotes(version) };
}

interface VersionContext {
  readonly version: PolicyVersionSpec;
  readonly severities: ReadonlyMap<number, SeveritySpec>;
  readonly planIds: ReadonlySet<string>;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly metrics: ReadonlyMap<string, MetricDefinition>;
  readonly issues: SlaclockIssue[];
}

function checkRule(rule: ScopeRule, { severities, planIds, calendars, issues }: VersionContext, at: Path): void {
  const levels = [...severities.keys()];
  const checkLevel = (value: number | undefined, ...field: (string | number)[]): void => {
    if (value !== undefined && !severities.has(value)) issues.push(policyIssue(`Expected a severity the version defines (${levels.join(', ')}), got ${describeReceived(value)}`, [...at, ...field]));
  };
  if (rule.effect === 'severity') {
    if (rule.severity === undefined && rule.min === undefined && rule.max === undefined) {
      issues.push(policyIssue(`A "severity" scope rule needs a severity the version defines (${levels.join(', ')}), or a min or max, got ${describeReceived(rule.severity)}`, [...at, 'severity']));
    }
    checkLevel(rule.severity, 'severity');
    checkLevel(rule.min, 'min');
    checkLevel(rule.max, 'max');
  }
  rule.severities?.forEach((level, index) => checkLevel(level, 'severities', index));
  rule.plans?.forEach((id, index) => {
    if (!planIds.has(id)) issues.push(policyIssue(`Rule ${quoteValue(rule.id)} names plan ${quoteValue(id)}, which this version does not define${didYouMean(id, [...planIds])}`, [...at, 'plans', index]));
  });
  if (rule.effect === 'business-hours-only') checkClock(rule.clock ?? '', calendars, false, [...at, 'clock'], issues);
}

function compilePlan(plan: PlanSpec, context: VersionContext, path: Path): CompiledPlan {
  const { severities, planIds, calendars, metrics: definitions, issues } = context;
  (plan.requiresAnyOf ?? []).forEach((required, index) => {
    if (!planIds.has(required) || required === plan.id) {
      const others = [...planIds].filter((id) => id !== plan.id);
      issues.push(policyIssue(`Plan ${quoteValue(plan.id)} requires plan ${quoteValue(required)}, which this version does not define${didYouMean(required, others)}`, [...path, 'requiresAnyOf', index]));
    }
  });
  const contracts = [...CONTRACT_STATUSES, ...(context.version.contractKinds ?? [])];
  plan.contract?.forEach((status, index) => {
    if (!contracts.includes(status)) {
      issues.push(policyIssue(`Plan ${quoteValue(plan.id)} names contract status ${quoteValue(status)}, which is not one of ${contracts.join(', ')}${didYouMean(status, contracts)}; declare it in the version's "contractKinds"`, [...path, 'contract', index]));
    }
  });
  const addOn = (plan.requiresAnyOf ?? []).length > 0;
  const tables = metricTables(plan, definitions, path, issues);
  const levels: PlanLevel[] = [];
  for (const [level, severity] of severities) {
    const key = String(level);
    const shared = sharedParts(plan, level, severity, context, path);
    if (!Object.prototype.hasOwnProperty.call(plan.targets, key)) {
      issues.push(policyIssue(`Plan ${quoteValue(plan.id)} has no target for severity ${level} (use null for "no published target")`, [...path, 'targets']));
    }
    const byMetric: (readonly [string, CompiledTarget | null])[] = [];
    for (const { metric, table, at } of tables) {
      // Only the first response must be stated for every severity; another metric left out has no commitment.
      if (metric.id !== 'firstResponse' && !Object.prototype.hasOwnProperty.call(table, key)) continue;
      const target = collectIssues(issues, () => compileTarget(metric, table[key] ?? null, [...at, key])) ?? null;
      if (target?.clock !== undefined) checkClock(target.clock, calendars, addOn, [...at, key, 'clock'], issues);
      for (const [channel, own] of target?.byChannel ?? []) {
        if (!plan.channels.includes(channel)) {
          issues.push(policyIssue(`Plan ${quoteValue(plan.id)} sets a target for channel ${quoteValue(channel)}, which it does not offer (it offers ${plan.channels.join(', ')})${didYouMean(channel, plan.channels)}`, [...at, key, 'byChannel', channel]));
        }
        if (own.clock !== undefined) checkClock(own.clock, calendars, addOn, [...at, key, 'byChannel', channel, 'clock'], issues);
      }
      byMetric.push(Object.freeze([metric.id, target] as const));
    }
    const bySeverity = plan.coverage.bySeverity?.[key];
    const clock = bySeverity ?? plan.coverage.default;
    checkClock(clock, calendars, addOn, [...path, 'coverage', ...(bySeverity === undefined ? ['default'] : ['bySeverity', key])], issues);
    const channelNote = channelNotGiven(level, shared.channels.required, shared.requiredClause);
    levels.push(Object.freeze({ ...shared, clock, metrics: Object.freeze(byMetric), channelNotGiven: channelNote, recent: new RecentStages() }));
  }
  const defined = [...severities.keys()];
  const keyed: [Path, readonly string[]][] = [
    ...tables.map(({ table, at }): [Path, readonly string[]] => [at, Object.keys(table)]),
    [[...path, 'coverage', 'bySeverity'], Object.keys(plan.coverage.bySeverity ?? {})],
    [[...path, 'requiredChannels'], Object.keys(plan.requiredChannels ?? {})],
  ];
  for (const [at, keys] of keyed) {
    for (const key of keys) {
      if (!severities.has(Number(key))) issues.push(policyIssue(`Expected a severity the version defines (${defined.join(', ')}), got ${quoteValue(key)}`, [...at, key]));
    }
  }
  const terms: PlanTerms = Object.freeze({
    id: plan.id,
    contracts: plan.contract ?? ACTIVE_ONLY,
    trialDays: plan.trialDays,
    requires: plan.requiresAnyOf ?? NO_PLANS,
    namedContacts: plan.namedContacts,
  });
  return { spec: plan, terms, levels: Object.freeze(levels), notes: planNotes(plan) };
}

/** The plan's target tables: `targets` (the first response), then each of `metrics`. */
function metricTables(plan: PlanSpec, definitions: ReadonlyMap<string, MetricDefinition>, path: Path, issues: SlaclockIssue[]) {
  const tables = [{ metric: definitions.get('firstResponse') as MetricDefinition, table: plan.targets as Readonly<Record<string, ResponseTarget | null>>, at: [...path, 'targets'] as Path }];
  for (const [id, table] of Object.entries(plan.metrics ?? {})) {
    const at = [...path, 'metrics', id];
    const metric = definitions.get(id);
    if (id === 'firstResponse') issues.push(policyIssue('First-response targets are the plan\'s "targets"; remove "firstResponse" from "metrics"', at));
    else if (metric === undefined) issues.push(policyIssue(`Unknown metric ${quoteValue(id)}${didYouMean(id, [...definitions.keys()])}; declare it in the version's "metrics" with a name`, at));
    else tables.push({ metric, table, at });
  }
  return tables;
}

// The channel a case must come in by is the plan's choice for the severity, else the
// severity's where the plan offers it ("P1 by phone" binds the plans that have phone; a
// plan without phone takes its P1 cases by its own channels). A plan's own choice must be
// one of its channels: a plan that could never take the case is a compile error.
function sharedParts(plan: PlanSpec, level: number, severity: SeveritySpec, { version, issues }: VersionContext, path: Path): SharedDecisionParts {
  const key = String(level);
  const own = plan.requiredChannels !== undefined && Object.prototype.hasOwnProperty.call(plan.requiredChannels, key);
  const severityChannel = severity.requiredChannel !== undefined && plan.channels.includes(severity.requiredChannel) ? severity.requiredChannel : null;
  const required = own ? (plan.requiredChannels?.[key] ?? null) : severityChannel;
  if (own && required !== null && !plan.channels.includes(required)) {
    issues.push(
      policyIssue(
        `Plan ${quoteValue(plan.id)} could never take a severity ${level} case: it requires ${required}, which the plan does not offer (it offers ${plan.channels.join(', ')}); add ${required} to the plan's channels, or require one it offers, or null`,
        [...path, 'requiredChannels', key],
      ),
    );
  }
  const interpretations = (version.interpretations ?? [])
    .filter((note) => (note.plans?.includes(plan.id) ?? true) && (note.severities?.includes(level) ?? true))
    .map(({ id, reading, clause }) => ({ id, reading, clause }));
  return deepFreeze({
    level,
    channels: { available: [...plan.channels], required },
    requiredClause: own ? plan.clause : severity.clause,
    interpretations,
  });
}

function checkClock(clock: ClockRef, calendars: ReadonlyMap<string, Calendar>, addOn: boolean, path: Path, issues: SlaclockIssue[]): void {
  if (clock === CUSTOMER_CLOCK || calendars.has(clock) || (addOn && clock === BASE_PLAN_CLOCK)) return;
  const hint = clock === BASE_PLAN_CLOCK ? ' ("base-plan" is only for add-on plans with requiresAnyOf)' : '';
  const known = [ROUND_THE_CLOCK, CUSTOMER_CLOCK, ...calendars.keys()];
  issues.push(policyIssue(`Unknown clock ${quoteValue(clock)}${hint}${didYouMean(clock, known)}; use "round-the-clock", "customer" or a calendar id of this version`, path));
}
