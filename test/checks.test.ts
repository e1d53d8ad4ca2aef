// The calendar path validates with precompiled checks (src/util/checks.ts) instead of zod.
// Their issues must be exactly the zod bridge's for the schemas they replaced: the zod
// schemas the calendar path used before are kept as the oracle (test/support/zodCalendarSchemas.ts), and every generated
// value (near-valid specs with typos, wrong kinds, missing and unknown keys) gets the same
// issues from both, in the same order, with the same code, path, message, expected,
// received and keys. The example tests below pin the message text itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { compileCalendar, type CalendarSpec } from '../src/index.js';
import { compositeSpecShapes, holidaySourceShapes, weeklySpecShape } from '../src/calendar/spec.js';
import { issuesOf, type Check } from '../src/util/checks.js';
import { errorOf } from './support/errors.js';
import { zodIssues } from './support/zodBridge.js';
import { zodSchemas } from './support/zodCalendarSchemas.js';

const checks: Record<string, Check> = { weekly: weeklySpecShape, ...holidaySourceShapes, ...compositeSpecShapes };

// One deliberate difference: zod runs `minLength(1)` on any value with a `length`, even
// after rejecting its type, so `{ union: "" }` also got `Expected at least 1 character,
// got ""` (a second, misleading message at the same path). The checks report the type
// alone; the bridge of the oracle drops that issue (test/support/zodBridge.ts).

const leaf = fc.oneof(
  fc.constantFrom('09:00', '9:00', '24:00', '17:30', '2026-12-25', '2026-1-5', 'UTC', 'public', 'Public', 'bank', 'us-federal', 'US-Federal', ''),
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, Number.NaN, 10n),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.date({ noInvalidDate: false }),
);
const value = fc.letrec<{ any: unknown }>((tie) => ({
  any: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('date', 'hours', 'name', 'x', 'Date', 'mon'), tie('any'), { maxKeys: 3 }),
  ),
})).any;
const interval = fc.oneof(fc.tuple(leaf, leaf), fc.array(leaf, { maxLength: 3 }), leaf);
const intervalList = fc.oneof(fc.array(interval, { maxLength: 3 }), leaf);
const keysOf = (known: string[]) => fc.constantFrom(...known, ...known.map((key) => key.toUpperCase()), 'extra', 'monday', 'timeZone', 'hollidays', 'regoin');

/** An object with some of `fields` (each valid-ish or anything) and perhaps a few unknown keys. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const known = Object.keys(fields);
  return fc
    .tuple(
      fc.record(Object.fromEntries(known.map((key) => [key, fc.oneof(fields[key] as fc.Arbitrary<unknown>, value)])), { requiredKeys: [] }),
      fc.dictionary(keysOf(known), value, { maxKeys: 3 }),
    )
    .map(([record, extra]) => ({ ...extra, ...record }));
}

const week = objectOf(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((key) => [key, intervalList])));
const generators: Record<string, fc.Arbitrary<unknown>> = {
  weekly: objectOf({ timezone: leaf, week: fc.oneof(week, leaf), holidays: fc.array(value, { maxLength: 3 }), name: leaf }),
  closed: objectOf({ date: leaf, name: leaf }),
  partial: objectOf({ date: leaf, hours: intervalList, name: leaf }),
  region: objectOf({ region: leaf, types: fc.oneof(fc.array(leaf, { maxLength: 3 }), leaf), observed: leaf }),
  preset: objectOf({ preset: leaf }),
  union: objectOf({ union: fc.oneof(fc.array(value, { maxLength: 2 }), leaf), timezone: leaf, name: leaf }),
  intersection: objectOf({ intersection: fc.oneof(fc.array(value, { maxLength: 2 }), leaf), timezone: leaf, name: leaf }),
};

describe('precompiled checks give exactly the issues of the zod schemas they replaced', () => {
  it.each(Object.keys(checks))('%s', (kind) => {
    const check = checks[kind] as Check;
    const schema = zodSchemas[kind] as z.ZodMiniType;
    fc.assert(
      fc.property(fc.oneof(generators[kind] as fc.Arbitrary<unknown>, value), fc.constantFrom([], ['calendar'], ['union', 1]), (input, path) => {
        expect(issuesOf(check, input, path)).toStrictEqual(zodIssues(schema, input, path));
      }),
      { numRuns: 1500 },
    );
  });

  it('the generated inputs reach every kind of issue (so the comparison above is not vacuous)', () => {
    const messages = new Set<string>();
    for (const kind of Object.keys(checks)) {
      for (const input of fc.sample(generators[kind] as fc.Arbitrary<unknown>, { numRuns: 400, seed: 7 })) {
        for (const issue of issuesOf(checks[kind] as Check, input)) messages.add(issue.message.replace(/^(\S+ \S+).*$/, '$1'));
      }
    }
    for (const start of ['Expected a', 'Missing required', 'Unknown field', 'Expected one', 'Expected at']) {
      expect([...messages].some((message) => message.startsWith(start)), start).toBe(true);
    }
  });
});

describe('calendar spec messages (exact text)', () => {
  const message = (spec: unknown) => errorOf(() => compileCalendar(spec as CalendarSpec)).issues.map((issue) => `${issue.message} @ ${issue.path.join('.')}`);

  it.each<[string, unknown, string[]]>([
    ['a wall time without its leading zero', { timezone: 'UTC', week: { mon: [['9:00', '17:00']] } }, ['Expected a wall-clock time "HH:MM", got "9:00" @ week.mon.0.0']],
    ['an interval of one time', { timezone: 'UTC', week: { mon: [['09:00']] } }, ['Expected at least 2 items, got 1 item @ week.mon.0']],
    [
      'an interval of three times',
      { timezone: 'UTC', week: { mon: [['09:00', '12:00', '17:00']] } },
      ['Expected at most 2 items, got 3 items @ week.mon.0'],
    ],
    ['a day that is not a list', { timezone: 'UTC', week: { mon: '09:00-17:00' } }, ['Expected an array, got string "09:00-17:00" @ week.mon']],
    ['a misspelt weekday', { timezone: 'UTC', week: { mo: [['09:00', '17:00']] } }, ['Unknown field "mo" (did you mean "mon"?) @ week']],
    ['a missing week', { timezone: 'UTC' }, ['Missing required object @ week']],
    ['a time zone that is not a string', { timezone: 5, week: {} }, ['Expected a string, got number 5 @ timezone']],
    ['holidays that are not a list', { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: 'none' }, ['Expected an array, got string "none" @ holidays']],
    [
      'a holiday type that does not exist',
      { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: [{ region: 'US', types: ['Public'], observed: 'yes' }] },
      [
        'Expected a boolean, got string "yes" @ holidays.0.observed',
        'Expected one of "public", "bank", "school", "optional", "observance", got "Public" (did you mean "public"?) @ holidays.0.types.0',
      ],
    ],
    [
      'an unknown preset',
      { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: [{ preset: 'us_federal' }] },
      ['Expected one of "us-federal", got "us_federal" (did you mean "us-federal"?) @ holidays.0.preset'],
    ],
    [
      'a closed date in the wrong form, with an unknown key',
      { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: [{ date: '2026-1-5', nam: 'x' }] },
      ['Unknown field "nam" (did you mean "name"?) @ holidays.0', 'Expected a date "YYYY-MM-DD", got "2026-1-5" @ holidays.0.date'],
    ],
    ['an empty union', { union: [] }, ['Expected at least 1 item, got 0 items @ union']],
    ['a union that is an empty string (one message, not also "at least 1 character")', { union: '' }, ['Expected an array, got string "" @ union']],
    ['an intersection that is not a list', { intersection: {}, name: 5 }, ['Expected an array, got object {} @ intersection', 'Expected a string, got number 5 @ name']],
    [
      'eleven unknown fields',
      { timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, ...Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, 1])) },
      [...Array.from({ length: 10 }, (_, index) => `Unknown field "k${index}" @ `), '... and 1 more unknown fields @ '],
    ],
  ])('%s', (_label, spec, expected) => {
    expect(message(spec)).toEqual(expected);
  });
});
