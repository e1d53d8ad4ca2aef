import type { Clause, EligibilitySpec, PlanSpec } from './types.js';

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
  // adjust
  | 'severity_set'
  | 'business_hours_only'
  // note
  | 'before_first_version'
  | 'no_published_target'
  | 'account_not_checked'
  | 'severity_not_given'
  | 'channel_not_given'
  | 'language_not_given'
  | 'contract_not_given'
  | 'trial_start_not_given'
  | 'plans_not_given'
  | 'role_not_given'
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

/** The assumption notes of a version that depend on nothing in the request: made once when it compiles. */
export interface VersionNotes {
  readonly languageNotGiven: Reason | undefined;
  readonly roleNotGiven: Reason | undefined;
}

/** @internal The notes of a version's eligibility rules. */
export function versionNotes(eligibility: EligibilitySpec | undefined): VersionNotes {
  const { languages, languageClause, roles, roleClause } = eligibility ?? {};
  return {
    languageNotGiven: languages === undefined ? undefined : assumption('language_not_given', `No language given: assumed to be one support is given in (${languages.join(', ')})`, languageClause),
    roleNotGiven: roles === undefined ? undefined : assumption('role_not_given', `No requester role given: assumed to be ${roles.join(' or ')}`, roleClause),
  };
}

/** The assumption notes of a plan: made once when it compiles. */
export interface PlanNotes {
  readonly contractNotGiven: Reason;
  readonly trialStartNotGiven: Reason | undefined;
  readonly plansNotGiven: Reason | undefined;
}

/** @internal The notes of a plan's entitlement checks. */
export function planNotes(plan: PlanSpec): PlanNotes {
  const contracts = plan.contract ?? ['active'];
  const base = plan.requiresAnyOf ?? [];
  return {
    contractNotGiven: assumption('contract_not_given', `No contract status given: assumed ${contracts.join(' or ')}, which entitles to ${plan.name}`, plan.clause),
    trialStartNotGiven: plan.trialDays === undefined ? undefined : assumption('trial_start_not_given', `No trial start given: the trial is assumed to be within its ${plan.trialDays} days`, plan.clause),
    plansNotGiven: base.length === 0 ? undefined : assumption('plans_not_given', `The account's plans are not given: assumed to include ${base.join(' or ')}, which ${plan.name} requires`, plan.clause),
  };
}

/** @internal The note for a severity that must be reported on one channel, when no channel is given. */
export function channelNote(severity: number, required: string, clause: Clause | undefined): Reason {
  return assumption('channel_not_given', `No channel given: assumed to be ${required}, as severity ${severity} cases must be reported by ${required}`, clause);
}
