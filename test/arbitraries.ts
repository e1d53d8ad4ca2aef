/**
 * fast-check arbitraries for slaclock tests: random base calendars (weekly intervals with breaks,
 * overnight shifts, touching intervals, 24:00 ends, holidays and partial days) and instants that
 * crowd around DST transitions and interval boundaries.
 */
import fc from 'fast-check';
import {
  dayNumber,
  instantToWall,
  isoDate,
  offsetMinutes,
  wallToInstant,
  ymdOf,
  type RefHoliday,
  type RefInterval,
  type RefPause,
  type RefSpec,
  type RefWeekday,
} from './reference/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK_MINUTES = 7 * 1440;

export const ZONES = [
  'America/Denver',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
  'America/New_York',
  'Europe/London',
] as const;

/** Week-minute day index 0 = Monday. */
const DAYS: readonly RefWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Instants are drawn from 2020..2031 (with a margin so walks of a few weeks stay inside). */
const RANGE_START = Date.UTC(2020, 0, 15);
const RANGE_END = Date.UTC(2031, 11, 1);

export function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// DST transitions

const transitionMemo = new Map<string, number[]>();

/** The instants (on the minute grid) at which the zone's offset changes, 2020..2031. */
export function transitionsOf(zone: string): number[] {
  let list = transitionMemo.get(zone);
  if (list !== undefined) return list;
  list = [];
  const step = DAY;
  for (let t = Date.UTC(2019, 11, 1); t < Date.UTC(2032, 1, 1); t += step) {
    if (offsetMinutes(zone, t) === offsetMinutes(zone, t + step)) continue;
    // Bisect (t, t + step] down to the first minute showing the new offset.
    let [lo, hi] = [t / MINUTE, (t + step) / MINUTE];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetMinutes(zone, mid * MINUTE) === offsetMinutes(zone, t)) lo = mid;
      else hi = mid;
    }
    list.push(hi * MINUTE);
  }
  transitionMemo.set(zone, list);
  return list;
}

// ---------------------------------------------------------------------------------------------
// Weekly intervals

/** An interval in week-minute space: starts `start` minutes after Monday 00:00, lasts `length`. */
type WeekInterval = { start: number; length: number; endAsMidnight: boolean };

function overlaps(p: WeekInterval, q: WeekInterval): boolean {
  const mod = (x: number) => ((x % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
  return mod(q.start - p.start) < p.length || mod(p.start - q.start) < q.length;
}

/** Every interval must fit the [start, end] notation: length in (0, 24h], 24h only from 00:00. */
function fitLength(start: number, length: number): number {
  const startOfDay = start % 1440;
  return Math.max(1, Math.min(length, startOfDay === 0 ? 1440 : 1439));
}

/** Turns non-overlapping week intervals into the spec's `week` notation. */
export function toWeek(intervals: readonly WeekInterval[]): Partial<Record<RefWeekday, RefInterval[]>> {
  const week: Partial<Record<RefWeekday, RefInterval[]>> = {};
  for (const { start, length, endAsMidnight } of intervals) {
    const s = ((start % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    const day = DAYS[Math.floor(s / 1440)]!;
    const open = s % 1440;
    const close = open + length;
    const end = close < 1440 ? hhmm(close) : close === 1440 ? (endAsMidnight && open > 0 ? '00:00' : '24:00') : hhmm(close - 1440);
    (week[day] ??= []).push([hhmm(open), end]);
  }
  return week;
}

/** Laid out one after another from a random offset: gaps of 0 make touching intervals. */
const arbLaidOutWeek: fc.Arbitrary<WeekInterval[]> = fc
  .record({
    grain: fc.constantFrom(1, 5, 15, 30, 60),
    offset: fc.integer({ min: 0, max: WEEK_MINUTES - 1 }),
    pieces: fc.array(
      fc.record({
        gap: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 180 }) },
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 1440 }) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * 1440 }) },
        ),
        length: fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.constantFrom(30, 60, 120, 240, 480, 720, 1440)),
        endAsMidnight: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ grain, offset, pieces }) => {
    const round = (x: number) => Math.max(grain, Math.round(x / grain) * grain);
    const result: WeekInterval[] = [];
    let p = Math.round(offset / grain) * grain;
    const limit = p + WEEK_MINUTES; // must not wrap onto the first interval
    for (const piece of pieces) {
      p += piece.gap === 0 ? 0 : round(piece.gap);
      const length = fitLength(p, round(piece.length));
      if (p + length > limit) break;
      result.push({ start: p, length, endAsMidnight: piece.endAsMidnight });
      p += length;
    }
    return result;
  });

/** Wall times where DST transitions happen (01:00..04:00), midnights and office hours. */
const arbSpecialMinute = fc.oneof(
  fc.constantFrom(0, 30, 60, 90, 120, 135, 150, 165, 180, 195, 210, 225, 240, 300, 480, 540, 720, 1020, 1080, 1320, 1380, 1410),
  fc.integer({ min: 0, max: 1439 }),
);

/** Random candidates around DST-sensitive wall times; the ones overlapping earlier ones are dropped. */
const arbCandidateWeek: fc.Arbitrary<WeekInterval[]> = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 6 }),
      open: arbSpecialMinute,
      length: fc.oneof(fc.constantFrom(15, 30, 45, 60, 90, 120, 180, 480, 720, 1440), fc.integer({ min: 1, max: 1440 })),
      endAsMidnight: fc.boolean(),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((candidates) => {
    const result: WeekInterval[] = [];
    for (const c of candidates) {
      const start = c.day * 1440 + c.open;
      const interval = { start, length: fitLength(start, c.length), endAsMidnight: c.endAsMidnight };
      if (!result.some((r) => overlaps(r, interval))) result.push(interval);
    }
    return result;
  });

export const arbWeekIntervals: fc.Arbitrary<WeekInterval[]> = fc.oneof(
  { weight: 20, arbitrary: arbLaidOutWeek },
  { weight: 20, arbitrary: arbCandidateWeek },
  { weight: 1, arbitrary: fc.constant<WeekInterval[]>([]) }, // (rare) never open on weekdays (partial days may still open it)
);

// ---------------------------------------------------------------------------------------------
// Holidays and partial days

/** Sorted, non-overlapping (maybe touching) intervals within one day, for a partial day. */
const arbPartialHours: fc.Arbitrary<RefInterval[]> = fc
  .array(fc.record({ gap: fc.oneof(fc.constant(0), arbSpecialMinute), length: arbSpecialMinute }), { maxLength: 3 })
  .map((pieces) => {
    const hours: RefInterval[] = [];
    let p = 0;
    for (const { gap, length } of pieces) {
      p += gap;
      const end = Math.min(1440, p + Math.max(1, length));
      if (p >= end) break;
      hours.push([hhmm(p), end === 1440 ? '24:00' : hhmm(end)]);
      p = end;
    }
    return hours;
  });

/** Holidays and partial days on distinct dates within [-10, +20] days of the focus date. */
function arbHolidays(focusDay: number): fc.Arbitrary<RefHoliday[]> {
  return fc
    .uniqueArray(
      fc.record({
        offset: fc.oneof(fc.integer({ min: -10, max: 20 }), fc.integer({ min: -1, max: 1 })), // often the focus date (a DST date)
        hours: fc.option(arbPartialHours, { freq: 3 }), // null = closed all day
        named: fc.boolean(),
      }),
      { selector: (h) => h.offset, maxLength: 6 },
    )
    .map((list) =>
      list.map(({ offset, hours, named }): RefHoliday => {
        const date = isoDate(focusDay + offset);
        const base = hours === null ? { date } : { date, hours };
        return named ? { ...base, name: `day ${offset}` } : base;
      }),
    );
}

// ---------------------------------------------------------------------------------------------
// Scenarios: a calendar plus the instant its interesting dates are near

export type Scenario = {
  spec: RefSpec;
  /** An instant (minute grid) that holidays and generated instants cluster around. */
  focus: number;
  /** Open wall minutes per week from the weekly intervals alone. */
  weeklyOpenMinutes: number;
  /** Wall minutes of day where intervals open or close (plus midnight). */
  boundaries: number[];
};

const arbUniformMinute = fc.integer({ min: RANGE_START / MINUTE, max: RANGE_END / MINUTE }).map((m) => m * MINUTE);

/** An instant on the minute grid, often within hours of one of the zone's DST transitions. */
export function arbFocus(zone: string): fc.Arbitrary<number> {
  const transitions = transitionsOf(zone).filter((t) => t > RANGE_START && t < RANGE_END);
  if (transitions.length === 0) return arbUniformMinute;
  const nearTransition = fc
    .tuple(
      fc.constantFrom(...transitions),
      fc.oneof(fc.integer({ min: -180, max: 180 }), fc.integer({ min: -4 * 1440, max: 4 * 1440 })),
    )
    .map(([t, delta]) => t + delta * MINUTE);
  return fc.oneof({ weight: 3, arbitrary: nearTransition }, { weight: 1, arbitrary: arbUniformMinute });
}

export const arbZone = fc.constantFrom(...ZONES);

export function arbScenarioIn(zone: fc.Arbitrary<string>, week: fc.Arbitrary<WeekInterval[]>): fc.Arbitrary<Scenario> {
  return zone.chain((timezone) =>
    arbFocus(timezone).chain((focus) => {
      const { y, m, d } = instantToWall(timezone, focus);
      return fc
        .record({ intervals: week, holidays: arbHolidays(dayNumber(y, m, d)), withHolidays: fc.boolean() })
        .map(({ intervals, holidays, withHolidays }): Scenario => {
          const spec: RefSpec = { timezone, week: toWeek(intervals) };
          if (withHolidays || holidays.length > 0) spec.holidays = holidays;
          const boundaries = new Set<number>([0]);
          for (const i of intervals) {
            boundaries.add(i.start % 1440);
            boundaries.add((i.start + i.length) % 1440);
          }
          for (const h of holidays) if ('hours' in h) for (const [s, e] of h.hours) boundaries.add(toMinutes(s)).add(toMinutes(e) % 1440);
          return {
            spec,
            focus,
            weeklyOpenMinutes: intervals.reduce((sum, i) => sum + i.length, 0),
            boundaries: [...boundaries].sort((p, q) => p - q),
          };
        });
    }),
  );
}

function toMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

/** The main arbitrary: a random base calendar in a random zone. */
export const arbScenario: fc.Arbitrary<Scenario> = arbScenarioIn(arbZone, arbWeekIntervals);

/** Round-the-clock: every day ["00:00","24:00"], no holidays. */
export const arbRoundTheClock: fc.Arbitrary<Scenario> = arbScenarioIn(
  arbZone,
  fc.constant(DAYS.map((_, i) => ({ start: i * 1440, length: 1440, endAsMidnight: false }))),
).map((s) => {
  const { holidays: _dropped, ...spec } = s.spec;
  return { ...s, spec };
});

// ---------------------------------------------------------------------------------------------
// Instants, durations, pauses

/** An instant on the minute grid near the scenario: its focus, an interval boundary, or a DST transition. */
export function arbInstant(s: Scenario): fc.Arbitrary<number> {
  const zone = s.spec.timezone;
  const focusDay = (() => {
    const { y, m, d } = instantToWall(zone, s.focus);
    return dayNumber(y, m, d);
  })();
  const nearFocus = fc
    .oneof(fc.integer({ min: -180, max: 180 }), fc.integer({ min: -3 * 1440, max: 14 * 1440 }))
    .map((delta) => s.focus + delta * MINUTE);
  const nearBoundary = fc
    .record({
      day: fc.integer({ min: -3, max: 14 }),
      wall: fc.constantFrom(...s.boundaries),
      delta: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: -2, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: -90, max: 90 }) }),
    })
    .map(({ day, wall, delta }) => {
      const { y, m, d } = ymdOf(focusDay + day);
      return wallToInstant(zone, y, m, d, wall) + delta * MINUTE;
    });
  const nearTransitions = transitionsOf(zone).filter((t) => Math.abs(t - s.focus) < 30 * DAY);
  const arbs = [nearFocus, nearBoundary];
  if (nearTransitions.length > 0) {
    arbs.push(
      fc
        .tuple(fc.constantFrom(...nearTransitions), fc.integer({ min: -150, max: 150 }))
        .map(([t, delta]) => t + delta * MINUTE),
    );
  }
  return fc.oneof(...arbs);
}

/** Like arbInstant, plus a millisecond part (often 0 or the last ms of a minute). */
export function arbInstantMs(s: Scenario): fc.Arbitrary<number> {
  return fc
    .tuple(arbInstant(s), fc.oneof(fc.constant(0), fc.constantFrom(1, 999, 59_999, 30_000), fc.integer({ min: 0, max: 59_999 })))
    .map(([t, ms]) => t + ms);
}

/** A duration in whole minutes: 0, small, or up to ~3 weeks of this calendar's weekly open time. */
export function arbDurationMinutes(s: Scenario): fc.Arbitrary<number> {
  // At most three weeks of open time (so walks stay well within the reference's bound).
  const big = s.weeklyOpenMinutes > 0 ? 3 * s.weeklyOpenMinutes : 600;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: Math.min(240, big) }) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: Math.max(1, s.weeklyOpenMinutes) }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: big }) },
  );
}

/** A duration in ms: whole minutes plus a random millisecond part. */
export function arbDurationMs(s: Scenario): fc.Arbitrary<number> {
  return fc
    .tuple(arbDurationMinutes(s), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59_999 })))
    .map(([minutes, ms]) => minutes * MINUTE + ms);
}

/** 0..3 pauses (minute grid, possibly overlapping each other) around an instant. */
export function arbPauses(around: fc.Arbitrary<number>): fc.Arbitrary<RefPause[]> {
  return fc.array(
    fc
      .tuple(around, fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 3 * 1440 })))
      .map(([start, minutes]) => ({ start, end: start + minutes * MINUTE })),
    { maxLength: 3 },
  );
}
