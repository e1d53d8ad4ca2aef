import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  compileCalendar,
  compilePolicy,
  configureCaches,
  evaluate,
  getPolicy,
  isOpen,
  SlaclockError,
  weekdayHours,
  type CalendarSpec,
  type PolicySpec,
} from '../src/index.js';
import { isDeepFrozenData, matchesSnapshot, snapshotInput } from '../src/util/snapshot.js';

const DEFAULTS = configureCaches();
afterEach(() => {
  configureCaches(DEFAULTS);
});

/** A compile that no cache can answer: a name no other spec has. */
let unique = 0;
const freshCompile = (spec: unknown) => compileCalendar({ ...(structuredClone(spec) as object), name: `fresh ${++unique}` });
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

describe('spec caches: a spec seen before is not compiled again, and never answered stale', () => {
  it('a deep-frozen spec is recognised by identity: the same Calendar, its properties not read again', () => {
    let reads = 0;
    // Hours no other test uses: an equal spec compiled earlier in the same worker (test:quick
    // shares modules between files) would answer the first call by content, and a one-off equal
    // object is remembered by identity only when it comes back.
    const week = deepFreeze({ mon: [['09:13', '17:47']] });
    const spec = Object.freeze(new Proxy({ timezone: 'UTC', week }, {
      get(target, key, receiver) {
        if (key === 'week') reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }));
    const first = compileCalendar(spec as never);
    const readsAfterCompile = reads;
    expect(compileCalendar(spec as never)).toBe(first);
    expect(isOpen(spec as never, '2026-11-23T10:00Z')).toBe(true);
    expect(reads).toBe(readsAfterCompile);
  });

  it('an unfrozen spec changed in place is compiled afresh, at any depth', () => {
    const spec = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] as [string, string][] } };
    const before = compileCalendar(spec);
    expect(compileCalendar(spec)).toBe(before);
    expect(isOpen(spec, '2026-11-23T08:00Z')).toBe(false);
    (spec.week.mon[0] as [string, string])[0] = '07:00';
    expect(isOpen(spec, '2026-11-23T08:00Z')).toBe(true);
    expect(compileCalendar(spec).spec).toEqual(plain(spec));
    spec.timezone = 'America/Denver';
    expect(isOpen(spec, '2026-11-23T08:00Z')).toBe(false); // 01:00 in Denver
    expect(compileCalendar(spec).timezone).toBe('America/Denver');
  });

  it('a nested object swapped for an equal one, a key added or removed, a getter that changes: each read afresh', () => {
    const spec: Record<string, unknown> = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };
    const first = compileCalendar(spec);
    spec.week = { mon: [['09:00', '17:00']] };
    expect(compileCalendar(spec).spec).toEqual(first.spec); // equal content: the same answer
    spec.holidays = [{ date: '2026-11-23' }];
    expect(isOpen(spec as never, '2026-11-23T10:00Z')).toBe(false);
    delete spec.holidays;
    expect(isOpen(spec as never, '2026-11-23T10:00Z')).toBe(true);
    let hours = '17:00';
    const shifty = { timezone: 'UTC', get week() { return { mon: [['09:00', hours]] }; } };
    expect(isOpen(shifty as never, '2026-11-23T18:00Z')).toBe(false);
    hours = '19:00';
    expect(isOpen(shifty as never, '2026-11-23T18:00Z')).toBe(true);
  });

  it('a frozen object with a getter is not immutable: it is checked on every call', () => {
    let hours = '17:00';
    const spec = Object.freeze({ timezone: 'UTC', get week() { return { mon: [['09:00', hours]] }; } });
    expect(isDeepFrozenData(spec)).toBe(false);
    expect(isOpen(spec as never, '2026-11-23T18:00Z')).toBe(false);
    hours = '19:00';
    expect(isOpen(spec as never, '2026-11-23T18:00Z')).toBe(true);
  });

  it('a Date inside a frozen spec is not immutable (setTime changes it)', () => {
    expect(isDeepFrozenData(deepFreeze({ at: new Date(0) }))).toBe(false);
    expect(isDeepFrozenData(deepFreeze({ a: [1, 'x', { b: null }] }))).toBe(true);
    expect(isDeepFrozenData({ a: 1 })).toBe(false);
  });

  it('matchesSnapshot: the same objects reading the same, nothing else', () => {
    const spec = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };
    const snapshot = snapshotInput(spec);
    expect(matchesSnapshot(spec, snapshot)).toBe(true);
    expect(matchesSnapshot(structuredClone(spec), snapshot)).toBe(false); // other objects: not known to be the same kind
    const revocable = Proxy.revocable(spec, {});
    const proxied = snapshotInput(revocable.proxy);
    expect(matchesSnapshot(revocable.proxy, proxied)).toBe(true);
    revocable.revoke();
    expect(matchesSnapshot(revocable.proxy, proxied)).toBe(false); // a trap that throws is a mismatch, not an error
  });

  it('property: matchesSnapshot is true exactly when a fresh read gives the same objects and the same data', () => {
    // The definition, slowly: read the input afresh; the same objects in the same order,
    // and a copy equal to the old one (key order, Object.is on primitives, Date times).
    const same = (a: unknown, b: unknown): boolean => {
      if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
      if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
      if (Array.isArray(a) !== Array.isArray(b)) return false;
      const keysA = Object.keys(a);
      const keysB = Object.keys(b);
      return keysA.length === keysB.length && keysA.every((key, index) => key === keysB[index] && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    };
    const readsAsBefore = (input: unknown, before: ReturnType<typeof snapshotInput>): boolean => {
      const now = snapshotInput(input);
      return now.origins.length === before.origins.length && now.origins.every((object, index) => object === before.origins[index]) && same(now.value, before.value);
    };
    const leaf = fc.oneof(fc.constantFrom(0, -0, 1, NaN, '', 'a', true, null), fc.constant(undefined));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('record'), fc.integer().map((ms) => new Date(ms))),
      array: fc.array(tie('node'), { maxLength: 3 }),
      record: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    })).record;
    // An edit somewhere in the tree: a primitive set (maybe to the same value), a key added, removed or
    // moved to the end, a nested object swapped for its copy, a Date moved, an element pushed.
    const edit = fc.record({ target: fc.nat(), kind: fc.constantFrom('set', 'add', 'remove', 'move', 'copy', 'time', 'push'), value: leaf });
    fc.assert(
      fc.property(tree, fc.array(edit, { maxLength: 3 }), (generated, edits) => {
        const input = structuredClone(generated); // edited in place: fast-check reuses generated values while shrinking
        const before = snapshotInput(input);
        for (const { target, kind, value } of edits) {
          const origins = snapshotInput(input).origins;
          const object = origins[target % origins.length] as object;
          const record = object as Record<string, unknown>;
          const list = Array.isArray(object) ? (object as unknown[]) : undefined;
          const key = Object.keys(object)[0];
          if (object instanceof Date) object.setTime(kind === 'time' ? object.getTime() + 1 : object.getTime());
          else if (kind === 'push') list?.push(value);
          else if (kind === 'add' && list === undefined) record.c = value;
          else if (key === undefined) continue;
          else if (kind === 'set') record[key] = value;
          else if (kind === 'remove' && list === undefined) delete record[key];
          else if (kind === 'move' && list === undefined) {
            const moved = record[key];
            delete record[key];
            record[key] = moved;
          } else if (kind === 'copy') {
            const child = record[key];
            if (child !== null && typeof child === 'object') record[key] = structuredClone(child);
          }
        }
        expect(matchesSnapshot(input, before)).toBe(readsAsBefore(input, before));
      }),
      { numRuns: 2_000 },
    );
  });

  // Found in review: a check that reads an object's later keys before its earlier children
  // lets a getter with side effects re-sync a child first, and answers stale. The check
  // must read in the order the first read did (depth first).
  it('a getter that changes an earlier field when read: never a stale calendar', () => {
    const monday = '2026-11-30T12:00:00Z';
    const nine = [['09:00', '17:00']];
    const week: Record<string, unknown> = { mon: nine };
    const spec = {
      week,
      get timezone() {
        week.mon = nine; // a model that re-syncs its child when read
        return 'UTC';
      },
    };
    compileCalendar(spec as never);
    compileCalendar(spec as never); // remembered by identity, with its snapshot
    week.mon = [['13:00', '17:00']]; // edited in place: closed at noon, as a fresh read sees it first
    expect(isOpen(spec as never, monday)).toBe(false);
  });

  it('a getter that changes an earlier field when read: never a stale deadline from a policy spec', () => {
    const policy = structuredClone(getPolicy('jumpcloud')) as unknown as { versions: { calendars: Record<string, { week: Record<string, unknown> }>; plans: unknown }[] };
    const version = policy.versions[1] as (typeof policy.versions)[number];
    version.calendars = structuredClone(version.calendars); // its own, not the legacy version's (read before it)
    const week = (version.calendars['jumpcloud-business-hours'] as { week: Record<string, unknown> }).week;
    const monday = week.mon;
    const plans = version.plans;
    Object.defineProperty(version, 'plans', {
      enumerable: true,
      configurable: true,
      get() {
        week.mon = monday;
        return plans;
      },
    });
    const request = { plan: 'standard', severity: 1, at: '2026-03-02T16:00:00Z' }; // Monday 09:00 in Denver
    evaluate(policy as never, request);
    evaluate(policy as never, request);
    week.mon = [['13:00', '17:00']];
    // A fresh read sees Monday from 13:00 (then the getter restores it): 4 business hours from 13:00.
    expect(evaluate(policy as never, request).firstResponse?.deadline).toBe('2026-03-02T17:00:00.000-07:00');
  });

  it('property: after any sequence of in-place changes, a cached answer equals a fresh compile', () => {
    const zones = ['UTC', 'America/Denver', 'Europe/Berlin', 'Asia/Kolkata'];
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    const time = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`);
    const change = fc.oneof(
      fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom(...zones) }),
      fc.record({ kind: fc.constant('open' as const), day: fc.constantFrom(...days), at: time }),
      fc.record({ kind: fc.constant('drop' as const), day: fc.constantFrom(...days) }),
      fc.record({ kind: fc.constant('holiday' as const), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('freeze' as const) }),
    );
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 28 * 96 }), { minLength: 3, maxLength: 3 }), (changes, slots) => {
        let spec: { timezone: string; week: Record<string, [string, string][]>; holidays?: { date: string }[] } = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] } };
        for (const step of changes) {
          if (step.kind === 'freeze') {
            deepFreeze(spec);
          } else {
            if (Object.isFrozen(spec)) spec = structuredClone(spec); // a frozen spec cannot change: the caller copies it
            if (step.kind === 'zone') spec.timezone = step.zone;
            else if (step.kind === 'open') spec.week[step.day] = [[step.at, '24:00']];
            else if (step.kind === 'drop') delete spec.week[step.day];
            else (spec.holidays ??= []).push({ date: `2026-02-${String(step.day).padStart(2, '0')}` });
          }
          let fresh: ReturnType<typeof compileCalendar> | SlaclockError;
          try {
            fresh = freshCompile(spec);
          } catch (error) {
            fresh = error as SlaclockError;
          }
          for (const slot of slots) {
            const at = Date.UTC(2026, 1, 1) + slot * 15 * 60_000;
            if (fresh instanceof SlaclockError) expect(() => isOpen(spec as CalendarSpec, at)).toThrow(SlaclockError);
            else expect(isOpen(spec as CalendarSpec, at)).toBe(isOpen(fresh, at));
          }
          if (!(fresh instanceof SlaclockError)) expect(compileCalendar(spec as never).spec).toEqual(plain(spec));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an unfrozen policy spec changed in place is compiled afresh', () => {
    const policy = structuredClone(getPolicy('one-identity')) as PolicySpec & { versions: { plans: { id: string; targets: Record<string, { duration: string }> }[] }[] };
    const request = { plan: 'standard', severity: 2, at: '2026-11-23T15:00Z', calendar: weekdayHours('UTC', '09:00', '17:00') };
    expect(compilePolicy(policy)).toBe(compilePolicy(policy));
    expect(evaluate(policy, request).firstResponse?.deadline).toBe('2026-11-23T17:00:00.000+00:00');
    const standard = policy.versions[0]?.plans.find((plan) => plan.id === 'standard');
    (standard?.targets['2'] as { duration: string }).duration = 'PT1H';
    expect(evaluate(policy, request).firstResponse?.deadline).toBe('2026-11-23T16:00:00.000+00:00');
    expect(compilePolicy(policy).spec).toEqual(plain(policy));
  });

  it('a calendar in a request is cached like any other spec', () => {
    const policy = compilePolicy(getPolicy('one-identity'));
    const calendar = { timezone: 'UTC', week: { mon: [['09:00', '17:00']] as [string, string][] } };
    const at = '2026-11-23T15:00Z';
    expect(evaluate(policy, { plan: 'standard', severity: 2, at, calendar }).firstResponse?.deadline).toBe('2026-11-23T17:00:00.000+00:00');
    calendar.week.mon = [['09:00', '16:00']];
    expect(evaluate(policy, { plan: 'standard', severity: 2, at, calendar }).firstResponse?.deadline).toBe('2026-11-30T10:00:00.000+00:00');
  });
});

describe('configureCaches', () => {
  it('returns the limits in force, and sets only what it is given', () => {
    expect(configureCaches()).toEqual({ calendars: 1024, policies: 64 });
    expect(configureCaches({ calendars: 10 })).toEqual({ calendars: 10, policies: 64 });
    expect(configureCaches({ policies: 3 })).toEqual({ calendars: 10, policies: 3 });
    expect(Object.isFrozen(configureCaches())).toBe(true);
  });

  it('rejects an unknown key and a limit that is not a whole number from 0 to 1,000,000', () => {
    const message = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(SlaclockError);
        return `${(error as SlaclockError).code}: ${(error as SlaclockError).message}`;
      }
      return 'no error';
    };
    expect(message(() => configureCaches({ calendar: 5 } as never))).toBe('invalid_option: Unknown field "calendar" (did you mean "calendars"?) (at options)');
    expect(message(() => configureCaches({ calendars: -1 }))).toBe('invalid_option: Expected a whole number from 0 to 1,000,000, got number -1 (at options.calendars)');
    expect(message(() => configureCaches({ policies: 1.5 }))).toBe('invalid_option: Expected a whole number from 0 to 1,000,000, got number 1.5 (at options.policies)');
    expect(message(() => configureCaches({ calendars: '5' } as never))).toBe('invalid_option: Expected a whole number from 0 to 1,000,000, got string "5" (at options.calendars)');
    expect(message(() => configureCaches(null as never))).toBe('invalid_option: Expected an options object with calendars, policies, got null (at options)');
    expect(configureCaches()).toEqual(DEFAULTS); // nothing half-applied
    expect(message(() => configureCaches({ calendars: 5, policies: -1 }))).toMatch(/^invalid_option/);
    expect(configureCaches()).toEqual(DEFAULTS);
  });

  it('evicts the least recently used content key beyond the limit; 0 turns caching off', () => {
    configureCaches({ calendars: 2 });
    const spec = (hour: number) => ({ timezone: 'UTC', week: { mon: [[`${String(hour).padStart(2, '0')}:00`, '17:00']] } });
    const a = compileCalendar(spec(6) as never);
    compileCalendar(spec(7) as never);
    expect(compileCalendar(spec(6) as never)).toBe(a); // an equal spec, by content: refreshed
    compileCalendar(spec(8) as never); // evicts 07
    expect(compileCalendar(spec(6) as never)).toBe(a);
    configureCaches({ calendars: 0 });
    expect(compileCalendar(spec(6) as never)).not.toBe(a);
    const kept = spec(9);
    expect(compileCalendar(kept)).not.toBe(compileCalendar(kept));
    expect(addBusinessTime(kept as never, '2026-11-23T09:00Z', { hours: 1 }).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });
});
