// Calendars with { region } holidays take their dates from a holiday source: the
// date-holidays one of slaclock/regions, or the caller's own. The core never loads
// date-holidays, checks what a source returns, and keeps compiled calendars apart per source.
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  compileCalendar,
  configureCaches,
  compilePolicy,
  evaluate,
  getPolicy,
  intersectCalendars,
  resolveTerms,
  deadlineFrom,
  isOpen,
  unionCalendars,
  weekdayHours,
  withContract,
  type HolidayRegions,
  type RegionalHoliday,
} from '../src/index.js';
import { holidayRegions } from '../src/regions/index.js';
import { applyEvent, slaAt, startTicket } from '../src/timers/index.js';
import { errorOf } from './support/errors.js';

const acmeSpec = weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'ACME' }]);
const WEDNESDAY_NOON = '2026-11-25T12:00+01:00';

/** A source that closes one date of every year for region ACME, and counts its calls. */
function companySource(monthDay: string): HolidayRegions & { calls: number } {
  const source = {
    calls: 0,
    holidays(region: string, year: number): readonly RegionalHoliday[] {
      source.calls++;
      return region === 'ACME' ? [{ date: `${year}-${monthDay}`, name: 'Company day', fromMinute: 0, days: 1 }] : [];
    },
  };
  return source;
}

describe('a calendar that names a region', () => {
  it('needs a holiday source: regions_not_loaded, with the path of the region field', () => {
    const error = errorOf(() => compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ date: '2026-01-01' }, { region: 'DE-BY' }])));
    expect(error.code).toBe('regions_not_loaded');
    expect(error.path).toEqual(['holidays', 1, 'region']);
    expect(error.message).toContain("'slaclock/regions'");
  });

  it('says so also when passed as a spec to a function, and inside unions', () => {
    expect(errorOf(() => isOpen(acmeSpec, WEDNESDAY_NOON)).code).toBe('regions_not_loaded');
    // unionCalendars(list) names the member where the caller wrote it: calendars[1], not union[1].
    const error = errorOf(() => unionCalendars([weekdayHours('UTC', '09:00', '17:00'), acmeSpec]));
    expect(error.code).toBe('regions_not_loaded');
    expect(error.path).toEqual(['calendars', 1, 'holidays', 0, 'region']);
  });

  it("closes the source's dates; a caller's own source works like date-holidays", () => {
    const acme = compileCalendar(acmeSpec, { holidayRegions: companySource('11-25') });
    expect(isOpen(acme, WEDNESDAY_NOON)).toBe(false);
    expect(isOpen(acme, '2026-11-26T12:00+01:00')).toBe(true);
    // Wed closed: Tue 16:00 + 2 h = 1 h Tuesday, then Thu 09:00 + 1 h.
    expect(addBusinessTime(acme, '2026-11-24T16:00+01:00', { hours: 2 }).toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('with date-holidays: Bavaria closes on Epiphany, Berlin does not', () => {
    const bavaria = compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY' }]), { holidayRegions });
    const berlin = compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BE' }]), { holidayRegions });
    expect(isOpen(bavaria, '2026-01-06T12:00+01:00')).toBe(false);
    expect(isOpen(berlin, '2026-01-06T12:00+01:00')).toBe(true);
  });

  it('passes the options of the region entry, defaults applied, to the source', () => {
    const seen: unknown[] = [];
    const recorder: HolidayRegions = {
      holidays(region, year, options) {
        seen.push({ region, options });
        return [];
      },
    };
    compileCalendar(weekdayHours('UTC', '09:00', '17:00', [{ region: 'X' }, { region: 'Y', types: ['bank'], observed: false }]), { holidayRegions: recorder });
    expect(seen).toContainEqual({ region: 'X', options: { types: ['public'], observed: true } });
    expect(seen).toContainEqual({ region: 'Y', options: { types: ['bank'], observed: false } });
  });
});

describe("a customer calendar spec in a request: compiled with the policy's holiday source", () => {
  // One Identity Standard severity 2 is 2 hours on the customer's calendar. Tuesday 16:00 in Berlin:
  // 1 hour on Tuesday, Wednesday 25 November closed (the company day), Thursday 09:00 + 1 hour.
  const request = { plan: 'standard', severity: 2, at: '2026-11-24T16:00+01:00', calendar: acmeSpec };
  const THURSDAY_TEN = '2026-11-26T10:00:00.000+01:00';

  it('evaluate and resolveTerms', () => {
    const policy = compilePolicy(getPolicy('one-identity'), { holidayRegions: companySource('11-25') });
    expect(evaluate(policy, request).firstResponse?.deadline).toBe(THURSDAY_TEN);
    const terms = resolveTerms(policy, request).metrics.firstResponse;
    expect(terms && deadlineFrom(terms, request.at)).toBe(Date.parse(THURSDAY_TEN));
    // A policy compiled without a source cannot read the region: the error names the request's field.
    const error = errorOf(() => evaluate(getPolicy('one-identity'), request));
    expect(error.code).toBe('regions_not_loaded');
    expect(error.path).toEqual(['calendar', 'holidays', 0, 'region']);
  });

  it('the ticket timers, also from a saved state (the state keeps the spec)', () => {
    const policy = compilePolicy(getPolicy('one-identity'), { holidayRegions: companySource('11-25') });
    const saved = JSON.parse(JSON.stringify(startTicket(policy, request))) as ReturnType<typeof startTicket>;
    const state = applyEvent(policy, saved, { at: '2026-11-24T16:30+01:00', type: 'customer-reply' });
    expect(slaAt(policy, state, '2026-11-26T09:30+01:00').metrics.firstResponse?.deadline).toBe(THURSDAY_TEN);
  });
});

describe('what a source returns is checked', () => {
  const returning = (value: unknown): HolidayRegions => ({ holidays: () => value as readonly RegionalHoliday[] });
  it.each([
    ['not an array', { date: '2026-12-24' }],
    ['a date without a day', [{ date: '2026-12', name: 'x', fromMinute: 0, days: 1 }]],
    ['an impossible date', [{ date: '2026-02-30', name: 'x', fromMinute: 0, days: 1 }]],
    ['no name', [{ date: '2026-12-24', fromMinute: 0, days: 1 }]],
    ['a start minute past the day', [{ date: '2026-12-24', name: 'x', fromMinute: 1440, days: 1 }]],
    ['a fractional start minute', [{ date: '2026-12-24', name: 'x', fromMinute: 0.5, days: 1 }]],
    ['zero days', [{ date: '2026-12-24', name: 'x', fromMinute: 0, days: 0 }]],
    ['NaN days', [{ date: '2026-12-24', name: 'x', fromMinute: 0, days: Number.NaN }]],
    ['null', [null]],
    ['a hole in a sparse array', [{ date: '2026-12-24', name: 'x', fromMinute: 0, days: 1 }, , { date: '2026-12-26', name: 'y', fromMinute: 0, days: 1 }]],
    ['a date in another year', [{ date: '2031-12-24', name: 'x', fromMinute: 0, days: 1 }]],
  ])('%s: invalid_input at the region field', (_label, value) => {
    const error = errorOf(() => compileCalendar(weekdayHours('UTC', '09:00', '17:00', [{ region: 'ACME' }]), { holidayRegions: returning(value) }));
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['holidays', 0, 'region']);
    expect(error.message).toContain('ACME');
  });

  it.each([
    ['null', null],
    ['an object without holidays()', {}],
    ['a function', () => []],
    ['holidays that is not a function', { holidays: [] }],
  ])('a holidayRegions option that is %s: invalid_option', (_label, value) => {
    const options = { holidayRegions: value as unknown as HolidayRegions };
    for (const error of [
      errorOf(() => compileCalendar(weekdayHours('UTC', '09:00', '17:00'), options)),
      errorOf(() => compilePolicy(getPolicy('cirrus-identity'), options)),
    ]) {
      expect(error.code).toBe('invalid_option');
      expect(error.path).toEqual(['holidayRegions']);
    }
  });

  it("a source's own SlaclockError keeps its code and gains the path", () => {
    const error = errorOf(() => compileCalendar(weekdayHours('UTC', '09:00', '17:00', [{ region: 'XX-YY' }]), { holidayRegions }));
    expect(error.code).toBe('unknown_region');
    expect(error.path).toEqual(['holidays', 0, 'region']);
  });
});

describe('compiled calendars are cached per holiday source', () => {
  it('an equal spec with an equal source compiles once', () => {
    const source = companySource('11-25');
    const first = compileCalendar(acmeSpec, { holidayRegions: source });
    isOpen(first, WEDNESDAY_NOON);
    const calls = source.calls;
    const second = compileCalendar(JSON.parse(JSON.stringify(acmeSpec)), { holidayRegions: source });
    expect(isOpen(second, WEDNESDAY_NOON)).toBe(false);
    expect(source.calls).toBe(calls); // the compiled timeline (with its built years) was reused
  });

  it('the same spec with another source is another calendar', () => {
    const closedWednesday = compileCalendar(acmeSpec, { holidayRegions: companySource('11-25') });
    const closedThursday = compileCalendar(acmeSpec, { holidayRegions: companySource('11-26') });
    expect(isOpen(closedWednesday, WEDNESDAY_NOON)).toBe(false);
    expect(isOpen(closedThursday, WEDNESDAY_NOON)).toBe(true);
    expect(isOpen(closedThursday, '2026-11-26T12:00+01:00')).toBe(false);
  });

  it("a union of compiled calendars uses each member's own source, whatever the union's", () => {
    const closedWednesday = compileCalendar(acmeSpec, { holidayRegions: companySource('11-25') });
    const closedThursday = compileCalendar(acmeSpec, { holidayRegions: companySource('11-26') });
    const both = intersectCalendars([closedWednesday, closedThursday]);
    expect(isOpen(both, WEDNESDAY_NOON)).toBe(false);
    expect(isOpen(both, '2026-11-26T12:00+01:00')).toBe(false);
    expect(isOpen(both, '2026-11-27T12:00+01:00')).toBe(true);
    // Its spec JSON equals one built from the plain specs, which must not reuse it.
    const again = intersectCalendars([closedThursday, closedThursday]);
    expect(isOpen(again, WEDNESDAY_NOON)).toBe(true);
  });

  it('keeps at most `calendars` specs per source by content (configureCaches): one more pushes out the least recently used', () => {
    const before = configureCaches();
    configureCaches({ calendars: 32 });
    try {
      const source = companySource('11-25');
      const specs = Array.from({ length: 33 }, (_, k) => ({ ...acmeSpec, name: `desk ${k}` }));
      for (const spec of specs) isOpen(compileCalendar(spec, { holidayRegions: source }), WEDNESDAY_NOON);
      const afterFill = source.calls;
      isOpen(compileCalendar({ ...specs[32] } as typeof acmeSpec, { holidayRegions: source }), WEDNESDAY_NOON); // an equal spec: still cached
      expect(source.calls).toBe(afterFill);
      isOpen(compileCalendar(specs[0] as typeof acmeSpec, { holidayRegions: source }), WEDNESDAY_NOON); // the same, unchanged object: found by identity
      expect(source.calls).toBe(afterFill);
      isOpen(compileCalendar({ ...specs[0] } as typeof acmeSpec, { holidayRegions: source }), WEDNESDAY_NOON); // an equal spec: was dropped, compiled again
      expect(source.calls).toBeGreaterThan(afterFill);
    } finally {
      configureCaches(before);
    }
  });
});
