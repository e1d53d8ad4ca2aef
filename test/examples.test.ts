// Worked examples a reader can check by hand: every expected value below is
// derived in the comment beside it from the calendar's rules, not from output.
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  nextClose,
  nextOpen,
  roundTheClock,
  subtractBusinessTime,
  US_FEDERAL_HOLIDAYS,
  weekdayHours,
} from '../src/index.js';

const HOUR = 3_600_000;
const iso = (date: Date | null) => date?.toISOString() ?? null;
const denverOffice = compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]));

describe('a Mon-Fri 09:00-17:00 Denver desk with U.S. federal holidays', () => {
  it('skips an observed holiday and the weekend after a Thursday afternoon', () => {
    // Thu 2026-07-02 16:00 MDT: 1h left today; Fri 07-03 is Independence Day observed (July 4 is a Saturday);
    // Sat, Sun closed; Mon 07-06 09:00 MDT + 3h = 12:00 MDT = 18:00Z.
    expect(iso(addBusinessTime(denverOffice, '2026-07-02T16:00-06:00', { hours: 4 }))).toBe('2026-07-06T18:00:00.000Z');
  });

  it('carries a Friday 16:30 case over Labor Day weekend to Tuesday', () => {
    // Fri 2026-09-04 16:30 MDT: 30 min left; Sat, Sun closed; Mon 09-07 Labor Day; Tue 09:00 + 30 min = 09:30 MDT = 15:30Z.
    expect(iso(addBusinessTime(denverOffice, '2026-09-04T16:30-06:00', { hours: 1 }))).toBe('2026-09-08T15:30:00.000Z');
  });

  it('counts Wednesday before Thanksgiving, then Friday', () => {
    // Wed 2026-11-25 15:00 MST: 2h; Thu Thanksgiving; Fri 09:00 + 2h = 11:00 MST = 18:00Z.
    expect(iso(addBusinessTime(denverOffice, '2026-11-25T15:00-07:00', { hours: 4 }))).toBe('2026-11-27T18:00:00.000Z');
    // From Wed 15:00 to Mon 11-30 10:00: Wed 2h + Fri 8h + Mon 1h = 11h.
    expect(businessTimeBetween(denverOffice, '2026-11-25T15:00-07:00', '2026-11-30T10:00-07:00')).toBe(11 * HOUR);
  });

  it('lands on the close when the duration uses up exactly the rest of the day', () => {
    // Mon 2026-11-23 16:00 MST + 1h = 17:00 MST (the close) = 24:00Z, not Tuesday 09:00.
    expect(iso(addBusinessTime(denverOffice, '2026-11-23T16:00-07:00', { hours: 1 }))).toBe('2026-11-24T00:00:00.000Z');
    // landing 'farthest': the next opening, Tue 09:00 MST = 16:00Z.
    expect(iso(addBusinessTime(denverOffice, '2026-11-23T16:00-07:00', { hours: 1 }, { landing: 'farthest' }))).toBe('2026-11-24T16:00:00.000Z');
  });

  it('subtracting lands on an opening, or on the previous close with landing farthest', () => {
    // Tue 2026-11-24 10:00 MST - 1h = Tue 09:00 MST (16:00Z); farthest: Mon 17:00 MST (24:00Z).
    expect(iso(subtractBusinessTime(denverOffice, '2026-11-24T10:00-07:00', { hours: 1 }))).toBe('2026-11-24T16:00:00.000Z');
    expect(iso(subtractBusinessTime(denverOffice, '2026-11-24T10:00-07:00', { hours: 1 }, { landing: 'farthest' }))).toBe('2026-11-24T00:00:00.000Z');
  });

  it('returns a closed start unchanged when adding zero', () => {
    expect(iso(addBusinessTime(denverOffice, '2026-11-28T12:00Z', { hours: 0 }))).toBe('2026-11-28T12:00:00.000Z');
    expect(iso(subtractBusinessTime(denverOffice, '2026-11-28T12:00Z', 'PT0S'))).toBe('2026-11-28T12:00:00.000Z');
  });

  it('answers open/next-open/next-close on a holiday', () => {
    // Thanksgiving Thu 2026-11-26 10:00 MST is closed; next opening Fri 09:00 MST (16:00Z), closing Fri 17:00 MST (24:00Z).
    expect(isOpen(denverOffice, '2026-11-26T10:00-07:00')).toBe(false);
    expect(iso(nextOpen(denverOffice, '2026-11-26T10:00-07:00'))).toBe('2026-11-27T16:00:00.000Z');
    expect(iso(nextClose(denverOffice, '2026-11-26T10:00-07:00'))).toBe('2026-11-28T00:00:00.000Z');
    // Open instants: nextOpen is the instant itself.
    expect(iso(nextOpen(denverOffice, '2026-11-27T10:00-07:00'))).toBe('2026-11-27T17:00:00.000Z');
  });

  it('is exact to the millisecond', () => {
    // Mon 09:00:00.250 MST + 1.5 s + 1 ms = 09:00:01.751 MST = 16:00:01.751Z.
    expect(iso(addBusinessTime(denverOffice, '2026-11-23T09:00:00.250-07:00', { seconds: 1.5, milliseconds: 1 }))).toBe('2026-11-23T16:00:01.751Z');
  });
});

describe('daylight-saving Sundays', () => {
  const sundays = (timezone: string) => compileCalendar({ timezone, week: { sun: [['00:00', '24:00']] } });

  it('a whole spring-forward Sunday in Denver has 23 hours, a fall-back one 25', () => {
    // 2026-03-08 02:00 MST -> 03:00 MDT; 2026-11-01 02:00 MDT -> 01:00 MST.
    const cal = sundays('America/Denver');
    expect(businessTimeBetween(cal, '2026-03-07T00:00Z', '2026-03-10T00:00Z')).toBe(23 * HOUR);
    expect(businessTimeBetween(cal, '2026-10-31T00:00Z', '2026-11-03T00:00Z')).toBe(25 * HOUR);
  });

  it('Sydney (southern hemisphere) loses an hour in October and gains one in April', () => {
    // 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT.
    const cal = sundays('Australia/Sydney');
    expect(businessTimeBetween(cal, '2026-04-03T00:00Z', '2026-04-07T00:00Z')).toBe(25 * HOUR);
    expect(businessTimeBetween(cal, '2026-10-02T00:00Z', '2026-10-06T00:00Z')).toBe(23 * HOUR);
  });

  it('an overnight shift across the fall-back night is an hour longer', () => {
    // Sat 2026-10-31 22:00 MDT (04:00Z Sun) to Sun 06:00 MST (13:00Z) = 9 real hours.
    const cal = compileCalendar({ timezone: 'America/Denver', week: { sat: [['22:00', '06:00']] } });
    expect(businessTimeBetween(cal, '2026-10-31T00:00Z', '2026-11-02T00:00Z')).toBe(9 * HOUR);
    expect(iso(nextClose(cal, '2026-11-01T04:30Z'))).toBe('2026-11-01T13:00:00.000Z');
  });

  it('reads a wall time in the spring gap later by the gap, and an ambiguous one at the earlier instant', () => {
    // Spring: 01:30 MST (08:30Z) .. 02:30 (in the gap -> read as MST -> 09:30Z = 03:30 MDT): 1 hour.
    const spring = compileCalendar({ timezone: 'America/Denver', week: { sun: [['01:30', '02:30']] } });
    expect(iso(nextOpen(spring, '2026-03-08T00:00Z'))).toBe('2026-03-08T08:30:00.000Z');
    expect(iso(nextClose(spring, '2026-03-08T00:00Z'))).toBe('2026-03-08T09:30:00.000Z');
    // Fall: 01:30 happens twice; the earlier is 01:30 MDT = 07:30Z. 02:00 is MST = 09:00Z: 1.5 hours.
    const fall = compileCalendar({ timezone: 'America/Denver', week: { sun: [['01:30', '02:00']] } });
    expect(iso(nextOpen(fall, '2026-11-01T00:00Z'))).toBe('2026-11-01T07:30:00.000Z');
    expect(businessTimeBetween(fall, '2026-11-01T00:00Z', '2026-11-02T00:00Z')).toBe(1.5 * HOUR);
  });

  it('touching partial-day intervals are one run even when they touch inside the spring gap', () => {
    // 00:00-02:45 + 02:45-03:15 is 00:00-03:15: 00:00 MST (07:00Z) to 03:15 MDT (09:15Z) = 2h15m.
    // Read separately, 02:45 would become 03:45 MDT and the second piece would vanish.
    const cal = compileCalendar({ timezone: 'America/Denver', week: {}, holidays: [{ date: '2026-03-08', hours: [['00:00', '02:45'], ['02:45', '03:15']] }] });
    expect(iso(nextClose(cal, '2026-03-08T07:00Z'))).toBe('2026-03-08T09:15:00.000Z');
    expect(businessTimeBetween(cal, '2026-03-08T07:00Z', '2026-03-09T07:00Z')).toBe(135 * 60_000);
  });

  it('an interval that lies wholly in the spring gap is empty', () => {
    // 02:00 and 03:00 both resolve to 03:00 MDT (09:00Z): no open time that Sunday, so the next opening is a week later.
    const cal = compileCalendar({ timezone: 'America/Denver', week: { sun: [['02:00', '03:00']] } });
    expect(iso(nextOpen(cal, '2026-03-08T00:00Z'))).toBe('2026-03-15T08:00:00.000Z'); // 02:00 MDT = 08:00Z
  });
});

describe('non-whole-hour offsets', () => {
  it('Kathmandu (+05:45) opens at 03:15Z', () => {
    const cal = compileCalendar({ timezone: 'Asia/Kathmandu', week: { mon: [['09:00', '17:00']] } });
    expect(iso(nextOpen(cal, '2026-11-23T00:00Z'))).toBe('2026-11-23T03:15:00.000Z');
  });

  it("St John's (-03:30 in winter) opens at 12:30Z", () => {
    const cal = compileCalendar({ timezone: 'America/St_Johns', week: { mon: [['09:00', '17:00']] } });
    expect(iso(nextOpen(cal, '2026-11-23T00:00Z'))).toBe('2026-11-23T12:30:00.000Z');
  });
});

describe('intervals, breaks and overnight shifts', () => {
  const lunch = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } });

  it('skips a lunch break', () => {
    // Mon 2026-11-23 11:30 + 1h: 30 min before lunch, 30 min after = 13:30.
    expect(iso(addBusinessTime(lunch, '2026-11-23T11:30Z', { hours: 1 }))).toBe('2026-11-23T13:30:00.000Z');
    // Using up exactly the morning lands on the start of the break.
    expect(iso(addBusinessTime(lunch, '2026-11-23T11:30Z', { minutes: 30 }))).toBe('2026-11-23T12:00:00.000Z');
  });

  it('treats touching intervals, also across midnight, as one run', () => {
    const cal = compileCalendar({ timezone: 'UTC', week: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] } });
    expect(iso(nextClose(cal, '2026-11-23T23:00Z'))).toBe('2026-11-24T06:00:00.000Z');
  });

  it('an overnight end of "00:00" means the next midnight', () => {
    const cal = compileCalendar({ timezone: 'UTC', week: { mon: [['22:00', '00:00']] } });
    expect(iso(nextClose(cal, '2026-11-23T22:30Z'))).toBe('2026-11-24T00:00:00.000Z');
  });

  it("a holiday on a shift's start date closes only its part before midnight", () => {
    // Fri 22:00 - Sat 06:00; Fri 2026-11-27 is a holiday: only Sat 00:00-06:00 opens.
    const cal = compileCalendar({ timezone: 'UTC', week: { fri: [['22:00', '06:00']] }, holidays: [{ date: '2026-11-27' }] });
    expect(iso(nextOpen(cal, '2026-11-27T12:00Z'))).toBe('2026-11-28T00:00:00.000Z');
    expect(businessTimeBetween(cal, '2026-11-27T00:00Z', '2026-11-29T00:00Z')).toBe(6 * HOUR);
  });

  it('a holiday on the next date cuts the shift at midnight', () => {
    const cal = compileCalendar({ timezone: 'UTC', week: { fri: [['22:00', '06:00']] }, holidays: [{ date: '2026-11-28' }] });
    expect(iso(nextClose(cal, '2026-11-27T23:00Z'))).toBe('2026-11-28T00:00:00.000Z');
    expect(businessTimeBetween(cal, '2026-11-27T00:00Z', '2026-11-29T00:00Z')).toBe(2 * HOUR);
  });

  it('a Sunday overnight shift runs into Monday', () => {
    const cal = compileCalendar({ timezone: 'UTC', week: { sun: [['20:00', '04:00']] } });
    expect(businessTimeBetween(cal, '2026-11-29T00:00Z', '2026-12-01T00:00Z')).toBe(8 * HOUR);
  });

  it('a partial day replaces the hours of its date, and may open a closed weekday', () => {
    const cal = compileCalendar({
      timezone: 'UTC',
      week: { thu: [['09:00', '17:00']] },
      holidays: [
        { date: '2026-12-24', hours: [['09:00', '12:00']], name: 'Christmas Eve' },
        { date: '2026-12-26', hours: [['10:00', '11:00']], name: 'Boxing Day cover' },
      ],
    });
    // Thu 12-24: 3h; Sat 12-26 (normally closed): 1h.
    expect(businessTimeBetween(cal, '2026-12-24T00:00Z', '2026-12-27T00:00Z')).toBe(4 * HOUR);
    expect(iso(nextClose(cal, '2026-12-24T10:00Z'))).toBe('2026-12-24T12:00:00.000Z');
  });
});

describe('round the clock', () => {
  it('business time is elapsed time and it never closes', () => {
    const cal = roundTheClock('Australia/Sydney');
    expect(iso(addBusinessTime(cal, '2026-04-04T15:00Z', { hours: 30 }))).toBe('2026-04-05T21:00:00.000Z');
    expect(nextClose(cal, '2026-04-04T15:00Z')).toBeNull();
  });
});

describe('business days', () => {
  const weekdays = compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]));

  it('"next business day" after a Wednesday before Thanksgiving is Friday', () => {
    // Wed 2026-11-25 15:00 MST; Thu is Thanksgiving; Friday 11-27.
    expect(iso(addBusinessDays(weekdays, '2026-11-25T15:00-07:00', 1))).toBe('2026-11-28T00:00:00.000Z'); // Fri 17:00 MST
    expect(iso(addBusinessDays(weekdays, '2026-11-25T15:00-07:00', 1, { rule: 'same-time' }))).toBe('2026-11-27T22:00:00.000Z'); // Fri 15:00
    expect(iso(addBusinessDays(weekdays, '2026-11-25T15:00-07:00', 1, { rule: 'start-of-day' }))).toBe('2026-11-27T16:00:00.000Z'); // Fri 09:00
  });

  it('same-time moves on to the next opening when that wall time is closed', () => {
    // Sat 2026-11-21 20:00 MST; 1st business day after: Mon 11-23; Mon 20:00 is closed -> Tue 09:00 MST = 16:00Z.
    expect(iso(addBusinessDays(weekdays, '2026-11-21T20:00-07:00', 1, { rule: 'same-time' }))).toBe('2026-11-24T16:00:00.000Z');
  });

  it('counts N business days, skipping weekends and holidays', () => {
    // Fri 2026-12-18 10:00 MST + 5 business days: Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 Christmas), Mon 28.
    expect(iso(addBusinessDays(weekdays, '2026-12-18T10:00-07:00', 5))).toBe('2026-12-29T00:00:00.000Z'); // Mon 28 17:00 MST
  });

  it('zero business days: end of today when still open, else the end of the next business day', () => {
    expect(iso(addBusinessDays(weekdays, '2026-11-23T10:00-07:00', 0))).toBe('2026-11-24T00:00:00.000Z'); // Mon 17:00 MST
    expect(iso(addBusinessDays(weekdays, '2026-11-23T18:00-07:00', 0))).toBe('2026-11-25T00:00:00.000Z'); // Tue 17:00 MST
  });
});
