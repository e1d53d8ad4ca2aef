import { Calendar, compileCalendar } from '../calendar/calendar.js';
import type { HolidayRegions } from '../calendar/holidays/provider.js';
import { SlaclockError, withPathPrefix, type IssuePath, type SlaclockErrorCode, type SlaclockIssue } from '../errors.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { closestMatch, isArray, quoteValue } from '../util/describe.js';
import { messages, oneOfIssue } from '../util/issues.js';
import { factKindsOf } from './conditions.js';
import type { ContractStatus, PolicyVersionSpec } from './types.js';

/**
 * A support request checked field by field, without zod: `evaluate` runs this on every
 * call, so the rules are precompiled per policy version and the common case allocates
 * next to nothing. Every field is read exactly once; an unknown key, a wrong type or a
 * value the policy does not define is an error, never a decision.
 */

/** The keys of a request and of its account, for "did you mean" on a misspelt key. */
const REQUEST_KEYS = ['plan', 'severity', 'at', 'calendar', 'account', 'channel', 'language', 'facts', 'version'] as const;
const ACCOUNT_KEYS = ['contract', 'trialStart', 'plans', 'role', 'contacts'] as const;
/** The contract statuses every policy knows; a version may declare more (`contractKinds`). */
export const CONTRACT_STATUSES: readonly ContractStatus[] = Object.freeze(['active', 'trial', 'lapsed', 'none']);
const AT_PATH = Object.freeze(['at']);
/** A BCP 47 language tag, loosely: a primary subtag, then subtags of letters and digits. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,8}$/;

/** What a request to one policy version may say: precompiled once per version. */
export interface RequestRules {
  readonly planIds: readonly string[];
  readonly levels: readonly number[];
  /** Every channel some plan of the version offers or some severity requires. */
  readonly channels: readonly string[];
  readonly roles: readonly string[] | undefined;
  /** Facts the policy's rules read (in any version), with the kind of value each compares with. */
  readonly facts: ReadonlyMap<string, string>;
  /** Plan ids of every version: an account may hold a plan the version in force no longer has. */
  readonly anyPlanIds: readonly string[];
  /** Contract statuses of every version: the built-in four and each version's `contractKinds`. */
  readonly contracts: readonly string[];
}

/** What every version of a policy reads: computed once per policy. */
export interface PolicyWideRules {
  readonly facts: ReadonlyMap<string, string>;
  readonly anyPlanIds: readonly string[];
  readonly contracts: readonly string[];
}

/** @internal Precompiles the request rules of a version, given the whole policy's. */
export function compileRequestRules(version: PolicyVersionSpec, { facts, anyPlanIds, contracts }: PolicyWideRules): RequestRules {
  const channels = new Set<string>();
  for (const plan of version.plans) for (const channel of plan.channels) channels.add(channel);
  for (const severity of version.severities) if (severity.requiredChannel !== undefined) channels.add(severity.requiredChannel);
  return Object.freeze({
    planIds: Object.freeze(version.plans.map((plan) => plan.id)),
    levels: Object.freeze(version.severities.map((severity) => severity.level)),
    channels: Object.freeze([...channels]),
    roles: version.eligibility?.roles,
    facts,
    anyPlanIds,
    contracts,
  });
}

/** @internal The facts every version's scope and routing rules read (with the kind of value each expects), and every plan id. */
export function policyWideRules(versions: readonly PolicyVersionSpec[]): PolicyWideRules {
  const anyPlanIds = Object.freeze([...new Set(versions.flatMap((version) => version.plans.map((plan) => plan.id)))]);
  const contracts = Object.freeze([...new Set([...CONTRACT_STATUSES, ...versions.flatMap((version) => version.contractKinds ?? [])])]);
  return { facts: factKinds(versions), anyPlanIds, contracts };
}

function factKinds(versions: readonly PolicyVersionSpec[]): ReadonlyMap<string, string> {
  const kinds = new Map<string, string>();
  for (const version of versions) {
    const conditions = [...(version.scope ?? []).map((rule) => rule.when), ...(version.routing?.rules ?? []).map((rule) => rule.when)];
    for (const when of conditions) factKindsOf(when, kinds);
  }
  return kinds;
}

/** A request's account, read once and checked for shape. */
export interface RequestAccount {
  readonly contract: ContractStatus | undefined;
  readonly trialStart: number | undefined;
  readonly plans: readonly string[] | undefined;
  readonly role: string | undefined;
  /** How many named contacts the account has registered. */
  readonly contacts: number | undefined;
}

/** A request read once and checked for shape (the policy's own values are checked by {@link checkAgainstVersion}). */
export interface RequestFields {
  readonly plan: string;
  readonly severity: number | undefined;
  readonly at: number;
  readonly calendar: Calendar | undefined;
  readonly account: RequestAccount | undefined;
  readonly channel: string | undefined;
  readonly language: string | undefined;
  readonly facts: Readonly<Record<string, string | number | boolean>> | undefined;
  /** A version id the request pins, instead of the version in force at `at`. */
  readonly version: string | undefined;
}

/** Collects issues; allocates only when there is one. */
class Problems {
  list: SlaclockIssue[] | undefined;

  add(code: SlaclockErrorCode, message: string, path: IssuePath): void {
    (this.list ??= []).push({ code, path, message });
  }

  /** A value that is not one of `values`: the message and the structured fields. */
  notOneOf(code: SlaclockErrorCode, values: readonly (string | number)[], received: unknown, path: IssuePath, suffix = ''): void {
    const issue = oneOfIssue(code, path, values, received);
    (this.list ??= []).push(suffix === '' ? issue : { ...issue, message: issue.message + suffix });
  }

  /** Runs a check that throws SlaclockErrors, keeping its issues; `undefined` when it failed. */
  try<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof SlaclockError)) throw error;
      (this.list ??= []).push(...error.issues);
      return undefined;
    }
  }

  /** Reads a caller's object: a getter or Proxy trap that throws is that object's problem, at `path`. */
  read(path: IssuePath, reader: () => void): boolean {
    try {
      reader();
      return true;
    } catch (error) {
      this.unreadable(error, path);
      return false;
    }
  }

  /** A caller's object threw while read: that object's problem, at `path`. */
  unreadable(error: unknown, path: IssuePath): void {
    if (error instanceof SlaclockError) throw error;
    this.add('invalid_input', 'Expected an object that can be read, got one that throws when read', path);
  }

  /** Keeps the issues of a SlaclockError; anything else is thrown on. */
  caught(error: unknown): void {
    if (!(error instanceof SlaclockError)) throw error;
    (this.list ??= []).push(...error.issues);
  }

  throwIfAny(): void {
    if (this.list !== undefined) throw SlaclockError.of(this.list);
  }
}

/**
 * @internal Reads a request once and checks each field's shape; throws every problem
 * at once. The result holds plain values only.
 */
export function readRequestFields(request: unknown, holidayRegions?: HolidayRegions): RequestFields {
  if (request === null || typeof request !== 'object' || isArray(request)) {
    throw new SlaclockError('invalid_input', messages.expected('a support request object { plan, at, ... }', request));
  }
  const problems = new Problems();
  let plan: unknown;
  let severity: unknown;
  let at: unknown;
  let calendar: unknown;
  let account: unknown;
  let channel: unknown;
  let language: unknown;
  let facts: unknown;
  let version: unknown;
  // Each known field read once, directly (this runs on every evaluate call); the keys are
  // enumerated only when their count says there is one we did not read.
  try {
    const fields = request as Record<string, unknown>;
    plan = fields.plan;
    severity = fields.severity;
    at = fields.at;
    calendar = fields.calendar;
    account = fields.account;
    channel = fields.channel;
    language = fields.language;
    facts = fields.facts;
    version = fields.version;
    const given = +(plan !== undefined) + +(severity !== undefined) + +(at !== undefined) + +(calendar !== undefined) +
      +(account !== undefined) + +(channel !== undefined) + +(language !== undefined) + +(facts !== undefined) + +(version !== undefined);
    if (countKeys(fields) !== given) {
      for (const key of Object.keys(fields)) if (!(REQUEST_KEYS as readonly string[]).includes(key)) problems.add('invalid_input', messages.unknownKey(key, REQUEST_KEYS), []);
    }
  } catch (error) {
    problems.unreadable(error, []);
    problems.throwIfAny();
  }
  if (typeof plan !== 'string') problems.add('invalid_input', plan === undefined ? 'Missing required plan id' : messages.expected('a plan id (a string)', plan), ['plan']);
  if (severity !== undefined && !Number.isInteger(severity)) problems.add('invalid_input', messages.expected('a severity level (a whole number)', severity) + severityHint(severity), ['severity']);
  let atMs: number | undefined;
  if (at === undefined) problems.add('invalid_instant', 'Missing required instant: when the case is opened', ['at']);
  else {
    try {
      atMs = toEpochMs(at as Instant, AT_PATH);
    } catch (error) {
      problems.caught(error);
    }
  }
  if (channel !== undefined && typeof channel !== 'string') problems.add('invalid_input', messages.expected('a channel name (a string)', channel), ['channel']);
  if (version !== undefined && typeof version !== 'string') problems.add('invalid_input', messages.expected('a version id (a string)', version), ['version']);
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE_TAG.test(language))) {
    problems.add('invalid_input', messages.expected('a BCP 47 language tag such as "en" or "en-US"', language), ['language']);
  }
  const compiledCalendar = calendar === undefined ? undefined : Calendar.is(calendar) ? calendar : readCalendar(calendar, holidayRegions, problems);
  const readAccount = account === undefined ? undefined : readAccountFields(account, problems);
  const readFacts = facts === undefined ? undefined : readFactFields(facts, problems);
  problems.throwIfAny();
  return {
    plan: plan as string,
    severity: severity as number | undefined,
    at: atMs as number,
    calendar: compiledCalendar,
    account: readAccount,
    channel: channel as string | undefined,
    language: language as string | undefined,
    facts: readFacts,
    version: version as string | undefined,
  };
}

// A calendar given as a spec: compiled with the policy's holiday source (or found in the spec
// cache), its problems under `calendar`.
function readCalendar(calendar: unknown, holidayRegions: HolidayRegions | undefined, problems: Problems): Calendar | undefined {
  return problems.try(() => withPathPrefix(['calendar'], () => compileCalendar(calendar, holidayRegions === undefined ? undefined : { holidayRegions })));
}

// Enumerable keys, own and inherited, counted without allocating: when the count equals
// the known fields given, there is no unknown key (a mismatch is looked at key by key).
function countKeys(object: object): number {
  let count = 0;
  // eslint-disable-next-line guard-for-in
  for (const _key in object) count++;
  return count;
}

// A severity typed as text ("1" from a form or a CSV) gets the number it meant.
function severityHint(value: unknown): string {
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? ` (write ${Number(value)}, not ${quoteValue(value)})` : '';
}

function readAccountFields(account: unknown, problems: Problems): RequestAccount | undefined {
  if (account === null || typeof account !== 'object' || isArray(account)) {
    problems.add('invalid_input', messages.expected('an account object { contract?, trialStart?, plans?, role?, contacts? }', account), ['account']);
    return undefined;
  }
  let contract: unknown;
  let trialStart: unknown;
  let plans: unknown;
  let role: unknown;
  let contacts: unknown;
  try {
    const fields = account as Record<string, unknown>;
    contract = fields.contract;
    trialStart = fields.trialStart;
    plans = fields.plans;
    role = fields.role;
    contacts = fields.contacts;
    const given = +(contract !== undefined) + +(trialStart !== undefined) + +(plans !== undefined) + +(role !== undefined) + +(contacts !== undefined);
    if (countKeys(fields) !== given) {
      for (const key of Object.keys(fields)) if (!(ACCOUNT_KEYS as readonly string[]).includes(key)) problems.add('invalid_input', messages.unknownKey(key, ACCOUNT_KEYS), ['account']);
    }
  } catch (error) {
    problems.unreadable(error, ['account']);
    return undefined;
  }
  // Which statuses exist is the policy's to say (checkAgainstVersion); here only the shape.
  if (contract !== undefined && typeof contract !== 'string') problems.add('invalid_input', messages.expected('a contract status (a string)', contract), ['account', 'contract']);
  let trialMs: number | undefined;
  if (trialStart !== undefined) {
    try {
      trialMs = toEpochMs(trialStart as Instant, ['account', 'trialStart']);
    } catch (error) {
      problems.caught(error);
    }
  }
  const planList = plans === undefined ? undefined : readPlanIds(plans, problems);
  if (role !== undefined && typeof role !== 'string') problems.add('invalid_input', messages.expected('a role (a string)', role), ['account', 'role']);
  if (contacts !== undefined && (!Number.isSafeInteger(contacts) || (contacts as number) < 0)) {
    problems.add('invalid_input', messages.expected('a number of named contacts (a whole number, 0 or more)', contacts), ['account', 'contacts']);
  }
  return { contract: contract as ContractStatus | undefined, trialStart: trialMs, plans: planList, role: role as string | undefined, contacts: contacts as number | undefined };
}

function readPlanIds(plans: unknown, problems: Problems): string[] | undefined {
  if (!isArray(plans) || plans.length > 1000) {
    problems.add('invalid_input', messages.expected('an array of plan ids', plans), ['account', 'plans']);
    return undefined;
  }
  const list: string[] = [];
  problems.read(['account', 'plans'], () => {
    for (let index = 0; index < plans.length; index++) {
      const id: unknown = plans[index];
      if (typeof id === 'string') list.push(id);
      else problems.add('invalid_input', messages.expected('a plan id (a string)', id), ['account', 'plans', index]);
    }
  });
  return list;
}

function readFactFields(facts: unknown, problems: Problems): Record<string, string | number | boolean> | undefined {
  if (facts === null || typeof facts !== 'object' || isArray(facts)) {
    problems.add('invalid_input', messages.expected('an object of facts { name: string | number | boolean }', facts), ['facts']);
    return undefined;
  }
  const copy: Record<string, string | number | boolean> = {};
  const read = problems.read(['facts'], () => {
    const keys = Object.keys(facts);
    if (keys.length > 1000) throw new SlaclockError('input_too_large', `Expected at most 1000 facts, got ${keys.length}`, ['facts']);
    for (const key of keys) {
      const value = (facts as Record<string, unknown>)[key];
      if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
        Object.defineProperty(copy, key, { value, enumerable: true, writable: false, configurable: false });
      } else {
        problems.add('invalid_input', messages.expected('a string, a number or a boolean', value), ['facts', key]);
      }
    }
  });
  return read ? copy : undefined;
}

/**
 * @internal Checks a request's values against the version in force: the plan and the
 * account's plans are plan ids of the version, the severity is one it defines, the
 * channel one of its channels, a role or a fact name close to (but not equal to) a
 * listed one is a typo, and facts the policy reads are of the kind it compares them with.
 */
export function checkAgainstVersion(fields: RequestFields, rules: RequestRules, versionId: string, planAndSeverityKnown: boolean): void {
  if (!planAndSeverityKnown || !fitsVersion(fields, rules)) reportAgainstVersion(fields, rules, versionId);
}

// The slow path, apart so that the common call allocates nothing: every problem, thrown at once.
function reportAgainstVersion(fields: RequestFields, rules: RequestRules, versionId: string): void {
  const problems = new Problems();
  const { planIds, levels } = rules;
  if (!planIds.includes(fields.plan)) {
    problems.notOneOf('unknown_plan', planIds, fields.plan, ['plan'], ` (the plans of version ${quoteValue(versionId)})`);
  }
  if (fields.severity !== undefined && !levels.includes(fields.severity)) {
    problems.notOneOf('unknown_severity', levels, fields.severity, ['severity']);
  }
  if (fields.channel !== undefined && !rules.channels.includes(fields.channel)) {
    problems.notOneOf('unknown_channel', rules.channels, fields.channel, ['channel']);
  }
  const account = fields.account;
  if (account !== undefined) {
    if (account.contract !== undefined && !rules.contracts.includes(account.contract)) {
      problems.notOneOf('invalid_input', rules.contracts, account.contract, ['account', 'contract']);
    }
    account.plans?.forEach((id, index) => {
      if (!rules.anyPlanIds.includes(id)) problems.notOneOf('unknown_plan', rules.anyPlanIds, id, ['account', 'plans', index]);
    });
    const roles = rules.roles;
    if (roles !== undefined && account.role !== undefined && !roles.includes(account.role) && closestMatch(account.role, roles) !== undefined) {
      problems.notOneOf('invalid_input', roles, account.role, ['account', 'role'], '; another role is not eligible, but a misspelt one is an error');
    }
  }
  if (fields.facts !== undefined) {
    for (const key of Object.keys(fields.facts)) {
      const kind = rules.facts.get(key);
      const value = fields.facts[key];
      if (kind === undefined) {
        // Facts are open-ended (a ticket carries facts for many vendors' policies); one the
        // policy does not read is ignored, unless it is a misspelling of one it does.
        const known = [...rules.facts.keys()];
        const meant = closestMatch(key, known);
        if (meant !== undefined) problems.add('invalid_input', `Unknown fact ${quoteValue(key)} (did you mean ${JSON.stringify(meant)}?)`, ['facts']);
      } else if (kind === 'instant') {
        problems.try(() => toEpochMs(value as Instant, ['facts', key]));
      } else if (kind !== 'any' && typeof value !== kind) {
        problems.add('invalid_input', messages.expected(`a ${kind}`, value), ['facts', key]);
      }
    }
  }
  problems.throwIfAny();
}

// The common case, answered without allocating: everything named exists in the version
// (the plan and the severity were found by the caller, looking them up).
function fitsVersion(fields: RequestFields, rules: RequestRules): boolean {
  const { account } = fields;
  return (
    (fields.channel === undefined || rules.channels.includes(fields.channel)) &&
    fields.facts === undefined &&
    (account === undefined || (account.plans === undefined && (account.contract === undefined || rules.contracts.includes(account.contract)) && (account.role === undefined || rules.roles === undefined || rules.roles.includes(account.role))))
  );
}
