// The number fast path: its TSDoc examples, and every bad argument as a SlaclockError with its path.
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addBusinessTimeMs,
  businessTimeBetweenMs,
  compileCalendar,
  subtractBusinessTimeMs,
  weekdayHours,
  US_FEDERAL_HOLIDAYS,
} from '../src/index.js';
import { errorOf } from './support/errors.js';

const HOUR = 3_600_000;
const utc = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });

describe('TSDoc examples', () => {
  it('addBusinessTimeMs: Mon 16-17, then Tue 09-10', () => {
    expect(addBusinessTimeMs(utc, Date.UTC(2026, 10, 23, 16), 2 * HOUR)).toBe(Date.UTC(2026, 10, 24, 10));
  });
  it('subtractBusinessTimeMs lands on the opening', () => {
    expect(subtractBusinessTimeMs(utc, Date.UTC(2026, 10, 24, 10), HOUR)).toBe(Date.UTC(2026, 10, 24, 9));
  });
  it('businessTimeBetweenMs counts 09-10 of [08, 10); negative backwards; never -0', () => {
    const monOnly = compileCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } });
    expect(businessTimeBetweenMs(monOnly, Date.UTC(2026, 10, 23, 8), Date.UTC(2026, 10, 23, 10))).toBe(HOUR);
    expect(businessTimeBetweenMs(monOnly, Date.UTC(2026, 10, 23, 10), Date.UTC(2026, 10, 23, 8))).toBe(-HOUR);
    expect(Object.is(businessTimeBetweenMs(monOnly, Date.UTC(2026, 10, 24, 10), Date.UTC(2026, 10, 24, 8)), 0)).toBe(true);
  });
  it('Thanksgiving in Denver, as the Date function says', () => {
    const denver = compileCalendar(weekdayHours('America/Denver', '09:00', '17:00', [US_FEDERAL_HOLIDAYS]));
    const start = Date.parse('2026-11-25T15:00-07:00');
    expect(addBusinessTimeMs(denver, start, 4 * HOUR)).toBe(Date.parse('2026-11-27T11:00-07:00'));
    expect(addBusinessTimeMs(denver, start, 4 * HOUR)).toBe(addBusinessTime(denver, start, { hours: 4 }).getTime());
    expect(addBusinessTimeMs(denver, start, 0)).toBe(start);
  });
});

describe('bad arguments', () => {
  const start = Date.UTC(2026, 10, 23, 16);
  it.each([
    ['a spec', { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } }],
    ['null', null],
    ['a look-alike object', { timezone: 'UTC', spec: {} }],
    ['a Proxy of a calendar', new Proxy(utc, {})],
  ])('a calendar that is %s is invalid_input at calendar', (_label, calendar) => {
    for (const call of [() => addBusinessTimeMs(calendar as never, start, HOUR), () => subtractBusinessTimeMs(calendar as never, start, HOUR), () => businessTimeBetweenMs(calendar as never, start, start + HOUR)]) {
      const error = errorOf(call);
      expect(error.code).toBe('invalid_input');
      expect(error.issues[0]?.path).toEqual(['calendar']);
      expect(error.message).toContain('compiled Calendar');
    }
  });

  it.each([
    ['a string', '2026-11-23T16:00Z', 'invalid_instant'],
    ['a Date', new Date(start), 'invalid_instant'],
    ['a bigint', 1_795_000_000_000n, 'invalid_instant'],
    ['a fraction', start + 0.5, 'invalid_instant'],
    ['NaN', Number.NaN, 'invalid_instant'],
    ['Infinity', Number.POSITIVE_INFINITY, 'invalid_instant'],
    ['epoch seconds', Math.floor(start / 1000), 'invalid_instant'],
    ['before 1900', Date.UTC(1850, 0, 1), 'out_of_range'],
    ['after 2399', Date.UTC(2401, 0, 1), 'out_of_range'],
  ])('an instant that is %s is %s at its argument', (_label, value, code) => {
    const cases: [() => unknown, string][] = [
      [() => addBusinessTimeMs(utc, value as never, HOUR), 'startMs'],
      [() => subtractBusinessTimeMs(utc, value as never, HOUR), 'startMs'],
      [() => businessTimeBetweenMs(utc, value as never, start), 'aMs'],
      [() => businessTimeBetweenMs(utc, start, value as never), 'bMs'],
    ];
    for (const [call, path] of cases) {
      const error = errorOf(call);
      expect(error.code).toBe(code);
      expect(error.issues[0]?.path).toEqual([path]);
    }
  });

  it('an instant near the edges of the supported years goes through the full checks and is accepted when inside', () => {
    const early = Date.UTC(1900, 0, 3);
    expect(addBusinessTimeMs(utc, early, HOUR)).toBe(addBusinessTime(utc, early, { milliseconds: HOUR }).getTime());
    const late = Date.UTC(2399, 5, 1);
    expect(businessTimeBetweenMs(utc, late, late + 7 * 24 * HOUR)).toBe(16 * HOUR);
  });

  it.each([
    ['negative', -HOUR],
    ['a fraction', 0.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond the safe integers', 2 ** 60],
    ['a string', '3600000'],
    ['a duration object', { hours: 1 }],
  ])('a duration that is %s is invalid_duration at durationMs', (_label, value) => {
    for (const call of [() => addBusinessTimeMs(utc, start, value as never), () => subtractBusinessTimeMs(utc, start, value as never)]) {
      const error = errorOf(call);
      expect(error.code).toBe('invalid_duration');
      expect(error.issues[0]?.path).toEqual(['durationMs']);
    }
  });

  it('an answer past the supported years is out_of_range, never an Invalid Date value', () => {
    expect(errorOf(() => addBusinessTimeMs(utc, Date.UTC(2399, 11, 1), 400 * HOUR)).code).toBe('out_of_range');
    expect(errorOf(() => subtractBusinessTimeMs(utc, Date.UTC(1900, 0, 20), 400 * HOUR)).code).toBe('out_of_range');
  });
});
