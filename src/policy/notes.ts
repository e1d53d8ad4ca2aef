import { assumption, type Reason } from './reasons.js';
import type { Clause, PlanSpec, PolicyVersionSpec } from './types.js';

/**
 * The notes a decision carries for a check skipped because a fact was not given. Each
 * depends only on the compiled version, plan or severity it belongs to, so it is built
 * once when the policy is compiled, frozen, and shared by every decision that needs it:
 * the common request that omits a fact costs a property read.
 */

/** A version's notes; `undefined` where the version has nothing to assume. */
export interface VersionNotes {
  /** No severity given: the default applies. */
  readonly severityNotGiven: Reason | undefined;
  /** No language given, for a version that lists languages. */
  readonly languageNotGiven: Reason | undefined;
  /** No role given, for a version that lists roles. */
  readonly roleNotGiven: Reason | undefined;
}

/** A plan's notes; `undefined` where the plan has nothing to assume. */
export interface PlanNotes {
  readonly contractNotGiven: Reason;
  readonly trialStartNotGiven: Reason | undefined;
  readonly plansNotGiven: Reason | undefined;
  readonly contactsNotGiven: Reason | undefined;
}

const NONE: readonly string[] = Object.freeze([]);
const ACTIVE_ONLY: readonly string[] = Object.freeze(['active']);

/** @internal The notes of a version. */
export function versionNotes(version: PolicyVersionSpec): VersionNotes {
  const { roles, roleClause, languages, languageClause } = version.eligibility ?? {};
  return Object.freeze({
    severityNotGiven:
      version.defaultSeverity === undefined ? undefined : assumption('severity_not_given', `No severity given: the policy's default severity ${version.defaultSeverity} is applied`),
    languageNotGiven:
      languages === undefined ? undefined : assumption('language_not_given', `No language given: assumed to be one support is given in (${languages.join(', ')})`, languageClause),
    roleNotGiven: roles === undefined ? undefined : assumption('role_not_given', `No requester role given: assumed to be ${roles.join(' or ')}`, roleClause),
  });
}

/** @internal The notes of a plan. */
export function planNotes(plan: PlanSpec): PlanNotes {
  const base = plan.requiresAnyOf ?? NONE;
  const limit = plan.namedContacts;
  return Object.freeze({
    contractNotGiven: assumption('contract_not_given', `No contract status given: assumed ${(plan.contract ?? ACTIVE_ONLY).join(' or ')}, which entitles to ${plan.name}`, plan.clause),
    trialStartNotGiven:
      plan.trialDays === undefined ? undefined : assumption('trial_start_not_given', `No trial start given: the trial is assumed to be within its ${plan.trialDays} days`, plan.clause),
    plansNotGiven:
      base.length === 0 ? undefined : assumption('plans_not_given', `The account's plans are not given: assumed to include ${base.join(' or ')}, which ${plan.name} requires`, plan.clause),
    contactsNotGiven:
      limit === undefined
        ? undefined
        : assumption('contacts_not_given', `The account's named contacts are not given: assumed to be within ${plan.name}'s ${limit.max}`, limit.clause ?? plan.clause),
  });
}

/** @internal The note for a request that names no channel where a severity requires one; `undefined` where none is required. */
export function channelNotGiven(level: number, required: string | null, clause: Clause | undefined): Reason | undefined {
  if (required === null) return undefined;
  return assumption('channel_not_given', `No channel given: assumed to be ${required}, as severity ${level} cases must be reported by ${required}`, clause);
}
