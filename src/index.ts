// slaclock: SLA and support-entitlement policy engine. Named exports only.
// The core entry: no Node APIs, no regional holiday data (that is 'slaclock/regions'),
// no comparison reports (that is 'slaclock/compare').
export { SlaclockError, type SlaclockErrorCode, type SlaclockIssue, type IssuePath } from './errors.js';
export type { Instant, EpochMillisecondsLike, ToMillisLike } from './time/instant.js';
export type { DurationInput } from './time/duration.js';
export type {
  CalendarSpec,
  WeeklyCalendarSpec,
  UnionCalendarSpec,
  IntersectionCalendarSpec,
  HolidaySource,
  ClosedDate,
  PartialDate,
  RegionHolidays,
  PresetHolidays,
  HolidayType,
  WallInterval,
  Weekday,
} from './calendar/spec.js';
export type { Closure, ClosureReason } from './calendar/closure.js';
export { SUPPORTED_YEARS } from './calendar/timeline.js';
export { Calendar, compileCalendar, unionCalendars, intersectCalendars, type CompileOptions, type CombineOptions } from './calendar/calendar.js';
export type { HolidayRegions, RegionHolidayOptions, RegionalHoliday } from './calendar/holidays/provider.js';
export { roundTheClock, weekdayHours, US_FEDERAL_HOLIDAYS } from './calendar/presets.js';
export { usFederalHolidays, type HolidayDate } from './calendar/holidays/usFederal.js';
export type { Pause } from './ops/pauses.js';
export type { Landing, BusinessTimeOptions, BetweenOptions } from './ops/options.js';
export { addBusinessTime, subtractBusinessTime, businessTimeBetween } from './ops/businessTime.js';
export { addBusinessTimeMs, subtractBusinessTimeMs, businessTimeBetweenMs } from './ops/fast.js';
export { isOpen, nextOpen, nextClose } from './ops/openClose.js';
export { addBusinessDays, BUSINESS_DAY_RULES, type BusinessDayRule, type BusinessDaysOptions } from './ops/businessDays.js';
export { explainBusinessTime, DEFAULT_MAX_SEGMENTS, type Explanation, type ExplanationSegment, type ExplainOptions } from './ops/explain.js';
export { TZDB_VERSION } from './zone/tzdb.js';
export { configureCaches, type CacheLimits } from './util/specCache.js';
export type {
  PolicySpec,
  PolicyVersionSpec,
  PlanSpec,
  SeveritySpec,
  ResponseTarget,
  Clause,
  Interpretation,
  ClockRef,
  Channel,
  ContractStatus,
  PlanId,
  ScopeRule,
  RoutingRule,
  FactCondition,
  FactValue,
  FactTest,
  Condition,
  EligibilitySpec,
  MetricId,
  MetricSpec,
  TicketTerms,
} from './policy/types.js';
export type { Account, SupportRequest, Decision, Reason, ReasonCode, FirstResponse, TargetDeadline } from './policy/decision.js';
export { compilePolicy, CompiledPolicy } from './policy/compile.js';
export { METRICS, type MetricDefinition } from './policy/metrics.js';
export { versionAt } from './policy/versionAt.js';
export { resolveTerms, deadlineFrom, type ResolvedTerms, type MetricTerms } from './policy/terms.js';
export { evaluate } from './policy/evaluate.js';
export { withContract, type ContractTerms, type PlanTerms } from './policy/contract.js';
export { policyJsonSchema } from './policy/jsonSchema.js';
export { getPolicy, listPolicies, type PolicyId, type PolicySummary } from './catalog/registry.js';
export { cirrusIdentityPolicy, jumpcloudLegacyPolicy, jumpcloudPolicy, oneIdentityPolicy, sailpointIdentityNowPolicy } from './catalog/index.js';
