// The worked SaaS policy of docs/policies.md ("Nimbus"), checked by hand-computed golden
// cases: every expected instant is derived in the comment beside it from the policy's
// words and the customer calendar below, never copied from the engine's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCalendar, compilePolicy, evaluate, resolveTerms, deadlineFrom, unionCalendars, SlaclockError, type Decision, type SupportRequest } from '../src/index.js';

function catchError(action: () => unknown): SlaclockError {
  try {
    action();
  } catch (error) {
    if (error instanceof SlaclockError) return error;
    throw error;
  }
  throw new Error('expected a SlaclockError');
}

const doc = readFileSync(new URL('../docs/policies.md', import.meta.url), 'utf8');
const json = /<!-- saas-policy -->\n```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
const nimbus = compilePolicy(JSON.parse(json ?? 'null'));

/** The customer's business hours: Berlin, Mon-Fri 09:00-17:00, closed on 25 and 26 December 2026. */
const BERLIN = compileCalendar({
  timezone: 'Europe/Berlin',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['2026-12-25', '2026-12-26'],
});

const TUESDAY = '2026-11-24T10:00+01:00';
const SATURDAY_NIGHT = '2026-11-28T03:00+01:00';
const FRIDAY_LATE = '2026-11-27T16:30+01:00';

const decide = (request: Omit<SupportRequest, 'calendar' | 'account'>): Decision => evaluate(nimbus, { calendar: BERLIN, account: { contract: 'active' }, ...request });
const codes = (decision: Decision) => decision.reasons.map((reason) => reason.code);

describe('the worked SaaS policy (docs/policies.md)', () => {
  it('is in the docs and compiles', () => {
    expect(json).toBeDefined();
    expect(nimbus.id).toBe('nimbus');
  });

  it('Basic P1 by email: "P1 by phone" binds only plans with phone; 8 business hours', () => {
    const decision = decide({ plan: 'basic', severity: 1, at: TUESDAY, channel: 'email' });
    expect(decision.eligible).toBe(true);
    expect(decision.channels.required).toBeNull();
    // Tue 10:00-17:00 = 7 h; Wed 09:00 + 1 h = 10:00 CET.
    expect(decision.firstResponse?.deadline).toBe('2026-11-25T10:00:00.000+01:00');
    expect(Object.keys(decision.targets)).toEqual(['firstResponse']);
  });

  it('Business P1 by email is denied with the way forward; by phone it is answered round the clock', () => {
    const byEmail = decide({ plan: 'business', severity: 1, at: TUESDAY, channel: 'email' });
    expect(byEmail.eligible).toBe(false);
    expect(byEmail.reasons.find((reason) => reason.code === 'channel_required')?.remedy).toBe('Report the case by phone');
    const byPhone = decide({ plan: 'business', severity: 1, at: SATURDAY_NIGHT, channel: 'phone' });
    // Sat 03:00 CET + 1 elapsed hour = 04:00, shown in the customer's zone.
    expect(byPhone.firstResponse?.deadline).toBe('2026-11-28T04:00:00.000+01:00');
    // Updates every 4 hours, round the clock: the first cycle from 03:00 is due at 07:00.
    expect(byPhone.targets.update).toMatchObject({ metric: 'update', cadence: '4 hours', clock: 'round-the-clock', deadline: '2026-11-28T07:00:00.000+01:00' });
  });

  it('Enterprise P1: 30 minutes with a published 95% attainment, a 4-hour workaround and hourly updates', () => {
    const decision = decide({ plan: 'enterprise', severity: 1, at: SATURDAY_NIGHT, channel: 'phone' });
    // 03:00 + 30 min = 03:30; workaround 03:00 + 4 h = 07:00; update 03:00 + 1 h = 04:00 (all round the clock).
    expect(decision.targets.firstResponse).toMatchObject({ deadline: '2026-11-28T03:30:00.000+01:00', attainment: 95, cadence: null });
    expect(decision.targets.workaround?.deadline).toBe('2026-11-28T07:00:00.000+01:00');
    expect(decision.targets.update).toMatchObject({ deadline: '2026-11-28T04:00:00.000+01:00', cadence: '1 hour' });
    expect(decision.targets.resolution).toBeUndefined(); // no P1 resolution commitment is published
  });

  it('Enterprise P2: first response round the clock, resolution in five of the customer\'s business days', () => {
    const decision = decide({ plan: 'enterprise', severity: 2, at: FRIDAY_LATE });
    // Fri 16:30 + 1 elapsed hour = 17:30 CET.
    expect(decision.firstResponse?.deadline).toBe('2026-11-27T17:30:00.000+01:00');
    // Business days after Friday: Mon 30 (1), Tue 1 (2), Wed 2 (3), Thu 3 (4), Fri 4 (5): by its 17:00 close.
    expect(decision.targets.resolution).toMatchObject({ clock: 'customer', deadline: '2026-12-04T17:00:00.000+01:00', cadence: null });
    // Fri 16:30 + 4 elapsed hours = 20:30 CET.
    expect(decision.targets.update?.deadline).toBe('2026-11-27T20:30:00.000+01:00');
  });

  it('a beta feature is handled at P3 at most', () => {
    const decision = decide({ plan: 'enterprise', severity: 1, at: TUESDAY, channel: 'phone', facts: { betaFeature: true } });
    expect(decision.severity).toBe(3);
    expect(codes(decision)).toContain('severity_set');
    // P3: 4 business hours, Tue 10:00 + 4 h = 14:00 CET.
    expect(decision.firstResponse?.deadline).toBe('2026-11-24T14:00:00.000+01:00');
  });

  it('custom code is out of scope with the rule\'s remedy and route', () => {
    const decision = decide({ plan: 'business', severity: 3, at: TUESDAY, facts: { customCode: true } });
    const denial = decision.reasons.find((reason) => reason.code === 'out_of_scope');
    expect(denial?.remedy).toBe('Book a Professional Services engagement');
    expect(decision.route?.team).toBe('professional-services');
  });

  it('the seat limit is scoped to Basic', () => {
    const basic = decide({ plan: 'basic', severity: 3, at: TUESDAY, facts: { seats: 600 } });
    expect(basic.eligible).toBe(false);
    expect(basic.reasons.find((reason) => reason.code === 'out_of_scope')?.remedy).toBe('Upgrade to Business for more than 500 seats');
    expect(decide({ plan: 'business', severity: 3, at: TUESDAY, facts: { seats: 600 } }).eligible).toBe(true);
    expect(decide({ plan: 'basic', severity: 3, at: TUESDAY, facts: { seats: 500 } }).eligible).toBe(true); // "up to 500"
  });

  it('an end-of-life version is best effort; an unknown fact is a note naming it, and the rule does not fire', () => {
    const bestEffort = decide({ plan: 'business', severity: 3, at: TUESDAY, facts: { productVersion: '2.x', upgradeQuestion: false } });
    expect(bestEffort.eligible).toBe(true);
    expect(bestEffort.firstResponse).toBeNull();
    expect(bestEffort.reasons.find((reason) => reason.code === 'best_effort')?.remedy).toBe('Upgrade to 3.x');
    const upgrade = decide({ plan: 'business', severity: 3, at: TUESDAY, facts: { productVersion: '2.x', upgradeQuestion: true } });
    expect(upgrade.firstResponse).not.toBeNull();
    const unknown = decide({ plan: 'business', severity: 3, at: TUESDAY, facts: { productVersion: '2.x' } });
    expect(unknown.firstResponse).not.toBeNull();
    expect(unknown.reasons.find((reason) => reason.code === 'fact_not_given')?.message).toContain('upgradeQuestion (true)');
  });

  it('billing questions are routed by any of two facts', () => {
    expect(decide({ plan: 'basic', at: TUESDAY, facts: { product: 'billing' } }).route?.team).toBe('billing');
    expect(decide({ plan: 'basic', at: TUESDAY, facts: { invoiceQuestion: true } }).route?.team).toBe('billing');
    expect(decide({ plan: 'basic', at: TUESDAY }).route?.team).toBe('support');
  });

  it('holidays of the customer\'s calendar stop the business clock', () => {
    // Thu 24 Dec 13:00-17:00 = 4 h; Fri 25 closed, Sat 26, Sun 27; Mon 28 09:00 + 4 h = 13:00 CET.
    expect(decide({ plan: 'business', severity: 3, at: '2026-12-24T13:00+01:00' }).firstResponse?.deadline).toBe('2026-12-28T13:00:00.000+01:00');
  });

  describe('Business P2: "24x5 in your zone", a calendar template', () => {
    // Mon 00:00 - Fri 24:00 in the customer's zone, on the customer's holidays closed; the
    // customer's own 09:00-17:00 hours do not limit it.
    const NEW_YORK = compileCalendar({ timezone: 'America/New_York', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-11-26'] });

    it('runs through the customer\'s evening and stops for the weekend in the customer\'s zone', () => {
      const decision = decide({ plan: 'business', severity: 2, at: '2026-11-27T22:00+01:00' });
      // Fri 22:00-24:00 CET = 2 h; Sat and Sun closed; Mon 30 00:00 + 2 h = 02:00 CET.
      expect(decision.firstResponse).toMatchObject({ clock: '24x5-local', timezone: 'Europe/Berlin', deadline: '2026-11-30T02:00:00.000+01:00' });
    });

    it('follows the customer\'s zone: the same instant in New York is still Friday afternoon', () => {
      const decision = evaluate(nimbus, { plan: 'business', severity: 2, at: '2026-11-27T22:00+01:00', calendar: NEW_YORK, account: { contract: 'active' } });
      // 22:00 CET = 21:00Z = 16:00 EST (UTC-5); 16:00 + 4 h = 20:00 EST, before New York's Friday ends.
      expect(decision.firstResponse).toMatchObject({ timezone: 'America/New_York', deadline: '2026-11-27T20:00:00.000-05:00' });
      // Thanksgiving, Thu 26 Nov, is the New York customer's holiday: Wed 25 22:00 EST + 4 h:
      // Wed 22:00-24:00 (2 h), Thu closed, Fri 00:00 + 2 h = Fri 27 02:00 EST.
      const holiday = evaluate(nimbus, { plan: 'business', severity: 2, at: '2026-11-25T22:00-05:00', calendar: NEW_YORK, account: { contract: 'active' } });
      expect(holiday.firstResponse?.deadline).toBe('2026-11-27T02:00:00.000-05:00');
    });

    it('closes on the customer\'s holidays', () => {
      // Thu 24 Dec 22:00-24:00 CET = 2 h; Fri 25 is the customer's holiday; Sat 26, Sun 27; Mon 28 00:00 + 2 h = 02:00 CET.
      expect(decide({ plan: 'business', severity: 2, at: '2026-12-24T22:00+01:00' }).firstResponse?.deadline).toBe('2026-12-28T02:00:00.000+01:00');
    });

    it('takes the holidays of every member of a composite customer calendar', () => {
      const both = unionCalendars([BERLIN, NEW_YORK], { timezone: 'Europe/Berlin' });
      // Wed 25 Nov 22:00 CET + 4 h: Wed 22:00-24:00 (2 h); Thu 26 is the New York member's holiday; Fri 00:00 + 2 h = 02:00 CET.
      const decision = evaluate(nimbus, { plan: 'business', severity: 2, at: '2026-11-25T22:00+01:00', calendar: both, account: { contract: 'active' } });
      expect(decision.firstResponse?.deadline).toBe('2026-11-27T02:00:00.000+01:00');
    });

    it('is the same calendar for an equal customer spec passed on every call', () => {
      const spec = BERLIN.toJSON();
      const first = resolveTerms(nimbus, { plan: 'business', severity: 2, at: TUESDAY, calendar: spec });
      const second = resolveTerms(nimbus, { plan: 'business', severity: 2, at: TUESDAY, calendar: compileCalendar(spec) });
      expect(first.metrics.firstResponse?.calendar).toBe(second.metrics.firstResponse?.calendar);
    });

    it('needs the customer\'s calendar: without one it is an error naming the template', () => {
      const error = catchError(() => evaluate(nimbus, { plan: 'business', severity: 2, at: TUESDAY, account: { contract: 'active' } }));
      expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['calendar'] }] });
      expect(error.message).toContain('"24x5-local" in the customer\'s zone');
    });

    it('is checked when the policy compiles, and a misspelt template id is caught', () => {
      const spec = JSON.parse(json ?? 'null');
      const bad = structuredClone(spec);
      bad.versions[0].calendars['24x5-local'].week.mon = [['00:00', '25:00']];
      expect(catchError(() => compilePolicy(bad)).issues[0]?.path.slice(0, 4)).toEqual(['versions', 0, 'calendars', '24x5-local']);
      const misspelt = structuredClone(spec);
      misspelt.versions[0].plans[1].coverage.bySeverity['2'] = '24x5-locl';
      expect(catchError(() => compilePolicy(misspelt)).message).toContain('did you mean "24x5-local"');
    });
  });

  it('resolveTerms gives a timer each metric\'s clock, and deadlineFrom restarts a cycle at any instant', () => {
    const terms = resolveTerms(nimbus, { plan: 'enterprise', severity: 2, at: FRIDAY_LATE, calendar: BERLIN });
    const update = terms.metrics.update;
    expect(update?.metric).toMatchObject({ id: 'update', recurring: true, pausedBy: ['waiting-on-customer'] });
    // A second update cycle starting Sat 02:00 CET (01:00Z) is due 4 elapsed hours later: 05:00Z.
    expect(update && deadlineFrom(update, '2026-11-28T02:00+01:00')).toBe(Date.parse('2026-11-28T05:00Z'));
    expect(terms.metrics.resolution?.clock).toBe('customer');
  });
});
