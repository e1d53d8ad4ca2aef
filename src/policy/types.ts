import type { CalendarSpec } from '../calendar/spec.js';
import type { BusinessDayRule } from '../ops/businessDays.js';

/** A support channel. Policies may use other names; these are the common ones. */
export type Channel = 'help-center' | 'email' | 'chat' | 'phone' | 'portal' | 'community' | (string & {});

/** A customer's contract status. */
export type ContractStatus = 'active' | 'trial' | 'lapsed' | 'none';

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
 * `calendars` (the vendor's business hours), `'customer'`: the customer's local
 * business hours, taken from the request's `calendar`, or `'base-plan'`: for an
 * add-on plan, the clock of the base plan it is added to (the first of
 * `requiresAnyOf` the account holds) for the same severity.
 */
export type ClockRef = string;

/** A first-response target. */
export type ResponseTarget =
  /** A duration of open time on the plan's clock (ISO-8601, `'PT4H'`). */
  | { readonly duration: string; readonly clause: Clause }
  /** N business days on the plan's clock by a named rule ("next business day" = 1). */
  | { readonly businessDays: number; readonly rule: BusinessDayRule; readonly clause: Clause };

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
  /** Which clock each severity runs on; `default` for the rest. */
  readonly coverage: { readonly default: ClockRef; readonly bySeverity?: Readonly<Record<string, ClockRef>> | undefined };
  /** First-response target per severity (`null`: no published commitment). */
  readonly targets: Readonly<Record<string, ResponseTarget | null>>;
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

/** A condition on the request's `facts`: every listed fact must equal the given value. */
export type FactCondition = Readonly<Record<string, string | number | boolean>>;

/** A scope rule: what support covers and does not, read from the request's facts. */
export interface ScopeRule {
  readonly id: string;
  readonly when: FactCondition;
  /**
   * - `'excluded'`: outside support; the request is not eligible.
   * - `'severity'`: the case is handled at `severity` whatever was asked (preview features).
   * - `'business-hours-only'`: no after-hours support: the clock becomes `clock`.
   */
  readonly effect: 'excluded' | 'severity' | 'business-hours-only';
  readonly severity?: number | undefined;
  readonly clock?: ClockRef | undefined;
  readonly clause: Clause;
}

/** A routing rule: which team a case belongs to. The first rule whose `when` matches wins. */
export interface RoutingRule {
  readonly when: FactCondition;
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
}

/** The terms of one published version of a policy. */
export interface PolicyVersionSpec {
  readonly id: string;
  /** First day (UTC) the version is in force; open-ended when omitted. */
  readonly effectiveFrom?: string | undefined;
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
}

/** A vendor's support policy: one or more versions with effective dates. */
export interface PolicySpec {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly versions: readonly PolicyVersionSpec[];
}
