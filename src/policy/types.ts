import type { CalendarSpec } from '../calendar/spec.js';
import type { BusinessDayRule } from '../ops/businessDays.js';

/** A support channel. Policies may use other names; these are the common ones. */
export type Channel = 'help-center' | 'email' | 'chat' | 'phone' | 'portal' | 'community' | (string & {});

/** A customer's contract status: the four built-in ones, or a kind a policy version declares in `contractKinds`. */
export type ContractStatus = 'active' | 'trial' | 'lapsed' | 'none' | (string & {});

/** A plan id: those of the built-in policies, or any id a custom policy defines. */
export type PlanId = 'free' | 'free-trial' | 'jumpstart' | 'trial' | 'standard' | 'premium' | '24x7' | 'premier' | (string & {});

/**
 * Where a sentence of a policy comes from: the page and the words it reads, so a
 * decision can cite it.
 */
export interface Clause {
  /** Which published page (or contract) the words come from. */
  readonly source: string;
  /** The sentence or table cell, quoted. */
  readonly text: string;
}

/**
 * A recorded reading of an ambiguous or silent clause. Every choice slaclock makes
 * that the vendor's words do not force is one of these, and a decision lists the
 * ones that shaped it.
 */
export interface Interpretation {
  /** Stable id, e.g. `'jumpcloud.standard-hours'`. */
  readonly id: string;
  /** The clause read. */
  readonly clause: Clause;
  /** What slaclock takes it to mean. */
  readonly reading: string;
  /** Which plans and severities it concerns (all when omitted). */
  readonly plans?: readonly string[] | undefined;
  readonly severities?: readonly number[] | undefined;
}

/**
 * Which clock a plan runs on: `'round-the-clock'`, the id of one of the version's
 * `calendars` (the vendor's business hours; a calendar whose `timezone` is `"customer"`
 * is a template: its hours in the customer's zone, closed on the customer's holidays),
 * `'customer'`: the customer's local
 * business hours, taken from the request's `calendar`, or `'base-plan'`: for an
 * add-on plan, the clock of the base plan it is added to (the first of
 * `requiresAnyOf` the account holds) for the same severity.
 */
export type ClockRef = string;

/**
 * A metric a support contract commits to. The five built-in ones (see `METRICS`):
 * `firstResponse`, `nextResponse` (every reply after the first), `update` (the cadence
 * of periodic updates while a case is open), `workaround` and `resolution`; a version
 * may declare more under `metrics`.
 */
export type MetricId = 'firstResponse' | 'nextResponse' | 'update' | 'workaround' | 'resolution' | (string & {});

/** What every target may add to its figure. */
interface TargetExtras {
  readonly clause: Clause;
  /** The target's own clock, when it differs from the plan's coverage for the severity (e.g. resolution in business hours, first response round the clock). */
  readonly clock?: ClockRef | undefined;
  /** The share of cases the vendor commits to meet the target for ("95% of P1 cases"), in percent. @default null (not published) */
  readonly attainment?: number | undefined;
  /**
   * The target for a case that comes in on a channel, replacing this one ("P2: 4 hours;
   * 1 hour by phone"): by channel name, each one of the plan's channels. A request that
   * names no channel gets the severity's required channel's, else this one.
   */
  readonly byChannel?: Readonly<Record<string, ChannelTarget>> | undefined;
}

/** A per-channel target: a {@link ResponseTarget} without channels of its own. */
export type ChannelTarget =
  | ({ readonly duration: string } & Omit<TargetExtras, 'byChannel'>)
  | ({ readonly businessDays: number; readonly rule: BusinessDayRule } & Omit<TargetExtras, 'byChannel'>);

/** A target of one metric (the first response, a resolution, an update cadence...). */
export type ResponseTarget =
  /** A duration of open time on the plan's clock (ISO-8601, `'PT4H'`). */
  | ({ readonly duration: string } & TargetExtras)
  /** N business days on the plan's clock by a named rule ("next business day" = 1). */
  | ({ readonly businessDays: number; readonly rule: BusinessDayRule } & TargetExtras);

/** A version's declaration of a metric beyond the five built-in ones, or of how a built-in one runs. */
export interface MetricSpec {
  readonly name: string;
  /** A recurring metric starts again after each stop (next response, update cadence). @default false */
  readonly recurring?: boolean | undefined;
  /** Ticket statuses that pause the metric's clock, e.g. `['waiting-on-customer']`. @default [] */
  readonly pausedBy?: readonly string[] | undefined;
  readonly clause?: Clause | undefined;
}

/** One support plan of a policy version. */
export interface PlanSpec {
  readonly id: string;
  readonly name: string;
  /** Rank within the policy: a higher tier is never slower than a lower one. */
  readonly tier: number;
  /** The plan is an add-on: the account must also hold one of these plans. */
  readonly requiresAnyOf?: readonly string[] | undefined;
  /** Contract statuses under which the plan is in force. @default ['active'] */
  readonly contract?: readonly ContractStatus[] | undefined;
  /** A trial plan: support lasts this many days from the account's trial start. */
  readonly trialDays?: number | undefined;
  /** Channels the plan offers. */
  readonly channels: readonly Channel[];
  /**
   * At most this many named contacts may open cases on the plan ("up to 2 named contacts"):
   * an account with more (`account.contacts`) is not eligible (`contact_limit_exceeded`).
   */
  readonly namedContacts?: { readonly max: number; readonly clause?: Clause | undefined } | undefined;
  /** Which clock each severity runs on; `default` for the rest. */
  readonly coverage: { readonly default: ClockRef; readonly bySeverity?: Readonly<Record<string, ClockRef>> | undefined };
  /** First-response target per severity (`null`: no published commitment). */
  readonly targets: Readonly<Record<string, ResponseTarget | null>>;
  /**
   * Targets of the other metrics, per metric id and severity: `{ resolution: { 1: { duration: 'PT8H', clause } } }`.
   * A severity left out (or `null`) has no published commitment for that metric.
   */
  readonly metrics?: Readonly<Record<string, Readonly<Record<string, ResponseTarget | null>>>> | undefined;
  /**
   * The channel a severity must be reported by on this plan, replacing the severity's
   * `requiredChannel` (`null`: any of the plan's channels). Checked at compile time
   * against `channels`.
   */
  readonly requiredChannels?: Readonly<Record<string, Channel | null>> | undefined;
  readonly clause: Clause;
}

/** A severity level. */
export interface SeveritySpec {
  readonly level: number;
  readonly name: string;
  readonly definition: string;
  /** Channel through which a case of this severity must be reported. */
  readonly requiredChannel?: Channel | undefined;
  readonly clause?: Clause | undefined;
}

/** A fact's value as a request gives it. */
export type FactValue = string | number | boolean;

/** The original condition form: every listed fact must equal the given value. */
export type FactCondition = Readonly<Record<string, FactValue>>;

/**
 * A condition on the request's `facts`. A fact the request does not give is unknown:
 * a condition that depends on it is neither true nor false, its rule does not fire,
 * and the decision notes which fact would change it.
 *
 * - `{ fact, equals }`, `{ fact, in: [...] }`, `{ fact, exists: true }`,
 *   `{ fact, gt | gte | lt | lte: number }` (one test per leaf);
 * - windows on instant facts: `{ fact, within: { days } | { years } }`,
 *   `{ fact, noticeBusinessDays, clock }`;
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: condition }`;
 * - a plain record `{ customization: true }`: every fact equals its value (the original form).
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FactTest
  | FactCondition;

/** One test of one fact. */
export type FactTest = { readonly fact: string } & (
  | { readonly equals: FactValue }
  | { readonly in: readonly FactValue[] }
  | { readonly exists: boolean }
  | { readonly gt: number }
  | { readonly gte: number }
  | { readonly lt: number }
  | { readonly lte: number }
  /**
   * A window: the fact is an instant (ISO-8601 or epoch ms) no later than the request's
   * `at`, and `at` falls within `days` days after the fact's local date (the whole Nth day
   * included: "reopen within 30 days of the close date") or within `years` calendar years
   * beginning on it (the anniversary is outside: "for one calendar year"), in the customer's
   * zone (the request calendar's), else the policy's.
   */
  | { readonly within: { readonly days: number } | { readonly years: number } }
  /**
   * Notice: the fact is an instant (an activity) at or after the close of the Nth business
   * day after the request's `at` on `clock` ("five business days notice").
   */
  | { readonly noticeBusinessDays: number; readonly clock: ClockRef }
);

/** A scope rule: what support covers and does not, read from the request's facts. */
export interface ScopeRule {
  readonly id: string;
  readonly when: Condition;
  /** Plans the rule concerns (all when omitted). */
  readonly plans?: readonly string[] | undefined;
  /** Severities (as asked) the rule concerns (all when omitted). */
  readonly severities?: readonly number[] | undefined;
  /**
   * - `'excluded'`: outside support; the request is not eligible.
   * - `'severity'`: the case is handled at `severity` whatever was asked (preview features),
   *   or kept within `min`..`max` (levels as numbers: `{ min: 2 }` caps a case at severity 2 when 1 is the most severe).
   * - `'business-hours-only'`: no after-hours support: the clock becomes `clock`.
   * - `'note'`: the request stays eligible; the clause is cited with the rule's remedy and route (a pointer to another document or team).
   * - `'best-effort'`: the request stays eligible, but no target is a commitment ("we will attempt to answer"): every metric is `null`.
   */
  readonly effect: 'excluded' | 'severity' | 'business-hours-only' | 'note' | 'best-effort';
  readonly severity?: number | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly clock?: ClockRef | undefined;
  /** What to do instead, e.g. "Upgrade to a supported version first". @default "Seek help outside support, as the clause says" for exclusions */
  readonly remedy?: string | undefined;
  /** The team or service the case goes to when the rule fires (replaces the routing's answer). */
  readonly route?: string | undefined;
  readonly clause: Clause;
}

/** A routing rule: which team a case belongs to. The first rule whose `when` matches wins. */
export interface RoutingRule {
  readonly when: Condition;
  readonly team: string;
  readonly clause: Clause;
}

/** Who may open a case, and in which languages. */
export interface EligibilitySpec {
  /** Requester roles that may open a case (any when omitted). */
  readonly roles?: readonly string[] | undefined;
  /** The clause that restricts the roles. */
  readonly roleClause?: Clause | undefined;
  /** Languages support is given in, as primary language subtags (any when omitted). */
  readonly languages?: readonly string[] | undefined;
  /** The clause that restricts the languages. */
  readonly languageClause?: Clause | undefined;
  /**
   * A request in another language: `'denied'` (not eligible), or `'accommodated'`
   * (eligible, answered in a listed language, with a `language_accommodated` note).
   * @default 'denied'
   */
  readonly otherLanguages?: 'denied' | 'accommodated' | undefined;
}

/** The terms of one published version of a policy. */
export interface PolicyVersionSpec {
  readonly id: string;
  /** First day the version is in force, in `timezone`; open-ended when omitted. */
  readonly effectiveFrom?: string | undefined;
  /**
   * The policy's own zone: where `effectiveFrom` begins and where round-the-clock
   * deadlines are shown when the customer's zone is unknown.
   * @default the zone of the version's first calendar, else UTC
   */
  readonly timezone?: string | undefined;
  /** Metrics beyond the five built-in ones (or how a built-in one runs), by id. */
  readonly metrics?: Readonly<Record<string, MetricSpec>> | undefined;
  /**
   * Contract statuses beyond `active`, `trial`, `lapsed` and `none` that plans may name in
   * `contract` and requests may give as `account.contract` (e.g. `'partner'`, `'suspended'`).
   */
  readonly contractKinds?: readonly string[] | undefined;
  /** Where the version comes from (the page). */
  readonly source: string;
  /** Named vendor clocks the plans refer to. */
  readonly calendars?: Readonly<Record<string, CalendarSpec>> | undefined;
  readonly severities: readonly SeveritySpec[];
  readonly defaultSeverity?: number | undefined;
  readonly plans: readonly PlanSpec[];
  readonly eligibility?: EligibilitySpec | undefined;
  readonly scope?: readonly ScopeRule[] | undefined;
  readonly routing?: { readonly rules: readonly RoutingRule[]; readonly fallback: string; readonly clause: Clause } | undefined;
  readonly interpretations?: readonly Interpretation[] | undefined;
  /** How the ticket timers treat the version's tickets (see docs/timers.md). */
  readonly tickets?: TicketTerms | undefined;
}

/** What a policy says about a ticket's life beyond its targets. */
export interface TicketTerms {
  /**
   * A resolved or closed ticket reopened within `days` after the local date it was resolved or
   * closed resumes its resolution clock; reopened later, it is a new ticket ("re-open Cases that
   * have been closed within 30 days of the close date"). @default none: reopening always resumes
   */
  readonly reopenWindow?: { readonly days: number; readonly clause: Clause } | undefined;
}

/** A vendor's support policy: one or more versions with effective dates. */
export interface PolicySpec {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly versions: readonly PolicyVersionSpec[];
}
