import { SlaclockError, type IssuePath } from '../errors.js';
import { truncate } from './describe.js';

/**
 * The size budget of one untrusted input (a calendar spec, a policy, contract terms,
 * a case file's row): checked while the input is read, before anything recurses
 * over it, so no input can exhaust the stack, the heap or the clock.
 */
export const INPUT_BUDGET = Object.freeze({
  /** Values (objects, arrays and primitives) in one input. */
  nodes: 200_000,
  /** Nesting depth of objects and arrays. */
  depth: 48,
  /** Characters in one string or key. */
  stringLength: 100_000,
});

/** Keys that could reach a prototype when an input is read by a careless consumer. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A snapshot of an input: plain data, and whether it is plain JSON (so its JSON text names it exactly). */
export interface Snapshot {
  readonly value: unknown;
  readonly json: boolean;
  /** The objects read, in the order they were met (for {@link matchesSnapshot}). */
  readonly origins: readonly object[];
}

/**
 * Reads an untrusted input exactly once into plain data: own enumerable keys only,
 * every getter and Proxy trap run once (one that throws is an `invalid_input` at its
 * path), `toJSON` never called, cycles and inputs beyond {@link INPUT_BUDGET}
 * rejected with `input_too_large`, prototype-reaching keys rejected. Values for which
 * `keep` returns true (compiled calendars) are kept as they are.
 *
 * Everything downstream (validation, cache keys, compilation) reads the snapshot, so
 * an input that answers differently on a second read cannot change an answer.
 *
 * @example
 * ```ts
 * snapshotInput({ timezone: 'UTC', week: {} }).value; // { timezone: 'UTC', week: {} } (a copy)
 * ```
 */
export function snapshotInput(input: unknown, path: IssuePath = [], keep: (value: object) => boolean = () => false): Snapshot {
  const reader = new Reader(path, keep);
  const value = reader.read(input, 0);
  return { value, json: reader.json, origins: reader.origins };
}

class Reader {
  json = true;
  readonly origins: object[] = [];
  #nodes = 0;
  readonly #ancestors = new Set<object>();
  readonly #path: (string | number)[];
  readonly #keep: (value: object) => boolean;

  constructor(root: IssuePath, keep: (value: object) => boolean) {
    this.#path = [...root];
    this.#keep = keep;
  }

  read(value: unknown, depth: number): unknown {
    if (++this.#nodes > INPUT_BUDGET.nodes) this.#fail(`The input has more than ${INPUT_BUDGET.nodes} values`);
    switch (typeof value) {
      case 'string':
        if (value.length > INPUT_BUDGET.stringLength) this.#fail(`A string may have at most ${INPUT_BUDGET.stringLength} characters, got ${value.length}`);
        return value;
      case 'number':
        if (!Number.isFinite(value)) this.json = false;
        return value;
      case 'boolean':
        return value;
      case 'object':
        return value === null ? null : this.#readObject(value, depth);
      default:
        // undefined, bigint, symbol, function: not JSON; validation names them.
        this.json = false;
        return value;
    }
  }

  #readObject(value: object, depth: number): unknown {
    this.origins.push(value);
    if (this.#guard(() => this.#keep(value))) {
      this.json = false;
      return value;
    }
    if (depth >= INPUT_BUDGET.depth) this.#fail(`The input is nested more than ${INPUT_BUDGET.depth} levels deep`);
    if (this.#ancestors.has(value)) this.#fail('The input is cyclic: this value contains itself');
    const time = this.#guard(() => dateTime(value));
    if (time !== undefined) {
      // A copy: the caller's Date could change later, and a subclass cannot answer for it.
      this.json = false;
      return new Date(time);
    }
    this.#ancestors.add(value);
    const copy = this.#guard(() => (Array.isArray(value) ? this.#readArray(value, depth) : this.#readRecord(value, depth)));
    this.#ancestors.delete(value);
    return copy;
  }

  #readArray(array: readonly unknown[], depth: number): unknown[] {
    const length = array.length;
    if (length > INPUT_BUDGET.nodes - this.#nodes) this.#fail(`The input has more than ${INPUT_BUDGET.nodes} values (an array of ${length})`);
    const copy: unknown[] = new Array(length);
    for (let index = 0; index < length; index++) {
      this.#path.push(index);
      let element: unknown;
      try {
        element = array[index];
      } catch (error) {
        this.#unreadable(error);
      }
      copy[index] = this.read(element, depth + 1);
      this.#path.pop();
    }
    return copy;
  }

  #readRecord(object: object, depth: number): Record<string, unknown> {
    const keys = Object.keys(object);
    if (keys.length > INPUT_BUDGET.nodes - this.#nodes) this.#fail(`The input has more than ${INPUT_BUDGET.nodes} values (an object with ${keys.length} keys)`);
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (key.length > INPUT_BUDGET.stringLength) this.#fail(`A key may have at most ${INPUT_BUDGET.stringLength} characters`);
      this.#path.push(key);
      if (FORBIDDEN_KEYS.has(key)) this.#fail(`The key ${JSON.stringify(key)} is not allowed`, 'invalid_input');
      let value: unknown;
      try {
        value = (object as Record<string, unknown>)[key];
      } catch (error) {
        this.#unreadable(error);
      }
      copy[key] = this.read(value, depth + 1);
      this.#path.pop();
    }
    return copy;
  }

  // A getter or Proxy trap that throws is the caller's bad input, not our TypeError.
  // (Element reads inline the same try: a closure per value read would cost more than the read.)
  #guard<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      return this.#unreadable(error);
    }
  }

  #unreadable(error: unknown): never {
    if (error instanceof SlaclockError) throw error;
    return this.#fail(`Reading this value threw: ${reasonOf(error)}`, 'invalid_input');
  }

  #fail(message: string, code: 'input_too_large' | 'invalid_input' = 'input_too_large'): never {
    throw new SlaclockError(code, message, [...this.#path]);
  }
}

function reasonOf(error: unknown): string {
  try {
    return truncate(error instanceof Error ? String(error.message) : String(error), 120);
  } catch {
    return 'an error that cannot be read';
  }
}

// The time value of a real Date (subclasses and other realms' included); undefined for
// anything else, such as an object that only inherits from Date.prototype. Only what looks
// like a Date is asked: a failed brand check throws, and a throw per object would make
// reading a spec many times slower.
function dateTime(value: object): number | undefined {
  if (Array.isArray(value) || (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]')) return undefined;
  return realDateTime(value);
}

function realDateTime(value: object): number | undefined {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether `input` can never read differently: plain objects and arrays (and values
 * `keep` accepts, which must be immutable themselves), each frozen, with data
 * properties only (a getter on a frozen object can still answer differently), down to
 * the primitives. A `Date` is not: `setTime` changes a frozen one. Nothing that throws
 * escapes: an input that cannot be read is not immutable.
 *
 * @example
 * ```ts
 * isDeepFrozenData(deepFreeze({ timezone: 'UTC', week: {} })); // true
 * isDeepFrozenData({ timezone: 'UTC', week: {} });             // false
 * ```
 */
export function isDeepFrozenData(input: unknown, keep: (value: object) => boolean = () => false): boolean {
  try {
    return frozenData(input, keep, 0);
  } catch {
    return false;
  }
}

function frozenData(value: unknown, keep: (value: object) => boolean, depth: number): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (keep(value)) return true;
  if (depth >= INPUT_BUDGET.depth || !Object.isFrozen(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!(Array.isArray(value) ? prototype === Array.prototype : prototype === Object.prototype || prototype === null)) return false;
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !('value' in descriptor) || !frozenData(descriptor.value, keep, depth + 1)) return false;
  }
  return true;
}

/**
 * Whether `input` reads now exactly as it did when {@link snapshotInput} made `snapshot`
 * of it (with the same `keep`): every object in it is the very object read then (so
 * whether it is a `Date`, an array or a Proxy has not changed), with the same own
 * enumerable keys in the same order, the same primitives, `Date`s with the same time and
 * the same kept values. Each property is read once and nothing is allocated beyond the
 * key lists, so a cache can check a previously seen, unfrozen input far faster than it
 * can read it afresh. Anything that differs, or a getter or Proxy trap that throws, is a
 * mismatch: the caller then reads the input afresh, which reports what is wrong with it.
 *
 * @example
 * ```ts
 * const spec = { timezone: 'UTC', week: {} };
 * const snapshot = snapshotInput(spec);
 * matchesSnapshot(spec, snapshot); // true
 * spec.timezone = 'Europe/Paris';
 * matchesSnapshot(spec, snapshot); // false
 * ```
 */
export function matchesSnapshot(input: unknown, snapshot: Snapshot, keep: (value: object) => boolean = () => false): boolean {
  try {
    return new Matcher(snapshot.origins, keep).matches(input, snapshot.value);
  } catch {
    return false;
  }
}

class Matcher {
  #next = 0;
  readonly #origins: readonly object[];
  readonly #keep: (value: object) => boolean;

  constructor(origins: readonly object[], keep: (value: object) => boolean) {
    this.#origins = origins;
    this.#keep = keep;
  }

  // Objects are met in the order the Reader met them, so the n-th must be the n-th origin.
  matches(input: unknown, copy: unknown): boolean {
    if (input === null || typeof input !== 'object' || copy === null || typeof copy !== 'object') return Object.is(input, copy);
    if (this.#origins[this.#next++] !== input) return false;
    if (copy === input) return this.#keep(input); // a kept value (a compiled calendar)
    if (copy instanceof Date) return Object.is(Date.prototype.getTime.call(input), copy.getTime());
    if (Array.isArray(copy)) {
      const array = input as readonly unknown[];
      if (array.length !== copy.length) return false;
      for (let index = 0; index < copy.length; index++) if (!this.matches(array[index], copy[index])) return false;
      return true;
    }
    const keys = Object.keys(input);
    let index = 0;
    // eslint-disable-next-line guard-for-in -- the copy is a plain object of own keys
    for (const key in copy) {
      if (keys[index++] !== key || !this.matches((input as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key])) return false;
    }
    return index === keys.length;
  }
}
