/**
 * Hostile inputs at every public function (issue #12): wrong types, NaN and Infinity,
 * out-of-range years, invalid dates, unknown zones, "25:00", overlapping intervals,
 * prototype keys, getters that throw, Proxies, cyclic objects, frozen inputs, huge
 * arrays and strings, mixed into otherwise valid calls.
 *
 * Each call must return a well-formed answer or throw a SlaclockError with a known
 * code, a path and a bounded message. Nothing else may escape, no input may change
 * (plain inputs are deep-frozen, so a write throws a TypeError here, in strict mode),
 * and no call may take over a second (a guard against hangs, not a speed test: the
 * slowest call is printed). The counts per function are printed.
 *
 * The CLI gets hostile argument lists too (unknown commands, odd flags and values): each
 * run must end with a documented exit code, print no stack trace and no overlong line.
 *
 * FUZZ_SEED and FUZZ_SCALE (a multiplier of the call counts) reproduce or widen a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run as runCli } from '../src/cli/run.js';
import * as compareEntry from '../src/compare/index.js';
import * as slaclock from '../src/index.js';
import * as regions from '../src/regions/index.js';
import * as timers from '../src/timers/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** A hang guard, not a performance assertion: CPU milliseconds of one call. */
const MAX_CALL_MS = 1000;
const MAX_MESSAGE = 1100;

const ERROR_CODES = new Set<string>([
  'invalid_input', 'unknown_time_zone', 'invalid_time', 'invalid_date', 'empty_interval', 'overlapping_intervals',
  'conflicting_dates', 'unknown_region', 'regions_not_loaded', 'invalid_instant', 'invalid_duration',
  'calendar_never_opens', 'out_of_range', 'invalid_option', 'unknown_policy', 'unknown_plan', 'unknown_severity',
  'unknown_channel', 'invalid_policy', 'input_too_large', 'limit_exceeded',
] satisfies slaclock.SlaclockErrorCode[]);

// ---------------------------------------------------------------------------------------------
// Hostile values

const HUGE_STRING = 'x'.repeat(1_000_000);
const HUGE_ARRAY = Object.freeze(Array.from({ length: 250_000 }, () => 0));
const PROTO_KEYS = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

function cyclic(): unknown {
  const object: Record<string, unknown> = { timezone: 'UTC', week: {} };
  object.self = object;
  (object.week as Record<string, unknown>).mon = [object];
  return object;
}

function throwingGetter(): unknown {
  return Object.defineProperty({ timezone: 'UTC' }, 'week', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
}

// A Proxy that answers differently on every read, and one whose traps throw.
function shiftyProxy(): unknown {
  let reads = 0;
  return proxy(new Proxy({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] }, plan: 'standard', at: 0 }, {
    get(target, key, receiver) {
      reads++;
      return reads % 2 === 0 ? Reflect.get(target, key, receiver) : { reads };
    },
  }));
}

function throwingProxy(): unknown {
  return proxy(new Proxy({}, {
    ownKeys() {
      throw new Error('ownKeys trap');
    },
    get() {
      throw new Error('get trap');
    },
    getPrototypeOf() {
      throw new Error('getPrototypeOf trap');
    },
  }));
}

function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {}) as { proxy: object; revoke: () => void };
  revoke();
  return proxies.add(proxy) && proxy;
}

/** An exotic value made at call time: fast-check inspects the values it generates, and a Proxy must not meet it. */
class Lazy {
  constructor(readonly make: () => unknown) {}
}

/** Replaces the Lazy markers inside generated plain data by the exotic values they make. */
function materialize(value: unknown): unknown {
  if (value instanceof Lazy) return value.make();
  if (value !== null && typeof value === 'object' && Object.isFrozen(value)) return value; // HUGE_ARRAY, shared as it is
  if (Array.isArray(value)) return value.map(materialize);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: materialize((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

const lazy = (make: () => unknown) => fc.constant(null).map(() => new Lazy(make));
/** The Proxies made, so the harness never touches them itself. */
const proxies = new WeakSet<object>();
const proxy = (value: object): object => {
  proxies.add(value);
  return value;
};

class LyingDate extends Date {
  override getTime(): number {
    return 1.5;
  }
}

const arbSpecial: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined, null, true, 0, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53), 8.64e15, 1e300,
    1795644000, 10n, '', ' ', '25:00', '24:30', '9:00', '2026-02-30', '2026-02-30T10:00Z', '1800-01-01T00:00Z', '2400-06-01T00:00Z',
    '+275760-09-13T00:00Z', '2026-11-25T15:00', '2026-11-25T15:00-07:00[Mars/Olympus]', '2026-11-25T15:00-06:00[America/Denver]',
    'Mars/Olympus', 'America/Denver', 'UTC', 'PT4H', 'P1D', 'PT-1H', 'standard', 'Standard', 'premium', 'phone', 'emial', 'active', 'Active',
    '__proto__', 'constructor', 'toString', 'hasOwnProperty', HUGE_STRING, HUGE_ARRAY,
  ),
  fc.constant(null).map(() => Symbol('hostile')),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.constant(null).map(() => new Date(8.64e15)),
  fc.constant(null).map(() => new LyingDate(0)),
  fc.constant(null).map(() => Object.create(Date.prototype)),
  fc.constant(null).map(() => Object.create(null)),
  fc.constant(null).map(() => ({ ...PROTO_KEYS })),
  lazy(cyclic),
  lazy(throwingGetter),
  lazy(shiftyProxy),
  lazy(throwingProxy),
  lazy(revokedProxy),
  fc.constant(null).map(() => () => 1),
  fc.constant(null).map(() => ({ epochMilliseconds: Number.NaN })),
  fc.constant(null).map(() => ({ toMillis: () => 1.5, isValid: true })),
  fc.constant(null).map(() => ({ toMillis: () => { throw new Error('toMillis'); } })),
);

/** Anything at all: fast-check's own values (prototype keys, null prototypes, big ints) and the specials above. */
const arbHostileFresh: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: arbSpecial },
  { weight: 2, arbitrary: fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withDate: true, withSparseArray: true, maxDepth: 2, maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e16, max: 1e16 }) },
);
// Generating fast-check's "anything" is slow; a seeded pool of a few thousand is as hostile
// and leaves the time to the calls. Exotic values (Proxies, getters) are made fresh per call.
const HOSTILE_POOL = fc.sample(arbHostileFresh, { numRuns: 4000, seed: SEED });
const arbHostile: fc.Arbitrary<unknown> = fc.integer({ min: 0, max: HOSTILE_POOL.length - 1 }).map((index) => HOSTILE_POOL[index]);

// ---------------------------------------------------------------------------------------------
// Near-valid values: a valid shape with one part replaced by something hostile

const arbZone = fc.constantFrom('UTC', 'America/Denver', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'Pacific/Apia', 'Mars/Olympus');
const arbTime = fc.oneof(
  fc.integer({ min: 0, max: 24 * 4 }).map((quarter) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`),
  fc.constantFrom('25:00', '24:30', '9:00', '12:60', ''),
);
const arbInterval = fc.tuple(arbTime, arbTime);
const arbWeek = fc.dictionary(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday'), fc.array(arbInterval, { maxLength: 3 }), { maxKeys: 4 });
const arbHoliday = fc.oneof(
  fc.constantFrom('2026-12-25', '2026-02-30', { date: '2026-11-26' }, { preset: 'us-federal' }, { region: 'US' }, { date: '2026-12-24', hours: [['09:00', '12:00']] }),
  fc.record({ date: fc.constantFrom('2026-12-24', '2399-12-31', '1900-01-01'), hours: fc.array(arbInterval, { maxLength: 2 }) }),
);
const arbWeeklySpec = fc.record(
  { timezone: arbZone, week: arbWeek, holidays: fc.array(arbHoliday, { maxLength: 3 }), name: fc.string({ maxLength: 10 }) },
  { requiredKeys: ['timezone', 'week'] },
);
const arbSpec: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: arbWeeklySpec },
  { weight: 1, arbitrary: fc.record({ union: fc.array(arbWeeklySpec, { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ intersection: fc.array(arbWeeklySpec, { minLength: 1, maxLength: 2 }), timezone: arbZone }) },
  { weight: 2, arbitrary: arbHostile },
  { weight: 1, arbitrary: fc.tuple(arbWeeklySpec, fc.constantFrom('timezone', 'week', 'holidays', 'extra'), arbHostile).map(([spec, key, value]) => ({ ...spec, [key]: value })) },
);

/** A valid value most of the time, a hostile one otherwise: so calls get past the first check. */
const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: arbHostile });
/**
 * An options object over every key a function takes: each present or not, mostly valid, now
 * and then hostile (a getter-free plain value) or joined by a misspelt key; or no object at all.
 */
const arbOptions = (valid: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<unknown> => {
  const record = fc.record(Object.fromEntries(Object.entries(valid).map(([key, arbitrary]) => [key, mostly(arbitrary)])), { requiredKeys: required as never[] });
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, fc.constantFrom(...Object.keys(valid)), arbHostile).map(([options, key, value]) => ({ ...options, [`${key}s`]: value })) },
    { weight: 1, arbitrary: arbHostile },
  );
};

/** Instants near the present, so valid calls do ordinary amounts of work. */
const arbNearInstant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) });
const arbInstant: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: arbNearInstant },
  { weight: 1, arbitrary: arbNearInstant.map((ms) => new Date(ms)) },
  { weight: 1, arbitrary: arbNearInstant.map((ms) => new Date(ms).toISOString()) },
  { weight: 1, arbitrary: arbNearInstant.map((ms) => ({ epochMilliseconds: ms })) },
  { weight: 2, arbitrary: arbHostile },
);
const arbDuration: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ hours: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ minutes: fc.double({ min: -10, max: 1e4, noNaN: false }) }, { requiredKeys: [] }),
  fc.constantFrom('PT4H', 'PT0S', 'PT1.5H', 'P1D', { hour: 1 }, { days: 1 }),
  arbHostile,
);
const arbPauses: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.record({ start: arbInstant, end: arbInstant }), { maxLength: 3 }),
  arbHostile,
);
const arbTimeOptions: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ pauses: arbPauses, landing: mostly(fc.constantFrom('nearest', 'farthest')) }, { requiredKeys: [] }),
  fc.record({ pause: arbPauses }),
  arbHostile,
);

const POLICIES = ['jumpcloud', 'jumpcloud-legacy', 'one-identity', 'cirrus-identity', 'sailpoint-identitynow'] as const;
const compiled = POLICIES.map((id) => slaclock.compilePolicy(slaclock.getPolicy(id)));
const arbRequest: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        plan: mostly(fc.oneof({ weight: 6, arbitrary: fc.constant('standard') }, { weight: 1, arbitrary: fc.constantFrom('premium', 'free-trial', 'trial', '24x7', 'premier', 'free', 'Standard') })),
        severity: mostly(fc.integer({ min: 1, max: 3 })),
        at: mostly(arbNearInstant),
        calendar: fc.oneof({ weight: 4, arbitrary: fc.constant(slaclock.weekdayHours('America/Denver', '09:00', '17:00')) }, { weight: 1, arbitrary: arbSpec }),
        account: mostly(
          fc.record(
            { contract: mostly(fc.constantFrom('active', 'trial', 'lapsed', 'none', 'active', 'Active')), trialStart: mostly(arbNearInstant), plans: mostly(fc.constant(['standard'])), role: mostly(fc.constantFrom('administrator', 'administrator', 'Administrator', 'billing')) },
            { requiredKeys: [] },
          ),
        ),
        channel: mostly(fc.constantFrom('email', 'email', 'phone', 'portal', 'emial')),
        language: mostly(fc.constantFrom('en', 'de', 'en-US', 'en', 'English!')),
        facts: mostly(fc.constantFrom({ accountDeletion: true }, { endUser: true }, { customization: false }, { customisation: true }, { discontinuedVersion: true }, { discontinuedVersion: true, upgradeQuestion: 'yes' })),
        version: mostly(fc.constantFrom('current', 'legacy', 'support-guide', 'curent')),
      },
      { requiredKeys: ['plan', 'at'] },
    ),
  },
  { weight: 1, arbitrary: arbHostile },
);

const clause = { source: 'Fuzz', text: 'Fuzz clause' };
const arbPolicyMutation: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...POLICIES), fc.array(fc.tuple(fc.constantFrom('id', 'versions', 'plans', 'tier', 'targets', 'channels', 'coverage', 'severities', 'calendars', 'extra'), arbHostile), { maxLength: 3 }))
  .map(([id, changes]) => {
    const policy = structuredClone(slaclock.getPolicy(id)) as unknown as Record<string, unknown>;
    const version = (policy.versions as Record<string, unknown>[])[0] as Record<string, unknown>;
    const plan = (version.plans as Record<string, unknown>[])[0] as Record<string, unknown>;
    for (const [key, value] of changes) {
      if (key === 'id' || key === 'versions' || key === 'extra') policy[key] = value;
      else if (key === 'plans' || key === 'severities' || key === 'calendars') version[key] = value;
      else plan[key] = value;
    }
    return policy;
  });
const arbTerms: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ clause: fc.oneof(fc.constant(clause), arbHostile), plans: fc.oneof(fc.constant({ standard: { targets: { 1: { duration: 'PT1H', clause } } } }), fc.constant({ standard: { target: {} } }), fc.constant({ standard: 5 }), arbHostile) }),
  arbHostile,
);

// ---------------------------------------------------------------------------------------------
// The harness

interface Tally {
  calls: number;
  returned: number;
  rejected: number;
  slowestMs: number;
  totalMs: number;
  codes: Map<string, number>;
}

const tallies = new Map<string, Tally>();
const failures: string[] = [];

/** Freezes the plain objects and arrays of a value (not Proxies, class instances or accessors). */
function freezePlain(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || proxies.has(value)) return;
  seen.add(value);
  let proto: unknown;
  try {
    if (Object.isFrozen(value)) return;
    if (!Array.isArray(value) && !['[object Object]'].includes(Object.prototype.toString.call(value))) return;
    proto = Object.getPrototypeOf(value);
  } catch {
    return;
  }
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) freezePlain(descriptor.value, seen);
  }
  Object.freeze(value);
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}\n${(error.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(error);
  } catch {
    return 'an unprintable error';
  }
}

function call(name: string, action: () => unknown, args: readonly unknown[], checkResult: (result: unknown) => boolean = () => true): void {
  for (const arg of args) freezePlain(arg);
  const tally = tallies.get(name) ?? { calls: 0, returned: 0, rejected: 0, slowestMs: 0, totalMs: 0, codes: new Map<string, number>() };
  tallies.set(name, tally);
  tally.calls++;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const result = action();
    tally.returned++;
    if (!checkResult(result)) failures.push(`${name} returned a malformed answer: ${String(result).slice(0, 200)}`);
  } catch (error) {
    if (!(error instanceof slaclock.SlaclockError)) {
      failures.push(`${name} threw ${describeError(error)}`);
    } else {
      tally.rejected++;
      tally.codes.set(error.code, (tally.codes.get(error.code) ?? 0) + 1);
      const ok =
        ERROR_CODES.has(error.code) &&
        Array.isArray(error.path) &&
        error.message.length <= MAX_MESSAGE &&
        error.issues.length >= 1 &&
        error.issues.every((issue) => ERROR_CODES.has(issue.code) && Array.isArray(issue.path) && issue.message.length <= MAX_MESSAGE);
      if (!ok) failures.push(`${name} threw a malformed SlaclockError: ${error.code} ${error.message.slice(0, 200)}`);
      try {
        JSON.stringify(error);
      } catch (stringifyError) {
        failures.push(`${name}'s error does not serialise: ${describeError(stringifyError)}`);
      }
    }
  } finally {
    const elapsed = performance.now() - start;
    // CPU time, not wall time, decides: other processes on a shared machine must not fail the run.
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    tally.slowestMs = Math.max(tally.slowestMs, elapsed);
    tally.totalMs += elapsed;
    if (cpuMs > MAX_CALL_MS) failures.push(`${name} took ${Math.round(cpuMs)} ms of CPU time`);
  }
}

function run<T extends unknown[]>(name: string, runs: number, arbitrary: fc.Arbitrary<T>, action: (...args: T) => unknown, checkResult?: (result: unknown) => boolean): void {
  const generation = performance.now();
  const samples = fc.sample(arbitrary, { numRuns: Math.max(1, Math.round(runs * SCALE)), seed: SEED + name.length * 7919 });
  for (const sample of samples) {
    const args = sample.map(materialize) as T;
    call(name, () => action(...args), args, checkResult);
  }
  generationMs += performance.now() - generation;
}
let generationMs = 0;

const isValidDate = (value: unknown) => value instanceof Date && Number.isFinite(value.getTime());
const isDateOrNull = (value: unknown) => value === null || isValidDate(value);
const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);
const isPlainJson = (value: unknown) => {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
};

const calendars = [slaclock.compileCalendar(slaclock.weekdayHours('America/Denver', '09:00', '17:00', [slaclock.US_FEDERAL_HOLIDAYS])), slaclock.compileCalendar(slaclock.roundTheClock())];
const arbCalendar: fc.Arbitrary<unknown> = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...calendars) }, { weight: 3, arbitrary: arbSpec });

describe('hostile inputs at every public function', () => {
  it('each call returns a well-formed answer or throws a SlaclockError; nothing is mutated; nothing hangs', () => {
    const { SlaclockError: _error, SUPPORTED_YEARS: _years, DEFAULT_MAX_SEGMENTS: _maxSegments, TZDB_VERSION: _tzdb, US_FEDERAL_HOLIDAYS: _preset, BUSINESS_DAY_RULES: _rules, METRICS: _metrics, jumpcloudPolicy: _jc, jumpcloudLegacyPolicy: _jcl, oneIdentityPolicy: _oi, cirrusIdentityPolicy: _ci, sailpointIdentityNowPolicy: _sp, ...functions } = slaclock;
    // Calendars and business time
    run('compileCalendar', 7_000, fc.tuple(arbSpec, fc.oneof(fc.constant(undefined), arbHostile)), (spec, options) => slaclock.compileCalendar(spec, options as never));
    run('unionCalendars', 2_000, fc.tuple(fc.oneof(fc.array(arbCalendar, { maxLength: 3 }), arbHostile), fc.oneof(fc.constant(undefined), fc.record({ timezone: arbZone }), arbHostile)), (list, options) => functions.unionCalendars(list as never, options as never));
    run('intersectCalendars', 3_000, fc.tuple(fc.oneof(fc.array(arbCalendar, { maxLength: 3 }), arbHostile), fc.oneof(fc.constant(undefined), arbHostile)), (list, options) => functions.intersectCalendars(list as never, options as never));
    run('roundTheClock', 4_000, fc.tuple(arbHostile), (zone) => functions.roundTheClock(zone as never));
    run('weekdayHours', 6_000, fc.tuple(arbZone, arbTime, arbTime, fc.oneof(fc.constant(undefined), fc.array(arbHoliday), arbHostile)), (zone, open, close, holidays) => functions.weekdayHours(zone, open, close, holidays as never));
    run('usFederalHolidays', 5_000, fc.tuple(fc.oneof(fc.integer({ min: 1800, max: 2500 }), arbHostile)), (year) => functions.usFederalHolidays(year as never));
    run('addBusinessTime', 7_000, fc.tuple(arbCalendar, arbInstant, arbDuration, arbTimeOptions), (c, t, d, o) => functions.addBusinessTime(c as never, t as never, d as never, o as never), isValidDate);
    run('subtractBusinessTime', 6_000, fc.tuple(arbCalendar, arbInstant, arbDuration, arbTimeOptions), (c, t, d, o) => functions.subtractBusinessTime(c as never, t as never, d as never, o as never), isValidDate);
    run('businessTimeBetween', 7_000, fc.tuple(arbCalendar, arbInstant, arbInstant, arbTimeOptions), (c, a, b, o) => functions.businessTimeBetween(c as never, a as never, b as never, o as never), (value) => isFiniteNumber(value) || value === 0);
    // The number fast path: compiled calendars, hostile calendars and specs, any instant or duration value.
    const arbMsCalendar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...calendars) }, { weight: 1, arbitrary: arbCalendar }, { weight: 1, arbitrary: arbHostile });
    const arbMs = fc.oneof({ weight: 3, arbitrary: arbNearInstant }, { weight: 1, arbitrary: arbInstant }, { weight: 1, arbitrary: fc.double() });
    const arbDurationMs = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 400 * 3_600_000 }) }, { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), arbHostile) });
    run('addBusinessTimeMs', 5_000, fc.tuple(arbMsCalendar, arbMs, arbDurationMs), (c, t, d) => functions.addBusinessTimeMs(c as never, t as never, d as never), isFiniteNumber);
    run('subtractBusinessTimeMs', 4_000, fc.tuple(arbMsCalendar, arbMs, arbDurationMs), (c, t, d) => functions.subtractBusinessTimeMs(c as never, t as never, d as never), isFiniteNumber);
    run('businessTimeBetweenMs', 5_000, fc.tuple(arbMsCalendar, arbMs, arbMs), (c, a, b) => functions.businessTimeBetweenMs(c as never, a as never, b as never), (value) => isFiniteNumber(value) || value === 0);
    run('isOpen', 7_000, fc.tuple(arbCalendar, arbInstant), (c, t) => functions.isOpen(c as never, t as never), (value) => typeof value === 'boolean');
    run('nextOpen', 4_000, fc.tuple(arbCalendar, arbInstant), (c, t) => functions.nextOpen(c as never, t as never), isDateOrNull);
    run('nextClose', 4_000, fc.tuple(arbCalendar, arbInstant), (c, t) => functions.nextClose(c as never, t as never), isDateOrNull);
    run('addBusinessDays', 5_000, fc.tuple(arbCalendar, arbInstant, fc.oneof(fc.integer({ min: 0, max: 30 }), arbHostile), fc.oneof(fc.constant(undefined), fc.record({ rule: fc.oneof(fc.constantFrom('end-of-day', 'same-time', 'start-of-day'), arbHostile) }), arbHostile)), (c, t, n, o) => functions.addBusinessDays(c as never, t as never, n as never, o as never), isValidDate);
    // Cache limits are process-wide: each call's limits are put back, so the rest of the run is unaffected.
    run('configureCaches', 2_000, fc.tuple(fc.oneof(fc.constant(undefined), fc.record({ calendars: fc.oneof(fc.integer({ min: 0, max: 4096 }), arbHostile), policies: fc.oneof(fc.integer({ min: 0, max: 256 }), arbHostile) }, { requiredKeys: [] }), arbHostile)), (options) => {
      const before = functions.configureCaches();
      try {
        return functions.configureCaches(options as never);
      } finally {
        functions.configureCaches(before);
      }
    }, isPlainJson);
    // Explanations over short spans only: bounding long ones is issue #13's.
    run('explainBusinessTime', 1_500, fc.tuple(arbCalendar, fc.oneof(arbNearInstant, arbHostile), arbNearInstant.map((ms) => ms % (20 * 86_400_000) + Date.UTC(2026, 0, 1)), fc.oneof(fc.constant(undefined), arbHostile)), (c, a, b, o) => functions.explainBusinessTime(c as never, a as never, b as never, o as never), isPlainJson);
    // Policies
    run('compilePolicy', 3_000, fc.tuple(fc.oneof(arbPolicyMutation, arbHostile), fc.oneof(fc.constant(undefined), arbHostile)), (policy, options) => functions.compilePolicy(policy, options as never));
    run('evaluate', 16_000, fc.tuple(fc.constantFrom(...compiled), arbRequest), (policy, request) => functions.evaluate(policy, request as never), isPlainJson);
    run('evaluate (policy argument)', 1_000, fc.tuple(fc.oneof(arbPolicyMutation, arbHostile)), (policy) => functions.evaluate(policy as never, { plan: 'standard', severity: 1, at: Date.UTC(2026, 10, 25) }), isPlainJson);
    run('resolveTerms', 4_000, fc.tuple(fc.constantFrom(...compiled), arbRequest), (policy, request) => functions.resolveTerms(policy, request as never), (value) => typeof value === 'object' && value !== null);
    run('deadlineFrom', 2_000, fc.tuple(fc.constantFrom(...compiled), arbNearInstant, fc.oneof(arbNearInstant, arbHostile)), (policy, at, start) => {
      const terms = functions.resolveTerms(policy, { plan: 'standard', severity: 1, at, calendar: slaclock.weekdayHours('America/Denver', '09:00', '17:00') });
      const metric = terms.metrics.firstResponse;
      return metric ? functions.deadlineFrom(metric, start as never) : 0;
    }, isFiniteNumber);
    run('versionAt', 3_000, fc.tuple(fc.oneof(fc.constantFrom(...compiled), arbHostile), fc.oneof(arbInstant, arbHostile)), (policy, at) => functions.versionAt(policy as never, at as never), isPlainJson);
    run('getPolicy', 6_000, fc.tuple(fc.oneof(fc.constantFrom(...POLICIES), arbHostile)), (id) => functions.getPolicy(id as never), isPlainJson);
    run('listPolicies', 200, fc.tuple(arbHostile), (_ignored: unknown) => functions.listPolicies(), isPlainJson);
    run('withContract', 3_000, fc.tuple(fc.constantFrom(...POLICIES), arbTerms, fc.oneof(fc.constant(undefined), arbHostile)), (id, terms, options) => functions.withContract(slaclock.getPolicy(id), terms as never, options as never), isPlainJson);
    run('policyJsonSchema', 50, fc.tuple(arbHostile), (_ignored: unknown) => functions.policyJsonSchema(), isPlainJson);
    // slaclock/regions
    run('regionalHolidays', 1_000, fc.tuple(fc.oneof(fc.constantFrom('US', 'DE-BY', 'GB-SCT', 'XX', 'us-co'), arbHostile), fc.oneof(fc.integer({ min: 1900, max: 2100 }), arbHostile), fc.oneof(fc.constant(undefined), arbHostile)), (code, year, options) => regions.regionalHolidays(code as never, year as never, options as never), isPlainJson);
    run('isKnownRegion', 6_000, fc.tuple(fc.oneof(fc.constantFrom('US', 'DE-BY', 'XX'), arbHostile)), (code) => regions.isKnownRegion(code as never), (value) => typeof value === 'boolean');
    run('holidayRegions.holidays', 800, fc.tuple(fc.oneof(fc.constantFrom('US', 'FR', 'XX'), arbHostile), fc.oneof(fc.integer({ min: 1990, max: 2050 }), arbHostile), fc.oneof(fc.constant({ types: ['public'], observed: true }), arbHostile)), (code, year, options) => regions.holidayRegions.holidays(code as never, year as never, options as never), isPlainJson);
    // slaclock/compare, with small inputs (a chart evaluates every hour of a week per entry)
    const arbEntries = fc.oneof(fc.constant([{ policy: 'jumpcloud', plan: 'standard' }]), fc.array(fc.record({ policy: fc.oneof(fc.constantFrom(...POLICIES), arbHostile), plan: fc.oneof(fc.constantFrom('standard', 'premium'), arbHostile) }), { maxLength: 2 }), arbHostile);
    const arbCases = fc.oneof(fc.array(arbOptions({ severity: fc.integer({ min: 1, max: 3 }), at: arbNearInstant, region: fc.constantFrom('US-CO', 'GB', 'XX'), id: fc.string({ maxLength: 8 }), firstReplyAt: arbNearInstant, contract: fc.constantFrom('active', 'lapsed') }, ['severity', 'at', 'region']), { maxLength: 4 }), arbHostile);
    run('generateCases', 3_000, fc.tuple(arbOptions({ year: fc.constant(2026), seed: fc.integer(), count: fc.integer({ min: 0, max: 50 }), weighting: fc.constantFrom('uniform', 'business-hours'), severities: fc.constant([1, 2]), regions: fc.constant(['GB', 'US-CO']) }, ['year', 'seed'])), (options) => compareEntry.generateCases(options as never), isPlainJson);
    run('parseCases', 5_000, fc.tuple(fc.oneof(fc.constantFrom('severity,at,region\n1,2026-11-25T15:00-07:00,US-CO\n', '[{"severity":1,"at":"2026-11-25T22:00Z","region":"GB"}]', 'severity,at,region\n"1,2026'), fc.string({ maxLength: 60 }), arbHostile), fc.oneof(fc.constantFrom('csv', 'json'), arbHostile), fc.oneof(fc.constant(undefined), arbOptions({ columns: fc.constant({ severity: 'severity' }), severities: fc.constant({ urgent: 1 }), region: fc.constantFrom('US-CO', 'GB'), timezone: arbZone, regions: fc.constant({}), delimiter: fc.constantFrom(',', ';') }))), (text, format, options) => compareEntry.parseCases(text as never, format as never, options as never), isPlainJson);
    run('compare', 500, fc.tuple(arbEntries, arbCases, fc.oneof(fc.constant(undefined), arbOptions({ regions: fc.constant({}) }))), (entries, cases, options) => compareEntry.compare(entries as never, cases as never, options as never), isPlainJson);
    run('formatReport', 3_000, fc.tuple(fc.oneof(fc.constant(compareEntry.compare([{ policy: 'jumpcloud', plan: 'standard' }], [{ severity: 1, at: Date.UTC(2026, 10, 25), region: 'GB' }])), fc.record({ rows: fc.array(fc.oneof(arbHostile, fc.record({ policy: arbHostile, medianHours: arbHostile, severity: arbHostile })), { maxLength: 2 }) }), arbHostile), fc.oneof(fc.constantFrom('table', 'markdown', 'csv', 'json', 'html'), arbHostile), fc.oneof(fc.constant(undefined), arbOptions({ title: fc.string({ maxLength: 20 }), charts: fc.constant(['<svg/>']) }))), (report, format, options) => compareEntry.formatReport(report as never, format as never, options as never), (value) => typeof value === 'string');
    run('renderDeadlineChart', 120, fc.tuple(arbEntries, arbOptions({ severity: fc.integer({ min: 1, max: 3 }), region: fc.constantFrom('US-CO', 'GB', 'XX'), stepMinutes: fc.constant(240), weekOf: fc.constant('2026-11-16'), title: fc.string({ maxLength: 20 }) }, ['severity'])), (entries, options) => compareEntry.renderDeadlineChart(entries as never, options as never), (value) => typeof value === 'string');

    const report = compareEntry.compare([{ policy: 'jumpcloud', plan: 'standard' }], [{ severity: 1, at: Date.UTC(2026, 10, 25), region: 'GB', firstReplyAt: Date.UTC(2026, 10, 25, 2) }]);
    run('createComparison', 500, fc.tuple(arbEntries, arbCases, fc.oneof(fc.constant(undefined), arbHostile)), (entries, cases, options) => {
      const comparison = compareEntry.createComparison(entries as never, options as never);
      // The harness must not touch a Proxy itself (Array.isArray throws on a revoked one).
      for (const supportCase of !proxies.has(cases as object) && Array.isArray(cases) ? cases : [cases]) comparison.add(supportCase as never);
      return comparison.report();
    }, isPlainJson);
    run('planEntries', 1_000, fc.tuple(fc.oneof(fc.constantFrom(...POLICIES), fc.constantFrom(...compiled), arbPolicyMutation, arbHostile)), (policy) => compareEntry.planEntries(policy as never), (value) => Array.isArray(value));
    run('renderReportChart', 1_000, fc.tuple(fc.oneof(fc.constant(report), fc.record({ rows: fc.array(fc.oneof(arbHostile, fc.record({ policy: arbHostile, medianHours: arbHostile, p90Hours: arbHostile, outcomes: arbHostile })), { maxLength: 2 }) }), arbHostile), fc.oneof(fc.constantFrom('deadlines', 'hours', 'attainment'), arbHostile)), (chartReport, view) => compareEntry.renderReportChart(chartReport as never, view as never), (value) => typeof value === 'string');
    run('listRegions', 300, fc.tuple(fc.oneof(fc.constantFrom(undefined, 'US', 'FR', 'XX', '__proto__'), arbHostile)), (country) => compareEntry.listRegions(country as never), isPlainJson);
    run('regionCalendarSpec', 2_000, fc.tuple(fc.oneof(fc.constantFrom('US-CO', 'GB', 'US', 'XX', '__proto__'), arbHostile), fc.oneof(fc.constantFrom(undefined, 'America/Denver', 'Mars/Olympus'), arbHostile)), (code, zone) => compareEntry.regionCalendarSpec(code as never, zone as never), isPlainJson);
    run('regionTimezones', 2_000, fc.tuple(fc.oneof(fc.constantFrom('US-CO', 'US', 'XX', 'constructor'), arbHostile)), (code) => compareEntry.regionTimezones(code as never), (value) => Array.isArray(value));
    // slaclock/timers: tickets near 2026 with a few events, valid or hostile in every field
    const arbEvent = fc.oneof(
      { weight: 5, arbitrary: fc.record(
        {
          at: fc.oneof({ weight: 5, arbitrary: arbNearInstant }, { weight: 1, arbitrary: arbHostile }),
          type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('agent-reply', 'customer-reply', 'status', 'severity-change', 'plan-change', 'workaround', 'reopened') }, { weight: 1, arbitrary: arbHostile }),
          status: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('open', 'waiting-on-customer', 'resolved') }, { weight: 1, arbitrary: arbHostile }),
          severity: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: arbHostile }),
          plan: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('standard', 'premium') }, { weight: 1, arbitrary: arbHostile }),
          restart: fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: arbHostile }),
          id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('e1', 'e2') }, { weight: 1, arbitrary: arbHostile }),
        },
        { requiredKeys: ['at', 'type'] },
      ) },
      { weight: 1, arbitrary: arbHostile },
    );
    const arbTicket = fc.oneof(
      { weight: 5, arbitrary: fc.record(
        {
          plan: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('standard', 'premium', '24x7') }, { weight: 1, arbitrary: arbHostile }),
          severity: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: arbHostile }),
          at: fc.oneof({ weight: 4, arbitrary: fc.constant(Date.UTC(2025, 0, 1)) }, { weight: 2, arbitrary: arbNearInstant }, { weight: 1, arbitrary: arbHostile }),
          channel: fc.constantFrom('phone', 'email'),
          calendar: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...calendars) }, { weight: 1, arbitrary: arbHostile }),
          events: fc.oneof({ weight: 5, arbitrary: fc.array(arbEvent, { maxLength: 5 }) }, { weight: 1, arbitrary: arbHostile }),
        },
        { requiredKeys: ['plan', 'at'] },
      ) },
      { weight: 1, arbitrary: arbHostile },
    );
    const arbTrackOptions = fc.oneof(
      { weight: 5, arbitrary: fc.record({ now: fc.oneof({ weight: 4, arbitrary: fc.constant(Date.UTC(2027, 0, 1)) }, { weight: 1, arbitrary: arbNearInstant }, { weight: 1, arbitrary: arbHostile }), warnings: fc.oneof({ weight: 5, arbitrary: fc.constant([50, 90]) }, { weight: 1, arbitrary: arbHostile }), onChange: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('keep', 'restart') }, { weight: 1, arbitrary: arbHostile }), reopenWindowDays: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: arbHostile }) }, { requiredKeys: ['now'] }) },
      { weight: 1, arbitrary: arbHostile },
    );
    const timerPolicy = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...compiled) }, { weight: 1, arbitrary: arbHostile });
    const ticketState = timers.startTicket(compiled[0]!, { plan: 'standard', severity: 1, at: Date.UTC(2026, 10, 25, 22), events: [{ at: Date.UTC(2026, 10, 25, 23), type: 'agent-reply' }] });
    const arbState = fc.oneof(fc.constant(ticketState), fc.record({ format: fc.constant('slaclock.ticket/1'), request: fc.oneof(fc.constant(ticketState.request), arbHostile), options: fc.oneof(fc.constant(ticketState.options), arbHostile), events: fc.oneof(fc.array(arbEvent, { maxLength: 3 }), arbHostile) }), arbHostile);
    run('trackTicket', 3_000, fc.tuple(timerPolicy, arbTicket, arbTrackOptions), (policy, ticket, options) => timers.trackTicket(policy as never, ticket as never, options as never), isPlainJson);
    run('trackTickets', 1_000, fc.tuple(timerPolicy, fc.oneof(fc.array(arbTicket, { maxLength: 3 }), arbHostile), arbTrackOptions), (policy, tickets, options) => [...timers.trackTickets(policy as never, tickets as never, options as never)], isPlainJson);
    run('startTicket', 2_000, fc.tuple(timerPolicy, arbTicket, fc.oneof(fc.constant(undefined), arbTrackOptions)), (policy, ticket, options) => timers.startTicket(policy as never, ticket as never, options as never), isPlainJson);
    run('applyEvent', 2_000, fc.tuple(timerPolicy, arbState, fc.oneof(fc.constantFrom({ at: Date.UTC(2026, 10, 26), type: 'customer-reply' }, { at: Date.UTC(2026, 10, 26), type: 'status', status: 'resolved' }), arbEvent)), (policy, state, event) => timers.applyEvent(policy as never, state as never, event as never), isPlainJson);
    run('slaAt', 2_000, fc.tuple(timerPolicy, arbState, fc.oneof(fc.constant(Date.UTC(2027, 0, 1)), arbInstant, arbHostile)), (policy, state, now) => timers.slaAt(policy as never, state as never, now as never), isPlainJson);
    run('explainMetric', 1_000, fc.tuple(timerPolicy, arbTicket, fc.oneof(fc.constantFrom('firstResponse', 'resolution'), arbHostile), fc.oneof(fc.record({ now: fc.constant(Date.UTC(2026, 0, 15)) }), arbTrackOptions)), (policy, ticket, metric, options) => timers.explainMetric(policy as never, ticket as never, metric as never, options as never), isPlainJson);

    const rows = [...tallies].map(([name, t]) => `${name.padEnd(28)} ${String(t.calls).padStart(7)} calls  ${String(t.returned).padStart(6)} returned  ${String(t.rejected).padStart(6)} rejected  slowest ${t.slowestMs.toFixed(1)} ms  total ${Math.round(t.totalMs)} ms  (${[...t.codes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, count]) => `${code} ${count}`).join(', ')})`);
    const total = [...tallies.values()].reduce((sum, t) => sum + t.calls, 0);
    const callMs = [...tallies.values()].reduce((sum, t) => sum + t.totalMs, 0);
    console.log(`fuzz (seed ${SEED}, scale ${SCALE}): ${total} calls, ${Math.round(callMs)} ms in calls, ${Math.round(generationMs - callMs)} ms generating\n${rows.join('\n')}`);

    // Every public function of the four entries was called (a new export needs a line above).
    // DEFAULT_REGIONS, CASE_FIELDS and TICKET_STATE_FORMAT are data; Calendar and CompiledPolicy are classes whose constructors are internal: compileCalendar and compilePolicy make them.
    const exported = [...Object.keys(functions), ...Object.keys(regions), ...Object.keys(compareEntry), ...Object.keys(timers)].filter((name) => !['DEFAULT_REGIONS', 'CASE_FIELDS', 'holidayRegions', 'Calendar', 'CompiledPolicy', 'TICKET_STATE_FORMAT'].includes(name));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(exported.filter((name) => !tallies.has(name))).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(100_000 * SCALE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// The CLI: hostile argument lists for run(argv, io), in a temp dir, never the network

/** Exit codes the CLI documents: ok, usage, invalid input, validate found problems. */
const EXIT_CODES = new Set([0, 1, 2, 3]);
/** Longest stderr line: the CLI clips a message to 400 characters, plus its fixed text. */
const MAX_ERR_LINE = 520;

const COMMAND_WORDS = ['deadline', 'compare', 'policies', 'validate', 'regions', 'help', '--help', '-h', '--version', '-v', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '', '-', '--', 'DEADLINE', 'compar', 'x'.repeat(5000), 'dead\u0000line', '\u202edeadline', '\ud800'];
const FLAG_WORDS = [
  '--policy', '--plan', '--severity', '--at', '--region', '--timezone', '--channel', '--contract', '--role', '--trial-start', '--holds', '--language', '--fact',
  '--json', '--verbose', '--policies', '--cases', '--map', '--severity-map', '--delimiter', '--local-times', '--year', '--seed', '--weighting', '--week-of',
  '--step-minutes', '--title', '--view', '--format', '--out', '--help', '-h', '--', '-', '---at', '--__proto__', '--constructor', '--toString', '--at=', '--at=now',
  '--AT', '--at\u0000', '--pölicy', '--policy=jumpcloud', '-x', '--count', `--${'a'.repeat(3000)}`,
];
const VALUE_WORDS = [
  '', ' ', 'now', 'NOW', ' now ', '2026-11-25T15:00-07:00', '2026-11-25T15:00-07:00[America/Denver]', '2026-11-25T15:00-06:00[America/Denver]', '2026-11-25T15:00',
  '2026-02-30T10:00Z', '1800-01-01T00:00Z', '+275760-09-13T00:00Z', '1795644000', '1795644000000', '8.64e15', '1e300', '8640000000000001', '-1', '0', '1', '2', '3', '1.5',
  'NaN', 'Infinity', '0x10', '\uff15', '9'.repeat(400), 'x'.repeat(100_000), '__proto__', 'constructor', 'toString', 'valueOf', '\u0000', 'a\u0000b', '\u202e',
  '\ud800', '\u{1F600}'.repeat(2000), '\n', 'line one\nline two\n   at fake (stack.js:1:1)', '--at', '-h', 'jumpcloud', 'cirrus-identity', 'JumpCloud', 'standard',
  'premium', 'US-CO', 'GB', 'US', 'XX', 'email', 'phone', 'active', 'Active', 'administrator', 'en', 'svg', 'html', 'csv', 'json', 'markdown', 'table', 'hours',
  'attainment', 'deadlines', 'uniform', 'business-hours', '2026-11-16', 'America/Denver', 'Mars/Olympus', 'at=Created,severity=Priority', 'a=', '=b', 'key=value',
  'accountDeletion=true', 'semicolon', 'tab', 'pipe', '.', '..', '__proto__=1', 'constructor=x', 'toString=true', 'prototype=0', 'hasOwnProperty=',
  '__proto__=Created,at=__proto__', '__proto__=1,constructor=2', 'jumpcloud,__proto__', 'constructor,toString', 'urgent=1,high=2',
];

let cliDir = '';
/** File arguments: files made in the temp dir, a missing one, the dir itself, or a hostile word. */
function cliFiles(): string[] {
  const policy = slaclock.getPolicy('cirrus-identity');
  const files: Record<string, string | Buffer> = {
    'policy.json': JSON.stringify(policy),
    'bad-policy.json': JSON.stringify({ ...policy, versions: [{ ...policy.versions[0], calendars: { a: { timezone: 'UTC', week: { mon: [['09:00', '17:00'], ['10:00', '11:00']] } } } }] }),
    'bom.json': `\uFEFF${JSON.stringify(policy)}`,
    'junk.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    'deep.json': `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    'cases.csv': 'severity,at,region\n1,2026-11-25T15:00-07:00,US-CO\n2,2026-11-26T09:00Z,GB\n',
    'broken.csv': `severity,at,region\n"1,${'x'.repeat(200_000)}\n`,
    'cases.json': '[{"severity":1,"at":"2026-11-25T22:00Z","region":"GB"}]',
    'cases.parquet': Buffer.from('PAR1 not really parquet PAR1'),
    'map.json': '{"columns":{"at":"Created"},"severities":{"urgent":1}}',
    'contract.json': '{"plans":{"standard":{"target":{}}}}',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cliDir, name), content);
  return [...Object.keys(files).map((name) => join(cliDir, name)), join(cliDir, 'missing.json'), join(cliDir, 'no-dir', 'out.txt'), cliDir, join(cliDir, 'out.txt')];
}

/** A word that cannot name a file outside the temp dir (the CLI runs with it as the working directory). */
const confined = (word: string) => word.replace(/[\\/]/g, '_');

describe('hostile argument lists at the CLI', () => {
  it('each run ends with a documented exit code, no stack trace, bounded stderr lines, and nothing hangs', async () => {
    cliDir = mkdtempSync(join(tmpdir(), 'slaclock-fuzz-cli-'));
    const home = process.cwd();
    const cliTallies = new Map<string, { calls: number; exits: Map<number, number>; slowestMs: number }>();
    const cliFailures: string[] = [];
    try {
      process.chdir(cliDir);
      const files = cliFiles();
      const arbWord = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...VALUE_WORDS) },
        { weight: 2, arbitrary: fc.constantFrom(...files) },
        { weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }).map(confined) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
      );
      const arbTokens = (flags: readonly string[]) =>
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...flags), arbWord) },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FLAG_WORDS), arbWord) },
            { weight: 1, arbitrary: fc.constantFrom(...flags, ...FLAG_WORDS).map((flag) => [flag]) },
            { weight: 1, arbitrary: arbWord.map((word) => [word]) },
          ),
          { maxLength: 4 },
        );
      const deadlineFlags = ['--policy', '--plan', '--severity', '--at', '--region', '--timezone', '--channel', '--contract', '--role', '--trial-start', '--holds', '--language', '--fact', '--json', '--verbose'];
      const compareFlags = ['--policies', '--contract', '--severity', '--cases', '--map', '--severity-map', '--delimiter', '--local-times', '--year', '--seed', '--weighting', '--region', '--week-of', '--step-minutes', '--title', '--view', '--format', '--out'];
      const templates: [string[], string[]][] = [
        [['deadline', '--policy', 'jumpcloud', '--plan', 'standard', '--severity', '1', '--at', '2026-11-25T15:00-07:00'], deadlineFlags],
        [['deadline', '--policy', 'cirrus-identity', '--plan', 'standard', '--at', 'now', '--region', 'US-CO'], deadlineFlags],
        [['compare', '--policies', 'jumpcloud', '--count', '5'], compareFlags],
        [['compare', '--cases', join(cliDir, 'cases.csv'), '--policies', 'jumpcloud'], compareFlags],
        [['validate', join(cliDir, 'policy.json')], ['--json']],
        [['regions', 'FR'], ['--json']],
        [['policies'], ['--json']],
        [['help', 'deadline'], ['--help']],
      ];
      const arbArgv = fc
        .tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...templates).chain(([argv, flags]) => fc.tuple(fc.constant(argv), arbTokens(flags))) },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...COMMAND_WORDS).map((word) => [word]), arbTokens(FLAG_WORDS)) },
          ),
          fc.nat(),
          fc.nat(4),
        )
        .map(([[template, tokens], drop, dropOne]) => {
          const argv = [...template];
          // Now and then a required flag goes missing, with its value.
          const flags = argv.flatMap((word, index) => (word.startsWith('--') ? [index] : []));
          if (dropOne === 0 && flags.length > 0) argv.splice(flags[drop % flags.length] as number, 2);
          argv.push(...tokens.flat());
          // A comparison of the default 2,000 generated cases takes half a second: legitimately slow, so kept small.
          if (argv[0] === 'compare' && !argv.some((word) => word.startsWith('--count') || word.startsWith('--cases'))) argv.push('--count', '5');
          return argv;
        });
      const samples = fc.sample(arbArgv, { numRuns: Math.max(1, Math.round(3_000 * SCALE)), seed: SEED });
      for (const argv of samples) {
        const err: string[] = [];
        const name = `slaclock ${COMMAND_WORDS.slice(0, 10).includes(argv[0] as string) ? argv[0] : '(unknown command)'}`;
        const tally = cliTallies.get(name) ?? { calls: 0, exits: new Map<number, number>(), slowestMs: 0 };
        cliTallies.set(name, tally);
        tally.calls++;
        const shown = JSON.stringify(argv.map((word) => (word.length > 40 ? `${word.slice(0, 40)}…(${word.length})` : word)));
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        let code: unknown;
        try {
          code = await runCli(argv, { out: () => undefined, err: (text) => err.push(text), now: () => Date.UTC(2026, 10, 25, 22) });
        } catch (error) {
          cliFailures.push(`${shown} rejected with ${describeError(error)}`);
          continue;
        }
        const cpu = process.cpuUsage(cpuStart);
        tally.slowestMs = Math.max(tally.slowestMs, performance.now() - start);
        tally.exits.set(code as number, (tally.exits.get(code as number) ?? 0) + 1);
        const stderr = err.join('');
        if (!EXIT_CODES.has(code as number)) cliFailures.push(`${shown} exited ${String(code)}`);
        if (/\n\s+at [^\n]*:\d+:\d+|internal error/.test(stderr)) cliFailures.push(`${shown} printed a stack trace or an internal error: ${stderr.slice(0, 300)}`);
        const long = stderr.split('\n').find((line) => line.length > MAX_ERR_LINE);
        if (long !== undefined) cliFailures.push(`${shown} printed a ${long.length}-character stderr line: ${long.slice(0, 120)}`);
        if ((cpu.user + cpu.system) / 1000 > MAX_CALL_MS) cliFailures.push(`${shown} took ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU time`);
      }
    } finally {
      process.chdir(home);
      rmSync(cliDir, { recursive: true, force: true });
    }
    const rows = [...cliTallies].map(([name, t]) => `${name.padEnd(28)} ${String(t.calls).padStart(7)} calls  exits ${[...t.exits].sort((a, b) => a[0] - b[0]).map(([exit, count]) => `${exit}: ${count}`).join(', ')}  slowest ${t.slowestMs.toFixed(1)} ms`);
    console.log(`fuzz CLI (seed ${SEED}, scale ${SCALE}):\n${rows.join('\n')}`);
    expect(cliFailures.slice(0, 20)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
