// Results never depend on the host's time zone or locale. `npm test` runs the whole suite
// a second time on a far-off host (test/support/far-host.mjs); here, the same operations are
// also compared across host zones changed in-process (Node re-reads process.env.TZ).
import { afterEach, describe, expect, it, vi } from 'vitest';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('the far-host run', () => {
  const expected = process.env.SLACLOCK_EXPECT_HOST;
  it.runIf(expected !== undefined)('runs with the host zone and locale it asked for', () => {
    const [zone, language] = (expected as string).split(' ');
    const host = new Intl.DateTimeFormat().resolvedOptions();
    expect(host.timeZone).toBe(zone);
    expect(host.locale.split('-')[0]).toBe(language);
    expect(host.calendar).toBe('buddhist'); // the locale's default calendar really is in effect
  });
});

/**
 * A fixed set of answers, as plain strings: decisions, deadlines, explanations, a report.
 * The modules are loaded afresh each time, so no cache (compiled calendars and policies,
 * zone offsets, holiday lists) carries an answer over from another host zone.
 */
async function answers(): Promise<string> {
  vi.resetModules();
  const { compare, formatReport, generateCases } = await import('../src/compare/index.js');
  const { addBusinessDays, addBusinessTime, compileCalendar, evaluate, explainBusinessTime, getPolicy, listPolicies, weekdayHours } = await import('../src/index.js');
  const { holidayRegions, regionalHolidays } = await import('../src/regions/index.js');
  const munich = compileCalendar(weekdayHours('Europe/Berlin', '09:00', '17:00', [{ region: 'DE-BY', types: ['public', 'bank'] }]), { holidayRegions });
  const kathmandu = { timezone: 'Asia/Kathmandu', week: { sun: [['10:00', '17:00']], mon: [['10:00', '17:00']], fri: [['22:00', '06:00']] } } as const;
  const at = ['2026-03-08T01:30:00-08:00', '2026-10-25T00:30:00Z', '2026-12-24T13:59:00+01:00', '2026-12-31T23:59:59.999-10:00'];
  const out: unknown[] = [];
  for (const policy of listPolicies()) {
    for (const plan of policy.plans) {
      for (const t of at) {
        for (const severity of [1, 2]) {
          try {
            out.push(evaluate(getPolicy(policy.id), { plan, severity, at: t, calendar: munich, account: { contract: 'active', role: 'administrator' } }));
          } catch (error) {
            out.push(String(error)); // an error is an answer too (a plan without that severity)
          }
        }
      }
    }
  }
  for (const t of at) {
    out.push(addBusinessTime(munich, t, { hours: 5 }).toISOString(), addBusinessDays(kathmandu, t, 3).toISOString());
    out.push(explainBusinessTime(kathmandu, t, addBusinessTime(kathmandu, t, { hours: 20 })));
  }
  out.push(regionalHolidays('CH-GE', 2026, { types: ['public', 'bank', 'observance'] }));
  // Years in which some host zones skipped a whole date (Kiritimati 1994-12-31, Apia 2011-12-30).
  out.push(regionalHolidays('PH', 1994, { types: ['public', 'optional'] }), regionalHolidays('PH', 2011, { types: ['public', 'optional'] }));
  const cases = generateCases({ year: 2026, seed: 7, count: 200, weighting: 'business-hours' });
  out.push(formatReport(compare([{ policy: 'jumpcloud', plan: 'standard' }, { policy: 'one-identity', plan: 'premier' }], cases), 'csv'));
  return JSON.stringify(out);
}

describe('answers do not depend on the host time zone', () => {
  it('are the same under UTC and under zones with DST gaps at midnight, far-off and odd offsets', async () => {
    process.env.TZ = 'UTC';
    expect(new Date(0).getTimezoneOffset()).toBe(0); // the change took effect
    const reference = await answers();
    expect(reference).toContain('"deadlineMs":'); // real decisions, not only errors
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Apia', 'Pacific/Pago_Pago', 'America/Santiago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns']) {
      process.env.TZ = zone;
      expect(await answers(), zone).toBe(reference);
    }
  });
});

describe('regional holidays on a host zone that skipped a date', () => {
  it('keep Rizal Day on December 30 (Philippine law) in 2011 under Pacific/Apia and 1994 under Pacific/Kiritimati', async () => {
    for (const [zone, year] of [['Pacific/Apia', 2011], ['Pacific/Kiritimati', 1994]] as const) {
      process.env.TZ = zone;
      vi.resetModules();
      const { regionalHolidays } = await import('../src/regions/index.js');
      const december = regionalHolidays('PH', year, { types: ['public', 'optional'] }).filter((h) => h.date.startsWith(`${year}-12-3`));
      expect(december, zone).toEqual([
        { date: `${year}-12-30`, name: 'Rizal Day', fromMinute: 0, days: 1 },
        { date: `${year}-12-31`, name: "New Year's Eve", fromMinute: 0, days: 1 },
      ]);
    }
  });
});
