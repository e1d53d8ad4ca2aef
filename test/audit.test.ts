/**
 * Answers you can audit (issue 13): skipped dates, the timeline invariant, far-future rules,
 * combined calendars, exact ISO strings, bounded explanations, the tz database version.
 * Expected values are derived by hand (docs/calendars.md states the worked examples).
 */
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  evaluate,
  explainBusinessTime,
  getPolicy,
  intersectCalendars,
  isOpen,
  nextClose,
  nextOpen,
  SlaclockError,
  subtractBusinessTime,
  TZDB_VERSION,
  unionCalendars,
  weekdayHours,
  type CalendarSpec,
} from '../src/index.js';
import { CHECK_INVARIANTS } from '../src/calendar/invariant.js';
import { Timeline } from '../src/calendar/timeline.js';
import { Zone } from '../src/zone/zone.js';

const HOUR = 3_600_000;
const ms = (iso: string) => Date.parse(iso);

// Kiritimati went from -10:00 to +14:00 at 1994-12-31T10:00Z: local Friday 1994-12-30 24:00
// (-10:00) was followed by Sunday 1995-01-01 00:00 (+14:00). Saturday 1994-12-31 never happened.
const kiritimati: CalendarSpec = { timezone: 'Pacific/Kiritimati', week: { sat: [['09:00', '12:00']], sun: [['03:00', '07:45']] } };

describe('a local date the zone skips has no open time (Kiritimati 1994-12-31)', () => {
  it('counts only Sunday 03:00-07:45 (+14:00) in a forward span', () => {
    // Thu 12-29 00:00Z .. Tue 01-03 00:00Z: Saturday 12-31 is skipped, so only Sunday's 4.75 h.
    expect(businessTimeBetween(kiritimati, '1994-12-29T00:00Z', '1995-01-03T00:00Z')).toBe(4.75 * HOUR);
  });

  it('explains it with segments that run forward and add up', () => {
    const explanation = explainBusinessTime(kiritimati, '1994-12-29T00:00Z', '1995-01-03T00:00Z');
    expect(explanation.totalMs).toBe(4.75 * HOUR);
    expect(explanation.segments.filter((s) => s.kind === 'open').map((s) => [s.start, s.end])).toEqual([
      ['1995-01-01T03:00:00.000+14:00', '1995-01-01T07:45:00.000+14:00'],
    ]);
    for (const [k, segment] of explanation.segments.entries()) {
      expect(segment.endMs).toBeGreaterThan(segment.startMs);
      if (k > 0) expect(segment.startMs).toBe(explanation.segments[k - 1]?.endMs);
    }
  });

  it("is open inside Sunday's own 03:00-07:45", () => {
    expect(isOpen(kiritimati, '1995-01-01T05:00+14:00')).toBe(true);
    expect(isOpen(kiritimati, '1995-01-01T02:59+14:00')).toBe(false);
  });

  it('adds one hour from Friday to Sunday 04:00, not to the next week', () => {
    expect(addBusinessTime(kiritimati, '1994-12-30T00:00-10:00', { hours: 1 }).toISOString()).toBe('1994-12-31T14:00:00.000Z'); // Sun 04:00 +14:00
    expect(nextOpen(kiritimati, '1994-12-30T00:00-10:00')?.toISOString()).toBe('1994-12-31T13:00:00.000Z'); // Sun 03:00 +14:00
  });
});

describe('Apia skipped Friday 2011-12-30 (-10:00 to +14:00 at 2011-12-30T10:00Z)', () => {
  const weekdays = weekdayHours('Pacific/Apia', '09:00', '17:00');

  it('is closed all Saturday 2011-12-31: Friday\'s hours do not move into it', () => {
    expect(isOpen(weekdays, '2011-12-31T09:00+14:00')).toBe(false);
    expect(isOpen(weekdays, '2011-12-31T16:59+14:00')).toBe(false);
    // Thursday 12-29 17:00 (-10:00) to Monday 01-02 09:00 (+14:00): no open time at all.
    expect(businessTimeBetween(weekdays, '2011-12-29T17:00-10:00', '2012-01-02T09:00+14:00')).toBe(0);
    expect(nextOpen(weekdays, '2011-12-29T17:00-10:00')?.toISOString()).toBe('2012-01-01T19:00:00.000Z'); // Mon 09:00 +14:00
  });

  it('does not count the skipped Friday as a business day', () => {
    // Thursday + 1 business day (end of day) is Monday 2012-01-02 17:00 +14:00.
    expect(addBusinessDays(weekdays, '2011-12-29T10:00-10:00', 1).toISOString()).toBe('2012-01-02T03:00:00.000Z');
  });
});

describe('midnight in a gap (Toronto 1919-03-30 23:30 EST jumped to 03-31 00:30 EDT, at 04:30Z)', () => {
  const allWeek = { timezone: 'America/Toronto', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])) } as CalendarSpec;

  it('keeps a 00:00-24:00 week open throughout: 03-31 starts where the date begins', () => {
    expect(isOpen(allWeek, '1919-03-31T04:45Z')).toBe(true); // 00:45 EDT
    expect(businessTimeBetween(allWeek, '1919-03-30T12:00Z', '1919-03-31T12:00Z')).toBe(24 * HOUR);
    expect(nextClose(allWeek, '1919-03-31T04:45Z')).toBeNull();
  });
});

describe('the timeline invariant', () => {
  it('is checked as each year is built in the test build', () => {
    expect(CHECK_INVARIANTS).toBe(true);
    class Backwards extends Timeline {
      readonly alwaysOpen = false;
      constructor() {
        super(Zone.of('UTC'), Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
      }
      protected buildYear(year: number): number[] {
        const start = Date.UTC(year, 5, 1);
        return [start + 2 * HOUR, start + 3 * HOUR, start, start + HOUR]; // not sorted
      }
    }
    expect(() => new Backwards().isOpen(Date.UTC(2026, 5, 1))).toThrow(/timeline invariant broken in UTC 2026/);
  });

  it('holds in zones with unusual histories, every year 1900-2100 (here for a 4-interval week)', () => {
    const week = { mon: [['00:00', '01:30']], wed: [['22:00', '06:00']], fri: [['09:00', '17:00']], sun: [['23:30', '24:00']] } as CalendarSpec['week' & keyof CalendarSpec];
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Apia', 'Pacific/Kwajalein', 'America/Santiago', 'Africa/Casablanca', 'Australia/Lord_Howe', 'Asia/Gaza']) {
      const calendar = compileCalendar({ timezone, week } as CalendarSpec);
      // Building every year runs the invariant check on each; the total is then additive.
      const total = businessTimeBetween(calendar, '1900-01-15T00:00Z', '2100-01-01T00:00Z');
      const halves = businessTimeBetween(calendar, '1900-01-15T00:00Z', '2000-01-01T00:00Z') + businessTimeBetween(calendar, '2000-01-01T00:00Z', '2100-01-01T00:00Z');
      expect(total, timezone).toBe(halves);
    }
  });
});

describe('a dated rule far in the future changes no answer near the present', () => {
  it('nextOpen is null after the last partial day that opens, whatever closed dates follow', () => {
    const partialDay = { date: '2026-06-01', hours: [['12:00', '12:01']] };
    const onlyOnce = { timezone: 'UTC', week: {}, holidays: [partialDay] } as CalendarSpec;
    const withFarHoliday = { timezone: 'UTC', week: {}, holidays: [partialDay, { date: '2399-12-31' }] } as CalendarSpec;
    expect(nextOpen(onlyOnce, '2027-01-01T00:00Z')).toBeNull();
    expect(nextOpen(withFarHoliday, '2027-01-01T00:00Z')).toBeNull();
    expect(nextOpen(withFarHoliday, '2026-01-01T00:00Z')?.toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });
});

describe('combined calendars', () => {
  const weekdays = weekdayHours('UTC', '09:00', '17:00');

  it('answer in 2399 like their member', () => {
    expect(isOpen(unionCalendars([weekdays]), '2399-06-01T10:00Z')).toBe(isOpen(weekdays, '2399-06-01T10:00Z'));
    expect(isOpen(unionCalendars([weekdays]), '2399-12-31T18:00Z')).toBe(false); // a Saturday
    expect(() => isOpen(unionCalendars([weekdays]), '2400-01-03T10:00Z')).toThrow(SlaclockError);
  });

  it('leave a member that built 2400 for them out of range in 2400 when asked directly', () => {
    const member = compileCalendar({ timezone: 'Pacific/Kiritimati', week: { mon: [['00:00', '24:00']] } } as CalendarSpec);
    const desk = unionCalendars([member], { timezone: 'Pacific/Pago_Pago' });
    // Pago Pago's 2399 ends at 2400-01-01T11:00Z, Kiritimati's 2400-01-02 01:00: the member builds its 2400.
    expect(businessTimeBetween(desk, '2399-12-01T00:00Z', '2400-01-01T10:00Z')).toBe(4 * 24 * 3_600_000); // Mondays 2399-12-06, 13, 20 and 27 (+14:00)
    expect(() => isOpen(member, '2400-01-01T12:00Z')).toThrow(expect.objectContaining({ code: 'out_of_range' }));
    expect(() => nextOpen(member, '2399-12-31T09:00Z')).toThrow(expect.objectContaining({ code: 'out_of_range' }));
  });

  it('answer in early January 1900 with a member far west of their zone', () => {
    const pagoPago = { timezone: 'Pacific/Pago_Pago', week: { mon: [['00:00', '24:00']] } } as CalendarSpec;
    const desk = unionCalendars([pagoPago], { timezone: 'Pacific/Kiritimati' });
    // Monday 1900-01-01 in Pago Pago (LMT -11:22:48) starts at 1900-01-01T11:22:48Z.
    expect(isOpen(desk, '1900-01-01T12:00Z')).toBe(true);
    expect(isOpen(desk, '1900-01-01T11:00Z')).toBe(false);
  });

  it('flatten unions of unions, so deep nesting costs linear time', () => {
    let nested = unionCalendars([weekdays]);
    for (let level = 0; level < 500; level++) nested = unionCalendars([nested]);
    expect(addBusinessTime(nested, '2026-01-05T10:00Z', { hours: 8 }).toISOString()).toBe('2026-01-06T10:00:00.000Z');
  });

  it('limit alternating nesting with a clear error', () => {
    let nested = unionCalendars([weekdays]);
    const build = () => {
      for (let level = 0; level < 70; level++) nested = level % 2 === 0 ? intersectCalendars([nested, weekdays]) : unionCalendars([nested, weekdays]);
    };
    expect(build).toThrow(expect.objectContaining({ code: 'limit_exceeded', message: expect.stringMatching(/nest 65 levels deep.*at most 64/) }));
  });
});

describe('every string names its instant exactly', () => {
  it('uses UTC where the offset has seconds (Monrovia -00:44:30 in 1971, Dublin -00:25:21 in 1910)', () => {
    for (const [timezone, day] of [['Africa/Monrovia', '1971-06-01'], ['Europe/Dublin', '1910-06-01']] as const) {
      const calendar = { timezone, week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']] } } as CalendarSpec;
      const explanation = explainBusinessTime(calendar, `${day}T00:00Z`, `${day}T00:00Z`.replace('-01T', '-03T'));
      expect(explanation.segments.length).toBeGreaterThan(2);
      for (const segment of explanation.segments) {
        expect(Date.parse(segment.start)).toBe(segment.startMs);
        expect(Date.parse(segment.end)).toBe(segment.endMs);
      }
    }
    // Monrovia 1971-06-01 (Tuesday) 09:00 at -00:44:30 is 09:44:30Z.
    const monrovia = { timezone: 'Africa/Monrovia', week: { tue: [['09:00', '17:00']] } } as CalendarSpec;
    expect(explainBusinessTime(monrovia, '1971-06-01T09:00Z', '1971-06-01T10:00Z').segments.map((s) => s.start)).toEqual([
      '1971-06-01T09:00:00.000Z',
      '1971-06-01T09:44:30.000Z',
    ]);
  });

  it('keeps the zone offset where it is whole minutes', () => {
    const kathmandu = { timezone: 'Asia/Kathmandu', week: { mon: [['09:00', '17:00']] } } as CalendarSpec;
    expect(explainBusinessTime(kathmandu, '2026-11-23T09:00+05:45', '2026-11-23T10:00+05:45').from).toBe('2026-11-23T09:00:00.000+05:45');
  });
});

describe('bounded explanations', () => {
  const weekdays = weekdayHours('UTC', '09:00', '17:00');

  it('stop at maxSegments with a clear error', () => {
    // Mon 2026-01-05 .. Fri 2026-01-09: 5 open days, each followed by closed time: 10 segments.
    expect(explainBusinessTime(weekdays, '2026-01-05T09:00Z', '2026-01-10T00:00Z', { maxSegments: 10 }).segments).toHaveLength(10);
    expect(() => explainBusinessTime(weekdays, '2026-01-05T09:00Z', '2026-01-10T00:00Z', { maxSegments: 9 })).toThrow(
      expect.objectContaining({ code: 'limit_exceeded', path: ['options', 'maxSegments'] }),
    );
  });

  it('refuse a century by default without building it', () => {
    const started = performance.now();
    expect(() => explainBusinessTime(weekdays, '2000-01-01T00:00Z', '2099-01-01T00:00Z')).toThrow(expect.objectContaining({ code: 'limit_exceeded' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(0); // timing is measured in bench/, not asserted
  });

  it('reject a maxSegments that is not a whole number >= 1', () => {
    expect(() => explainBusinessTime(weekdays, '2026-01-05T09:00Z', '2026-01-06T09:00Z', { maxSegments: 0 })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});

describe('answers record the tz database that produced them', () => {
  it('is Node\'s process.versions.tz here, on decisions and explanations', () => {
    expect(TZDB_VERSION).toBe(process.versions.tz ?? null);
    expect(TZDB_VERSION).toMatch(/^\d{4}[a-z]$/);
    const decision = evaluate(getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' });
    expect(decision.tzdb).toBe(TZDB_VERSION);
    expect(explainBusinessTime(weekdayHours('UTC', '09:00', '17:00'), '2026-01-05T09:00Z', '2026-01-05T10:00Z').tzdb).toBe(TZDB_VERSION);
  });
});

describe('nextClose and subtract around a skipped date', () => {
  it('agree with the hand-derived Kiritimati timeline', () => {
    expect(nextClose(kiritimati, '1994-12-30T00:00-10:00')?.toISOString()).toBe('1994-12-31T17:45:00.000Z'); // Sun 07:45 +14:00
    // Subtracting 1 h from Sunday 08:00 +14:00 lands on Sunday 06:45; 5 h go back to the previous Sunday's hours.
    expect(subtractBusinessTime(kiritimati, '1995-01-01T08:00+14:00', { hours: 1 }).toISOString()).toBe(new Date(ms('1995-01-01T06:45+14:00')).toISOString());
    // The previous Sunday is 1994-12-25 (-10:00): 07:45 -> 1994-12-25T17:45Z; 0.25 h before it is 07:30.
    expect(subtractBusinessTime(kiritimati, '1995-01-01T08:00+14:00', { hours: 5 }).toISOString()).toBe('1994-12-25T17:30:00.000Z');
  });
});
