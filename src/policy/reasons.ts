import type { Clause } from './types.js';

/**
 * The stable codes of a decision's reasons. `deny` reasons make a request ineligible,
 * `adjust` reasons changed the terms, `note` reasons inform (an assumption made because
 * a fact was not given, a target the policy does not publish). docs/api.md lists each
 * with its meaning.
 */
export type ReasonCode =
  // deny
  | 'out_of_scope'
  | 'channel_required'
  | 'channel_not_offered'
  | 'language_not_supported'
  | 'contract_not_eligible'
  | 'trial_not_started'
  | 'trial_expired'
  | 'base_plan_required'
  | 'role_not_allowed'
  | 'contact_limit_exceeded'
  // adjust
  | 'severity_set'
  | 'business_hours_only'
  // note
  | 'before_first_version'
  | 'plan_not_in_version'
  | 'language_accommodated'
  | 'rule_note'
  | 'best_effort'
  | 'no_published_target'
  | 'account_not_checked'
  | 'severity_not_given'
  | 'channel_not_given'
  | 'language_not_given'
  | 'contract_not_given'
  | 'trial_start_not_given'
  | 'plans_not_given'
  | 'role_not_given'
  | 'contacts_not_given'
  | 'fact_not_given';

/** Why a decision came out as it did. */
export interface Reason {
  /** Stable code, e.g. `'trial_expired'`. */
  readonly code: ReasonCode;
  /** `'deny'` makes the request ineligible; `'adjust'` changed the terms; `'note'` informs. */
  readonly effect: 'deny' | 'adjust' | 'note';
  readonly message: string;
  /** The policy clause it comes from. */
  readonly clause?: Clause | undefined;
  /** What would make the request eligible. */
  readonly remedy?: string | undefined;
}

/**
 * A `note` reason for a check skipped because a fact was not given: says what was
 * assumed. Frozen, so one per version can be shared by every decision.
 *
 * @example
 * ```ts
 * assumption('role_not_given', 'No requester role given: assumed to be one of administrator');
 * ```
 */
export function assumption(code: ReasonCode, message: string, clause?: Clause): Reason {
  return Object.freeze(clause === undefined ? { code, effect: 'note', message } : { code, effect: 'note', message, clause });
}

