/**
 * Properties of src alone over random calendars, with instants and durations exact to the millisecond.
 * (The reference is used only to find a holiday's local midnights, never for expected values.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addBusinessTimeMs,
  businessTimeBetween,
  businessTimeBetweenMs,
  compileCalendar,
  isOpen,
  nextClose,
  nextOpen,
  SlaclockError,
  subtractBusinessTime,
  subtractBusinessTimeMs,
} from '../src/index.js';
import type { Calendar, CalendarSpec } from '../src/index.js';
import {
  arbDurationMs,
  arbInstantMs,
  arbPauses,
  arbRoundTheClock,
  arbScenario,
  type Scenario,
} from './arbitraries.js';
import { wallToInstant, type RefPause } from './reference/index.js';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (d: Date) => d.getTime();
/** Without a landing, the option is left out, so the default ('nearest') is what gets tested. */
const add = (cal: Calendar, s: number, d: number, landing?: 'nearest' | 'farthest', pauses: RefPause[] = []) =>
  ms(addBusinessTime(cal, s, { milliseconds: d }, landing === undefined ? { pauses } : { landing, pauses }));
const sub = (cal: Calendar, s: number, d: number, landing?: 'nearest' | 'farthest', pauses: RefPause[] = []) =>
  ms(subtractBusinessTime(cal, s, { milliseconds: d }, landing === undefined ? { pauses } : { landing, pauses }));
const between = (cal: Calendar, a: number, b: number, pauses: RefPause[] = []) => businessTimeBetween(cal, a, b, { pauses });

/**
 * Runs a property body; a calendar that never opens (SlaclockError 'calendar_never_opens', from
 * compileCalendar or from a walk that runs out of open time) makes the case vacuous.
 */
function unlessNeverOpens(body: () => void): void {
  try {
    body();
  } catch (error) {
    if (error instanceof SlaclockError && error.code === 'calendar_never_opens') return;
    throw error;
  }
}

const compile = (s: Scenario): Calendar => compileCalendar(s.spec);

/** A scenario with its compiled calendar, instants and durations. */
const arbCase = arbScenario.chain((s) =>
  fc.record({
    s: fc.constant(s),
    t1: arbInstantMs(s),
    t2: arbInstantMs(s),
    d1: arbDurationMs(s),
    d2: arbDurationMs(s),
  }),
);

function where(s: Scenario, fields: Record<string, number>): string {
  return [`spec: ${JSON.stringify(s.spec)}`, ...Object.entries(fields).map(([k, v]) => `${k}: ${k.startsWith('t') ? iso(v) : v}`)].join('\n');
}

const RUNS = 2_000;

describe('addBusinessTime / subtractBusinessTime / businessTimeBetween', () => {
  it('a deadline is never before its start, and exactly d of open time lies in [start, deadline)', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, d1 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = where(s, { t1, d1 });
          for (const landing of ['nearest', 'farthest'] as const) {
            const deadline = add(cal, t1, d1, landing);
            expect(deadline, msg).toBeGreaterThanOrEqual(t1);
            expect(between(cal, t1, deadline), msg).toBe(d1);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('is monotone in the start and in the duration', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, t2, d1, d2 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = where(s, { t1, t2, d1, d2 });
          const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(add(cal, early, d1), msg).toBeLessThanOrEqual(add(cal, late, d1));
          expect(add(cal, t1, short), msg).toBeLessThanOrEqual(add(cal, t1, long));
          expect(sub(cal, early, d1), msg).toBeLessThanOrEqual(sub(cal, late, d1));
          expect(sub(cal, t1, short), msg).toBeGreaterThanOrEqual(sub(cal, t1, long));
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('is additive: add(add(s, a), b) == add(s, a + b)', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, d1, d2 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          expect(add(cal, add(cal, t1, d1), d2), where(s, { t1, d1, d2 })).toBe(add(cal, t1, d1 + d2));
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('subtract undoes add: subtract(add(s, d), d) is s, or the opening after s; between(subtract(s, d), s) == d', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, d1 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = where(s, { t1, d1 });
          const back = sub(cal, add(cal, t1, d1), d1);
          expect(back, msg).toBeGreaterThanOrEqual(t1);
          // The latest instant with d of open time before the deadline is where the counting started.
          if (d1 > 0) expect(back, msg).toBe(ms(nextOpen(cal, t1)!));
          else expect(back, msg).toBe(t1);
          for (const landing of ['nearest', 'farthest'] as const) {
            const earlier = sub(cal, t1, d1, landing);
            expect(earlier, msg).toBeLessThanOrEqual(t1);
            expect(between(cal, earlier, t1), msg).toBe(d1);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('lands on open time or a close (nearest add), an opening (farthest add, nearest subtract), a close (farthest subtract)', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, d1 }) =>
        unlessNeverOpens(() => {
          fc.pre(d1 > 0);
          const cal = compile(s);
          const msg = where(s, { t1, d1 });
          expect(isOpen(cal, add(cal, t1, d1) - 1), msg).toBe(true);
          expect(isOpen(cal, add(cal, t1, d1, 'farthest')), msg).toBe(true);
          expect(isOpen(cal, sub(cal, t1, d1)), msg).toBe(true);
          expect(isOpen(cal, sub(cal, t1, d1, 'farthest') - 1), msg).toBe(true);
          // 'farthest' differs from 'nearest' only by closed time.
          expect(between(cal, add(cal, t1, d1), add(cal, t1, d1, 'farthest')), msg).toBe(0);
          expect(between(cal, sub(cal, t1, d1, 'farthest'), sub(cal, t1, d1)), msg).toBe(0);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('adding or subtracting zero returns the start unchanged', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          for (const landing of ['nearest', 'farthest'] as const) {
            expect(add(cal, t1, 0, landing)).toBe(t1);
            expect(sub(cal, t1, 0, landing)).toBe(t1);
          }
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('between is antisymmetric, additive over a split point, and never -0', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1, t2, d1 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = where(s, { t1, t2 });
          const forward = between(cal, t1, t2);
          const backward = between(cal, t2, t1);
          expect(Object.is(forward, -0) || Object.is(backward, -0), msg).toBe(false);
          expect(forward + backward, msg).toBe(0);
          expect(Math.sign(forward) * Math.sign(t2 - t1), msg).toBeGreaterThanOrEqual(0);
          expect(Math.abs(forward), msg).toBeLessThanOrEqual(Math.abs(t2 - t1));
          const mid = t1 + d1;
          expect(between(cal, t1, mid) + between(cal, mid, t2), msg).toBe(forward);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('pauses', () => {
  const arbPausedCase = arbScenario.chain((s) =>
    fc.record({ s: fc.constant(s), t1: arbInstantMs(s), d1: arbDurationMs(s), pauses: arbPauses(arbInstantMs(s)) }),
  );

  it('paused time never counts: between(s, add(s, d)) == d, and pauses only push deadlines later', () => {
    fc.assert(
      fc.property(arbPausedCase, ({ s, t1, d1, pauses }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = `${where(s, { t1, d1 })}\npauses: ${JSON.stringify(pauses.map((p) => [iso(p.start), iso(p.end)]))}`;
          const deadline = add(cal, t1, d1, undefined, pauses);
          expect(between(cal, t1, deadline, pauses), msg).toBe(d1);
          expect(deadline, msg).toBeGreaterThanOrEqual(add(cal, t1, d1));
          const earlier = sub(cal, t1, d1, undefined, pauses);
          expect(between(cal, earlier, t1, pauses), msg).toBe(d1);
          expect(earlier, msg).toBeLessThanOrEqual(sub(cal, t1, d1));
          // No open time counts inside a pause.
          for (const p of pauses) expect(between(cal, p.start, p.end, pauses), msg).toBe(0);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('isOpen / nextOpen / nextClose', () => {
  it('nextOpen is t or the start of the next run; nextClose ends that run', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t1 }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const msg = where(s, { t1 });
          const open = nextOpen(cal, t1);
          const close = nextClose(cal, t1);
          if (isOpen(cal, t1)) expect(open?.getTime(), msg).toBe(t1);
          if (open === null) {
            expect(close, msg).toBe(null);
            return;
          }
          const o = ms(open);
          expect(o, msg).toBeGreaterThanOrEqual(t1);
          expect(isOpen(cal, o), msg).toBe(true);
          expect(between(cal, t1, o), msg).toBe(0);
          if (o > t1) expect(isOpen(cal, o - 1), msg).toBe(false);
          if (close === null) return; // open for as long as src computes
          const c = ms(close);
          expect(c, msg).toBeGreaterThan(o);
          expect(isOpen(cal, c), msg).toBe(false);
          expect(isOpen(cal, c - 1), msg).toBe(true);
          expect(between(cal, o, c), msg).toBe(c - o);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('special calendars', () => {
  it('round the clock (every day 00:00-24:00, no holidays) is plain time arithmetic, DST days included', () => {
    fc.assert(
      fc.property(
        arbRoundTheClock.chain((s) => fc.record({ s: fc.constant(s), t1: arbInstantMs(s), t2: arbInstantMs(s), d1: arbDurationMs(s) })),
        ({ s, t1, t2, d1 }) => {
          const cal = compile(s);
          const msg = where(s, { t1, t2, d1 });
          expect(add(cal, t1, d1), msg).toBe(t1 + d1);
          expect(sub(cal, t1, d1), msg).toBe(t1 - d1);
          expect(between(cal, t1, t2), msg).toBe(t2 - t1 || 0);
          expect(isOpen(cal, t1), msg).toBe(true);
          expect(nextOpen(cal, t1)?.getTime(), msg).toBe(t1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a holiday never counts: between over its local day is 0', () => {
    const arbHolidayCase = arbScenario
      .filter((s) => (s.spec.holidays ?? []).some((h) => !('hours' in h)))
      .chain((s) => fc.record({ s: fc.constant(s), which: fc.nat() }));
    fc.assert(
      fc.property(arbHolidayCase, ({ s, which }) =>
        unlessNeverOpens(() => {
          const cal = compile(s);
          const closed = (s.spec.holidays ?? []).filter((h) => !('hours' in h));
          const { date } = closed[which % closed.length]!;
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          const zone = s.spec.timezone;
          const from = wallToInstant(zone, y, m, d, 0);
          const to = wallToInstant(zone, y, m, d, 1440);
          const msg = `${where(s, { tFrom: from, tTo: to })}\nholiday: ${date}`;
          expect(between(cal, from, to), msg).toBe(0);
          expect(isOpen(cal, from), msg).toBe(false);
          expect(isOpen(cal, to - 1), msg).toBe(false);
          const open = nextOpen(cal, from);
          if (open !== null) expect(ms(open), msg).toBeGreaterThanOrEqual(to);
        }),
      ),
      { numRuns: 300 },
    );
  });
});

describe('inputs are never mutated', () => {
  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    }
    return value;
  }

  it('specs, pauses, durations and Date inputs stay as they were (frozen and compared as JSON)', () => {
    const arbMutationCase = arbScenario.chain((s) =>
      fc.record({ s: fc.constant(s), t1: arbInstantMs(s), t2: arbInstantMs(s), d1: arbDurationMs(s), pauses: arbPauses(arbInstantMs(s)) }),
    );
    fc.assert(
      fc.property(arbMutationCase, ({ s, t1, t2, d1, pauses }) =>
        unlessNeverOpens(() => {
          const spec: CalendarSpec = deepFreeze(structuredClone(s.spec));
          const start = new Date(t1);
          const end = new Date(t2);
          const duration = deepFreeze({ milliseconds: d1 });
          const options = deepFreeze({ pauses: pauses.map((p) => ({ start: new Date(p.start), end: p.end })), landing: 'farthest' as const });
          const betweenOptions = deepFreeze({ pauses: options.pauses });
          const snapshot = () => JSON.stringify([spec, start, end, duration, options, betweenOptions]);
          const before = snapshot();
          // The spec is passed directly (not precompiled), so every entry point reads it.
          addBusinessTime(spec, start, duration, options);
          subtractBusinessTime(spec, start, duration, options);
          businessTimeBetween(spec, start, end, betweenOptions);
          isOpen(spec, start);
          nextOpen(spec, start);
          nextClose(spec, end);
          compileCalendar(spec);
          expect(snapshot()).toBe(before);
          expect([start.getTime(), end.getTime()]).toEqual([t1, t2]);
        }),
      ),
      { numRuns: 200 },
    );
  });
});

describe('the number fast path', () => {
  /** A value, or the code of the SlaclockError thrown: both sides must fail the same way. */
  const outcome = (run: () => number): number | string => {
    try {
      return run();
    } catch (error) {
      if (error instanceof SlaclockError) return error.code;
      throw error;
    }
  };

  it('answers exactly as the Date functions (value or error code), to the millisecond, whichever is asked first', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ s, t1, t2, d1 }, msFirst) => {
        let cal: Calendar;
        try {
          cal = compile(s);
        } catch (error) {
          if (error instanceof SlaclockError && error.code === 'calendar_never_opens') return;
          throw error;
        }
        // Two compiled calendars (the spec is cached, so a renamed copy) keep the tables each side builds apart.
        const other = compileCalendar({ ...s.spec, name: 'fast path' } as CalendarSpec);
        const [fast, slow] = msFirst ? [cal, other] : [other, cal];
        const msg = where(s, { t1, t2, d1 });
        const pairs: [() => number, () => number][] = [
          [() => addBusinessTimeMs(fast, t1, d1), () => ms(addBusinessTime(slow, t1, { milliseconds: d1 }))],
          [() => subtractBusinessTimeMs(fast, t1, d1), () => ms(subtractBusinessTime(slow, t1, { milliseconds: d1 }))],
          // The general path (Dates, an options object) against both number paths: businessTimeBetween
          // with plain epoch milliseconds and no options takes a shortcut of its own.
          [() => businessTimeBetweenMs(fast, t1, t2), () => businessTimeBetween(slow, new Date(t1), new Date(t2), {})],
          [() => businessTimeBetweenMs(fast, t2, t1), () => businessTimeBetween(slow, new Date(t2), new Date(t1), {})],
          [() => businessTimeBetween(fast, t1, t2), () => businessTimeBetween(slow, new Date(t1), new Date(t2), {})],
          [() => businessTimeBetween(fast, t2, t1), () => businessTimeBetween(slow, new Date(t2), new Date(t1), {})],
        ];
        for (const [quick, dated] of pairs) {
          if (msFirst) expect(outcome(quick), msg).toStrictEqual(outcome(dated));
          else {
            const expected = outcome(dated);
            expect(outcome(quick), msg).toStrictEqual(expected);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
