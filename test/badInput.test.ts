import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isOpen,
  SlaclockError,
  type CalendarSpec,
} from '../src/index.js';
import { errorOf } from './support/errors.js';

const office: CalendarSpec = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };


const bad = (spec: unknown) => errorOf(() => compileCalendar(spec as CalendarSpec));

describe('a bad calendar is rejected with a code, the path of the bad field and a message', () => {
  it.each([
    ['unknown time zone', { timezone: 'Mars/Olympus', week: {} }, 'unknown_time_zone', ['timezone']],
    ['"25:00"', { timezone: 'UTC', week: { mon: [['09:00', '25:00']] } }, 'invalid_time', ['week', 'mon', 0, 1]],
    ['"24:30"', { timezone: 'UTC', week: { tue: [['09:00', '24:30']] } }, 'invalid_time', ['week', 'tue', 0, 1]],
    ['"9:00" without a leading zero', { timezone: 'UTC', week: { mon: [['9:00', '17:00']] } }, 'invalid_input', ['week', 'mon', 0, 0]],
    ['"24:00" as a start', { timezone: 'UTC', week: { mon: [['24:00', '06:00']] } }, 'empty_interval', ['week', 'mon', 0, 0]],
    ['an empty interval', { timezone: 'UTC', week: { wed: [['09:00', '09:00']] } }, 'empty_interval', ['week', 'wed', 0]],
    ['overlapping intervals', { timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['11:00', '17:00']] } }, 'overlapping_intervals', ['week', 'mon', 1]],
    ['an overnight shift overlapping the next day', { timezone: 'UTC', week: { mon: [['22:00', '06:00']], tue: [['05:00', '09:00']] } }, 'overlapping_intervals', ['week', 'tue', 0]],
    ["Sunday's overnight shift overlapping Monday (the path names the later interval in week order)", { timezone: 'UTC', week: { sun: [['22:00', '06:00']], mon: [['05:00', '09:00']] } }, 'overlapping_intervals', ['week', 'mon', 0]],
    ['a date both closed and partial', { ...office, holidays: [{ date: '2026-12-24' }, { date: '2026-12-24', hours: [['09:00', '12:00']] }] }, 'conflicting_dates', ['holidays', 1, 'date']],
    ['a date that does not exist', { ...office, holidays: [{ date: '2026-02-30' }] }, 'invalid_date', ['holidays', 0, 'date']],
    ['a holiday region without a holiday source', { ...office, holidays: [{ region: 'DE-BY' }] }, 'regions_not_loaded', ['holidays', 0, 'region']],
    ['an unknown weekday', { timezone: 'UTC', week: { monday: [['09:00', '17:00']] } }, 'invalid_input', ['week']],
    ['a missing time zone', { week: {} }, 'invalid_input', ['timezone']],
    ['a week that never opens', { timezone: 'UTC', week: { mon: [] } }, 'calendar_never_opens', ['week']],
    ['a partial day running overnight', { ...office, holidays: [{ date: '2026-12-24', hours: [['22:00', '02:00']] }] }, 'invalid_time', ['holidays', 0, 'hours', 0, 1]],
    ['a bad union member', { union: [office, { timezone: 'Nowhere/Land', week: {} }] }, 'unknown_time_zone', ['union', 1, 'timezone']],
  ])('%s', (_label, spec, code, path) => {
    const error = bad(spec);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.issues[0]).toMatchObject({ code, path });
  });

  it('lists every structural problem at once', () => {
    const error = bad({ timezone: 7, week: { mon: 'all day' }, extra: true });
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([['timezone'], ['week', 'mon'], []]));
  });

  it('survives hostile JSON without polluting prototypes', () => {
    const hostile = JSON.parse('{"timezone":"UTC","week":{"mon":[["09:00","17:00"]]},"__proto__":{"polluted":true}}');
    expect(bad(hostile).code).toBe('invalid_input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('problems between fields are reported all at once, sorted by path', () => {
  const overlap = 'Open intervals overlap (overnight parts included)';

  it('a single overlap is the same one-issue error as always', () => {
    const error = bad({ timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['11:00', '17:00']] } });
    expect(error.message).toBe('Open intervals overlap (overnight parts included) (at week.mon[1])');
    expect(error.issues).toEqual([
      {
        code: 'overlapping_intervals',
        path: ['week', 'mon', 1],
        message: overlap,
        expected: 'an interval that does not overlap week.mon[0] ["09:00","12:00"]',
        received: '["11:00","17:00"]',
      },
    ]);
  });

  it('every interval a long one overlaps, overnight parts included, in one error', () => {
    const error = bad({
      timezone: 'UTC',
      week: { mon: [['08:00', '18:00'], ['09:00', '10:00'], ['12:00', '13:00']], sun: [['22:00', '09:00']] },
    });
    expect(error.message).toBe('Open intervals overlap (overnight parts included) (at week.mon[0])');
    expect(error.issues.map((issue) => [issue.code, issue.path, issue.message, issue.expected])).toEqual([
      ['overlapping_intervals', ['week', 'mon', 0], overlap, 'an interval that does not overlap week.sun[0] ["22:00","09:00"]'],
      ['overlapping_intervals', ['week', 'mon', 1], overlap, 'an interval that does not overlap week.mon[0] ["08:00","18:00"]'],
      ['overlapping_intervals', ['week', 'mon', 2], overlap, 'an interval that does not overlap week.mon[0] ["08:00","18:00"]'],
    ]);
  });

  it('bad fields, weekly overlaps, partial-day overlaps and conflicting dates together', () => {
    const error = bad({
      timezone: 'Mars/Olympus',
      week: { mon: [['09:00', '17:00'], ['16:00', '18:00']], tue: [['25:00', '10:00']] },
      holidays: [
        { date: '2026-12-24' },
        { date: '2026-12-31', hours: [['09:00', '12:00'], ['10:00', '11:00'], ['11:30', '13:00'], ['22:00', '02:00']] },
        { date: '2026-12-24', hours: [['09:00', '12:00']] },
      ],
    });
    expect(error.code).toBe('overlapping_intervals');
    expect(error.message).toBe('Partial-day hours overlap (at holidays[1].hours[1])');
    expect(error.issues.map((issue) => `${issue.code} ${JSON.stringify(issue.path)} ${issue.message}`)).toEqual([
      'overlapping_intervals ["holidays",1,"hours",1] Partial-day hours overlap',
      'overlapping_intervals ["holidays",1,"hours",2] Partial-day hours overlap',
      'invalid_time ["holidays",1,"hours",3,1] Partial-day hours cannot run overnight; use "24:00" to close at midnight',
      'conflicting_dates ["holidays",2,"date"] This date is listed more than once with different meanings (a closed holiday and a partial day, or two partial days)',
      'unknown_time_zone ["timezone"] Unknown IANA time zone "Mars/Olympus"',
      'overlapping_intervals ["week","mon",1] Open intervals overlap (overnight parts included)',
      'invalid_time ["week","tue",0,0] Expected a wall-clock time "HH:MM" from "00:00" to "24:00", got "25:00"',
    ]);
    expect(error.issues[1]).toMatchObject({ expected: 'hours that do not overlap holidays[1].hours[0] ["09:00","12:00"]', received: '["11:30","13:00"]' });
  });

  it('an interval the schema rejects is not also reported as overlapping', () => {
    const error = bad({ timezone: 'UTC', week: { mon: [['09:00', '17:00'], ['9:30', '10:00']] } });
    expect(error.issues.map((issue) => issue.code)).toEqual(['invalid_input']);
  });

  it('members of a union report their problems together', () => {
    const error = bad({ union: [{ timezone: 'UTC', week: { mon: [['09:00', '12:00'], ['10:00', '11:00']] } }, { ...office, holidays: ['2026-12-24', { date: '2026-12-24', hours: [] }] }] });
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['overlapping_intervals', ['union', 0, 'week', 'mon', 1]],
      ['conflicting_dates', ['union', 1, 'holidays', 1, 'date']],
    ]);
  });
});

describe('bad instants, durations and options', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a fractional millisecond', 1.5],
    ['an Invalid Date', new Date('nope')],
    ['a string without an offset', '2026-11-23T10:00'],
    ['a date-only string', '2026-11-23'],
    ['an impossible date', '2026-02-30T10:00Z'],
    ['garbage', 'tomorrow'],
  ])('%s is an invalid_instant', (_label, instant) => {
    const error = errorOf(() => addBusinessTime(office, instant as never, { hours: 1 }));
    expect(error.code).toBe('invalid_instant');
    expect(error.path).toEqual(['start']);
  });

  it('says how to fix a string without an offset', () => {
    expect(errorOf(() => isOpen(office, '2026-11-23T10:00')).message).toMatch(/no offset/);
  });

  it.each([
    ['a negative part', { hours: -1 }, ['duration', 'hours']],
    ['NaN', { minutes: Number.NaN }, ['duration', 'minutes']],
    ['Infinity', { seconds: Number.POSITIVE_INFINITY }, ['duration', 'seconds']],
    ['an unknown part', { hour: 8 }, ['duration', 'hour']],
    ['days, which are not business days', { days: 1 }, ['duration', 'days']],
    ['a malformed ISO duration', 'P1D', ['duration']],
    ['a string that is not a duration', 'four hours', ['duration']],
  ])('%s is an invalid_duration', (_label, duration, path) => {
    const error = errorOf(() => addBusinessTime(office, '2026-11-23T10:00Z', duration as never));
    expect(error.code).toBe('invalid_duration');
    expect(error.path).toEqual(path);
  });

  it('rejects an unknown landing and business-day rule', () => {
    expect(errorOf(() => addBusinessTime(office, 0, { hours: 1 }, { landing: 'later' as never })).code).toBe('invalid_option');
    expect(errorOf(() => addBusinessDays(office, 0, 1, { rule: 'eventually' as never })).code).toBe('invalid_option');
    expect(errorOf(() => addBusinessDays(office, 0, 1.5)).code).toBe('invalid_input');
  });

  it('rejects a pause that ends before it starts', () => {
    const error = errorOf(() => businessTimeBetween(office, 0, 1, { pauses: [{ start: 10, end: 5 }] }));
    expect(error.path).toEqual(['options', 'pauses', 0, 'end']);
  });

  it('rejects instants outside the supported years', () => {
    expect(errorOf(() => isOpen(office, '1800-01-01T00:00Z')).code).toBe('out_of_range');
  });
});

describe('nothing hangs', () => {
  it('a calendar that only opens on one partial day runs out of open time with an error', () => {
    const oneDay: CalendarSpec = { timezone: 'UTC', week: {}, holidays: [{ date: '2026-12-24', hours: [['09:00', '12:00']] }] };
    expect(addBusinessTime(oneDay, '2026-12-24T11:00Z', { hours: 1 }).toISOString()).toBe('2026-12-24T12:00:00.000Z');
    expect(errorOf(() => addBusinessTime(oneDay, '2026-12-24T11:00Z', { hours: 2 })).code).toBe('calendar_never_opens');
  });

  it('an intersection that never opens fails instead of looping', () => {
    const never: CalendarSpec = { intersection: [office, { timezone: 'UTC', week: { tue: [['09:00', '17:00']] } }] };
    expect(errorOf(() => addBusinessTime(never, '2026-11-23T10:00Z', { minutes: 1 })).code).toBe('calendar_never_opens');
  });
});

describe('inputs are never mutated', () => {
  it('a deeply frozen spec, instant and duration compile and compute', () => {
    const spec = deepFreeze({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: [{ date: '2026-11-30' }] }) as CalendarSpec;
    const before = JSON.stringify(spec);
    const start = new Date('2026-11-23T10:00Z');
    const calendar = compileCalendar(spec);
    addBusinessTime(calendar, start, deepFreeze({ hours: 10 }), { pauses: deepFreeze([{ start: 0, end: 1 }]) });
    expect(JSON.stringify(spec)).toBe(before);
    expect(start.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(Object.isFrozen(calendar.spec)).toBe(true);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
