/**
 * Every offset change in the tz database, 1900-2100, against the luxon-based reference.
 *
 * For each IANA zone the runtime knows, the reference scans for offset changes with Intl
 * (test/reference/transitions.ts), and around each one compiles calendars with intervals near
 * the change, overnight shifts, chunks of the early morning and a partial day after a holiday,
 * then compares isOpen, nextOpen, nextClose, businessTimeBetween, addBusinessTime and
 * subtractBusinessTime (both landings), addBusinessDays (each rule) and explainBusinessTime's total with a reference clock
 * over the window's open ranges (test/reference/window.ts), to the millisecond.
 *
 * `npm test` runs a seeded subset (weekly scan of every zone, a seeded sample of its changes
 * plus the unusual ones); `npm run test:exhaustive` (SLACLOCK_SWEEP=all) scans daily and checks
 * every change. SLACLOCK_SWEEP_SEED picks another sample; SLACLOCK_SWEEP_ZONES=Pacific/Apia,...
 * limits the sweep to some zones.
 */
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
  type Calendar,
} from '../src/index.js';
import { refAddBusinessDays, RefWindow, zoneTransitions, type RefSpec, type RefWeekday, type Transition } from './reference/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EXHAUSTIVE = process.env.SLACLOCK_SWEEP === 'all';
/** The exhaustive sweep checks every change (about 27 minutes on a busy 2-core machine): the suite's timeout would cut it off. */
const EXHAUSTIVE_TIMEOUT_MS = 3 * 3_600_000;
const SEED = Number(process.env.SLACLOCK_SWEEP_SEED ?? 13);
const SAMPLE = 350;
const UNUSUAL_SAMPLE = 200;
// Transitions from a week into 1900 (the window reaches 4 local dates back) to the end of 2099.
const FROM = Date.UTC(1900, 0, 8);
const TO = Date.UTC(2100, 0, 1);
const WEEKDAYS: readonly RefWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const dayOf = (t: number, offset: number) => Math.floor((t + offset) / DAY);
const minuteOf = (t: number, offset: number) => Math.floor(((((t + offset) % DAY) + DAY) % DAY) / MINUTE);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const everyDay = (intervals: [string, string][]) => Object.fromEntries(WEEKDAYS.map((d) => [d, intervals])) as RefSpec['week'];

/** A change is unusual when it jumps 2 hours or more, crosses local midnight or is not whole minutes. */
function isUnusual(tr: Transition): boolean {
  const jump = Math.abs(tr.after - tr.before);
  return jump >= 2 * HOUR || dayOf(tr.at - 1, tr.before) !== dayOf(tr.at, tr.after) || jump % MINUTE !== 0 || tr.after % MINUTE !== 0;
}

/** The calendars tried around one change. */
function specsAround(tr: Transition): { name: string; spec: RefSpec }[] {
  const timezone = tr.zone;
  const a = minuteOf(tr.at - 1, tr.before);
  const b = minuteOf(tr.at, tr.after);
  const low = Math.max(0, Math.min(a, b) - 60);
  const high = Math.min(1440, Math.max(a, b) + 61);
  const around: [string, string][] = low < high && high - low < 1440 ? [[hhmm(low), hhmm(high)]] : [['00:00', '24:00']];
  const date = dayOf(tr.at, tr.after);
  return [
    { name: 'around the change', spec: { timezone, week: everyDay(around) } },
    { name: 'overnight shifts', spec: { timezone, week: everyDay([['20:00', '04:00']]) } },
    {
      name: 'early-morning chunks',
      spec: { timezone, week: everyDay([['00:00', '00:30'], ['01:00', '02:00'], ['02:30', '03:30'], ['09:00', '17:00'], ['23:00', '24:00']]) },
    },
    {
      name: 'holiday and partial day',
      spec: {
        timezone,
        week: everyDay([['08:00', '18:00'], ['22:00', '06:00']]),
        holidays: [{ date: isoDay(date - 1) }, { date: isoDay(date), hours: [['00:00', '03:00'], ['12:00', '24:00']] }],
      },
    },
  ];
}

interface Tally {
  transitions: number;
  calendars: number;
  checks: number;
  skipped: number;
  failures: string[];
}

function checkAround(tr: Transition, tally: Tally): void {
  const date = dayOf(tr.at, tr.after);
  const queries = [-26 * HOUR, -3 * HOUR, -HOUR, -1, 0, 1, 30 * MINUTE, HOUR, 3 * HOUR, 26 * HOUR].map((d) => tr.at + d);
  const amounts = [1, MINUTE, HOUR, 4 * HOUR, 8 * HOUR];
  tally.transitions++;
  for (const { name, spec } of specsAround(tr)) {
    const ref = new RefWindow(spec, date - 4, date + 4);
    const calendar: Calendar = compileCalendar(spec as never);
    tally.calendars++;
    const where = `${tr.zone} ${new Date(tr.at).toISOString()} (${name})`;
    const same = (what: string, actual: unknown, expected: unknown) => {
      if (expected === undefined) {
        tally.skipped++;
        return;
      }
      tally.checks++;
      if (actual !== expected && tally.failures.length < 20) {
        tally.failures.push(`${where}: ${what}: got ${String(actual)}, reference ${String(expected)}`);
      }
    };
    const boundaries = ref.ranges.flat().filter((t) => Math.abs(t - tr.at) < DAY);
    for (const q of [...queries, ...boundaries]) {
      const at = new Date(q);
      same(`isOpen ${q}`, isOpen(calendar, at), ref.isOpen(q));
      same(`nextOpen ${q}`, nextOpen(calendar, at)?.getTime(), ref.nextOpen(q));
      same(`nextClose ${q}`, nextClose(calendar, at)?.getTime(), ref.nextClose(q));
      const later = tr.at + 2 * DAY;
      const between = ref.between(q, later);
      same(`between ${q}..${later}`, businessTimeBetween(calendar, at, new Date(later)), between);
      if (between !== undefined) {
        const explained = explainBusinessTime(calendar, at, new Date(later));
        same(`explain total ${q}`, explained.totalMs, between);
        const forward = explained.segments.every((s, k) => s.endMs > s.startMs && (k === 0 ? s.startMs === q : s.startMs === explained.segments[k - 1]!.endMs));
        same(`explain segments run forward ${q}`, forward, true);
      }
      for (const n of [0, 1, 2]) {
        for (const rule of ['end-of-day', 'same-time', 'start-of-day'] as const) {
          const expected = refAddBusinessDays(ref, q, n, rule);
          same(`addBusinessDays ${n} ${rule} ${q}`, expected === undefined ? undefined : addBusinessDays(calendar, at, n, { rule }).getTime(), expected);
        }
      }
      for (const amount of amounts) {
        for (const farthest of [false, true]) {
          const landing = farthest ? 'farthest' : 'nearest';
          const add = ref.add(q, amount, farthest);
          same(`add ${amount} ${landing} ${q}`, add === undefined ? undefined : addBusinessTime(calendar, at, { milliseconds: amount }, { landing }).getTime(), add);
          const sub = ref.subtract(q, amount, farthest);
          same(`subtract ${amount} ${landing} ${q}`, sub === undefined ? undefined : subtractBusinessTime(calendar, at, { milliseconds: amount }, { landing }).getTime(), sub);
        }
      }
    }
  }
}

function sweep(): { zones: number; found: number; unusual: number; tally: Tally; seconds: number } {
  const started = performance.now();
  const zones = process.env.SLACLOCK_SWEEP_ZONES?.split(',') ?? Intl.supportedValuesOf('timeZone');
  const all = zones.flatMap((zone) => zoneTransitions(zone, FROM, TO, EXHAUSTIVE ? DAY : 7 * DAY));
  const unusual = all.filter(isUnusual);
  let chosen = all;
  if (!EXHAUSTIVE) {
    const random = mulberry32(SEED);
    const pick = (list: Transition[], n: number) => list.map((tr) => ({ tr, key: random() })).sort((x, y) => x.key - y.key).slice(0, n).map(({ tr }) => tr);
    chosen = [...new Set([...pick(unusual, UNUSUAL_SAMPLE), ...pick(all, SAMPLE)])];
  }
  const tally: Tally = { transitions: 0, calendars: 0, checks: 0, skipped: 0, failures: [] };
  for (const tr of chosen) checkAround(tr, tally);
  return { zones: zones.length, found: all.length, unusual: unusual.length, tally, seconds: (performance.now() - started) / 1000 };
}

describe(`every offset change in the tz database, 1900-2100 (${EXHAUSTIVE ? 'exhaustive' : `seeded subset, seed ${SEED}`})`, () => {
  it('answers like the luxon-based reference around each change, to the millisecond', () => {
    const { zones, found, unusual, tally, seconds } = sweep();
    console.log(
      `transition sweep (${EXHAUSTIVE ? 'exhaustive, daily scan' : `seeded subset ${SEED}, weekly scan`}): ${zones} zones, ${found} offset changes found ` +
        `(${unusual} unusual), ${tally.transitions} checked with ${tally.calendars} calendars: ${tally.checks} checks, ` +
        `${tally.skipped} outside the reference window, ${tally.failures.length} disagreements, ${seconds.toFixed(1)} s`,
    );
    if (process.env.SLACLOCK_SWEEP_ZONES === undefined) {
      expect(zones).toBeGreaterThan(300);
      expect(tally.transitions).toBeGreaterThan(EXHAUSTIVE ? 10_000 : 500);
    }
    expect(tally.failures).toEqual([]);
  }, EXHAUSTIVE ? EXHAUSTIVE_TIMEOUT_MS : undefined);
});
