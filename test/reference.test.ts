/**
 * src/ must agree with the slow reference in test/reference/ on random calendars, instants and
 * durations (all on the minute grid). The reference itself is first anchored to hand-known facts.
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
import { arbDurationMinutes, arbInstant, arbPauses, arbScenario, HOUR, MINUTE, type Scenario } from './arbitraries.js';
import {
  offsetMinutes,
  openInstantRanges,
  RefCalendar,
  ReferenceBoundError,
  refAdd,
  refBetween,
  refIsOpen,
  refNextClose,
  refNextOpen,
  refSubtract,
  wallToInstant,
  dayNumber,
  type RefPause,
  type RefSpec,
} from './reference/index.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

// -------------------------------------------------------------------------------------------------
describe('reference: anchored in reality', () => {
  it('offsets', () => {
    expect(offsetMinutes('Asia/Kathmandu', at('2026-06-01T00:00Z'))).toBe(345);
    expect(offsetMinutes('Asia/Kolkata', at('2026-06-01T00:00Z'))).toBe(330);
    expect(offsetMinutes('Pacific/Chatham', at('2026-01-15T00:00Z'))).toBe(825);
    expect(offsetMinutes('Pacific/Chatham', at('2026-07-15T00:00Z'))).toBe(765);
    expect(offsetMinutes('America/St_Johns', at('2026-01-15T00:00Z'))).toBe(-210);
    expect(offsetMinutes('America/St_Johns', at('2026-07-15T00:00Z'))).toBe(-150);
    expect(offsetMinutes('America/Denver', at('2026-01-15T00:00Z'))).toBe(-420);
    expect(offsetMinutes('America/Denver', at('2026-07-15T00:00Z'))).toBe(-360);
    // Denver falls back at 2026-11-01 08:00Z: one minute before it is still MDT.
    expect(offsetMinutes('America/Denver', at('2026-11-01T07:59Z'))).toBe(-360);
    expect(offsetMinutes('America/Denver', at('2026-11-01T08:00Z'))).toBe(-420);
  });

  it('wall time -> instant (Temporal "compatible")', () => {
    const w = (zone: string, date: string, hhmm: string) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [h, mi] = hhmm.split(':').map(Number) as [number, number];
      return iso(wallToInstant(zone, y, m, d, h * 60 + mi));
    };
    // Gaps: read with the offset before the transition, i.e. later by the gap.
    expect(w('America/Denver', '2026-03-08', '02:30')).toBe('2026-03-08T09:30:00.000Z'); // = 03:30 MDT
    expect(w('Australia/Sydney', '2026-10-04', '02:30')).toBe('2026-10-03T16:30:00.000Z'); // = 03:30 AEDT
    expect(w('Europe/Berlin', '2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(w('Europe/London', '2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z'); // = 02:30 BST
    // Ambiguous: the earlier instant (the offset before the transition).
    expect(w('America/Denver', '2026-11-01', '01:30')).toBe('2026-11-01T07:30:00.000Z'); // MDT
    expect(w('Australia/Sydney', '2026-04-05', '02:30')).toBe('2026-04-04T15:30:00.000Z'); // AEDT
    expect(w('Europe/Berlin', '2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z'); // CEST
    expect(w('Pacific/Chatham', '2026-04-05', '03:00')).toBe('2026-04-04T13:15:00.000Z'); // +13:45
    // Ordinary times, and 24:00 = next day's 00:00.
    expect(w('Asia/Kathmandu', '2026-06-01', '09:00')).toBe('2026-06-01T03:15:00.000Z');
    expect(w('America/St_Johns', '2026-01-15', '09:00')).toBe('2026-01-15T12:30:00.000Z');
    expect(w('America/Denver', '2026-11-01', '24:00')).toBe('2026-11-02T07:00:00.000Z');
    expect(w('UTC', '2026-02-28', '24:00')).toBe('2026-03-01T00:00:00.000Z');
  });

  const officeDenver: RefSpec = {
    timezone: 'America/Denver',
    week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  };
  const allDay = (timezone: string): RefSpec => ({
    timezone,
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  });

  it('counts open time in real elapsed time', () => {
    const office = new RefCalendar(officeDenver);
    expect(refBetween(office, at('2026-03-02T00:00-07:00'), at('2026-03-09T00:00-06:00'))).toBe(40 * HOUR);
    const denver = new RefCalendar(allDay('America/Denver'));
    expect(refBetween(denver, at('2026-11-01T00:00-06:00'), at('2026-11-02T00:00-07:00'))).toBe(25 * HOUR);
    expect(refBetween(denver, at('2026-03-08T00:00-07:00'), at('2026-03-09T00:00-06:00'))).toBe(23 * HOUR);
    expect(openInstantRanges(allDay('America/Denver'), dayNumber(2026, 11, 1)).map(([a, b]) => [iso(a), iso(b)])).toEqual([
      ['2026-11-01T06:00:00.000Z', '2026-11-02T07:00:00.000Z'],
    ]);
    // Never -0, negative when b < a.
    expect(Object.is(refBetween(office, at('2026-03-07T12:00Z'), at('2026-03-07T10:00Z')), 0)).toBe(true);
    expect(refBetween(office, at('2026-03-03T00:00Z'), at('2026-03-02T00:00Z'))).toBe(-8 * HOUR);
  });

  it('overnight shifts, holidays, partial days and "00:00" ends', () => {
    // 2026-06-05 is a Friday.
    const night = (extra: Partial<RefSpec>, end = '06:00'): number =>
      refBetween(new RefCalendar({ timezone: 'Europe/Berlin', week: { fri: [['22:00', end]] }, ...extra }), at('2026-06-05T00:00+02:00'), at('2026-06-07T00:00+02:00'));
    expect(night({})).toBe(8 * HOUR);
    expect(night({ holidays: [{ date: '2026-06-05' }] })).toBe(6 * HOUR); // only the part after midnight
    expect(night({ holidays: [{ date: '2026-06-06' }] })).toBe(2 * HOUR); // cut at midnight
    expect(night({ holidays: [{ date: '2026-06-06', hours: [['10:00', '11:00']] }] })).toBe(3 * HOUR); // no spill into a partial day
    expect(night({ holidays: [{ date: '2026-06-06', hours: [] }] })).toBe(2 * HOUR);
    expect(night({ holidays: [{ date: '2026-06-05', hours: [['08:00', '09:00']] }] })).toBe(7 * HOUR); // spill from a partial date's weekday
    expect(night({}, '00:00')).toBe(2 * HOUR); // "00:00" = until midnight
  });

  it('add / subtract landings, nextOpen / nextClose', () => {
    const office = new RefCalendar(officeDenver);
    const mon16 = at('2026-03-02T16:00-07:00');
    expect(iso(refAdd(office, mon16, 60))).toBe('2026-03-03T00:00:00.000Z'); // Mon 17:00, on the close
    expect(iso(refAdd(office, mon16, 60, 'farthest'))).toBe('2026-03-03T16:00:00.000Z'); // Tue 09:00
    expect(iso(refAdd(office, mon16, 61))).toBe('2026-03-03T16:01:00.000Z');
    expect(refAdd(office, mon16, 0)).toBe(mon16);
    const tue10 = at('2026-03-03T10:00-07:00');
    expect(iso(refSubtract(office, tue10, 60))).toBe('2026-03-03T16:00:00.000Z'); // Tue 09:00, an opening
    expect(iso(refSubtract(office, tue10, 60, 'farthest'))).toBe('2026-03-03T00:00:00.000Z'); // Mon 17:00
    // Friday 16:00 + 2h over a weekend that contains the spring-forward: Monday 10:00 MDT.
    expect(iso(refAdd(office, at('2026-03-06T16:00-07:00'), 120))).toBe('2026-03-09T16:00:00.000Z');

    const touching = new RefCalendar({ timezone: 'UTC', week: { mon: [['18:00', '24:00']], tue: [['00:00', '02:00']] } });
    expect(iso(refNextOpen(touching, at('2026-03-02T10:00Z')))).toBe('2026-03-02T18:00:00.000Z');
    expect(iso(refNextClose(touching, at('2026-03-02T10:00Z')))).toBe('2026-03-03T02:00:00.000Z');
    expect(iso(refNextClose(touching, at('2026-03-02T23:59Z')))).toBe('2026-03-03T02:00:00.000Z');
    expect(iso(refNextOpen(touching, at('2026-03-02T19:00Z')))).toBe('2026-03-02T19:00:00.000Z');
    expect(refIsOpen(touching, at('2026-03-03T01:59Z'))).toBe(true);
    expect(refIsOpen(touching, at('2026-03-03T02:00Z'))).toBe(false);
    expect(() => refNextOpen(new RefCalendar({ timezone: 'UTC', week: {} }), 0)).toThrow(ReferenceBoundError);
  });

  it('DST: ranges through a gap, and empty ranges', () => {
    // Sydney springs forward 2026-10-04 02:00 -> 03:00 (Sunday). Touching intervals form one run.
    const sydney = new RefCalendar({ timezone: 'Australia/Sydney', week: { sun: [['01:00', '02:30'], ['02:30', '04:00']] } });
    expect(refBetween(sydney, at('2026-10-03T00:00Z'), at('2026-10-05T00:00Z'))).toBe(2 * HOUR);
    // Touching intervals are one run before they are mapped: splitting ["00:00","03:15"] at 02:45
    // (inside Denver's 2026-03-08 gap) changes nothing, for weekly intervals and partial days alike.
    const denverGap = (spec: Partial<RefSpec>) =>
      refBetween(new RefCalendar({ timezone: 'America/Denver', week: {}, ...spec }), at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'));
    expect(denverGap({ week: { sun: [['00:00', '03:15']] } })).toBe(135 * MINUTE); // 07:00Z .. 09:15Z
    expect(denverGap({ week: { sun: [['00:00', '02:45'], ['02:45', '03:15']] } })).toBe(135 * MINUTE);
    expect(denverGap({ holidays: [{ date: '2026-03-08', hours: [['00:00', '03:15']] }] })).toBe(135 * MINUTE);
    expect(denverGap({ holidays: [{ date: '2026-03-08', hours: [['00:00', '02:45'], ['02:45', '03:15']] }] })).toBe(135 * MINUTE);
    // Denver 2026-03-08: [02:30, 03:00) maps to [09:30Z, 09:00Z): empty.
    const empty = new RefCalendar({ timezone: 'America/Denver', week: { sun: [['02:30', '03:00']] } });
    expect(refBetween(empty, at('2026-03-08T00:00Z'), at('2026-03-09T00:00Z'))).toBe(0);
    // Denver 2026-11-01: [01:00, 02:00) is 01:00 MDT .. 02:00 MST = 2 hours.
    const fallBack = new RefCalendar({ timezone: 'America/Denver', week: { sun: [['01:00', '02:00']] } });
    expect(refBetween(fallBack, at('2026-11-01T00:00Z'), at('2026-11-02T00:00Z'))).toBe(2 * HOUR);
  });

  it('pauses never count', () => {
    const utcOffice = new RefCalendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } });
    const pauses = [{ start: at('2026-03-02T10:00Z'), end: at('2026-03-02T11:00Z') }];
    expect(iso(refAdd(utcOffice, at('2026-03-02T09:00Z'), 120, 'nearest', pauses))).toBe('2026-03-02T12:00:00.000Z');
    expect(iso(refAdd(utcOffice, at('2026-03-02T09:00Z'), 60, 'farthest', pauses))).toBe('2026-03-02T11:00:00.000Z');
    expect(iso(refSubtract(utcOffice, at('2026-03-02T12:00Z'), 120, 'nearest', pauses))).toBe('2026-03-02T09:00:00.000Z');
    expect(iso(refSubtract(utcOffice, at('2026-03-02T12:00Z'), 60, 'farthest', pauses))).toBe('2026-03-02T10:00:00.000Z');
    expect(refBetween(utcOffice, at('2026-03-02T00:00Z'), at('2026-03-03T00:00Z'), pauses)).toBe(7 * HOUR);
  });

  it('isOpen from date ranges agrees with the minute grid used for walking', () => {
    fc.assert(
      fc.property(
        arbScenario.chain((s) => fc.tuple(fc.constant(s), arbInstant(s))),
        ([s, t]) => {
          const cal = new RefCalendar(s.spec);
          for (let k = -30; k <= 30; k++) {
            const x = t + k * 7 * MINUTE;
            if (refIsOpen(cal, x) !== cal.openMinute(x / MINUTE)) throw new Error(`mismatch at ${iso(x)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

// -------------------------------------------------------------------------------------------------
// Agreement

type Outcome = { value: number | null } | { error: string };

/** What src returned: a time, null, or the error code it threw. */
function srcOutcome(run: () => Date | number | null): Outcome {
  try {
    const result = run();
    return { value: result instanceof Date ? result.getTime() : result };
  } catch (error) {
    if (error instanceof SlaclockError) return { error: error.code };
    throw error;
  }
}

/**
 * What src must return: the reference's answer; or, when the reference found nothing within its
 * bound, `null` (nextOpen/nextClose) or the error `calendar_never_opens` (add/subtract).
 */
function refOutcome(run: () => number, whenNone: Outcome): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ReferenceBoundError) return whenNone;
    throw error;
  }
}

const NEVER: Outcome = { error: 'calendar_never_opens' };
const NULL: Outcome = { value: null };

function show(o: Outcome): string {
  if ('error' in o) return `error ${o.error}`;
  return o.value === null ? 'null' : typeof o.value === 'number' && Math.abs(o.value) > 1e11 ? iso(o.value) : String(o.value);
}

function agree(label: string, context: () => string, expected: Outcome, actual: Outcome): void {
  const same =
    'error' in expected ? 'error' in actual && actual.error === expected.error : 'value' in actual && Object.is(actual.value, expected.value);
  if (!same) throw new Error(`${label}: expected ${show(expected)}, got ${show(actual)}\n${context()}`);
}

function describeCase(s: Scenario, fields: Record<string, number | string | RefPause[]>): string {
  const lines = [`spec: ${JSON.stringify(s.spec)}`];
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) lines.push(`${k}: ${JSON.stringify(v.map((p) => ({ start: iso(p.start), end: iso(p.end) })))}`);
    else lines.push(`${k}: ${typeof v === 'number' && k !== 'minutes' ? iso(v) : v}`);
  }
  return lines.join('\n');
}

/**
 * compileCalendar may reject a calendar that never opens (calendar_never_opens); then the
 * reference must find no open time within its bound on either side of t.
 */
function compileOrNever(spec: RefSpec, ref: RefCalendar, t: number, ctx: () => string): Calendar | undefined {
  try {
    return compileCalendar(spec);
  } catch (error) {
    if (!(error instanceof SlaclockError) || error.code !== 'calendar_never_opens') throw error;
    agree('compileCalendar: never opens; nextOpen(t)', ctx, NULL, refOutcome(() => refNextOpen(ref, t), NULL));
    agree('compileCalendar: never opens; subtract(t, 1)', ctx, NEVER, refOutcome(() => refSubtract(ref, t, 1), NEVER));
    return undefined;
  }
}

const arbCase = arbScenario.chain((s) =>
  fc.record({
    s: fc.constant(s),
    t: arbInstant(s),
    b: arbInstant(s),
    minutes: arbDurationMinutes(s),
    form: fc.constantFrom('number', 'date', 'iso'),
  }),
);

const arbPausedCase = arbScenario.chain((s) =>
  fc.record({
    s: fc.constant(s),
    t: arbInstant(s),
    b: arbInstant(s),
    minutes: arbDurationMinutes(s),
    pauses: arbPauses(arbInstant(s)),
  }),
);

describe('src agrees with the reference', () => {
  it('isOpen, nextOpen, nextClose, addBusinessTime, subtractBusinessTime, businessTimeBetween', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t, b, minutes, form }) => {
        const ctx = () => describeCase(s, { t, b, minutes });
        const ref = new RefCalendar(s.spec);
        const cal = compileOrNever(s.spec, ref, t, ctx);
        if (cal === undefined) return;
        // The same instant and duration in each input form.
        const start = form === 'date' ? new Date(t) : form === 'iso' ? iso(t) : t;
        const d = form === 'date' ? { minutes } : form === 'iso' ? `PT${minutes}M` : { milliseconds: minutes * MINUTE };

        agree('isOpen(t)', ctx, { value: refIsOpen(ref, t) ? 1 : 0 }, { value: isOpen(cal, start) ? 1 : 0 });
        agree('nextOpen(t)', ctx, refOutcome(() => refNextOpen(ref, t), NULL), srcOutcome(() => nextOpen(cal, start)));
        agree('nextClose(t)', ctx, refOutcome(() => refNextClose(ref, t), NULL), srcOutcome(() => nextClose(cal, start)));
        for (const landing of ['nearest', 'farthest'] as const) {
          agree(
            `addBusinessTime(t, minutes, ${landing})`,
            ctx,
            refOutcome(() => refAdd(ref, t, minutes, landing), NEVER),
            srcOutcome(() => addBusinessTime(cal, start, d, { landing })),
          );
          agree(
            `subtractBusinessTime(t, minutes, ${landing})`,
            ctx,
            refOutcome(() => refSubtract(ref, t, minutes, landing), NEVER),
            srcOutcome(() => subtractBusinessTime(cal, start, d, { landing })),
          );
        }
        agree('businessTimeBetween(t, b)', ctx, { value: refBetween(ref, t, b) }, srcOutcome(() => businessTimeBetween(cal, start, b)));
        agree('businessTimeBetween(b, t)', ctx, { value: refBetween(ref, b, t) }, srcOutcome(() => businessTimeBetween(cal, b, start)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('the number fast path: addBusinessTimeMs, subtractBusinessTimeMs, businessTimeBetweenMs', () => {
    fc.assert(
      fc.property(arbCase, ({ s, t, b, minutes }) => {
        const ctx = () => describeCase(s, { t, b, minutes });
        const ref = new RefCalendar(s.spec);
        const cal = compileOrNever(s.spec, ref, t, ctx);
        if (cal === undefined) return;
        const d = minutes * MINUTE;
        agree('addBusinessTimeMs(t, d)', ctx, refOutcome(() => refAdd(ref, t, minutes), NEVER), srcOutcome(() => addBusinessTimeMs(cal, t, d)));
        agree('subtractBusinessTimeMs(t, d)', ctx, refOutcome(() => refSubtract(ref, t, minutes), NEVER), srcOutcome(() => subtractBusinessTimeMs(cal, t, d)));
        agree('businessTimeBetweenMs(t, b)', ctx, { value: refBetween(ref, t, b) }, srcOutcome(() => businessTimeBetweenMs(cal, t, b)));
        agree('businessTimeBetweenMs(b, t)', ctx, { value: refBetween(ref, b, t) }, srcOutcome(() => businessTimeBetweenMs(cal, b, t)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('with pauses: addBusinessTime, subtractBusinessTime, businessTimeBetween', () => {
    fc.assert(
      fc.property(arbPausedCase, ({ s, t, b, minutes, pauses }) => {
        const ctx = () => describeCase(s, { t, b, minutes, pauses });
        const ref = new RefCalendar(s.spec);
        const cal = compileOrNever(s.spec, ref, t, ctx);
        if (cal === undefined) return;
        const d = { minutes };
        for (const landing of ['nearest', 'farthest'] as const) {
          agree(
            `addBusinessTime(t, minutes, ${landing}, pauses)`,
            ctx,
            refOutcome(() => refAdd(ref, t, minutes, landing, pauses), NEVER),
            srcOutcome(() => addBusinessTime(cal, t, d, { landing, pauses })),
          );
          agree(
            `subtractBusinessTime(t, minutes, ${landing}, pauses)`,
            ctx,
            refOutcome(() => refSubtract(ref, t, minutes, landing, pauses), NEVER),
            srcOutcome(() => subtractBusinessTime(cal, t, d, { landing, pauses })),
          );
        }
        agree('businessTimeBetween(t, b, pauses)', ctx, { value: refBetween(ref, t, b, pauses) }, srcOutcome(() => businessTimeBetween(cal, t, b, { pauses })));
      }),
      { numRuns: 2_000 },
    );
  });
});
