import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  getPolicy,
  policyJsonSchema,
  SlaclockError,
  weekdayHours,
  withContract,
  type Clause,
  type PolicySpec,
} from '../src/index.js';
import { errorOf } from './support/errors.js';

const page: Clause = { source: 'Acme support page', text: 'Example clause' };

const severities = [
  { level: 1, name: 'Critical', definition: 'Down', requiredChannel: 'phone', clause: page },
  { level: 2, name: 'Normal', definition: 'Other' },
];

/** A small custom policy: two versions, a business-hours clock, an add-on plan, scope and routing. */
const acme: PolicySpec = {
  id: 'acme',
  vendor: 'Acme',
  name: 'Acme support',
  versions: [
    {
      id: 'v1',
      source: 'old page',
      calendars: { office: weekdayHours('UTC', '09:00', '17:00') },
      severities,
      defaultSeverity: 2,
      plans: [
        { id: 'basic', name: 'Basic', tier: 1, channels: ['email'], coverage: { default: 'office' }, targets: { 1: { duration: 'PT8H', clause: page }, 2: null }, clause: page },
      ],
    },
    {
      id: 'v2',
      effectiveFrom: '2026-01-01',
      source: 'new page',
      calendars: { office: weekdayHours('UTC', '09:00', '17:00') },
      severities,
      defaultSeverity: 2,
      plans: [
        { id: 'trial', name: 'Trial', tier: 0, contract: ['trial'], trialDays: 30, channels: ['email'], coverage: { default: 'round-the-clock' }, targets: { 1: null, 2: null }, clause: page },
        { id: 'basic', name: 'Basic', tier: 1, channels: ['email', 'phone'], coverage: { default: 'office' }, targets: { 1: { duration: 'PT4H', clause: page }, 2: { businessDays: 1, rule: 'end-of-day', clause: page } }, clause: page },
        { id: 'local', name: 'Local', tier: 1, channels: ['email', 'phone'], coverage: { default: 'customer' }, targets: { 1: { duration: 'PT2H', clause: page }, 2: { duration: 'PT8H', clause: page } }, clause: page },
        { id: 'gold', name: 'Gold', tier: 2, requiresAnyOf: ['basic', 'local'], channels: ['email', 'phone'], coverage: { default: 'base-plan' }, targets: { 1: { duration: 'PT30M', clause: page }, 2: { duration: 'PT1H', clause: page } }, clause: page },
      ],
      eligibility: { roles: ['administrator'], roleClause: page, languages: ['en'], languageClause: page },
      scope: [
        { id: 'end-users', when: { endUser: true }, effect: 'excluded', clause: page },
        { id: 'preview', when: { previewFeature: true }, effect: 'severity', severity: 2, clause: page },
      ],
      routing: { rules: [{ when: { customRule: true }, team: 'services', clause: page }], fallback: 'support', clause: page },
      interpretations: [{ id: 'acme.hours', clause: page, reading: 'Office hours are UTC', plans: ['basic'] }],
    },
  ],
};


describe('evaluate', () => {
  it('uses the version in force at the request instant', () => {
    // v1 (before 2026): 8 business hours from Mon 2025-12-01 10:00Z -> Tue 10:00Z.
    const old = evaluate(acme, { plan: 'basic', severity: 1, at: '2025-12-01T10:00Z' });
    expect([old.version, old.firstResponse?.deadline]).toEqual(['v1', '2025-12-02T10:00:00.000+00:00']);
    // v2: 4 business hours from Mon 2026-11-23 15:00Z: 2h Monday, Tue 09:00 + 2h = 11:00Z.
    const now = evaluate(acme, { plan: 'basic', severity: 1, at: '2026-11-23T15:00Z' });
    expect([now.version, now.firstResponse?.deadline, now.firstResponse?.target]).toEqual(['v2', '2026-11-24T11:00:00.000+00:00', '4 hours']);
  });

  it('applies the default severity and business-day targets', () => {
    // Severity 2 by default: next business day, end of day: Tue 2026-11-24 17:00Z.
    const decision = evaluate(acme, { plan: 'basic', at: '2026-11-23T15:00Z' });
    expect(decision.severity).toBe(2);
    expect(decision.firstResponse?.deadline).toBe('2026-11-24T17:00:00.000+00:00');
  });

  it("runs 'customer' plans on the request's calendar and requires one", () => {
    // Denver Mon 09-17 MST: 2h from Mon 2026-11-23 16:00 MST -> 1h Monday, Tue 09:00 + 1h = 10:00 MST.
    const calendar = weekdayHours('America/Denver', '09:00', '17:00');
    expect(evaluate(acme, { plan: 'local', severity: 1, at: '2026-11-23T16:00-07:00', calendar }).firstResponse?.deadline).toBe('2026-11-24T10:00:00.000-07:00');
    expect(errorOf(() => evaluate(acme, { plan: 'local', severity: 1, at: '2026-11-23T16:00-07:00' })).path).toEqual(['calendar']);
  });

  it('an add-on plan runs on the clock of the base plan the account holds', () => {
    const calendar = weekdayHours('America/Denver', '09:00', '17:00');
    // Held with 'local': customer hours. Sat 2026-11-21 -> Mon 09:00 MST + 30 min.
    const withLocal = evaluate(acme, { plan: 'gold', severity: 1, at: '2026-11-21T12:00-07:00', calendar, account: { plans: ['local'] } });
    expect(withLocal.firstResponse?.deadline).toBe('2026-11-23T09:30:00.000-07:00');
    // Held with 'basic': the office clock (UTC). Mon 09:00Z + 30 min.
    const withBasic = evaluate(acme, { plan: 'gold', severity: 1, at: '2026-11-21T12:00-07:00', account: { plans: ['basic'] } });
    expect(withBasic.firstResponse?.deadline).toBe('2026-11-23T09:30:00.000+00:00');
  });

  it('says why a request is ineligible, with clause and remedy, and gives no deadline', () => {
    const cases = [
      [{ contract: 'lapsed' }, 'contract_not_eligible'],
      [{ role: 'end-user' }, 'role_not_allowed'],
      [{ plans: [] }, 'base_plan_required'],
    ] as const;
    for (const [account, code] of cases) {
      const decision = evaluate(acme, { plan: 'gold', severity: 1, at: '2026-11-23T10:00Z', account });
      expect(decision.eligible).toBe(false);
      expect(decision.firstResponse).toBeNull();
      const reason = decision.reasons.find((r) => r.code === code);
      expect(reason).toMatchObject({ effect: 'deny', clause: page });
      expect(reason?.remedy).toBeTruthy();
    }
    expect(evaluate(acme, { plan: 'basic', at: '2026-11-23T10:00Z', language: 'de-DE', account: {} }).reasons.map((r) => r.code)).toContain('language_not_supported');
    expect(evaluate(acme, { plan: 'basic', at: '2026-11-23T10:00Z', facts: { endUser: true } }).eligible).toBe(false);
  });

  it('counts trial days from the trial start', () => {
    const at = '2026-11-23T10:00Z';
    expect(evaluate(acme, { plan: 'trial', at, account: { contract: 'trial', trialStart: '2026-10-25T10:00:01Z' } }).eligible).toBe(true); // 29.99 days
    expect(evaluate(acme, { plan: 'trial', at, account: { contract: 'trial', trialStart: '2026-10-24T10:00Z' } }).reasons.map((r) => r.code)).toContain('trial_expired'); // 30 days
    expect(evaluate(acme, { plan: 'trial', at, account: { contract: 'active' } }).eligible).toBe(false);
  });

  it('requires the severity channel', () => {
    const decision = evaluate(acme, { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', channel: 'email' });
    expect(decision.eligible).toBe(false);
    expect(decision.channels).toEqual({ available: ['email', 'phone'], required: 'phone' });
    expect(evaluate(acme, { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', channel: 'phone' }).eligible).toBe(true);
  });

  it('a severity\'s required channel binds the plans that offer it; a plan\'s own must be one of its channels', () => {
    // v1's Basic offers email only: its severity 1 cases come in by email (v1 is in force in 2025).
    // Office hours 09:00-17:00 UTC: Mon 2025-12-01 10:00Z + 8 h = 7 h Monday + 1 h Tuesday = Tue 10:00Z.
    const old = evaluate(acme, { plan: 'basic', severity: 1, at: '2025-12-01T10:00Z', channel: 'email' });
    expect(old.eligible).toBe(true);
    expect(old.channels.required).toBeNull();
    expect(old.firstResponse?.deadline).toBe('2025-12-02T10:00:00.000+00:00');
    // A plan may require its own channel for a severity, or lift the requirement with null.
    const own = structuredClone(acme) as unknown as { versions: { plans: Record<string, unknown>[] }[] };
    (own.versions[1]?.plans[1] as Record<string, unknown>).requiredChannels = { 1: null };
    expect(evaluate(compilePolicy(own), { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', channel: 'email' }).eligible).toBe(true);
    (own.versions[1]?.plans[1] as Record<string, unknown>).requiredChannels = { 1: 'fax' };
    expect(() => compilePolicy(own)).toThrow(/Plan "basic" could never take a severity 1 case: it requires fax, which the plan does not offer \(it offers email, phone\).*\(at versions\[1\]\.plans\[1\]\.requiredChannels\["1"\]\)/);
  });

  it('applies scope adjustments, routing and interpretations', () => {
    const decision = evaluate(acme, { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', facts: { previewFeature: true, customRule: true } });
    expect(decision.severity).toBe(2);
    expect(decision.reasons.map((r) => r.code)).toContain('severity_set');
    expect(decision.route?.team).toBe('services');
    expect(decision.interpretations.map((i) => i.id)).toEqual(['acme.hours']);
    expect(evaluate(acme, { plan: 'basic', at: '2026-11-23T10:00Z' }).route?.team).toBe('support');
  });

  it('returns plain, serialisable data and never mutates its inputs', () => {
    const before = JSON.stringify(acme);
    const request = { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', facts: { customRule: true } };
    const decision = evaluate(acme, request);
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
    expect(JSON.stringify(acme)).toBe(before);
    expect(request).toEqual({ plan: 'basic', severity: 1, at: '2026-11-23T10:00Z', facts: { customRule: true } });
  });
});

describe('bad requests and bad policies are typed errors', () => {
  it.each([
    [{ plan: 'platinum', at: '2026-11-23T10:00Z' }, 'unknown_plan', ['plan']],
    [{ plan: 'basic', severity: 9, at: '2026-11-23T10:00Z' }, 'unknown_severity', ['severity']],
    [{ plan: 'basic', at: '2026-11-23T10:00Z', channel: 'fax' }, 'unknown_channel', ['channel']],
    [{ plan: 'basic', at: '2026-11-23T10:00' }, 'invalid_instant', ['at']],
  ])('request %j', (request, code, path) => {
    const error = errorOf(() => evaluate(acme, request as never));
    expect([error.code, error.path]).toEqual([code, path]);
  });

  const v2 = acme.versions[1] as PolicySpec['versions'][number];
  const broken = (patch: Partial<PolicySpec['versions'][number]>): PolicySpec => ({ ...acme, versions: [{ ...v2, ...patch }] });
  const basic = v2.plans[1] as PolicySpec['versions'][number]['plans'][number];

  it.each([
    ['a plan requiring a missing plan', broken({ plans: [{ ...basic, id: 'gold', requiresAnyOf: ['silver'] }] }), 'invalid_policy', ['versions', 0, 'plans', 0, 'requiresAnyOf', 0]],
    ['a severity without a target', broken({ plans: [{ ...basic, targets: { 1: null } }] }), 'invalid_policy', ['versions', 0, 'plans', 0, 'targets']],
    ['an unknown clock', broken({ plans: [{ ...basic, coverage: { default: 'moon-time' } }] }), 'invalid_policy', ['versions', 0, 'plans', 0, 'coverage', 'default']],
    ['a bad calendar', broken({ calendars: { office: { timezone: 'Nowhere/Land', week: {} } } }), 'unknown_time_zone', ['versions', 0, 'calendars', 'office', 'timezone']],
    ['a bad duration', broken({ plans: [{ ...basic, targets: { 1: { duration: 'soon', clause: page }, 2: null } }] }), 'invalid_duration', ['versions', 0, 'plans', 0, 'targets', '1', 'duration']],
    ['a missing field', { ...acme, versions: [{ ...v2, plans: undefined }] }, 'invalid_input', ['versions', 0, 'plans']],
  ])('%s', (_label, policy, code, path) => {
    const error = errorOf(() => compilePolicy(policy as PolicySpec));
    expect([error.code, error.path]).toEqual([code, path]);
  });

  it('rejects prototype keys in untrusted JSON and bounds its size', () => {
    const hostile = JSON.parse(`{"id":"x","vendor":"x","name":"x","versions":[],"__proto__":{"polluted":true}}`);
    expect(errorOf(() => compilePolicy(hostile)).path).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const huge = { ...acme, padding: Array.from({ length: 200_000 }, () => 0) };
    expect(errorOf(() => compilePolicy(huge as never)).code).toBe('input_too_large');
  });
});

describe('withContract', () => {
  it('contract terms take precedence and are recorded', () => {
    const contract: Clause = { source: 'Order form 7', text: 'Severity 2: first response within 2 hours' };
    const policy = withContract(acme, { clause: contract, plans: { basic: { targets: { 2: { duration: 'PT2H', clause: contract } } } } });
    const decision = evaluate(policy, { plan: 'basic', severity: 2, at: '2026-11-23T10:00Z' });
    expect(decision.firstResponse?.deadline).toBe('2026-11-23T12:00:00.000+00:00');
    expect(decision.firstResponse?.clause).toEqual(contract);
    expect(decision.interpretations.map((i) => i.id)).toContain('contract-precedence');
    expect(evaluate(acme, { plan: 'basic', severity: 2, at: '2026-11-23T10:00Z' }).firstResponse?.target).toBe('1 business day (end-of-day)');
    expect(errorOf(() => withContract(acme, { clause: contract, plans: { platinum: {} } })).code).toBe('unknown_plan');
  });
});

describe('policyJsonSchema', () => {
  it('describes the policy document', () => {
    const schema = policyJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(['id', 'vendor', 'name', 'versions']);
  });
});

describe('compiled policies are immutable', () => {
  it('rejects add-on plans that require each other', () => {
    const v2 = acme.versions[1] as PolicySpec['versions'][number];
    const gold = v2.plans[3] as PolicySpec['versions'][number]['plans'][number];
    const cyclic: PolicySpec = { ...acme, versions: [{ ...v2, plans: [{ ...gold, id: 'a', requiresAnyOf: ['b'] }, { ...gold, id: 'b', requiresAnyOf: ['a'] }] }] };
    const error = errorOf(() => compilePolicy(cyclic));
    expect([error.code, error.path]).toEqual(['invalid_policy', ['versions', 0, 'plans', 0, 'requiresAnyOf']]);
  });

  it('a decision cannot be used to change the policy behind later decisions', () => {
    const policy = compilePolicy(acme);
    const first = evaluate(policy, { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z' });
    expect(() => {
      (first.firstResponse?.clause as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(evaluate(policy, { plan: 'basic', severity: 1, at: '2026-11-23T10:00Z' }).firstResponse?.clause).toEqual(page);
  });

  it('the built-in catalog is frozen', () => {
    const jumpcloud = getPolicy('jumpcloud');
    expect(Object.isFrozen(jumpcloud)).toBe(true);
    expect(Object.isFrozen(jumpcloud.versions[0]?.plans[0]?.targets)).toBe(true);
  });

  it('a language that is not a string is a typed error', () => {
    expect(errorOf(() => evaluate(acme, { plan: 'basic', at: '2026-11-23T10:00Z', language: 7 as never })).path).toEqual(['language']);
  });
});

describe('named-contact limits', () => {
  const contactsClause: Clause = { source: 'Acme support page', text: 'Basic: up to 2 named contacts; Plus: up to 10' };
  const plan = (id: string, tier: number, max: number | undefined) => ({
    id, name: id[0]?.toUpperCase() + id.slice(1), tier, channels: ['portal', 'phone'],
    ...(max === undefined ? {} : { namedContacts: { max, clause: contactsClause } }),
    coverage: { default: 'round-the-clock' }, targets: { '1': { duration: 'PT1H', clause: page }, '2': null }, clause: page,
  });
  const limited = compilePolicy({
    id: 'contacts', vendor: 'Acme', name: 'Contacts',
    versions: [{ id: 'v1', source: 'page', severities, plans: [plan('basic', 1, 2), plan('plus', 2, 10), plan('unlimited', 3, undefined)] }],
  });
  const ask = (planId: string, contacts?: number) => evaluate(limited, { plan: planId, severity: 2, at: '2026-11-23T10:00Z', account: { contract: 'active', ...(contacts === undefined ? {} : { contacts }) } });

  it('allows up to the plan\'s limit, and denies one more with the lowest plan that takes them', () => {
    expect(ask('basic', 2).eligible).toBe(true);
    const three = ask('basic', 3);
    expect(three.eligible).toBe(false);
    expect(three.reasons.find((reason) => reason.code === 'contact_limit_exceeded')).toMatchObject({
      effect: 'deny',
      message: 'Basic allows up to 2 named contacts; the account has 3',
      clause: contactsClause,
      remedy: 'Reduce the named contacts to 2, or hold Plus (plan "plus")',
    });
    // 11 contacts: Plus takes 10, so the way up is Unlimited.
    expect(ask('basic', 11).reasons.find((reason) => reason.code === 'contact_limit_exceeded')?.remedy).toBe('Reduce the named contacts to 2, or hold Unlimited (plan "unlimited")');
    expect(ask('unlimited', 500).eligible).toBe(true);
  });

  it('an account without contacts is a note, not a denial; a bad count is an error', () => {
    const unknown = ask('basic');
    expect(unknown.eligible).toBe(true);
    expect(unknown.reasons.map((reason) => reason.code)).toContain('contacts_not_given');
    expect(ask('unlimited').reasons.map((reason) => reason.code)).not.toContain('contacts_not_given');
    expect(errorOf(() => ask('basic', -1)).path).toEqual(['account', 'contacts']);
    expect(errorOf(() => ask('basic', 2.5)).path).toEqual(['account', 'contacts']);
  });

  it('the limit must be a whole number of at least 1', () => {
    const spec = { id: 'bad', vendor: 'Acme', name: 'Bad', versions: [{ id: 'v1', source: 'page', severities, plans: [{ ...plan('basic', 1, 2), namedContacts: { max: 0 } }] }] };
    expect(errorOf(() => compilePolicy(spec as PolicySpec)).path).toEqual(['versions', 0, 'plans', 0, 'namedContacts', 'max']);
  });
});

describe('contract kinds a policy declares', () => {
  const partnerPlan = (contract: readonly string[]) => ({
    id: 'partner', name: 'Partner Support', tier: 1, channels: ['portal'], contract,
    coverage: { default: 'round-the-clock' }, targets: { '1': { duration: 'PT2H', clause: page }, '2': null }, clause: page,
  });
  const spec = (kinds: readonly string[] | undefined, contract: readonly string[]): PolicySpec => ({
    id: 'kinds', vendor: 'Acme', name: 'Kinds',
    versions: [{ id: 'v1', source: 'page', severities, ...(kinds === undefined ? {} : { contractKinds: kinds }), plans: [partnerPlan(contract)] }],
  });
  const partners = compilePolicy(spec(['partner', 'suspended'], ['partner']));
  const ask = (contract: string) => evaluate(partners, { plan: 'partner', severity: 1, at: '2026-11-23T10:00Z', channel: 'portal', account: { contract } });

  it('a declared kind entitles to the plans that name it; another status is a denial with the way forward', () => {
    expect(ask('partner').eligible).toBe(true);
    const suspended = ask('suspended');
    expect(suspended.eligible).toBe(false);
    expect(suspended.reasons.find((reason) => reason.code === 'contract_not_eligible')).toMatchObject({ message: 'A suspended contract does not entitle to Partner Support (needs partner)', remedy: 'Hold a partner contract' });
    expect(ask('active').eligible).toBe(false); // a built-in status the plan does not name
  });

  it('a status no version declares is an error naming the policy\'s statuses, never a decision', () => {
    const error = errorOf(() => ask('partnr'));
    expect(error.path).toEqual(['account', 'contract']);
    expect(error.message).toContain('"partner"');
    // Without contractKinds, only the four built-in statuses exist.
    expect(errorOf(() => evaluate(acme, { plan: 'basic', at: '2026-11-23T10:00Z', account: { contract: 'partner' } })).path).toEqual(['account', 'contract']);
  });

  it('a plan naming an undeclared status does not compile', () => {
    const error = errorOf(() => compilePolicy(spec(undefined, ['partner'])));
    expect(error.path).toEqual(['versions', 0, 'plans', 0, 'contract', 0]);
    expect(error.message).toContain('declare it in the version\'s "contractKinds"');
  });
});

describe('per-channel targets', () => {
  const phoneClause: Clause = { source: 'Acme support page', text: 'Normal: 4 hours; by phone, 1 hour' };
  const channelPlan = (byChannel: Record<string, unknown>) => ({
    id: 'basic', name: 'Basic', tier: 1, channels: ['email', 'phone'],
    coverage: { default: 'round-the-clock' },
    targets: { '1': { duration: 'PT2H', byChannel: { email: { duration: 'PT8H', clause: page } }, clause: page }, '2': { duration: 'PT4H', byChannel, clause: page } },
    clause: page,
  });
  const policyWith = (byChannel: Record<string, unknown>): PolicySpec => ({ id: 'channels', vendor: 'Acme', name: 'Channels', versions: [{ id: 'v1', source: 'page', severities, plans: [channelPlan(byChannel)] as PolicySpec['versions'][number]['plans'] }] });
  const byPhone = compilePolicy(policyWith({ phone: { duration: 'PT1H', clause: phoneClause } }));
  const ask = (severity: number, channel?: string) => evaluate(byPhone, { plan: 'basic', severity, at: '2026-11-23T10:00Z', ...(channel === undefined ? {} : { channel }) });

  it('a case on the channel gets the channel\'s target, with its clause; another channel the severity\'s', () => {
    // Round the clock: 10:00Z + 1 h = 11:00Z by phone; + 4 h = 14:00Z by email or with no channel named.
    expect(ask(2, 'phone').firstResponse).toMatchObject({ target: '1 hour', deadline: '2026-11-23T11:00:00.000+00:00', clause: phoneClause });
    expect(ask(2, 'email').firstResponse).toMatchObject({ target: '4 hours', deadline: '2026-11-23T14:00:00.000+00:00' });
    expect(ask(2).firstResponse?.deadline).toBe('2026-11-23T14:00:00.000+00:00');
  });

  it('a request without a channel gets the required channel\'s target', () => {
    // Severity 1 must come by phone (no phone override: 2 h, 12:00Z); an email override exists but is not the required channel.
    expect(ask(1).firstResponse?.deadline).toBe('2026-11-23T12:00:00.000+00:00');
  });

  it('a channel the plan does not offer does not compile', () => {
    const error = errorOf(() => compilePolicy(policyWith({ chat: { duration: 'PT1H', clause: page } })));
    expect(error.path).toEqual(['versions', 0, 'plans', 0, 'targets', '2', 'byChannel', 'chat']);
  });
});
