import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  explainBusinessTime,
  intersectCalendars,
  nextClose,
  roundTheClock,
  unionCalendars,
  weekdayHours,
  type CalendarSpec,
} from '../src/index.js';

const HOUR = 3_600_000;
const london = weekdayHours('Europe/London', '09:00', '17:00');
const newYork = weekdayHours('America/New_York', '09:00', '17:00');
const sydney = weekdayHours('Australia/Sydney', '09:00', '17:00');

describe('union: a follow-the-sun desk', () => {
  it('is open whenever any region is open', () => {
    // Mon 2026-11-23: London 09-17 GMT = 09-17Z; New York 09-17 EST = 14-22Z; union 09-22Z = 13h.
    const desk = unionCalendars([london, newYork]);
    expect(businessTimeBetween(desk, '2026-11-23T00:00Z', '2026-11-24T00:00Z')).toBe(13 * HOUR);
    expect(nextClose(desk, '2026-11-23T10:00Z')?.toISOString()).toBe('2026-11-23T22:00:00.000Z');
  });

  it('covers three regions and hands over across the date line', () => {
    // Sydney Tue 2026-11-24 09-17 AEDT (+11) = Mon 22:00Z - Tue 06:00Z, touching New York's Mon close at 22:00Z.
    const desk = unionCalendars([london, newYork, sydney], { name: 'Global desk' });
    expect(nextClose(desk, '2026-11-23T21:00Z')?.toISOString()).toBe('2026-11-24T06:00:00.000Z');
  });

  it('takes local dates from the first calendar unless told otherwise', () => {
    expect(unionCalendars([london, newYork]).timezone).toBe('Europe/London');
    expect(unionCalendars([london, newYork], { timezone: 'America/Denver' }).timezone).toBe('America/Denver');
  });
});

describe("intersection: vendor hours that respect the customer's holidays", () => {
  it('is open only when every calendar is open', () => {
    // London 09-17Z and New York 14-22Z overlap 14-17Z on weekdays: 3h on Mon 2026-11-23.
    const overlap = intersectCalendars([london, newYork]);
    expect(businessTimeBetween(overlap, '2026-11-23T00:00Z', '2026-11-24T00:00Z')).toBe(3 * HOUR);
  });

  it("drops the customer's holidays from the vendor's round-the-clock hours", () => {
    const customer: CalendarSpec = { ...roundTheClock('America/Denver'), holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }] };
    const clock = intersectCalendars([roundTheClock('UTC'), customer]);
    // Wed 2026-11-25 20:00 MST + 6h: 4h to midnight MST, Thursday closed, Fri 00:00 MST + 2h = 02:00 MST = 09:00Z.
    expect(addBusinessTime(clock, '2026-11-25T20:00-07:00', { hours: 6 }).toISOString()).toBe('2026-11-27T09:00:00.000Z');
    const reasons = explainBusinessTime(clock, '2026-11-25T20:00-07:00', '2026-11-27T02:00-07:00').segments.map((s) => [s.kind, s.name ?? '']);
    expect(reasons).toEqual([['open', ''], ['closed', 'Thanksgiving Day'], ['open', '']]);
  });

  it('accepts compiled calendars and specs alike, and nests', () => {
    const nested = compileCalendar({ union: [compileCalendar(london).spec, { intersection: [newYork, sydney] }] });
    expect(businessTimeBetween(nested, '2026-11-23T00:00Z', '2026-11-24T00:00Z')).toBe(8 * HOUR);
  });
});
