import Holidays from 'date-holidays';
import { afterEach, describe, expect, it } from 'vitest';
import type { HolidayType } from '../src/calendar/spec.js';
import { compileCalendar } from '../src/index.js';
import { holidayRegions, isKnownRegion, regionalHolidays } from '../src/regions/index.js';
import { usFederalHolidays } from '../src/calendar/holidays/usFederal.js';
import { SlaclockError } from '../src/errors.js';
import fixture from './fixtures/us-federal-holidays-2024-2027.json';

const ALL_TYPES: readonly HolidayType[] = ['public', 'bank', 'school', 'optional', 'observance'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Weekday of a `YYYY-MM-DD`, by Date.UTC (independent of the code under test). */
function weekday(date: string): (typeof WEEKDAYS)[number] {
  const [y, m, d] = date.split('-').map(Number);
  const result = WEEKDAYS[new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay()];
  if (result === undefined) throw new Error(`bad date ${date}`);
  return result;
}

function datesOf(list: readonly { date: string }[]): string[] {
  return list.map((h) => h.date);
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('usFederalHolidays', () => {
  const byYear = new Map<number, { date: string; name: string; weekday: string }[]>();
  for (const entry of fixture.holidays) {
    const year = Number(entry.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }

  it('the fixture covers 2024-2027 and its weekdays are right', () => {
    expect([...byYear.keys()].sort()).toEqual([2024, 2025, 2026, 2027]);
    for (const entry of fixture.holidays) expect(weekday(entry.date), entry.date).toBe(entry.weekday);
  });

  for (const [year, entries] of byYear) {
    it(`matches the fixture for ${year}`, () => {
      const ours = usFederalHolidays(year);
      expect(datesOf(ours)).toEqual(entries.map((e) => e.date));
      expect(ours).toEqual(entries.map(({ date, name }) => ({ date, name })));
    });
  }

  it('observes Juneteenth 2021 (a Saturday) on Friday 2021-06-18', () => {
    expect(usFederalHolidays(2021)).toContainEqual({
      date: '2021-06-18',
      name: 'Juneteenth National Independence Day (observed; June 19 is a Saturday)',
    });
  });

  it('has no Juneteenth before 2021', () => {
    const names2020 = usFederalHolidays(2020).map((h) => h.name);
    expect(names2020.some((n) => n.startsWith('Juneteenth'))).toBe(false);
    expect(names2020).toHaveLength(10);
    expect(usFederalHolidays(2020)).toContainEqual({
      date: '2020-07-03',
      name: 'Independence Day (observed; July 4 is a Saturday)',
    });
  });

  it('observes Christmas 2022 (a Sunday) on Monday 2022-12-26', () => {
    expect(usFederalHolidays(2022)).toContainEqual({
      date: '2022-12-26',
      name: 'Christmas Day (observed; December 25 is a Sunday)',
    });
  });

  it("puts New Year's Day 2011 (a Saturday) on 2010-12-31, in 2010's list", () => {
    expect(usFederalHolidays(2010).at(-1)).toEqual({
      date: '2010-12-31',
      name: "New Year's Day 2011 (observed; January 1, 2011 is a Saturday)",
    });
    const list2011 = usFederalHolidays(2011);
    expect(list2011[0]).toEqual({ date: '2011-01-17', name: 'Birthday of Martin Luther King, Jr.' });
    expect(list2011.some((h) => h.name.startsWith("New Year's Day"))).toBe(false);
    expect(list2011).toHaveLength(9); // no New Year's Day, no Juneteenth yet
  });

  it("observes New Year's Day 2017 (a Sunday) on Monday 2017-01-02", () => {
    expect(usFederalHolidays(2017)[0]).toEqual({
      date: '2017-01-02',
      name: "New Year's Day (observed; January 1 is a Sunday)",
    });
  });

  it('2022 has ten holidays and 2021 twelve (both around the Saturday 2022-01-01)', () => {
    expect(usFederalHolidays(2021)).toHaveLength(12);
    expect(datesOf(usFederalHolidays(2021)).slice(-2)).toEqual(['2021-12-24', '2021-12-31']);
    expect(usFederalHolidays(2022)).toHaveLength(10);
  });

  it('knows the Monday holidays and Thanksgiving', () => {
    const dates2021 = datesOf(usFederalHolidays(2021));
    expect(dates2021).toContain('2021-05-31'); // Memorial Day: May 31 is itself the last Monday
    expect(dates2021).toContain('2021-01-18'); // MLK Day
    expect(dates2021).toContain('2021-11-25'); // Thanksgiving
    expect(datesOf(usFederalHolidays(2023))).toContain('2023-11-10'); // Veterans Day on a Saturday
    expect(datesOf(usFederalHolidays(1985))).not.toContain('1985-01-21'); // no MLK Day before 1986
    expect(datesOf(usFederalHolidays(1986))).toContain('1986-01-20');
  });

  it('lists sorted weekdays of its own year, 11 a year give or take a Saturday New Year', () => {
    for (let year = 2021; year <= 2130; year++) {
      const list = usFederalHolidays(year);
      const dates = datesOf(list);
      expect([...dates].sort()).toEqual(dates);
      for (const date of dates) {
        expect(date.startsWith(`${year}-`)).toBe(true);
        expect(['Sat', 'Sun']).not.toContain(weekday(date));
      }
      const saturdayNewYear = (y: number): number => (weekday(`${y}-01-01`) === 'Sat' ? 1 : 0);
      expect(list).toHaveLength(11 - saturdayNewYear(year) + saturdayNewYear(year + 1));
    }
  });

  it("agrees with date-holidays' US public list on weekdays, except observed Veterans Day", () => {
    // date-holidays has no Saturday/Sunday rule for Veterans Day (e.g. it misses Friday 2023-11-10).
    const reference = new Holidays('US', { timezone: 'UTC' });
    for (let year = 1986; year <= 2100; year++) {
      const theirs = new Set(
        reference
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10))
          .filter((date) => !['Sat', 'Sun'].includes(weekday(date))),
      );
      for (const { date, name } of usFederalHolidays(year)) {
        if (name.startsWith('Veterans Day (observed')) expect(theirs.has(date), date).toBe(false);
        else expect(theirs.has(date), `${date} ${name}`).toBe(true);
        theirs.delete(date);
      }
      expect([...theirs], String(year)).toEqual([]);
    }
  });

  it('rejects a year that is not a whole number in range', () => {
    for (const year of [2026.5, 0, Number.NaN, 10_000]) {
      const error = catchError(() => usFederalHolidays(year));
      expect(error).toBeInstanceOf(SlaclockError);
      expect((error as SlaclockError).code).toBe('out_of_range');
    }
  });
});

describe('regionalHolidays', () => {
  const publicOnly = (observed: boolean) => ({ types: ['public'] as const, observed });

  it('US-CO 2026: the Friday 2026-07-03 substitute is there when observed, not otherwise', () => {
    const observed = regionalHolidays('US-CO', 2026, publicOnly(true));
    expect(observed).toContainEqual({
      date: '2026-07-03',
      name: 'Independence Day (substitute day)',
      fromMinute: 0,
      days: 1,
    });
    expect(datesOf(observed)).toContain('2026-07-04');
    const actual = regionalHolidays('US-CO', 2026, publicOnly(false));
    expect(datesOf(actual)).not.toContain('2026-07-03');
    expect(actual).toContainEqual({ date: '2026-07-04', name: 'Independence Day', fromMinute: 0, days: 1 });
    expect(observed).toHaveLength(actual.length + 1);
  });

  it('DE-BY 2026: Fronleichnam (public) and Mariä Himmelfahrt (observance; public in DE-BY-KATH)', () => {
    const publicDays = regionalHolidays('DE-BY', 2026, publicOnly(false));
    expect(publicDays).toContainEqual({ date: '2026-06-04', name: 'Fronleichnam', fromMinute: 0, days: 1 });
    expect(datesOf(publicDays)).not.toContain('2026-08-15');
    const all = regionalHolidays('DE-BY', 2026, { types: ALL_TYPES, observed: false });
    expect(all).toContainEqual({ date: '2026-08-15', name: 'Mariä Himmelfahrt', fromMinute: 0, days: 1 });
    expect(datesOf(regionalHolidays('de-by-kath', 2026, publicOnly(false)))).toContain('2026-08-15');
  });

  it('a type list is never confused with another: "bank,public" is one (unknown) type, not two', () => {
    // Lists are kept per region, year and options; a key that joined the types with "," made
    // ["bank,public"] (no such type: no holidays) and ["bank", "public"] one entry, whichever came first.
    expect(regionalHolidays('DE', 2026, { types: ['bank,public'] as never })).toEqual([]);
    expect(datesOf(regionalHolidays('DE', 2026, { types: ['bank', 'public'] }))).toContain('2026-01-01');
  });

  it('GB-SCT 2027: 2 January (a Saturday) has its substitute on Monday 2027-01-04', () => {
    const list = regionalHolidays('GB-SCT', 2027, publicOnly(true));
    expect(list).toContainEqual({ date: '2027-01-04', name: 'January 2nd (substitute day)', fromMinute: 0, days: 1 });
    expect(datesOf(regionalHolidays('GB-SCT', 2027, publicOnly(false)))).not.toContain('2027-01-04');
  });

  it("DE-BY bank holidays: Christmas Eve and New Year's Eve from 14:00", () => {
    expect(regionalHolidays('DE-BY', 2026, { types: ['bank'], observed: false })).toEqual([
      { date: '2026-12-24', name: 'Heiliger Abend', fromMinute: 840, days: 1 },
      { date: '2026-12-31', name: 'Silvester', fromMinute: 840, days: 1 },
    ]);
  });

  it('counts local dates, not elapsed hours', () => {
    // 2021-10-31 is the fall-back Sunday in Europe: 25 real hours, one date.
    expect(regionalHolidays('DE-BB', 2021, publicOnly(false))).toContainEqual({
      date: '2021-10-31',
      name: 'Reformationstag',
      fromMinute: 0,
      days: 1,
    });
    // 2027-03-28 is the spring-forward Sunday in the UK: 23 real hours, one date.
    expect(regionalHolidays('GB-SCT', 2027, { types: ['observance'], observed: false })).toContainEqual({
      date: '2027-03-28',
      name: 'Easter Sunday',
      fromMinute: 0,
      days: 1,
    });
    // Multi-day and evening-start holidays.
    expect(regionalHolidays('AM', 2026, publicOnly(false)).find((h) => h.date === '2026-01-03')?.days).toBe(3);
    const halloween = regionalHolidays('US', 2026, { types: ['observance'], observed: false }).find(
      (h) => h.name === 'Halloween',
    );
    expect(halloween).toEqual({ date: '2026-10-31', name: 'Halloween', fromMinute: 1080, days: 1 });
    // Islamic holidays start at 18:00 the evening before in date-holidays; here they are their own date.
    const eid = regionalHolidays('TZ', 2026, publicOnly(false)).find((h) => h.date === '2026-03-20');
    expect(eid).toMatchObject({ fromMinute: 0, days: 2 });
  });

  it('filters by type and keeps every date inside the year, sorted', () => {
    expect(regionalHolidays('US', 2026, { types: [], observed: true })).toEqual([]);
    const all = regionalHolidays('US', 2026, { types: ALL_TYPES, observed: true });
    const publicDays = regionalHolidays('US', 2026, publicOnly(true));
    expect(all.length).toBeGreaterThan(publicDays.length);
    for (const list of [all, publicDays]) {
      expect(datesOf(list).every((date) => date.startsWith('2026-'))).toBe(true);
      expect([...datesOf(list)].sort()).toEqual(datesOf(list));
    }
    // A Saturday 2022-01-01 is observed on 2021-12-31, listed with 2021.
    expect(regionalHolidays('US', 2021, publicOnly(true))).toContainEqual({
      date: '2021-12-31',
      name: "New Year's Day (substitute day)",
      fromMinute: 0,
      days: 1,
    });
  });

  it('returns fresh arrays (the cached date-holidays instance is not exposed)', () => {
    const first = regionalHolidays('US-CO', 2026, publicOnly(true));
    first.length = 0;
    expect(regionalHolidays('US-CO', 2026, publicOnly(true)).length).toBeGreaterThan(0);
  });

  it('throws unknown_region for unknown codes, with the calendar path when a calendar names them', () => {
    for (const code of ['XX', 'US-ZZ', 'DE-BY-ZZ', 'GB-SCT-X', '', 'US_CO', 'US-CO-', ' US', 'NZ-CAN-Timaru']) {
      const error = catchError(() => regionalHolidays(code, 2026, publicOnly(true)));
      expect(error, code).toBeInstanceOf(SlaclockError);
      expect((error as SlaclockError).code).toBe('unknown_region');
      expect((error as SlaclockError).path).toEqual([]);
      if (code !== '') expect((error as SlaclockError).message).toContain(code);
      const spec = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: [{ date: '2026-01-01' }, { preset: 'us-federal' }, { region: code }] } as const;
      const inCalendar = catchError(() => compileCalendar(spec, { holidayRegions }));
      expect((inCalendar as SlaclockError).code, code).toBe('unknown_region');
      expect((inCalendar as SlaclockError).path).toEqual(['holidays', 2, 'region']);
    }
  });

  it('uses the defaults public and observed when options are left out', () => {
    expect(regionalHolidays('US-CO', 2026)).toEqual(regionalHolidays('US-CO', 2026, publicOnly(true)));
  });

  it('isKnownRegion', () => {
    for (const code of ['US', 'us', 'US-CO', 'us-co', 'DE-BY', 'GB-SCT', 'DE-BY-A', 'US-LA-NO']) {
      expect(isKnownRegion(code), code).toBe(true);
    }
    // date-holidays upper-cases codes, so its few mixed-case keys (NZ 'Timaru') are unreachable.
    for (const code of ['XX', 'US-ZZ', 'US-CO-X', '', 'US.CO', 'NZ-CAN-Timaru', 'NZ-CAN-TIMARU', 'constructor']) {
      expect(isKnownRegion(code), code).toBe(false);
    }
  });
});

describe('regionalHolidays does not depend on the host time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const cases: [code: string, year: number][] = [
    ['AU', 2026], // Father's Day 2026-09-06: America/Santiago skips 00:00 that day
    ['CO', 2026], // Domingo de Ramos 2026-03-29: Asia/Beirut skips 00:00 that day
    ['AL', 2026], // 2026-03-07 ends at the midnight America/Havana skips
    ['BR-RJ', 2026], // 2026-04-23 ends at the midnight Africa/Cairo skips
    ['CH-GE', 2026], // Jeûne Genevois 2026-09-10 is computed from the skipped Santiago midnight of 09-06
    ['DE-BY', 2026],
    ['TZ', 2026],
    ['US-CO', 2026],
  ];
  const compute = () =>
    cases.map(([code, year]) => regionalHolidays(code, year, { types: ALL_TYPES, observed: true }));

  it('gives the same result in zones with a midnight DST gap and far-off offsets', () => {
    process.env.TZ = 'UTC';
    const reference = compute();
    for (const zone of ['America/Santiago', 'Asia/Beirut', 'America/Havana', 'Africa/Cairo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = zone;
      if (zone === 'America/Santiago') {
        // The zone change took effect: local midnight of 2026-09-06 does not exist here.
        expect(new Date(2026, 8, 6).getHours()).toBe(1);
      }
      expect(compute(), zone).toEqual(reference);
    }
    const fathersDay = reference[0]?.find((h) => h.date === '2026-09-06');
    expect(fathersDay).toEqual({ date: '2026-09-06', name: "Father's Day", fromMinute: 0, days: 1 });
  });
});
