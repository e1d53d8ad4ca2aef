// Golden tests of the built-in catalog: every plan x severity cell of every table
// in the five vendor pages, at instants a person can check with a calendar. Each
// expected deadline is derived by hand in the comment beside it, from the page's
// words and the interpretation recorded in src/catalog (docs/policies.md). None is
// copied from the code's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cirrusIdentityPolicy, compileCalendar, compilePolicy, evaluate, getPolicy, jumpcloudLegacyPolicy, jumpcloudPolicy, oneIdentityPolicy, sailpointIdentityNowPolicy, withContract, type CalendarSpec, type Condition, type Decision, type PolicySpec, type SupportRequest } from '../src/index.js';
import { holidayRegions } from '../src/regions/index.js';
import { CATALOG } from '../src/catalog/index.js';
import { policySchema } from '../src/policy/schema.js';
import { policyShape } from '../src/policy/shape.js';
import { issuesOf } from '../src/util/checks.js';
import { safeParseWith } from './support/zodBridge.js';

/** The first response of an eligible decision, failing the test when there is none. */
function firstResponseOf(decision: Decision) {
  expect(decision.eligible).toBe(true);
  expect(decision.firstResponse).not.toBeNull();
  return decision.firstResponse as NonNullable<Decision['firstResponse']>;
}

/** Asserts the deadline as written (ISO with the clock zone's offset) and as epoch ms. */
function expectDeadline(decision: Decision, clock: string, deadline: string): void {
  const response = firstResponseOf(decision);
  expect(response.clock).toBe(clock);
  expect(response.deadline).toBe(deadline);
  expect(response.deadlineMs).toBe(Date.parse(deadline));
}

/** Asserts an ineligible decision: no deadline, and a denying reason with this code. */
function expectDenied(decision: Decision, code: string, clauseText?: string): void {
  expect(decision.eligible).toBe(false);
  expect(decision.firstResponse).toBeNull();
  const denials = decision.reasons.filter((reason) => reason.effect === 'deny');
  expect(denials.map((reason) => reason.code)).toContain(code);
  for (const reason of denials) expect(reason.message.length).toBeGreaterThan(0);
  if (clauseText !== undefined) {
    expect(denials.some((reason) => reason.clause?.text.includes(clauseText) ?? false)).toBe(true);
  }
}

const ids = (decision: Decision) => decision.interpretations.map((note) => note.id);

/** The fact names a condition reads, in any of its forms. */
function factsOf(condition: Condition): string[] {
  const record = condition as Record<string, unknown>;
  if (Array.isArray(record.all ?? record.any)) return ((record.all ?? record.any) as Condition[]).flatMap(factsOf);
  if (record.not !== undefined) return factsOf(record.not as Condition);
  if (typeof record.fact === 'string') return [record.fact];
  return Object.keys(record);
}

describe('the catalog', () => {
  it('holds the five policies in order', () => {
    expect(CATALOG.map((policy) => policy.id)).toEqual(['jumpcloud', 'jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow']);
    for (const policy of CATALOG) expect(getPolicy(policy.id).id).toBe(policy.id);
  });

  it('exports each policy by name as the object getPolicy returns, deep-frozen', () => {
    const byName = { jumpcloud: jumpcloudPolicy, 'jumpcloud-legacy': jumpcloudLegacyPolicy, 'one-identity': oneIdentityPolicy, 'cirrus-identity': cirrusIdentityPolicy, 'sailpoint-identitynow': sailpointIdentityNowPolicy };
    for (const [id, policy] of Object.entries(byName)) {
      expect(policy.id).toBe(id);
      expect(getPolicy(id)).toBe(policy);
      expect(Object.isFrozen(policy) && Object.isFrozen(policy.versions) && Object.isFrozen(policy.versions[0]?.plans[0])).toBe(true);
    }
  });

  it('every built-in policy passes the policy shape and the zod schema of the JSON Schema (compilePolicy trusts them and skips the check)', () => {
    for (const policy of CATALOG) {
      expect(issuesOf(policyShape, policy), policy.id).toEqual([]);
      const result = safeParseWith(policySchema(), policy);
      expect(result.success ? [] : result.issues, policy.id).toEqual([]);
    }
    // The shape is what compilePolicy checks any other policy with: a copy with one bad field fails.
    const broken = { ...structuredClone(CATALOG[0]), vendor: 42 };
    expect(issuesOf(policyShape, broken)).toHaveLength(1);
    expect(safeParseWith(policySchema(), broken).success).toBe(false);
    expect(() => compilePolicy(broken as never)).toThrow(expect.objectContaining({ code: 'invalid_input', path: ['vendor'] }));
  });

  it('quotes a sentence for every plan, target, scope rule, route and interpretation', () => {
    for (const policy of CATALOG) {
      for (const version of policy.versions) {
        const clauses = [
          ...version.plans.flatMap((plan) => [plan.clause, ...Object.values(plan.targets).flatMap((target) => (target ? [target.clause] : []))]),
          ...(version.scope ?? []).map((rule) => rule.clause),
          ...(version.routing?.rules ?? []).map((rule) => rule.clause),
          ...(version.interpretations ?? []).map((note) => note.clause),
        ];
        for (const clause of clauses) {
          expect(clause.source.length).toBeGreaterThan(0);
          expect(clause.text.length).toBeGreaterThan(0);
        }
        const noteIds = (version.interpretations ?? []).map((note) => note.id);
        expect(new Set(noteIds).size).toBe(noteIds.length);
      }
    }
  });

  it('never lets a published figure go unquoted: each duration target quotes its figure', () => {
    const words: Record<string, string> = { PT30M: '1/2 hour', PT1H: '1 hour', PT2H: '2 hours', PT4H: '4 hours', PT8H: '8 hours' };
    for (const policy of CATALOG) {
      for (const version of policy.versions) {
        for (const plan of version.plans) {
          for (const target of Object.values(plan.targets)) {
            if (target && 'duration' in target) expect(target.clause.text).toContain(words[target.duration]);
            if (target && 'businessDays' in target) expect(target.clause.text.toLowerCase()).toContain('business day');
          }
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------
// JumpCloud, current tiers page (in force from 2023-01-01, an interpretation).
// Standard runs on jumpcloud-business-hours: Mon-Fri 09:00-17:00 America/Denver,
// closed on U.S. federal holidays. Denver is on MDT (UTC-6) until Sunday
// 2026-11-01 02:00, then MST (UTC-7). Premium runs round the clock (UTC zone).
// ---------------------------------------------------------------------------

/** Tuesday morning; no holiday until Thanksgiving, Thursday 11-26. */
const DENVER_WEEKDAY = '2026-11-24T10:00-07:00'; // 17:00Z
/** Friday 16:30 before Labor Day (Monday 2026-09-07). */
const DENVER_LABOR_DAY_FRIDAY = '2026-09-04T16:30-06:00'; // 22:30Z
/** A Saturday morning. */
const DENVER_SATURDAY = '2026-11-21T10:00-07:00'; // 17:00Z
/** Saturday 23:30 MDT, two and a half hours before Denver falls back (Sun 02:00 MDT = 08:00Z -> 01:00 MST). */
const DENVER_FALL_BACK = '2026-10-31T23:30-06:00'; // 2026-11-01T05:30Z

const jumpcloud = getPolicy('jumpcloud');
const paid = { contract: 'active' } as const;

describe('JumpCloud Standard: 4 hours, 8 hours, next business day, on JumpCloud business hours', () => {
  it.each([
    // Severity 1, "4 hours" of business time.
    ['sev 1, Tuesday morning', DENVER_WEEKDAY, 1, '2026-11-24T14:00:00.000-07:00'], // Tue 10:00 + 4h = 14:00 MST = 21:00Z
    ['sev 1, Friday 16:30 before Labor Day', DENVER_LABOR_DAY_FRIDAY, 1, '2026-09-08T12:30:00.000-06:00'], // 30 min Friday; Sat, Sun closed; Mon Sep 7 Labor Day closed; Tue 09:00 + 3h30 = 12:30 MDT = 18:30Z
    ['sev 1, Saturday', DENVER_SATURDAY, 1, '2026-11-23T13:00:00.000-07:00'], // closed until Mon 09:00; + 4h = 13:00 MST = 20:00Z
    ['sev 1, Saturday night before the fall-back', DENVER_FALL_BACK, 1, '2026-11-02T13:00:00.000-07:00'], // closed until Mon Nov 2 09:00, now MST; + 4h = 13:00 MST = 20:00Z
    // Severity 2, "8 hours" of business time: one full business day of open time.
    ['sev 2, Tuesday morning', DENVER_WEEKDAY, 2, '2026-11-25T10:00:00.000-07:00'], // Tue 10:00-17:00 = 7h; Wed 09:00 + 1h = 10:00 MST = 17:00Z
    ['sev 2, Friday 16:30 before Labor Day', DENVER_LABOR_DAY_FRIDAY, 2, '2026-09-08T16:30:00.000-06:00'], // 30 min Friday; Labor Day closed; Tue 09:00 + 7h30 = 16:30 MDT = 22:30Z
    ['sev 2, Saturday', DENVER_SATURDAY, 2, '2026-11-23T17:00:00.000-07:00'], // Mon 09:00 + 8h = 17:00 MST (the earliest instant: the close itself) = Nov 24 00:00Z
    ['sev 2, Saturday night before the fall-back', DENVER_FALL_BACK, 2, '2026-11-02T17:00:00.000-07:00'], // Mon Nov 2 09:00 MST + 8h = 17:00 MST = Nov 3 00:00Z
    // Severity 3, "Next business day": by 17:00 of the first business day after the request's date (end-of-day).
    ['sev 3, Tuesday morning', DENVER_WEEKDAY, 3, '2026-11-25T17:00:00.000-07:00'], // next business day Wed Nov 25, 17:00 MST = Nov 26 00:00Z
    ['sev 3, Friday 16:30 before Labor Day', DENVER_LABOR_DAY_FRIDAY, 3, '2026-09-08T17:00:00.000-06:00'], // Sat, Sun, Labor Day Mon are not business days; Tue Sep 8 17:00 MDT = 23:00Z
    ['sev 3, Saturday', DENVER_SATURDAY, 3, '2026-11-23T17:00:00.000-07:00'], // Sunday is not a business day; Mon Nov 23 17:00 MST
    ['sev 3, Saturday night before the fall-back', DENVER_FALL_BACK, 3, '2026-11-02T17:00:00.000-07:00'], // Sunday Nov 1 is not a business day; Mon Nov 2 17:00 MST = Nov 3 00:00Z
    // The day before Thanksgiving (Thu 2026-11-26, a federal holiday).
    ['sev 1, Wednesday 15:00 before Thanksgiving', '2026-11-25T15:00-07:00', 1, '2026-11-27T11:00:00.000-07:00'], // Wed 15:00-17:00 = 2h; Thu closed; Fri 09:00 + 2h = 11:00 MST
    ['sev 3, Wednesday 15:00 before Thanksgiving', '2026-11-25T15:00-07:00', 3, '2026-11-27T17:00:00.000-07:00'], // Thursday is a holiday: the next business day is Fri Nov 27, 17:00 MST
  ] as const)('%s', (_label, at, severity, deadline) => {
    const decision = evaluate(jumpcloud, { plan: 'standard', severity, at, account: paid });
    expect(decision.version).toBe('current');
    expect(decision.severity).toBe(severity);
    expect(decision.channels).toEqual({ available: ['help-center', 'email'], required: null });
    expectDeadline(decision, 'jumpcloud-business-hours', deadline);
  });

  it('records the business-hours readings it relies on', () => {
    const sev1 = evaluate(jumpcloud, { plan: 'standard', severity: 1, at: DENVER_WEEKDAY, account: paid });
    expect(ids(sev1)).toEqual(expect.arrayContaining(['jumpcloud.standard-business-hours', 'jumpcloud.regional-holidays', 'jumpcloud.standard-hours-are-business-hours']));
    const sev3 = evaluate(jumpcloud, { plan: 'standard', severity: 3, at: DENVER_WEEKDAY, account: paid });
    expect(ids(sev3)).toContain('jumpcloud.next-business-day');
    expect(ids(sev3)).not.toContain('jumpcloud.standard-hours-are-business-hours');
  });
});

describe('JumpCloud Premium: 1, 2 and 4 hours, 24x7x365', () => {
  it.each([
    ['sev 1, Tuesday morning', DENVER_WEEKDAY, 1, '2026-11-24T11:00:00.000-07:00'], // 17:00Z + 1h = 18:00Z, shown in Denver (MST, -07:00): 11:00
    ['sev 1, Friday before Labor Day', DENVER_LABOR_DAY_FRIDAY, 1, '2026-09-04T17:30:00.000-06:00'], // 22:30Z + 1h = 23:30Z = 17:30 MDT; holidays do not stop the clock
    ['sev 1, Saturday', DENVER_SATURDAY, 1, '2026-11-21T11:00:00.000-07:00'], // 17:00Z + 1h = 18:00Z = 11:00 MST
    ['sev 1, across the fall-back night', DENVER_FALL_BACK, 1, '2026-11-01T00:30:00.000-06:00'], // 05:30Z + 1h = 06:30Z = Sun 00:30 MDT (fall-back is at 08:00Z)
    ['sev 2, Tuesday morning', DENVER_WEEKDAY, 2, '2026-11-24T12:00:00.000-07:00'], // 17:00Z + 2h = 19:00Z = 12:00 MST
    ['sev 2, Friday before Labor Day', DENVER_LABOR_DAY_FRIDAY, 2, '2026-09-04T18:30:00.000-06:00'], // 22:30Z + 2h = 00:30Z = Fri 18:30 MDT
    ['sev 2, Saturday', DENVER_SATURDAY, 2, '2026-11-21T12:00:00.000-07:00'], // 17:00Z + 2h = 19:00Z = 12:00 MST
    ['sev 2, across the fall-back night', DENVER_FALL_BACK, 2, '2026-11-01T01:30:00.000-06:00'], // 05:30Z + 2h = 07:30Z = 01:30 MDT, the first of the two 01:30s
    ['sev 3, Tuesday morning', DENVER_WEEKDAY, 3, '2026-11-24T14:00:00.000-07:00'], // 17:00Z + 4h = 21:00Z = 14:00 MST
    ['sev 3, Friday before Labor Day', DENVER_LABOR_DAY_FRIDAY, 3, '2026-09-04T20:30:00.000-06:00'], // 22:30Z + 4h = 02:30Z = Fri 20:30 MDT
    ['sev 3, Saturday', DENVER_SATURDAY, 3, '2026-11-21T14:00:00.000-07:00'], // 17:00Z + 4h = 21:00Z = 14:00 MST
    ['sev 3, across the fall-back night', DENVER_FALL_BACK, 3, '2026-11-01T02:30:00.000-07:00'], // 05:30Z + 4 elapsed hours = 09:30Z = 02:30 MST, only 3 wall-clock hours after 23:30 MDT
  ] as const)('%s', (_label, at, severity, deadline) => {
    const decision = evaluate(jumpcloud, { plan: 'premium', severity, at, account: paid });
    expect(decision.channels.available).toEqual(['help-center', 'email', 'chat', 'phone']);
    expectDeadline(decision, 'round-the-clock', deadline);
    expect(ids(decision)).toContain('jumpcloud.premium-24x7x365');
  });

  it('is never slower than Standard at the same instant', () => {
    for (const at of [DENVER_WEEKDAY, DENVER_LABOR_DAY_FRIDAY, DENVER_SATURDAY, DENVER_FALL_BACK]) {
      for (const severity of [1, 2, 3]) {
        const premium = firstResponseOf(evaluate(jumpcloud, { plan: 'premium', severity, at, account: paid }));
        const standard = firstResponseOf(evaluate(jumpcloud, { plan: 'standard', severity, at, account: paid }));
        expect(premium.deadlineMs).toBeLessThanOrEqual(standard.deadlineMs);
      }
    }
  });
});

describe('JumpCloud 30-day free trial: 24x7 help, no published targets', () => {
  // Signup Tue 2026-11-10 12:00 MST; day 30 ends Thu 2026-12-10 12:00 MST.
  const trial = { contract: 'trial', trialStart: '2026-11-10T12:00-07:00' } as const;

  it.each([1, 2, 3])('severity %i: eligible within the 30 days, with no deadline', (severity) => {
    for (const at of [DENVER_WEEKDAY, DENVER_SATURDAY]) {
      const decision = evaluate(jumpcloud, { plan: 'free-trial', severity, at, account: trial });
      expect(decision.eligible).toBe(true);
      expect(decision.firstResponse).toBeNull();
      expect(decision.channels.available).toEqual(['help-center', 'email', 'chat']);
      expect(ids(decision)).toEqual(expect.arrayContaining(['jumpcloud.free-trial-no-targets', 'jumpcloud.free-trial-30-days']));
    }
  });

  it('day 29 is covered, day 31 is not', () => {
    expect(evaluate(jumpcloud, { plan: 'free-trial', severity: 1, at: '2026-12-09T12:00-07:00', account: trial }).eligible).toBe(true);
    const late = evaluate(jumpcloud, { plan: 'free-trial', severity: 1, at: '2026-12-11T12:00-07:00', account: trial });
    expectDenied(late, 'trial_expired', '30 days');
  });

  it('a paid contract is not a trial', () => {
    expectDenied(evaluate(jumpcloud, { plan: 'free-trial', severity: 2, at: DENVER_WEEKDAY, account: { contract: 'active', trialStart: '2026-11-10T12:00-07:00' } }), 'contract_not_eligible');
  });
});

describe('JumpCloud eligibility (current page)', () => {
  it('a lapsed paid plan gets no deadline', () => {
    expectDenied(evaluate(jumpcloud, { plan: 'standard', severity: 1, at: DENVER_WEEKDAY, account: { contract: 'lapsed' } }), 'contract_not_eligible', 'paid plan');
    expectDenied(evaluate(jumpcloud, { plan: 'premium', severity: 1, at: DENVER_WEEKDAY, account: { contract: 'none' } }), 'contract_not_eligible', 'paid plan');
  });

  it('support never changes a password, and deletes an account only for a verified identity', () => {
    expectDenied(evaluate(jumpcloud, { plan: 'premium', severity: 2, at: DENVER_WEEKDAY, account: paid, facts: { passwordChange: true } }), 'out_of_scope', 'change your password');
    expectDenied(
      evaluate(jumpcloud, { plan: 'premium', severity: 2, at: DENVER_WEEKDAY, account: paid, facts: { accountDeletion: true, identityVerified: false } }),
      'out_of_scope',
      'verify your identity',
    );
    const verified = evaluate(jumpcloud, { plan: 'premium', severity: 2, at: DENVER_WEEKDAY, account: paid, facts: { accountDeletion: true, identityVerified: true } });
    expectDeadline(verified, 'round-the-clock', '2026-11-24T12:00:00.000-07:00'); // 17:00Z + 2h = 19:00Z = 12:00 MST (Denver, the policy's zone)
  });
});

describe('JumpCloud "Regional Holidays Excluded": both readings, the caller chooses', () => {
  it('built in: Denver hours and U.S. holidays; with one withContract call: the customer\'s own hours', () => {
    // Mon 2026-11-23 10:00 CET = 09:00Z = 02:00 MST. Denver opens at 09:00 MST = 16:00Z = 17:00 CET; + 4 h = 21:00 CET.
    const denver = evaluate(jumpcloud, { plan: 'standard', severity: 1, at: '2026-11-23T10:00+01:00', account: { contract: 'active' } });
    expect(denver.firstResponse?.deadlineMs).toBe(Date.parse('2026-11-23T21:00+01:00'));
    expect(ids(denver)).toContain('jumpcloud.regional-holidays');
    // Reading (b): the customer's region. Berlin 09:00-17:00: Mon 10:00 + 4 h = 14:00 CET.
    const contract = { source: 'Reading jumpcloud.regional-holidays (b)', text: 'Regional Holidays Excluded' };
    const regional = withContract(getPolicy('jumpcloud'), { clause: contract, plans: { standard: { coverage: { default: 'customer' } } } });
    const berlin = evaluate(regional, { plan: 'standard', severity: 1, at: '2026-11-23T10:00+01:00', calendar: BAVARIA, account: { contract: 'active' } });
    expect(berlin.firstResponse?.deadline).toBe('2026-11-23T14:00:00.000+01:00');
  });
});

describe('JumpCloud versions: the legacy page before 2023-01-01 (Denver), the tiers page from then on', () => {
  const account = { contract: 'active', role: 'administrator' } as const;

  it('the versions switch at midnight in the policy\'s own zone, not at UTC midnight', () => {
    // New Year's Eve 2022, 17:00 MST = 2023-01-01T00:00Z: still 2022 in Denver, so legacy.
    const eve = evaluate(jumpcloud, { plan: 'standard', severity: 1, at: '2022-12-31T17:00-07:00', account, language: 'en' });
    expect(eve.version).toBe('legacy');
    expect(eve.firstResponse).toBeNull(); // the legacy page publishes no figures
    expect(eve.eligible).toBe(true);
    const lastMinute = evaluate(jumpcloud, { plan: 'standard', severity: 1, at: '2022-12-31T23:59-07:00', account, language: 'en' });
    expect(lastMinute.version).toBe('legacy');
    const after = evaluate(jumpcloud, { plan: 'standard', severity: 1, at: '2023-01-01T00:00-07:00', account: { contract: 'active' } });
    expect(after.version).toBe('current');
    // Sun 2023-01-01 00:00 MST; Mon 2023-01-02 is New Year's Day observed (Jan 1 is a Sunday);
    // Tue Jan 3 09:00 + 4h = 13:00 MST = 20:00Z.
    expectDeadline(after, 'jumpcloud-business-hours', '2023-01-03T13:00:00.000-07:00');
  });

  it('a 2022 Premium request is decided under the page that defines Premium, with a note, never an exception', () => {
    // Tue 2022-11-22 10:00 MST: the legacy page is in force and has no Premium plan.
    const decision = evaluate(jumpcloud, { plan: 'premium', severity: 1, at: '2022-11-22T10:00-07:00', account: { contract: 'active' } });
    expect(decision.version).toBe('current');
    expect(decision.reasons.map((reason) => reason.code)).toContain('plan_not_in_version');
    // Premium severity 1: 1 hour round the clock: 17:00Z + 1h = 18:00Z = 11:00 MST.
    expectDeadline(decision, 'round-the-clock', '2022-11-22T11:00:00.000-07:00');
    // A caller who knows which page applied pins it; an unknown version id is a typed error with a suggestion.
    expect(evaluate(jumpcloud, { plan: 'standard', severity: 1, at: '2026-11-24T10:00-07:00', version: 'legacy' }).version).toBe('legacy');
    expect(() => evaluate(jumpcloud, { plan: 'standard', at: '2026-11-24T10:00-07:00', version: 'curent' })).toThrow(/Unknown version "curent".*did you mean "current"/);
  });
});

// ---------------------------------------------------------------------------
// JumpCloud legacy page alone: eligibility and scope, no response figures.
// ---------------------------------------------------------------------------

describe('JumpCloud legacy page', () => {
  const legacy = getPolicy('jumpcloud-legacy');
  const admin = (contract: 'active' | 'trial' | 'none' | 'lapsed') => ({ contract, role: 'administrator' });
  const WEEKDAY_2021 = '2021-06-08T10:00-06:00'; // any instant: the page is undated

  it.each([
    ['free', 'none'],
    ['free', 'lapsed'],
    ['jumpstart', 'trial'],
    ['standard', 'active'],
  ] as const)('%s (%s contract): eligible at every severity, no published target', (plan, contract) => {
    for (const severity of [1, 2, 3]) {
      for (const at of [WEEKDAY_2021, DENVER_WEEKDAY, DENVER_SATURDAY]) {
        const decision = evaluate(legacy, { plan, severity, at, account: admin(contract), language: 'en' });
        expect(decision.version).toBe('legacy');
        expect(decision.eligible).toBe(true);
        expect(decision.firstResponse).toBeNull();
        expect(decision.channels.available).toEqual(['email', 'knowledge-base']);
        expect(ids(decision)).toContain('jumpcloud-legacy.no-targets');
      }
    }
  });

  it('only administrators may open a case', () => {
    expectDenied(evaluate(legacy, { plan: 'standard', severity: 2, at: DENVER_WEEKDAY, account: { contract: 'active', role: 'user' } }), 'role_not_allowed', 'active Administrators');
  });

  it('support is in English only', () => {
    // The denial cites the English-only sentence, not the administrators one.
    expectDenied(evaluate(legacy, { plan: 'standard', severity: 2, at: DENVER_WEEKDAY, account: admin('active'), language: 'de' }), 'language_not_supported', 'languages other than English');
    expect(evaluate(legacy, { plan: 'standard', severity: 2, at: DENVER_WEEKDAY, account: admin('active'), language: 'en-US' }).eligible).toBe(true);
  });

  it('a lapsed contract is a free account, not a paying one', () => {
    expectDenied(evaluate(legacy, { plan: 'standard', severity: 1, at: DENVER_WEEKDAY, account: admin('lapsed') }), 'contract_not_eligible');
  });

  it.each([
    ['end users', { endUser: true }, 'End-user support'],
    ['on-boarding a free account', { onboardingForFreeAccount: true }, 'for free accounts'],
    ['customizations', { customization: true }, 'Product customizations'],
    ['unsupported protocols', { unsupportedProtocol: true }, 'unsupported protocols'],
    ['professional services', { professionalServices: true }, 'Professional services'],
    ['third-party resources', { thirdPartyResource: true }, 'third-party resources'],
    ['End of Life systems (until updated)', { endOfLifeSystem: true }, 'End of Life'],
    ['adding someone to a resource', { resourceAccessGrant: true }, 'added to a resource'],
  ] as const)('%s are not supported', (_label, facts, quote) => {
    expectDenied(evaluate(legacy, { plan: 'standard', severity: 2, at: DENVER_WEEKDAY, account: admin('active'), language: 'en', facts }), 'out_of_scope', quote);
  });

  it('the same page is the jumpcloud policy before 2023', () => {
    const viaJumpcloud = evaluate(jumpcloud, { plan: 'free', severity: 3, at: WEEKDAY_2021, account: admin('none'), facts: { endUser: true } });
    expect(viaJumpcloud.version).toBe('legacy');
    expectDenied(viaJumpcloud, 'out_of_scope', 'End-user support');
  });
});

// ---------------------------------------------------------------------------
// One Identity. Standard (and 24x7 below severity 1) run on the customer's local
// business hours: the request's calendar. Here a Bavarian office, Mon-Fri
// 09:00-17:00 Europe/Berlin with DE-BY public holidays. Berlin is on CEST (UTC+2)
// until Sun 2026-10-25 03:00, then CET (UTC+1). 2026: Good Friday Apr 3 and
// Easter Monday Apr 6 are public holidays in Bavaria.
// ---------------------------------------------------------------------------

const BAVARIA = compileCalendar(
  {
    timezone: 'Europe/Berlin',
    week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    holidays: [{ region: 'DE-BY' }],
  },
  { holidayRegions },
);
const NEW_YORK: CalendarSpec = {
  timezone: 'America/New_York',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: [{ preset: 'us-federal' }],
};

/** Tuesday morning in Munich; no holiday that week. */
const BERLIN_WEEKDAY = '2026-11-24T10:00+01:00'; // 09:00Z
/** Maundy Thursday 16:30, before Good Friday, the Easter weekend and Easter Monday: next opening Tue Apr 7 09:00 CEST. */
const BERLIN_EASTER_THURSDAY = '2026-04-02T16:30+02:00'; // 14:30Z
/** A Saturday morning. */
const BERLIN_SATURDAY = '2026-11-21T10:00+01:00'; // 09:00Z
/** Saturday 23:30 CEST, before Berlin falls back (Sun 03:00 CEST = 01:00Z -> 02:00 CET); next opening Mon Oct 26 09:00 CET. */
const BERLIN_FALL_BACK = '2026-10-24T23:30+02:00'; // 21:30Z

const oneIdentity = getPolicy('one-identity');
const channelFor = (severity: number) => (severity === 1 ? 'phone' : 'portal');

type Row = readonly [label: string, at: string, severity: number, clock: string, deadline: string];

/** Standard's cells, which 24x7 shares for severities 2-4 (the customer clock). */
const STANDARD_ROWS: readonly Row[] = [
  // Severity 1, "Within 1 hour" of local business time.
  ['sev 1, Tuesday morning', BERLIN_WEEKDAY, 1, 'customer', '2026-11-24T11:00:00.000+01:00'], // 10:00 + 1h
  ['sev 1, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 1, 'customer', '2026-04-07T09:30:00.000+02:00'], // 30 min Thu; Good Fri, Sat, Sun, Easter Mon closed; Tue 09:00 + 30 min
  ['sev 1, Saturday', BERLIN_SATURDAY, 1, 'customer', '2026-11-23T10:00:00.000+01:00'], // Mon 09:00 + 1h
  ['sev 1, Saturday night before the fall-back', BERLIN_FALL_BACK, 1, 'customer', '2026-10-26T10:00:00.000+01:00'], // Mon 09:00 CET + 1h = 09:00Z
  // Severity 2, "Within 2 hours".
  ['sev 2, Tuesday morning', BERLIN_WEEKDAY, 2, 'customer', '2026-11-24T12:00:00.000+01:00'], // 10:00 + 2h
  ['sev 2, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 2, 'customer', '2026-04-07T10:30:00.000+02:00'], // 30 min Thu; Tue 09:00 + 1h30
  ['sev 2, Saturday', BERLIN_SATURDAY, 2, 'customer', '2026-11-23T11:00:00.000+01:00'], // Mon 09:00 + 2h
  ['sev 2, Saturday night before the fall-back', BERLIN_FALL_BACK, 2, 'customer', '2026-10-26T11:00:00.000+01:00'], // Mon 09:00 CET + 2h
  // Severity 3, "Within 4 hours".
  ['sev 3, Tuesday morning', BERLIN_WEEKDAY, 3, 'customer', '2026-11-24T14:00:00.000+01:00'], // 10:00 + 4h
  ['sev 3, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 3, 'customer', '2026-04-07T12:30:00.000+02:00'], // 30 min Thu; Tue 09:00 + 3h30
  ['sev 3, Saturday', BERLIN_SATURDAY, 3, 'customer', '2026-11-23T13:00:00.000+01:00'], // Mon 09:00 + 4h
  ['sev 3, Saturday night before the fall-back', BERLIN_FALL_BACK, 3, 'customer', '2026-10-26T13:00:00.000+01:00'], // Mon 09:00 CET + 4h
  // Severity 4, "Within 1 Business Day": same wall time on the next business day, or the next opening if that is closed.
  ['sev 4, Tuesday morning', BERLIN_WEEKDAY, 4, 'customer', '2026-11-25T17:00:00.000+01:00'], // next business day Wed, by its 17:00 close
  ['sev 4, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 4, 'customer', '2026-04-07T17:00:00.000+02:00'], // Good Friday, Sat, Sun, Easter Monday are not business days; Tue Apr 7, by 17:00 CEST
  ['sev 4, Saturday', BERLIN_SATURDAY, 4, 'customer', '2026-11-23T17:00:00.000+01:00'], // Sunday is not a business day; Mon, by 17:00. See one-identity.within-1-business-day
  ['sev 4, Saturday night before the fall-back', BERLIN_FALL_BACK, 4, 'customer', '2026-10-26T17:00:00.000+01:00'], // next business day Mon Oct 26 (after the fall-back), by 17:00 CET
];

/** 24x7: severity 1 round the clock ("Within 1 hour", elapsed), the rest as Standard. */
const TWENTY_FOUR_SEVEN_ROWS: readonly Row[] = [
  ['sev 1, Tuesday morning', BERLIN_WEEKDAY, 1, 'round-the-clock', '2026-11-24T11:00:00.000+01:00'], // 09:00Z + 1h = 10:00Z, shown in the customer's Berlin (CET): 11:00
  ['sev 1, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 1, 'round-the-clock', '2026-04-02T17:30:00.000+02:00'], // 14:30Z + 1h = 15:30Z = 17:30 CEST; holidays do not stop the clock
  ['sev 1, Saturday', BERLIN_SATURDAY, 1, 'round-the-clock', '2026-11-21T11:00:00.000+01:00'], // 09:00Z + 1h = 10:00Z = 11:00 CET
  ['sev 1, Saturday night before the fall-back', BERLIN_FALL_BACK, 1, 'round-the-clock', '2026-10-25T00:30:00.000+02:00'], // 21:30Z + 1h = 22:30Z = Sun 00:30 CEST (fall-back at 01:00Z)
  ...STANDARD_ROWS.filter((row) => row[2] !== 1),
];

/** Premier on top of Standard: 1/2 hour, 1, 2 and 4 hours, all on the customer clock. */
const PREMIER_ON_STANDARD_ROWS: readonly Row[] = [
  ['sev 1, Tuesday morning', BERLIN_WEEKDAY, 1, 'customer', '2026-11-24T10:30:00.000+01:00'], // 10:00 + 30 min
  ['sev 1, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 1, 'customer', '2026-04-02T17:00:00.000+02:00'], // the last 30 min of Thursday: due at the close
  ['sev 1, Saturday', BERLIN_SATURDAY, 1, 'customer', '2026-11-23T09:30:00.000+01:00'], // Mon 09:00 + 30 min
  ['sev 1, Saturday night before the fall-back', BERLIN_FALL_BACK, 1, 'customer', '2026-10-26T09:30:00.000+01:00'], // Mon 09:00 CET + 30 min
  ['sev 2, Tuesday morning', BERLIN_WEEKDAY, 2, 'customer', '2026-11-24T11:00:00.000+01:00'], // 10:00 + 1h
  ['sev 2, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 2, 'customer', '2026-04-07T09:30:00.000+02:00'], // 30 min Thu; Tue 09:00 + 30 min
  ['sev 2, Saturday', BERLIN_SATURDAY, 2, 'customer', '2026-11-23T10:00:00.000+01:00'], // Mon 09:00 + 1h
  ['sev 2, Saturday night before the fall-back', BERLIN_FALL_BACK, 2, 'customer', '2026-10-26T10:00:00.000+01:00'], // Mon 09:00 CET + 1h
  ['sev 3, Tuesday morning', BERLIN_WEEKDAY, 3, 'customer', '2026-11-24T12:00:00.000+01:00'], // 10:00 + 2h
  ['sev 3, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 3, 'customer', '2026-04-07T10:30:00.000+02:00'], // 30 min Thu; Tue 09:00 + 1h30
  ['sev 3, Saturday', BERLIN_SATURDAY, 3, 'customer', '2026-11-23T11:00:00.000+01:00'], // Mon 09:00 + 2h
  ['sev 3, Saturday night before the fall-back', BERLIN_FALL_BACK, 3, 'customer', '2026-10-26T11:00:00.000+01:00'], // Mon 09:00 CET + 2h
  ['sev 4, Tuesday morning', BERLIN_WEEKDAY, 4, 'customer', '2026-11-24T14:00:00.000+01:00'], // 10:00 + 4h
  ['sev 4, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 4, 'customer', '2026-04-07T12:30:00.000+02:00'], // 30 min Thu; Tue 09:00 + 3h30
  ['sev 4, Saturday', BERLIN_SATURDAY, 4, 'customer', '2026-11-23T13:00:00.000+01:00'], // Mon 09:00 + 4h (sooner than Standard's Mon 17:00)
  ['sev 4, Saturday night before the fall-back', BERLIN_FALL_BACK, 4, 'customer', '2026-10-26T13:00:00.000+01:00'], // Mon 09:00 CET + 4h
];

/** Premier on top of 24x7: the half hour for severity 1 runs round the clock. */
const PREMIER_ON_24X7_ROWS: readonly Row[] = [
  ['sev 1, Tuesday morning', BERLIN_WEEKDAY, 1, 'round-the-clock', '2026-11-24T10:30:00.000+01:00'], // 09:00Z + 30 min = 09:30Z = 10:30 CET
  ['sev 1, Maundy Thursday 16:30', BERLIN_EASTER_THURSDAY, 1, 'round-the-clock', '2026-04-02T17:00:00.000+02:00'], // 14:30Z + 30 min = 15:00Z = 17:00 CEST
  ['sev 1, Saturday', BERLIN_SATURDAY, 1, 'round-the-clock', '2026-11-21T10:30:00.000+01:00'], // 09:00Z + 30 min = 09:30Z = 10:30 CET
  ['sev 1, Saturday night before the fall-back', BERLIN_FALL_BACK, 1, 'round-the-clock', '2026-10-25T00:00:00.000+02:00'], // 21:30Z + 30 min = 22:00Z = Sun 00:00 CEST
  ...PREMIER_ON_STANDARD_ROWS.filter((row) => row[2] !== 1),
];

describe('One Identity Standard: 1, 2, 4 hours and 1 business day, on local business hours', () => {
  it.each(STANDARD_ROWS)('%s', (_label, at, severity, clock, deadline) => {
    const decision = evaluate(oneIdentity, { plan: 'standard', severity, at, calendar: BAVARIA, account: { contract: 'active' }, channel: channelFor(severity) });
    expect(decision.channels).toEqual({ available: ['portal', 'phone', 'chat', 'community'], required: severity === 1 ? 'phone' : null });
    expectDeadline(decision, clock, deadline);
    expect(ids(decision)).toContain('one-identity.local-business-hours');
  });

  it('"Within 1 Business Day" records its reading', () => {
    const decision = evaluate(oneIdentity, { plan: 'standard', severity: 4, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: { contract: 'active' } });
    expect(ids(decision)).toContain('one-identity.within-1-business-day');
  });

  it('an American customer gets American hours and holidays (Labor Day weekend)', () => {
    const fridayNewYork = '2026-09-04T16:30-04:00'; // 20:30Z, before Labor Day Mon Sep 7
    const at = fridayNewYork;
    const request = { at, calendar: NEW_YORK, account: { contract: 'active' } } as const;
    // 30 min Friday; Sat, Sun, Labor Day closed; Tue 09:00 + 30 min = 09:30 EDT = 13:30Z.
    expectDeadline(evaluate(oneIdentity, { ...request, plan: 'standard', severity: 1, channel: 'phone' }), 'customer', '2026-09-08T09:30:00.000-04:00');
    // The first business day after Friday is Tue Sep 8 (Labor Day closed): by its 17:00 close.
    expectDeadline(evaluate(oneIdentity, { ...request, plan: 'standard', severity: 4 }), 'customer', '2026-09-08T17:00:00.000-04:00');
    // 24x7 severity 1: 20:30Z + 1h = 21:30Z, shown in the customer's New York zone (EDT): 17:30.
    expectDeadline(evaluate(oneIdentity, { ...request, plan: '24x7', severity: 1, channel: 'phone' }), 'round-the-clock', '2026-09-04T17:30:00.000-04:00');
    // Premier on Standard severity 1: the last 30 min of Friday, due at the 17:00 close.
    expectDeadline(
      evaluate(oneIdentity, { ...request, plan: 'premier', severity: 1, channel: 'phone', account: { contract: 'active', plans: ['standard', 'premier'] } }),
      'customer',
      '2026-09-04T17:00:00.000-04:00',
    );
  });

  it('the default severity is 3', () => {
    const decision = evaluate(oneIdentity, { plan: 'standard', at: BERLIN_WEEKDAY, calendar: BAVARIA, account: { contract: 'active' } });
    expect(decision.severity).toBe(3);
    expectDeadline(decision, 'customer', '2026-11-24T14:00:00.000+01:00'); // 10:00 + 4h
  });
});

describe('One Identity 24x7: round the clock for severity 1 only', () => {
  it.each(TWENTY_FOUR_SEVEN_ROWS)('%s', (_label, at, severity, clock, deadline) => {
    const decision = evaluate(oneIdentity, { plan: '24x7', severity, at, calendar: BAVARIA, account: { contract: 'active' }, channel: channelFor(severity) });
    expectDeadline(decision, clock, deadline);
    expect(ids(decision)).toContain('one-identity.24x7-severity-1-only');
  });
});

describe('One Identity Premier: 1/2, 1, 2, 4 hours on the clock of the contract it is added to', () => {
  it.each(PREMIER_ON_STANDARD_ROWS)('on Standard, %s', (_label, at, severity, clock, deadline) => {
    const decision = evaluate(oneIdentity, {
      plan: 'premier',
      severity,
      at,
      calendar: BAVARIA,
      account: { contract: 'active', plans: ['standard', 'premier'] },
      channel: channelFor(severity),
    });
    expectDeadline(decision, clock, deadline);
    expect(ids(decision)).toContain('one-identity.premier-base-plan');
  });

  it.each(PREMIER_ON_24X7_ROWS)('on 24x7, %s', (_label, at, severity, clock, deadline) => {
    const decision = evaluate(oneIdentity, {
      plan: 'premier',
      severity,
      at,
      calendar: BAVARIA,
      account: { contract: 'active', plans: ['24x7', 'premier'] },
      channel: channelFor(severity),
    });
    expectDeadline(decision, clock, deadline);
  });

  it('Premier on Standard is slower at night than 24x7 alone: recorded and flagged, not a tier inversion', () => {
    // Sat 2026-11-21 03:00 CET. 24x7 alone, severity 1: one elapsed hour, 04:00 CET.
    const saturdayNight = '2026-11-21T03:00+01:00';
    const alone = evaluate(oneIdentity, { plan: '24x7', severity: 1, at: saturdayNight, calendar: BAVARIA, account: { contract: 'active' }, channel: 'phone' });
    expectDeadline(alone, 'round-the-clock', '2026-11-21T04:00:00.000+01:00');
    // Premier on Standard: half an hour of Standard's business hours: Mon 2026-11-23 09:00 + 30 min = 09:30 CET.
    const premier = evaluate(oneIdentity, { plan: 'premier', severity: 1, at: saturdayNight, calendar: BAVARIA, account: { contract: 'active', plans: ['standard', 'premier'] }, channel: 'phone' });
    expectDeadline(premier, 'customer', '2026-11-23T09:30:00.000+01:00');
    expect(ids(premier)).toContain('one-identity.premier-on-standard');
  });

  it('without a Standard or 24x7 contract there is no Premier', () => {
    const decision = evaluate(oneIdentity, { plan: 'premier', severity: 2, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: { contract: 'active', plans: ['premier'] } });
    expectDenied(decision, 'base_plan_required', 'active Standard or 24x7');
  });
});

describe('One Identity trials: 30 days from registration, no published targets', () => {
  const trial = { contract: 'trial', trialStart: '2026-11-10T09:00+01:00' } as const; // day 1 is Tue 11-10, day 30 Wed 12-09: support ends Thu 2026-12-10 00:00 CET

  it.each([1, 2, 3, 4])('severity %i within the 30 days: eligible, no deadline', (severity) => {
    for (const at of [BERLIN_WEEKDAY, BERLIN_SATURDAY]) {
      const decision = evaluate(oneIdentity, { plan: 'trial', severity, at, calendar: BAVARIA, account: trial, channel: channelFor(severity) });
      expect(decision.eligible).toBe(true);
      expect(decision.firstResponse).toBeNull();
      expect(ids(decision)).toContain('one-identity.trial');
    }
  });

  it('after 30 days a trial case is not accepted', () => {
    expect(evaluate(oneIdentity, { plan: 'trial', severity: 3, at: '2026-12-09T09:00+01:00', calendar: BAVARIA, account: trial }).eligible).toBe(true); // day 29
    expectDenied(evaluate(oneIdentity, { plan: 'trial', severity: 3, at: '2026-12-11T09:00+01:00', calendar: BAVARIA, account: trial }), 'trial_expired', 'limited to 30 days'); // day 31
  });

  it('the 30 days are calendar days in the customer\'s zone, not 30 x 24 hours', () => {
    // Registered Thu 2026-10-01 15:00 CEST (13:00Z). Day 1 is Oct 1, day 30 is Fri Oct 30; the fall-back
    // (Oct 25) lies between. 30 x 24 h would end Sat Oct 31 14:00 CET (13:00Z); 30 calendar days end at
    // local midnight, Sat Oct 31 00:00 CET (Oct 30 23:00Z).
    const october = { contract: 'trial', trialStart: '2026-10-01T15:00+02:00' } as const;
    expect(evaluate(oneIdentity, { plan: 'trial', severity: 3, at: '2026-10-30T23:59+01:00', calendar: BAVARIA, account: october }).eligible).toBe(true); // day 30
    const day31 = evaluate(oneIdentity, { plan: 'trial', severity: 3, at: '2026-10-31T10:00+01:00', calendar: BAVARIA, account: october });
    expectDenied(day31, 'trial_expired');
    expect(day31.reasons.find((reason) => reason.code === 'trial_expired')?.message).toContain('2026-10-31T00:00:00.000+01:00');
  });
});

describe('One Identity eligibility and scope', () => {
  const active = { contract: 'active' } as const;

  it('a lapsed contract cannot contact support', () => {
    for (const plan of ['standard', '24x7']) {
      expectDenied(evaluate(oneIdentity, { plan, severity: 2, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: { contract: 'lapsed' } }), 'contract_not_eligible');
    }
  });

  it('severity 1 must be reported by telephone', () => {
    const decision = evaluate(oneIdentity, { plan: '24x7', severity: 1, at: BERLIN_SATURDAY, calendar: BAVARIA, account: active, channel: 'portal' });
    expect(decision.channels.required).toBe('phone');
    expectDenied(decision, 'channel_required', 'reported via telephone');
  });

  it('a request in German is eligible, answered in English, with local language accommodated when possible', () => {
    // "Support is provided in English with local language accommodated when possible."
    const decision = evaluate(oneIdentity, { plan: 'standard', severity: 3, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: active, language: 'de' });
    // Severity 3 "Within 4 hours" of Bavarian business hours: Tue 10:00 + 4h = 14:00 CET.
    expectDeadline(decision, 'customer', '2026-11-24T14:00:00.000+01:00');
    const note = decision.reasons.find((reason) => reason.code === 'language_accommodated');
    expect(note?.effect).toBe('note');
    expect(note?.clause?.text).toContain('local language accommodated when possible');
  });

  it.each([
    ['customizations', { customization: true }, 'We do not perform or maintain customizations'],
    ['third-party software', { thirdPartySoftware: true }, 'third-party software'],
  ] as const)('%s are out of scope', (_label, facts, quote) => {
    expectDenied(evaluate(oneIdentity, { plan: 'standard', severity: 3, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: active, facts }), 'out_of_scope', quote);
  });

  it('a question on a discontinued version is answered on a best-effort basis, with the remedy to upgrade', () => {
    // "We will attempt to answer questions on older versions ... we encourage you to upgrade"
    const decision = evaluate(oneIdentity, { plan: 'standard', severity: 3, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: active, facts: { discontinuedVersion: true } });
    expect(decision.eligible).toBe(true);
    expect(decision.firstResponse).toBeNull();
    expect(decision.targets).toEqual({ firstResponse: null });
    const reason = decision.reasons.find((candidate) => candidate.code === 'best_effort');
    expect(reason?.clause?.text).toContain('We will attempt to answer questions on older versions');
    expect(reason?.remedy).toBe('Upgrade to the currently supported version of the product');
  });

  it('an upgrade question about a discontinued version is ordinary support, with a note on detailed upgrade plans', () => {
    // "Support is here to assist with general upgrade questions": the Standard severity 3 target holds, Tue 10:00 + 4h = 14:00 CET.
    const decision = evaluate(oneIdentity, { plan: 'standard', severity: 3, at: BERLIN_WEEKDAY, calendar: BAVARIA, account: active, facts: { discontinuedVersion: true, upgradeQuestion: true } });
    expectDeadline(decision, 'customer', '2026-11-24T14:00:00.000+01:00');
    expect(decision.reasons.find((reason) => reason.code === 'rule_note')?.remedy).toContain('Professional Services');
  });

  it('a Preview Feature is severity 3 on business hours, even on 24x7 at severity 1', () => {
    // Asked at severity 1 on Saturday 10:00: handled as severity 3 ("Within 4 hours") on the customer
    // clock, so Mon 09:00 + 4h = 13:00 CET, not an elapsed hour on Saturday.
    const decision = evaluate(oneIdentity, { plan: '24x7', severity: 1, at: BERLIN_SATURDAY, calendar: BAVARIA, account: active, channel: 'phone', facts: { previewFeature: true } });
    expect(decision.severity).toBe(3);
    expectDeadline(decision, 'customer', '2026-11-23T13:00:00.000+01:00');
    expect(decision.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['severity_set', 'business_hours_only']));
  });

  it('a Preview Feature on Premier over 24x7 loses the round-the-clock half hour too', () => {
    // Severity 3 on Premier = "Within 2 hours" of business time: Mon 09:00 + 2h = 11:00 CET.
    const decision = evaluate(oneIdentity, {
      plan: 'premier',
      severity: 1,
      at: BERLIN_SATURDAY,
      calendar: BAVARIA,
      account: { contract: 'active', plans: ['24x7', 'premier'] },
      channel: 'phone',
      facts: { previewFeature: true },
    });
    expectDeadline(decision, 'customer', '2026-11-23T11:00:00.000+01:00');
  });
});

// ---------------------------------------------------------------------------
// Cirrus Identity: no published windows; contract terms take precedence.
// ---------------------------------------------------------------------------

describe('Cirrus Identity', () => {
  const cirrus = getPolicy('cirrus-identity');
  const active = { contract: 'active' } as const;

  it.each([1, 2])('severity %i: eligible with a current subscription, no published window', (severity) => {
    for (const at of [DENVER_WEEKDAY, DENVER_LABOR_DAY_FRIDAY, DENVER_SATURDAY, DENVER_FALL_BACK]) {
      const decision = evaluate(cirrus, { plan: 'standard', severity, at, account: active });
      expect(decision.eligible).toBe(true);
      expect(decision.firstResponse).toBeNull();
      expect(decision.channels.available).toEqual(['portal']);
      expect(ids(decision)).toEqual(expect.arrayContaining(['cirrus-identity.contract-precedence', 'cirrus-identity.no-published-windows']));
    }
  });

  it('an unspecified request is an "other support request"', () => {
    expect(evaluate(cirrus, { plan: 'standard', at: DENVER_WEEKDAY, account: active }).severity).toBe(2);
  });

  it('needs a current subscription', () => {
    expectDenied(evaluate(cirrus, { plan: 'standard', severity: 1, at: DENVER_WEEKDAY, account: { contract: 'lapsed' } }), 'contract_not_eligible', 'current subscription');
  });

  it.each([
    ["the customer's end users", { endUser: true }, 'end-users'],
    ["the customer's third-party services", { thirdPartyService: true }, 'third-party services'],
    ["malfunctions caused by the customer's environment", { customerEnvironment: true }, 'environment'],
    ['malfunctions caused by third-party providers', { thirdPartyProvider: true }, 'third-party service providers'],
    ['feature requests', { featureRequest: true }, 'feature requests'],
    ['Implementation Support (a separate, one-time-fee service)', { implementationSupport: true }, 'Implementation Support'],
    ['services other than Cirrus Identity Services', { otherService: true }, 'only for Cirrus Identity Services'],
  ] as const)('%s are not supported', (_label, facts, quote) => {
    expectDenied(evaluate(cirrus, { plan: 'standard', severity: 1, at: DENVER_WEEKDAY, account: active, facts }), 'out_of_scope', quote);
  });
});

// ---------------------------------------------------------------------------
// SailPoint IdentityNow: which team takes the case. No published targets.
// ---------------------------------------------------------------------------

describe('SailPoint IdentityNow routing', () => {
  const sailpoint = getPolicy('sailpoint-identitynow');
  const route = (facts: Readonly<Record<string, boolean>>): Decision => evaluate(sailpoint, { plan: 'standard', at: DENVER_WEEKDAY, account: { contract: 'active' }, facts });

  it.each([
    ['a new Access Profile or Role: the customer builds it', { newAccessProfileOrRole: true }, 'customer'],
    ['a new Access Profile or Role, with assistance', { newAccessProfileOrRole: true, assistanceNeeded: true }, 'expert-services'],
    ['a new or updated custom rule', { customRule: true }, 'expert-services'],
    ['a new source with an OOTB connector provisioning wrong values', { newSource: true, provisioningMismatch: true }, 'expert-services'],
    ['a new source that cannot aggregate', { newSource: true, aggregationFailing: true }, 'expert-services'],
    ['reconfiguring an existing source for new requirements', { connectorReconfiguration: true }, 'expert-services'],
    ['an existing Access Profile or Role no longer provisioned', { existingAccessProfileOrRole: true, noLongerProvisioned: true }, 'saas-support'],
    ['an inaccessible tenant with no configuration change', { configurationChanged: false, tenantInaccessible: true }, 'saas-support'],
    ["an existing source's aggregations failing with no configuration change", { configurationChanged: false, aggregationFailing: true }, 'saas-support'],
    ['aggregations failing after a CCG update, OOTB connector', { afterCcgUpdate: true, customConnector: false }, 'saas-support'],
    ['aggregations failing after a CCG update, custom connector', { afterCcgUpdate: true, customConnector: true }, 'expert-services'],
    ['a Virtual Appliance not reporting', { virtualApplianceNotReporting: true }, 'saas-support'],
    ['a Virtual Appliance not reporting because of the environment (TLS, network, latency)', { virtualApplianceNotReporting: true, environmentIssue: true }, 'customer'],
    ['a data quality challenge', { dataQuality: true }, 'expert-services'],
    ['a new configuration', { newConfiguration: true }, 'expert-services'],
    ['creating or updating a customization', { customization: true }, 'expert-services'],
    ['IdentityNow stopped working without configuration changes', { stoppedWorking: true, configurationChanged: false }, 'saas-support'],
    ['a break-fix issue', { breakFix: true }, 'saas-support'],
    ['an issue that is not break-fix', { breakFix: false }, 'expert-services'],
    ['an update that broke a custom rule (overlap: not break-fix)', { customRule: true, breakFix: true }, 'expert-services'],
    ['nothing the page describes: ask the Customer Success Manager', {}, 'customer-success-manager'],
    ['a configuration change with no scenario', { configurationChanged: true }, 'customer-success-manager'],
  ] as const)('%s -> %s', (_label, facts, team) => {
    const decision = route(facts);
    expect(decision.route?.team).toBe(team);
    expect(decision.eligible).toBe(true);
    expect(decision.firstResponse).toBeNull();
    expect(decision.severity).toBe(3);
  });

  it('each route cites its scenario', () => {
    expect(route({ afterCcgUpdate: true, customConnector: true }).route?.clause.text).toContain('After a CCG update');
    expect(route({}).route?.clause.text).toContain('Customer Success Manager');
  });

  it('Non-Employee Risk Management is pointed to its own document: a route and a note, not a denial', () => {
    // "For Non-Employee Risk Management, please see Non-Employee Risk Management and Expert Services."
    const decision = route({ nonEmployeeRiskManagement: true });
    expect(decision.eligible).toBe(true);
    expect(decision.route?.team).toBe('non-employee-risk-management');
    const note = decision.reasons.find((reason) => reason.code === 'rule_note');
    expect(note?.clause?.text).toContain('Non-Employee Risk Management');
    expect(note?.remedy).toContain('Non-Employee Risk Management and Expert Services');
  });

  it('a lapsed subscription is not eligible, whatever the route', () => {
    const decision = evaluate(sailpoint, { plan: 'standard', at: DENVER_WEEKDAY, account: { contract: 'lapsed' }, facts: { breakFix: true } });
    expectDenied(decision, 'contract_not_eligible');
    expect(decision.route?.team).toBe('saas-support');
  });
});

describe('requests are checked against the request, not mutated', () => {
  it('evaluate leaves the request as it was', () => {
    const request: SupportRequest = { plan: 'standard', severity: 2, at: DENVER_WEEKDAY, account: { contract: 'active' }, facts: { identityVerified: true } };
    const copy = structuredClone(request);
    evaluate(jumpcloud, request);
    expect(request).toEqual(copy);
  });
});

describe('docs/policies.md', () => {
  const doc = readFileSync(new URL('../docs/policies.md', import.meta.url), 'utf8');

  it('lists every interpretation of the catalog', () => {
    for (const policy of CATALOG) {
      for (const version of policy.versions) {
        for (const note of version.interpretations ?? []) expect(doc).toContain(`\`${note.id}\``);
      }
    }
  });

  it('names every scope and routing fact', () => {
    for (const policy of CATALOG) {
      for (const version of policy.versions) {
        const conditions = [...(version.scope ?? []).map((rule) => rule.when), ...(version.routing?.rules ?? []).map((rule) => rule.when)];
        for (const fact of conditions.flatMap(factsOf)) expect(doc).toContain(fact);
      }
    }
  });

  it('its custom-policy example evaluates as the page says', () => {
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const acme = compilePolicy(JSON.parse(json as string) as PolicySpec, { holidayRegions });
    const friday = '2026-11-27T17:00Z'; // Friday 17:00 GMT (London is on UTC in November)
    // Basic, urgent: 1 hour Friday 17:00-18:00, then Monday 08:00 + 3 hours.
    expectDeadline(evaluate(acme, { plan: 'basic', severity: 1, at: friday, channel: 'phone' }), 'acme-hours', '2026-11-30T11:00:00.000+00:00');
    // Plus, urgent: round the clock, one elapsed hour.
    expectDeadline(evaluate(acme, { plan: 'plus', severity: 1, at: friday, channel: 'phone' }), 'round-the-clock', '2026-11-27T18:00:00.000+00:00');
    // Basic, default severity 2: end of the second business day after Friday = Tuesday 18:00.
    expectDeadline(evaluate(acme, { plan: 'basic', at: friday }), 'acme-hours', '2026-12-01T18:00:00.000+00:00');
    expectDenied(evaluate(acme, { plan: 'basic', at: friday, account: { contract: 'active' }, facts: { customCode: true } }), 'out_of_scope', 'code you write');
  });
});

// Windows (issue #9, item 4): each seed sentence reproduced with evaluate; every instant
// below is worked out by hand in the comment beside it.
describe('windows measured with the business-hours core', () => {
  /** Mon-Fri 09:00-17:00 Berlin, closed 25 and 26 December 2026. */
  const berlin = compileCalendar({
    timezone: 'Europe/Berlin',
    week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    holidays: ['2026-12-25', '2026-12-26'],
  });
  const codesOf = (decision: Decision) => decision.reasons.map((reason) => reason.code);

  describe('One Identity: "re-open Cases that have been closed within 30 days of the close date"', () => {
    const reopen = (at: string, closedAt?: string) =>
      evaluate(getPolicy('one-identity'), { plan: 'standard', severity: 3, at, calendar: berlin, account: { contract: 'active' }, facts: { reopen: true, ...(closedAt === undefined ? {} : { closedAt }) } });

    it('resumes the case through the 30th day after the close date, in the customer\'s zone', () => {
      // Closed Mon 2 Nov 15:00 CET: day 30 after 2 Nov is 2 Dec; the window ends at 3 Dec 00:00 CET.
      expect(codesOf(reopen('2026-12-02T23:30+01:00', '2026-11-02T15:00+01:00'))).not.toContain('rule_note');
      const late = reopen('2026-12-03T00:30+01:00', '2026-11-02T15:00+01:00');
      expect(late.eligible).toBe(true);
      expect(late.reasons.find((reason) => reason.code === 'rule_note')).toMatchObject({ message: 'reopen-after-30-days', remedy: 'A new case is created with a link to the original case' });
    });

    it('counts the close date in the customer\'s zone, not UTC', () => {
      // 2 Nov 23:30Z is 3 Nov 00:30 CET: the close date is 3 Nov, so 3 Dec 00:30 CET is within (ends 4 Dec 00:00).
      expect(codesOf(reopen('2026-12-03T00:30+01:00', '2026-11-02T23:30Z'))).not.toContain('rule_note');
    });

    it('a close date after the request is not a window it is within; an absent close date is a note naming it', () => {
      expect(codesOf(reopen('2026-11-02T10:00+01:00', '2026-11-02T15:00+01:00'))).toContain('rule_note');
      const unknown = reopen('2026-12-03T00:30+01:00');
      expect(codesOf(unknown)).not.toContain('rule_note');
      expect(unknown.reasons.find((reason) => reason.code === 'fact_not_given')?.message).toContain('closedAt (within 30 days before the request)');
    });

    it('a close date that is not an instant is an error, not a decision', () => {
      expect(() => reopen('2026-12-03T00:30+01:00', 'last Monday')).toThrow(/closedAt/);
    });
  });

  describe('Cirrus Identity: Implementation Support "after one (1) calendar year"', () => {
    const ask = (at: string, facts: Record<string, string | boolean>) => evaluate(getPolicy('cirrus-identity'), { plan: 'standard', at, calendar: berlin, account: { contract: 'active' }, facts });

    it('without Implementation Support bought, it is outside Support', () => {
      const decision = ask('2026-11-30T10:00+01:00', { implementationSupport: true });
      expect(decision.eligible).toBe(false);
      expect(decision.reasons.find((reason) => reason.code === 'out_of_scope')?.remedy).toContain('Buy Implementation Support');
    });

    it('within the calendar year from its start it goes to Implementation Support; from the anniversary, fees may apply', () => {
      const start = '2025-12-01T09:00+01:00';
      // The year beginning on 1 Dec 2025 ends at 1 Dec 2026 00:00 CET.
      const within = ask('2026-11-30T23:59+01:00', { implementationSupport: true, implementationStart: start });
      expect(within.eligible).toBe(true);
      expect(within.route?.team).toBe('implementation-support');
      expect(within.reasons.find((reason) => reason.code === 'rule_note')?.message).toBe('implementation-support-term: see implementation-support');
      const after = ask('2026-12-01T00:30+01:00', { implementationSupport: true, implementationStart: start });
      expect(after.reasons.find((reason) => reason.code === 'rule_note')?.remedy).toContain('additional fees may be charged');
    });
  });

  describe('Cirrus Identity: "requires a minimum of five (5) business days notice"', () => {
    const coordinate = (at: string, coordinationAt: string) => evaluate(getPolicy('cirrus-identity'), { plan: 'standard', at, calendar: berlin, account: { contract: 'active' }, facts: { coordinationAt } });

    it('counts five of the customer\'s business days after the request, to the close of the fifth', () => {
      // Asked Mon 23 Nov 10:00: Tue 24 (1), Wed 25 (2), Thu 26 (3), Fri 27 (4), Mon 30 (5), closing 17:00 CET.
      const early = coordinate('2026-11-23T10:00+01:00', '2026-11-30T16:59+01:00');
      expect(early.eligible).toBe(false);
      expect(early.reasons.find((reason) => reason.code === 'out_of_scope')?.remedy).toBe('Schedule the coordination at least five business days ahead');
      expect(coordinate('2026-11-23T10:00+01:00', '2026-11-30T17:00+01:00').eligible).toBe(true);
    });

    it('skips the customer\'s holidays', () => {
      // Asked Mon 21 Dec 10:00: Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 holiday, weekend, Mon 28 (4), Tue 29 (5) by 17:00.
      expect(coordinate('2026-12-21T10:00+01:00', '2026-12-28T17:00+01:00').eligible).toBe(false);
      expect(coordinate('2026-12-21T10:00+01:00', '2026-12-29T17:00+01:00').eligible).toBe(true);
    });
  });

  it('a notice clock the version does not have is a compile error', () => {
    const spec = structuredClone(CATALOG.find((policy) => policy.id === 'cirrus-identity')) as PolicySpec;
    const mutable = spec.versions[0] as unknown as { scope: { when: unknown }[] };
    (mutable.scope[0] as { when: unknown }).when = { fact: 'coordinationAt', noticeBusinessDays: 5, clock: 'custmer' };
    expect(() => compilePolicy(spec)).toThrow(/did you mean "customer"/);
  });
});
