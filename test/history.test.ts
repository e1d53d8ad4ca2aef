/**
 * History independence: an answer does not depend on which instants were asked before.
 * A compiled calendar builds its years lazily (forwards, backwards, out of order); a calendar
 * warmed by random earlier queries, some far in the past or future, must answer every
 * operation exactly like a fresh one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  explainBusinessTime,
  isOpen,
  nextClose,
  nextOpen,
  subtractBusinessTime,
  unionCalendars,
  type Calendar,
  type CalendarSpec,
} from '../src/index.js';
import { arbInstant, arbScenario, DAY, HOUR, MINUTE, type Scenario } from './arbitraries.js';

type Op = 'isOpen' | 'nextOpen' | 'nextClose' | 'add' | 'addFarthest' | 'subtract' | 'between' | 'explain' | 'endOfDay' | 'sameTime' | 'startOfDay';
const OPS: readonly Op[] = ['isOpen', 'nextOpen', 'nextClose', 'add', 'addFarthest', 'subtract', 'between', 'explain', 'endOfDay', 'sameTime', 'startOfDay'];

interface Query {
  readonly op: Op;
  readonly at: number;
  readonly amount: number;
}

/**
 * Instants decades apart, so years get built far from each other and in any order. (A table
 * is contiguous: asking 1901 and then 2398 builds every year between, which is slow to test.)
 */
const arbAnyYear = fc.integer({ min: Date.UTC(1995, 0, 3) / MINUTE, max: Date.UTC(2055, 11, 28) / MINUTE }).map((m) => m * MINUTE);

function arbQuery(s: Scenario, instants: fc.Arbitrary<number>): fc.Arbitrary<Query> {
  return fc.record({
    op: fc.constantFrom(...OPS),
    at: instants,
    amount: fc.oneof(fc.integer({ min: 1, max: 10 * 60 }).map((m) => m * MINUTE), fc.integer({ min: 1, max: 400 }).map((h) => h * HOUR)),
  });
}

/** One answer as text; an error is an answer too (its code). */
function answer(calendar: Calendar, { op, at, amount }: Query): string {
  try {
    const t = new Date(at);
    const time = (d: Date | null) => (d === null ? 'null' : String(d.getTime()));
    switch (op) {
      case 'isOpen': return String(isOpen(calendar, t));
      case 'nextOpen': return time(nextOpen(calendar, t));
      case 'nextClose': return time(nextClose(calendar, t));
      case 'add': return time(addBusinessTime(calendar, t, { milliseconds: amount }));
      case 'addFarthest': return time(addBusinessTime(calendar, t, { milliseconds: amount }, { landing: 'farthest' }));
      case 'subtract': return time(subtractBusinessTime(calendar, t, { milliseconds: amount }));
      case 'between': return String(businessTimeBetween(calendar, t, at + amount * 20));
      case 'explain': {
        const { totalMs, segments } = explainBusinessTime(calendar, t, at + Math.min(amount * 5, 10 * DAY));
        return JSON.stringify([totalMs, segments.map(({ calendar: _label, ...rest }) => rest)]);
      }
      case 'endOfDay': return time(addBusinessDays(calendar, t, amount % 4));
      case 'sameTime': return time(addBusinessDays(calendar, t, amount % 4, { rule: 'same-time' }));
      case 'startOfDay': return time(addBusinessDays(calendar, t, amount % 4, { rule: 'start-of-day' }));
    }
  } catch (error) {
    return `error ${(error as { code?: string }).code ?? String(error)}`;
  }
}

// A unique name makes each compile a fresh timeline (the compile cache is keyed on the spec).
let fresh = 0;
const compileFresh = (spec: CalendarSpec): Calendar => compileCalendar({ ...spec, name: `fresh ${++fresh}` } as CalendarSpec);

describe('answers do not depend on which instants were asked before', () => {
  it('a calendar warmed by random earlier queries answers like a fresh one', () => {
    let queries = 0;
    fc.assert(
      fc.property(
        arbScenario.chain((s) =>
          fc.record({
            s: fc.constant(s),
            warmup: fc.array(arbQuery(s, fc.oneof(arbInstant(s), arbAnyYear)), { minLength: 1, maxLength: 8 }),
            asked: fc.array(arbQuery(s, arbInstant(s)), { minLength: 1, maxLength: 4 }),
            combined: fc.boolean(),
          }),
        ),
        ({ s, warmup, asked, combined }) => {
          const make = (): Calendar => {
            const base = compileFresh(s.spec as CalendarSpec);
            // A union with a zone far away exercises members built one year past the combined calendar's.
            return combined ? unionCalendars([base, compileFresh({ timezone: 'Pacific/Kiritimati', week: { sun: [['10:00', '11:00']] } } as CalendarSpec)]) : base;
          };
          const warmed = make();
          for (const query of warmup) answer(warmed, query);
          for (const query of asked) {
            queries++;
            expect(answer(warmed, query), `${query.op} at ${new Date(query.at).toISOString()}`).toBe(answer(make(), query));
          }
        },
      ),
      { numRuns: 150, seed: 13 },
    );
    console.log(`history independence: ${queries} answers of warmed calendars compared with fresh ones`);
  });

  it('years built forwards, backwards and out of order give the same tables', () => {
    fc.assert(
      fc.property(arbScenario, fc.array(fc.integer({ min: 1995, max: 2055 }), { minLength: 2, maxLength: 6 }), (s, years) => {
        const spans = (calendar: Calendar, order: readonly number[]) =>
          order.map((year) => businessTimeBetween(calendar, Date.UTC(year, 0, 10), Date.UTC(year, 11, 20)));
        const sorted = [...years].sort((a, b) => a - b);
        const forwards = spans(compileFresh(s.spec as CalendarSpec), sorted);
        const backwards = spans(compileFresh(s.spec as CalendarSpec), [...sorted].reverse()).reverse();
        const shuffled = compileFresh(s.spec as CalendarSpec);
        const asGiven = spans(shuffled, years);
        expect(backwards).toEqual(forwards);
        expect(sorted.map((year) => asGiven[years.indexOf(year)])).toEqual(forwards);
      }),
      { numRuns: 50, seed: 13 },
    );
  });
});
