// Inputs as callers really write them (issue #12): every expected message below is
// written by hand from the message rules in docs/api.md, not copied from a run.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  compileCalendar,
  compilePolicy,
  evaluate,
  getPolicy,
  isOpen,
  roundTheClock,
  SlaclockError,
  unionCalendars,
  weekdayHours,
  withContract,
  type CalendarSpec,
  type PolicySpec,
  type SupportRequest,
} from '../src/index.js';
import { isKnownRegion, regionalHolidays } from '../src/regions/index.js';
import { errorOf } from './support/errors.js';

const jumpcloud = getPolicy('jumpcloud');
const AT = '2026-11-25T15:00-07:00';
const standard = (extra: Record<string, unknown>) => ({ plan: 'standard', severity: 1, at: AT, ...extra }) as SupportRequest;
const clause = { source: 'Acme support page', text: 'Severity 1: four hours, round the clock.' };
const acme: PolicySpec = {
  id: 'acme',
  vendor: 'Acme',
  name: 'Acme support',
  versions: [
    {
      id: 'v1',
      source: 'Acme support page',
      severities: [
        { level: 1, name: 'Critical', definition: 'Down' },
        { level: 2, name: 'Normal', definition: 'Question' },
      ],
      plans: [
        { id: 'basic', name: 'Basic', tier: 1, channels: ['email'], coverage: { default: 'round-the-clock' }, targets: { 1: { duration: 'PT4H', clause }, 2: null }, clause },
      ],
    },
  ],
};
const message = (action: () => unknown) => errorOf(action).message;
const office: CalendarSpec = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };

describe('a typo in a request is an error that names the fix, never a decision', () => {
  it('a contract status in the wrong case', () => {
    const error = errorOf(() => evaluate(jumpcloud, standard({ account: { contract: 'Active' } })));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Expected one of "active", "trial", "lapsed", "none", got "Active" (did you mean "active"?) (at account.contract)');
    expect(error.issues[0]).toMatchObject({ path: ['account', 'contract'], expected: 'one of "active", "trial", "lapsed", "none"', received: '"Active"' });
  });

  it('a severity written as text', () => {
    expect(message(() => evaluate(jumpcloud, standard({ severity: '1' })))).toBe(
      'Expected a severity level (a whole number), got string "1" (write 1, not "1") (at severity)',
    );
  });

  it('a severity the version does not define', () => {
    const error = errorOf(() => evaluate(acme, { plan: 'basic', severity: 3, at: AT }));
    expect(error.code).toBe('unknown_severity');
    expect(error.message).toBe('Expected one of 1, 2, got 3 (at severity)');
  });

  it('a misspelt key of the request and of the account', () => {
    expect(message(() => evaluate(jumpcloud, standard({ acount: {} })))).toBe('Unknown field "acount" (did you mean "account"?)');
    expect(message(() => evaluate(jumpcloud, standard({ account: { contrct: 'lapsed' } })))).toBe(
      'Unknown field "contrct" (did you mean "contract"?) (at account)',
    );
  });

  it('a plan the version does not have', () => {
    const error = errorOf(() => evaluate(acme, { plan: 'Basic', severity: 1, at: AT }));
    expect(error.code).toBe('unknown_plan');
    expect(error.message).toBe('Expected one of "basic", got "Basic" (did you mean "basic"?) (the plans of version "v1") (at plan)');
  });

  it('a channel no plan of the version offers', () => {
    const error = errorOf(() => evaluate(jumpcloud, standard({ channel: 'emial' })));
    expect(error.code).toBe('unknown_channel');
    expect(error.message).toBe('Expected one of "help-center", "email", "chat", "phone", got "emial" (did you mean "email"?) (at channel)');
  });

  it('a misspelt role where the policy lists roles (another role is a denial)', () => {
    const legacy = getPolicy('jumpcloud-legacy');
    expect(message(() => evaluate(legacy, standard({ account: { role: 'Administrator' } })))).toBe(
      'Expected one of "administrator", got "Administrator" (did you mean "administrator"?); another role is not eligible, but a misspelt one is an error (at account.role)',
    );
    const decision = evaluate(legacy, standard({ account: { role: 'billing' } }));
    expect(decision.reasons.map((reason) => reason.code)).toContain('role_not_allowed');
  });

  it('a misspelt fact, and a fact of the wrong kind (a fact the policy does not read is ignored)', () => {
    expect(message(() => evaluate(jumpcloud, standard({ facts: { customisation: true } })))).toBe('Unknown fact "customisation" (did you mean "customization"?) (at facts)');
    expect(evaluate(jumpcloud, standard({ facts: { ticketSource: 'web' } })).eligible).toBe(true);
    expect(message(() => evaluate(jumpcloud, standard({ facts: { customization: 'yes' } })))).toBe(
      'Expected a boolean, got string "yes" (at facts.customization)',
    );
  });

  it('a language that is not a language tag', () => {
    expect(message(() => evaluate(jumpcloud, standard({ language: 'English!' })))).toBe(
      'Expected a BCP 47 language tag such as "en" or "en-US", got string "English!" (at language)',
    );
  });

  it.each([
    ['facts: null', { facts: null }, 'Expected an object of facts { name: string | number | boolean }, got null (at facts)'],
    ['account: null', { account: null }, 'Expected an account object { contract?, trialStart?, plans?, role?, contacts? }, got null (at account)'],
    ['account: 5', { account: 5 }, 'Expected an account object { contract?, trialStart?, plans?, role?, contacts? }, got number 5 (at account)'],
    ['channel: Symbol()', { channel: Symbol('x') }, 'Expected a channel name (a string), got Symbol(x) (at channel)'],
    ['account.plans: 5', { account: { plans: 5 } }, 'Expected an array of plan ids, got number 5 (at account.plans)'],
    ['contract: ["paid"]', { account: { contract: ['paid'] } }, 'Expected a contract status (a string), got array ["paid"] (at account.contract)'],
  ])('%s is an invalid_input, not a TypeError', (_label, extra, text) => {
    const error = errorOf(() => evaluate(jumpcloud, standard(extra)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(text);
  });

  it('reports every problem of a request at once, sorted by path', () => {
    const error = errorOf(() => evaluate(jumpcloud, standard({ severity: 'high', account: { contract: 7, role: 7 }, extra: 1 })));
    expect(error.issues.map((issue) => issue.path)).toEqual([[], ['account', 'contract'], ['account', 'role'], ['severity']]);
    // Which contract statuses exist is the policy's to say (contractKinds): checked with the
    // plan and channel against the version, as a plan id is, once the shape is right.
    const status = errorOf(() => evaluate(jumpcloud, standard({ account: { contract: 'Active' } })));
    expect(status.issues.map((issue) => issue.path)).toEqual([['account', 'contract']]);
    expect(status.message).toContain('"active"');
  });

  it("a request's calendar problems keep the calendar's prefix", () => {
    const error = errorOf(() => evaluate(jumpcloud, standard({ calendar: { timezone: 'Mars/Olympus', week: {} } })));
    expect(error.code).toBe('unknown_time_zone');
    expect(error.path).toEqual(['calendar', 'timezone']);
  });
});

describe('business facts are denials; assumptions are notes', () => {
  it('a channel another plan offers is a channel_not_offered denial naming the plan that offers it', () => {
    const decision = evaluate(jumpcloud, standard({ channel: 'phone', account: { contract: 'active' } }));
    expect(decision.eligible).toBe(false);
    expect(decision.reasons[0]).toMatchObject({
      code: 'channel_not_offered',
      effect: 'deny',
      message: 'Standard does not offer phone; it offers help-center, email',
      remedy: 'Use help-center or email, or hold Premium (plan "premium"), which offers phone',
    });
  });

  const oneIdentity = getPolicy('one-identity');
  const customer = weekdayHours('America/Denver', '09:00', '17:00');
  const codes = (request: SupportRequest, policy: PolicySpec = oneIdentity) => evaluate(policy, request).reasons.map((reason) => `${reason.effect}:${reason.code}`);

  it('an add-on without the account plans, a trial without a start, no language: each assumption is a note', () => {
    expect(codes({ plan: 'premier', severity: 1, at: AT, channel: 'phone', calendar: customer, account: { contract: 'active' } })).toEqual([
      'note:language_not_given',
      'note:plans_not_given',
    ]);
    expect(codes({ plan: 'trial', severity: 2, at: AT, language: 'en', calendar: customer, account: { contract: 'trial' } })).toEqual([
      'note:trial_start_not_given',
      'note:no_published_target',
    ]);
  });

  it('a missing severity, channel, contract or role is noted as assumed', () => {
    expect(codes({ plan: 'standard', at: AT, language: 'en', calendar: customer, account: { contract: 'active' } })).toEqual(['note:severity_not_given']);
    expect(codes({ plan: '24x7', severity: 1, at: AT, language: 'en', calendar: customer, account: {} })).toEqual([
      'note:contract_not_given',
      'note:channel_not_given',
    ]);
    expect(codes(standard({ language: 'en', account: { contract: 'active' } }), getPolicy('jumpcloud-legacy'))).toContain('note:role_not_given');
  });

  it('a deletion without a stated identity verification notes that the rule was assumed not to apply', () => {
    const decision = evaluate(getPolicy('jumpcloud-legacy'), standard({ language: 'en', account: { contract: 'active', role: 'administrator' }, facts: { accountDeletion: true } }));
    expect(decision.reasons[0]).toMatchObject({
      code: 'fact_not_given',
      effect: 'note',
      message: 'Rule "unverified-account-deletion" reads identityVerified (false), which was not given: assumed not to apply',
    });
  });
});

describe('instants callers have', () => {
  const epoch = Date.parse('2026-11-25T22:00:00Z');
  const at = (instant: unknown) => addBusinessTime(roundTheClock(), instant as never, { hours: 0 }).getTime();

  it('RFC 9557 strings with a bracketed zone, Temporal-shaped objects and luxon DateTimes', () => {
    expect(at('2026-11-25T15:00-07:00[America/Denver]')).toBe(epoch);
    expect(at('2026-11-25T15:00:00-07:00[!America/Denver][u-ca=iso8601]')).toBe(epoch);
    expect(at('2026-11-25T22:00Z[America/Denver]')).toBe(epoch);
    expect(at({ epochMilliseconds: epoch })).toBe(epoch);
    expect(at(DateTime.fromISO('2026-11-25T15:00', { zone: 'America/Denver' }))).toBe(epoch);
    expect(at(DateTime.fromISO('2026-11-26T09:00', { zone: 'Asia/Tokyo' }).setZone('Europe/Paris'))).toBe(Date.parse('2026-11-26T00:00Z'));
  });

  it('an offset the zone does not have at that instant is an error naming both', () => {
    expect(message(() => at('2026-11-25T15:00-06:00[America/Denver]'))).toBe(
      'The offset -06:00 of "2026-11-25T15:00-06:00[America/Denver]" is not America/Denver\'s offset at that instant (-07:00); fix the offset or the zone (at start)',
    );
  });

  it('an epoch in seconds is rejected with the fix', () => {
    expect(message(() => at(1795644000))).toBe(
      'Expected epoch milliseconds, got 1795644000, which as milliseconds is 1970-01-21; if it is epoch seconds, multiply by 1000 (1795644000000) (at start)',
    );
  });

  it('an invalid luxon DateTime, a plain date-time and an object of no known shape', () => {
    expect(message(() => at(DateTime.fromISO('2026-02-30T10:00')))).toBe('Expected a valid DateTime, got an invalid one ("unit out of range") (at start)');
    const plain = { [Symbol.toStringTag]: 'Temporal.PlainDateTime' };
    expect(message(() => at(plain))).toBe(
      'Expected an exact instant, got a Temporal.PlainDateTime, which has no time zone (convert it with toZonedDateTime(zone) first) (at start)',
    );
    expect(message(() => at({ when: 1 }))).toBe(
      'Expected a Date, epoch milliseconds, an ISO-8601 string with an offset, a Temporal.Instant or ZonedDateTime, or a luxon DateTime, got object {"when":1} (at start)',
    );
  });

  it.each([
    ['8.64e15', 8.64e15],
    ['1e300', 1e300],
    ['new Date(8.64e15)', new Date(8.64e15)],
    ['year 1800', '1800-01-01T00:00Z'],
  ])('%s is out_of_range before any Date is made', (_label, instant) => {
    expect(errorOf(() => at(instant)).code).toBe('out_of_range');
  });

  it('no answer is an Invalid Date: adding zero at 2^53 is out of range', () => {
    expect(errorOf(() => addBusinessTime(roundTheClock(), 2 ** 53, { hours: 0 })).code).toBe('out_of_range');
  });

  it('a Date subclass cannot answer for its time value; a fake Date is rejected', () => {
    class Liar extends Date {
      override getTime() {
        return 1.5;
      }
    }
    expect(at(new Liar(epoch))).toBe(epoch);
    expect(message(() => at(Object.create(Date.prototype)))).toBe(
      'Expected a Date, epoch milliseconds, an ISO-8601 string with an offset, a Temporal.Instant or ZonedDateTime, or a luxon DateTime, got an object that inherits from Date but is no Date (at start)',
    );
  });

  it('evaluate with an instant far beyond the supported years is an error, not a garbled date', () => {
    expect(errorOf(() => evaluate(acme, { plan: 'basic', severity: 2, at: 1e300 })).code).toBe('out_of_range');
  });
});

describe('calendar specs', () => {
  it('holidays may be plain "YYYY-MM-DD" strings', () => {
    const calendar = compileCalendar({ timezone: 'UTC', week: { fri: [['09:00', '17:00']] }, holidays: ['2026-12-25'] });
    expect(isOpen(calendar, '2026-12-25T10:00Z')).toBe(false);
    expect(isOpen(calendar, '2027-01-01T10:00Z')).toBe(true);
    expect(message(() => compileCalendar({ ...office, holidays: ['25/12/2026'] }))).toBe(
      'Expected a holiday: "YYYY-MM-DD", { date, name? }, { date, hours, name? }, { region, types?, observed? } or { preset: "us-federal" }, got string "25/12/2026" (at holidays[0])',
    );
  });

  it('weekdayHours reports a bad time once, at the argument the caller wrote', () => {
    const error = errorOf(() => weekdayHours('UTC', '9:00', '17:00'));
    expect(error.message).toBe('Expected a wall-clock time "HH:MM" from "00:00" to "24:00", got "9:00" (write "09:00") (at open)');
    expect(error.issues).toHaveLength(1);
  });

  it('reports every field problem at once, sorted by path, each with what was received', () => {
    const error = errorOf(() =>
      compileCalendar({ timezone: 'Mars/Olympus', week: { mon: [['09:00', '25:00']], tue: 'all day' }, holidays: [5, '2026-02-30'], extra: true }),
    );
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[], 'Unknown field "extra"'],
      [['holidays', 0], 'Expected a holiday: "YYYY-MM-DD", { date, name? }, { date, hours, name? }, { region, types?, observed? } or { preset: "us-federal" }, got number 5'],
      [['holidays', 1], 'Expected a real date "YYYY-MM-DD", got "2026-02-30"'],
      [['timezone'], 'Unknown IANA time zone "Mars/Olympus"'],
      [['week', 'mon', 0, 1], 'Expected a wall-clock time "HH:MM" from "00:00" to "24:00", got "25:00"'],
      [['week', 'tue'], 'Expected an array, got string "all day"'],
    ]);
  });

  it('the cache cannot be poisoned: the key and the compiled value come from one read of the spec', () => {
    const allDay = [['00:00', '24:00']] as const;
    let reads = 0;
    // toJSON answers like an ordinary 09:00-17:00 spec; the getter answers differently on each read.
    const shifty = Object.create(
      { toJSON: () => ({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } }) },
      {
        timezone: { value: 'UTC', enumerable: true },
        week: {
          enumerable: true,
          get() {
            reads++;
            return reads === 1 ? { mon: allDay } : { mon: [['09:00', '17:00']] };
          },
        },
      },
    );
    const poisoned = compileCalendar(shifty as unknown as CalendarSpec);
    expect(reads).toBe(1);
    expect(isOpen(poisoned, '2026-11-23T03:00Z')).toBe(true); // its own (first-read) hours
    expect(isOpen({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } }, '2026-11-23T03:00Z')).toBe(false);
  });

  it('hostile shapes are bounded errors: cycles, deep nesting, huge lists, getters that throw', () => {
    const cyclic: Record<string, unknown> = { timezone: 'UTC', week: {} };
    (cyclic.week as Record<string, unknown>).self = cyclic;
    expect(errorOf(() => compileCalendar(cyclic)).message).toBe('The input is cyclic: this value contains itself (at week.self)');
    let deep: unknown = [];
    for (let k = 0; k < 30_000; k++) deep = [deep];
    expect(errorOf(() => compileCalendar({ timezone: 'UTC', week: { mon: deep } })).code).toBe('input_too_large');
    const one = compileCalendar(office);
    expect(errorOf(() => unionCalendars(Array(200_000).fill(one))).message).toBe('The input has more than 200000 values (an array of 200000) (at calendars)');
    const throwing = { timezone: 'UTC', get week(): never { throw new Error('boom'); } };
    expect(errorOf(() => compileCalendar(throwing)).message).toBe('Reading this value threw: boom (at week)');
  });

  it('unionCalendars checks its options and its list', () => {
    const one = compileCalendar(office);
    expect(message(() => unionCalendars([one], null as never))).toBe('Expected an options object with holidayRegions, timezone, name, got null (at options)');
    expect(message(() => unionCalendars([one], 'hello' as never))).toBe(
      'Expected an options object with holidayRegions, timezone, name, got string "hello" (at options)',
    );
    const long = errorOf(() => unionCalendars('x'.repeat(1_000_000) as never)).message;
    expect(long.length).toBeLessThan(300);
    expect(long).toMatch(/^Expected an array of calendars or calendar specs, got string "x{120}"… \(1000000 characters\) \(at calendars\)$/);
  });
});

describe('options, and messages that can never throw', () => {
  it('an unknown option is an error with a suggestion', () => {
    expect(message(() => addBusinessTime(office, 0, { hours: 1 }, { pause: [] } as never))).toBe('Unknown field "pause" (did you mean "pauses"?) (at options)');
    expect(message(() => addBusinessDays(office, 0, 1, { rules: 'same-time' } as never))).toBe('Unknown field "rules" (did you mean "rule"?) (at options)');
  });

  it('a BigInt, a cyclic value or a Symbol in an option is quoted safely', () => {
    expect(message(() => addBusinessTime(office, 0, { hours: 1 }, { landing: 10n } as never))).toBe('Expected one of "nearest", "farthest", got bigint 10n (at options.landing)');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(message(() => addBusinessDays(office, 0, 1, { rule: cyclic } as never))).toBe(
      'Expected one of "end-of-day", "same-time", "start-of-day", got object {"a":1,"self":{"a":1,"self":{…}}} (at options.rule)',
    );
    expect(message(() => addBusinessDays(office, 0, 1, { rule: Object.create(null) } as never))).toBe(
      'Expected one of "end-of-day", "same-time", "start-of-day", got object {} (at options.rule)',
    );
  });

  it('isKnownRegion never throws, and regionalHolidays checks its options', () => {
    expect(isKnownRegion(10n as never)).toBe(false);
    expect(errorOf(() => regionalHolidays('US', 2026, null as never)).code).toBe('invalid_option');
  });
});

describe('policies: every problem at once, with what was received', () => {
  it('structure problems across a policy, in path order', () => {
    const broken = structuredClone(acme) as unknown as { versions: [{ plans: [Record<string, unknown>] }] };
    const plan = broken.versions[0].plans[0];
    plan.tier = 'zero';
    plan.contract = [7];
    plan.targets = { 1: { duration: { hours: 8 }, clause }, 2: 5 };
    plan.chanels = plan.channels;
    delete plan.channels;
    const error = errorOf(() => compilePolicy(broken));
    expect(error.issues.map((issue) => `${issue.message} @ ${issue.path.join('.')}`)).toEqual([
      'Unknown field "chanels" (did you mean "channels"?) @ versions.0.plans.0',
      'Missing required array @ versions.0.plans.0.channels',
      'Expected a string, got number 7 @ versions.0.plans.0.contract.0',
      'Expected a string, got object {"hours":8} @ versions.0.plans.0.targets.1.duration',
      'Expected a response target { duration: "PT4H", clause } or { businessDays, rule, clause }, or null, got number 5 @ versions.0.plans.0.targets.2',
      'Expected a number, got string "zero" @ versions.0.plans.0.tier',
    ]);
    expect(error.message).toBe('Unknown field "chanels" (did you mean "channels"?) (at versions[0].plans[0])');
  });

  it('cross-reference problems and calendar problems together', () => {
    const broken = structuredClone(acme) as unknown as { versions: [Record<string, unknown> & { plans: [Record<string, unknown>] }] };
    broken.versions[0].defaultSeverity = 9;
    broken.versions[0].calendars = { office: { timezone: 'UTC', week: { mon: [['9:00', '17:00']] } } };
    broken.versions[0].plans[0].requiresAnyOf = ['gold'];
    broken.versions[0].plans[0].coverage = { default: 'ofice' };
    const error = errorOf(() => compilePolicy(broken));
    expect(error.issues.map((issue) => `${issue.code}: ${issue.message} @ ${issue.path.join('.')}`)).toEqual([
      'invalid_input: Expected a wall-clock time "HH:MM", got "9:00" @ versions.0.calendars.office.week.mon.0.0',
      'invalid_policy: Expected a defined severity: one of 1, 2, got 9 @ versions.0.defaultSeverity',
      'invalid_policy: Unknown clock "ofice" (did you mean "office"?); use "round-the-clock", "customer" or a calendar id of this version @ versions.0.plans.0.coverage.default',
      'invalid_policy: Plan "basic" requires plan "gold", which this version does not define @ versions.0.plans.0.requiresAnyOf.0',
    ]);
  });

  it('a cyclic policy and a deeply nested one fail fast with input_too_large', () => {
    const cyclic = structuredClone(jumpcloud) as unknown as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(errorOf(() => compilePolicy(cyclic)).message).toBe('The input is cyclic: this value contains itself (at self)');
    const deep = JSON.parse(`{"id":${'['.repeat(40_000)}${']'.repeat(40_000)}}`);
    expect(errorOf(() => compilePolicy(deep)).code).toBe('input_too_large');
  });

  it('compilePolicy takes JSON of unknown shape', () => {
    const json: unknown = JSON.parse(JSON.stringify(acme));
    expect(compilePolicy(json).id).toBe('acme');
  });

  it('withContract checks its terms whole', () => {
    expect(message(() => withContract(jumpcloud, null as never))).toBe('Expected contract terms { clause, plans, calendars? }, got null');
    expect(message(() => withContract(jumpcloud, {} as never))).toBe('Missing required object (at clause)');
    expect(message(() => withContract(jumpcloud, { clause, plans: { standard: { target: {} } } } as never))).toBe(
      'Unknown field "target" (did you mean "targets"?) (at plans.standard)',
    );
    expect(message(() => withContract(jumpcloud, { clause, plans: { standard: 5 } } as never))).toBe('Expected an object, got number 5 (at plans.standard)');
  });
});

describe('slaclock/compare reads its options once, keeping compiled calendars', () => {
  it('a compiled Calendar in options.regions is used as it is', async () => {
    const { compare } = await import('../src/compare/index.js');
    const desk = compileCalendar(weekdayHours('Europe/Paris', '09:00', '17:00'));
    const report = compare([{ policy: 'one-identity', plan: 'standard' }], [{ severity: 2, at: Date.parse('2026-11-25T10:00Z'), region: 'ACME' }], { regions: { ACME: desk as unknown as CalendarSpec } });
    expect(report.rows[0]?.cases).toBe(1);
  });
});

describe('errors', () => {
  it('are SlaclockErrors with bounded messages even for a huge value', () => {
    const error = errorOf(() => compileCalendar({ timezone: 'x'.repeat(1_000_000), week: {} }));
    expect(error).toBeInstanceOf(SlaclockError);
    expect(error.message.length).toBeLessThan(1100);
  });
});
