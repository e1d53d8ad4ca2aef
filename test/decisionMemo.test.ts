import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, compilePolicy, evaluate, getPolicy, listPolicies, weekdayHours, type Decision, type PolicySpec, type SupportRequest } from '../src/index.js';

// A compiled version keeps the outcome of the last request it decided for the next request
// with the same values (src/policy/recent.ts). These properties check that nothing a
// decision says depends on the requests decided before it: each is compared with the same
// request decided first by a policy compiled afresh (a copy under another name, so no
// cache hands back the shared one).

const calendars = [compileCalendar(weekdayHours('America/Denver', '09:00', '17:00')), compileCalendar(weekdayHours('Europe/Berlin', '08:00', '18:00'))];
// Around JumpCloud's version change (2023-01-01 in Denver) and later years.
const instant = fc.oneof(fc.integer({ min: Date.UTC(2022, 11, 25), max: Date.UTC(2023, 0, 8) }), fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2028, 11, 31) }));
let copies = 0;

function fresh(spec: PolicySpec) {
  copies += 1;
  return compilePolicy({ ...spec, name: `${spec.name} (copy ${copies})` });
}

function decide(policy: Parameters<typeof evaluate>[0], request: SupportRequest): Decision | string {
  try {
    return evaluate(policy, request);
  } catch (error) {
    return String(error);
  }
}

describe.each(listPolicies().map((summary) => summary.id))('decisions of %s', (id) => {
  const spec = getPolicy(id);
  const shared = compilePolicy(spec);
  const plans = [...new Set(spec.versions.flatMap((version) => version.plans.map((plan) => plan.id)))];
  const levels = [...new Set(spec.versions.flatMap((version) => version.severities.map((severity) => severity.level)))];
  const channels = [...new Set(spec.versions.flatMap((version) => version.plans.flatMap((plan) => plan.channels)))];
  const request = fc.record(
    {
      plan: fc.constantFrom(...plans),
      severity: fc.constantFrom(...levels),
      channel: fc.constantFrom(...channels),
      language: fc.constantFrom('en', 'de'),
      calendar: fc.constantFrom(...calendars),
      account: fc.record({ contract: fc.constantFrom('active', 'lapsed'), role: fc.constantFrom('administrator', 'user'), contacts: fc.nat({ max: 12 }) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['plan'] },
  );

  // The second request: the same values, or one of them changed.
  const change = fc.constantFrom<(values: Omit<SupportRequest, 'at'>) => Omit<SupportRequest, 'at'>>(
    (values) => values,
    (values) => ({ ...values, plan: plans[(plans.indexOf(values.plan) + 1) % plans.length] as string }),
    (values) => ({ ...values, severity: levels[(levels.indexOf(values.severity as number) + 1) % levels.length] as number }),
    ({ channel: _channel, ...values }) => values,
    ({ language: _language, ...values }) => values,
    (values) => ({ ...values, calendar: values.calendar === calendars[0] ? calendars[1] : calendars[0] }),
    ({ account: _account, ...values }) => values,
    (values) => ({ ...values, account: { ...values.account, contract: 'none' } }),
    (values) => ({ ...values, account: { ...values.account, role: 'administrator' } }),
    (values) => ({ ...values, account: { ...values.account, contacts: 1 } }),
  );

  it('the same values at another instant, or with one value changed, decide as if first', () => {
    fc.assert(
      fc.property(request, instant, instant, change, (values, at1, at2, changed) => {
        const first: SupportRequest = { ...values, at: at1 };
        const second: SupportRequest = { ...changed(values), at: at2 };
        decide(shared, first);
        expect(decide(shared, second)).toEqual(decide(fresh(spec), second));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a decision of a repeated request', () => {
  const policy = compilePolicy(getPolicy('one-identity'));
  const calendar = calendars[0];

  it("has reasons of its own: changing one decision's list changes no other", () => {
    const request: SupportRequest = { plan: 'standard', severity: 2, at: '2026-11-25T15:00-07:00', calendar };
    const one = evaluate(policy, request);
    (one.reasons as unknown[]).push('changed');
    const two = evaluate(policy, request);
    expect(two.reasons.map((reason) => reason.code)).toEqual(['language_not_given', 'account_not_checked']);
  });

  it('notes a language not given after a request that gave one', () => {
    const request: SupportRequest = { plan: 'standard', severity: 2, at: '2026-11-25T15:00-07:00', calendar, account: { contract: 'active' } };
    expect(evaluate(policy, { ...request, language: 'en' }).reasons).toEqual([]);
    expect(evaluate(policy, request).reasons.map((reason) => reason.code)).toEqual(['language_not_given']);
  });

  it('reads the request afresh: a contract changed in place between calls is seen', () => {
    const account = { contract: 'active' as string };
    const request = { plan: 'standard', severity: 2, at: '2026-11-25T15:00-07:00', calendar, account };
    expect(evaluate(policy, request).eligible).toBe(true);
    account.contract = 'lapsed';
    const lapsed = evaluate(policy, request);
    expect(lapsed.eligible).toBe(false);
    expect(lapsed.reasons.map((reason) => reason.code)).toContain('contract_not_eligible');
  });
});
