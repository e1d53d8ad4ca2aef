import { formatZonedIso } from '../zone/isoFormat.js';
import { Zone } from '../zone/zone.js';
import type { CompiledPlan, CompiledVersion } from './compileVersion.js';
import type { Reason } from './reasons.js';
import type { RequestFields } from './request.js';
import type { Clause } from './types.js';

const ACCOUNT_NOT_CHECKED: Reason = Object.freeze({ code: 'account_not_checked', effect: 'note', message: 'No account given: the request is judged as if the account holds the plan in good standing' });

/** @internal Who may ask, in which language, under which contract: the entitlement stage's reasons. */
export function checkEntitlement(version: CompiledVersion, plan: CompiledPlan, fields: RequestFields, reasons: Reason[]): void {
  const { account, at } = fields;
  const spec = plan.spec;
  const { contracts, trialDays, requires: base } = plan.terms;
  const { roles, roleClause } = version.terms;
  checkLanguage(version, fields, reasons);
  if (account === undefined) {
    reasons.push(ACCOUNT_NOT_CHECKED);
    return;
  }
  if (account.contract === undefined) {
    reasons.push(plan.notes.contractNotGiven);
  } else if (!contracts.includes(account.contract)) {
    reasons.push({ code: 'contract_not_eligible', effect: 'deny', message: `A ${account.contract} contract does not entitle to ${spec.name} (needs ${contracts.join(' or ')})`, clause: spec.clause, remedy: contracts.includes('active') ? 'Renew or buy a support contract' : `Hold a ${contracts.join(' or ')} contract` });
  }
  if (trialDays !== undefined && account.trialStart === undefined) {
    reasons.push(plan.notes.trialStartNotGiven as Reason);
  } else if (trialDays !== undefined && account.trialStart !== undefined) {
    const start = account.trialStart;
    // "30 days from the registration date": calendar days in the customer's zone, the day of
    // registration first, so the trial ends at local midnight 30 days after it (a DST change
    // in between moves nothing; 30 x 24 hours would).
    const zone = fields.calendar === undefined ? version.zone : Zone.of(fields.calendar.timezone);
    const end = zone.toInstant(zone.localDayOf(start) + trialDays, 0);
    if (at < start) reasons.push({ code: 'trial_not_started', effect: 'deny', message: 'The case is opened before the trial started', clause: spec.clause, remedy: 'Check the trial start' });
    else if (at >= end) reasons.push({ code: 'trial_expired', effect: 'deny', message: `Trial support ends ${trialDays} calendar days after the trial starts (${formatZonedIso(zone, end)})`, clause: spec.clause, remedy: 'Buy a paid plan' });
  }
  if (base.length > 0 && account.plans === undefined) {
    reasons.push(plan.notes.plansNotGiven as Reason);
  } else if (base.length > 0 && !holdsAny(account.plans, base)) {
    reasons.push({ code: 'base_plan_required', effect: 'deny', message: `${spec.name} needs an active ${base.join(' or ')} plan as well`, clause: spec.clause, remedy: `Hold ${base.join(' or ')} as well` });
  }
  checkContacts(version, plan, account.contacts, reasons);
  if (roles !== undefined && account.role === undefined) {
    reasons.push(version.notes.roleNotGiven as Reason);
  } else if (roles !== undefined && account.role !== undefined && !roles.includes(account.role)) {
    reasons.push({ code: 'role_not_allowed', effect: 'deny', message: `Cases must be opened by: ${roles.join(', ')}`, ...(roleClause ? { clause: roleClause } : {}), remedy: `Ask a ${roles.join(' or ')} to open the case` });
  }
}

// "Up to N named contacts": a business fact, so a denial with the way forward: the lowest
// plan of the version that takes as many contacts, else fewer contacts.
function checkContacts(version: CompiledVersion, plan: CompiledPlan, contacts: number | undefined, reasons: Reason[]): void {
  const limit = plan.terms.namedContacts;
  if (limit === undefined) return;
  const clause = limit.clause ?? plan.spec.clause;
  if (contacts === undefined) {
    reasons.push(plan.notes.contactsNotGiven as Reason);
  } else if (contacts > limit.max) {
    reasons.push(contactLimitExceeded(version, plan, limit.max, contacts, clause));
  }
}

function contactLimitExceeded(version: CompiledVersion, plan: CompiledPlan, max: number, contacts: number, clause: Clause): Reason {
  const larger = [...version.plans.values()]
    .filter((other) => other.spec.tier > plan.spec.tier && (other.spec.requiresAnyOf ?? []).length === 0 && (other.spec.namedContacts?.max ?? Number.POSITIVE_INFINITY) >= contacts)
    .sort((a, b) => a.spec.tier - b.spec.tier)[0];
  const upgrade = larger === undefined ? '' : `, or hold ${larger.spec.name} (plan "${larger.spec.id}")`;
  return {
    code: 'contact_limit_exceeded',
    effect: 'deny',
    message: `${plan.spec.name} allows up to ${max} named contacts; the account has ${contacts}`,
    clause,
    remedy: `Reduce the named contacts to ${max}${upgrade}`,
  };
}

function checkLanguage(version: CompiledVersion, fields: RequestFields, reasons: Reason[]): void {
  const { languages, languageClause, otherLanguages } = version.terms;
  if (languages === undefined) return;
  const language = fields.language?.toLowerCase().split('-')[0];
  if (language === undefined) {
    reasons.push(version.notes.languageNotGiven as Reason);
  } else if (languages.includes(language)) {
    return;
  } else if (otherLanguages === 'accommodated') {
    reasons.push({ code: 'language_accommodated', effect: 'note', message: `Support is given in ${languages.join(', ')}: the case is answered in ${languages.join(' or ')}, with ${fields.language as string} accommodated when possible`, ...(languageClause ? { clause: languageClause } : {}) });
  } else {
    reasons.push({ code: 'language_not_supported', effect: 'deny', message: `Support is given in: ${languages.join(', ')}`, ...(languageClause ? { clause: languageClause } : {}), remedy: `Ask in ${languages.join(' or ')}` });
  }
}

/**
 * @internal A channel another plan of the version offers: a business fact, so a denial whose
 * remedy names the plan's channels and the lowest plan that offers the one asked for.
 */
export function channelNotOffered(version: CompiledVersion, plan: CompiledPlan, channel: string): Reason {
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

function holdsAny(held: readonly string[] | undefined, wanted: readonly string[]): boolean {
  if (held === undefined) return false;
  for (let index = 0; index < wanted.length; index++) if (held.includes(wanted[index] as string)) return true;
  return false;
}
