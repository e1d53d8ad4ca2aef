import type { Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import type { Instant } from '../time/instant.js';
import type { Reason } from './reasons.js';
import type { Channel, Clause, ContractStatus, PlanId } from './types.js';

export type { Reason, ReasonCode } from './reasons.js';

/** The account behind a support request. Omitted fields are not checked. */
export interface Account {
  /** Contract status. Not checked when omitted. */
  readonly contract?: ContractStatus | undefined;
  /** When the trial began (signup or registration), for trial plans. */
  readonly trialStart?: Instant | undefined;
  /** Plans the account holds, for add-on plans that require another. */
  readonly plans?: readonly PlanId[] | undefined;
  /** The requester's role, e.g. `'administrator'`. */
  readonly role?: string | undefined;
  /** How many named contacts the account has registered, for plans that limit them (`PlanSpec.namedContacts`). */
  readonly contacts?: number | undefined;
}

/** A support request to decide on. */
export interface SupportRequest {
  /** Plan id, e.g. `'standard'`. */
  readonly plan: PlanId;
  /** Severity level. @default the policy's default severity */
  readonly severity?: number | undefined;
  /** When the case is opened. */
  readonly at: Instant;
  /** The customer's region calendar, for plans that run on the customer's local business hours. */
  readonly calendar?: Calendar | CalendarSpec | undefined;
  readonly account?: Account | undefined;
  /** The channel the case comes in on. */
  readonly channel?: Channel | undefined;
  /** The language support is asked in (BCP 47, e.g. `'en'`). */
  readonly language?: string | undefined;
  /** Facts that scope and routing rules read, e.g. `{ customization: true }`. */
  readonly facts?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** A version id to apply instead of the version in force at `at` (see `versionAt`). */
  readonly version?: string | undefined;
}

/** The first-response commitment. */
export interface FirstResponse {
  /** The target in words, e.g. `'4 hours'`, `'1 business day (end-of-day)'`. */
  readonly target: string;
  /** The clock it runs on: `'round-the-clock'`, a vendor calendar id, or `'customer'`. */
  readonly clock: string;
  /** The zone the deadline is shown in: the clock's; for round-the-clock, the customer's when the request gives a calendar, else the policy's. */
  readonly timezone: string;
  /** ISO-8601 with the offset of `timezone`. */
  readonly deadline: string;
  readonly deadlineMs: number;
  readonly clause: Clause;
}

/** The deadline of one metric, had its clock started at the request's `at`. */
export interface TargetDeadline extends FirstResponse {
  /** The metric id: `'firstResponse'`, `'resolution'`, ... */
  readonly metric: string;
  /** For a recurring metric (next response, update), the target each cycle restarts with; `null` otherwise. */
  readonly cadence: string | null;
  /** The share of cases the vendor commits to meet the target for, in percent; `null` when not published. */
  readonly attainment: number | null;
}

/** What `evaluate` decides. Plain, serialisable data. */
export interface Decision {
  readonly policy: string;
  /** The policy version in force at `at`. */
  readonly version: string;
  readonly plan: string;
  /** The severity the case is handled at (after scope rules). */
  readonly severity: number;
  readonly at: string;
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
  readonly channels: { readonly available: readonly string[]; readonly required: string | null };
  /** `null` when ineligible or when the policy publishes no target for this plan and severity. */
  readonly firstResponse: FirstResponse | null;
  /**
   * Every metric the plan states for the severity, by id (`firstResponse`, `nextResponse`,
   * `update`, `workaround`, `resolution`, custom ids): its deadline from `at`, or `null`
   * (no published commitment). Empty when ineligible.
   */
  readonly targets: Readonly<Record<string, TargetDeadline | null>>;
  /** The team the case belongs to, where the policy routes. */
  readonly route: { readonly team: string; readonly clause: Clause } | null;
  /** The recorded interpretations that shaped this decision. */
  readonly interpretations: readonly { readonly id: string; readonly reading: string; readonly clause: Clause }[];
  /**
   * The tz database version whose rules produced the deadline (`process.versions.tz`, e.g.
   * `'2025c'`), `null` where the runtime does not expose one. A country that changes its
   * rules changes deadlines computed after the runtime's tz database is updated.
   */
  readonly tzdb: string | null;
}
