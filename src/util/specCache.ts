import { SlaclockError } from '../errors.js';
import { messages } from './issues.js';
import { readOptions } from './options.js';
import { isDeepFrozenData, matchesSnapshot, snapshotInput, type Snapshot } from './snapshot.js';

/**
 * How many compiled specs slaclock keeps for specs passed uncompiled (see
 * {@link configureCaches}): calendar specs per holiday source, and policy specs.
 */
export interface CacheLimits {
  /** Calendar specs (each holiday source has its own cache of this size). @default 1024 */
  readonly calendars: number;
  /** Policy specs (per holiday source, as calendars). @default 64 */
  readonly policies: number;
}

const DEFAULT_LIMITS: CacheLimits = Object.freeze({ calendars: 1024, policies: 64 });
const LIMIT_KEYS = ['calendars', 'policies'] as const;
/** The largest limit accepted: far beyond any fleet, small enough that a typo is caught. */
const MAX_LIMIT = 1_000_000;

let limits: CacheLimits = DEFAULT_LIMITS;
/** Every cache, so a lower limit trims them at once; weak, so a dropped holiday source's caches go. */
const caches = new Set<WeakRef<SpecCache<object>>>();
/** When the set next drops the references of collected caches: amortised, so one holiday source per call cannot grow it without bound. */
let sweepAt = 64;

function register(cache: SpecCache<object>): void {
  if (caches.size >= sweepAt) {
    for (const ref of caches) if (ref.deref() === undefined) caches.delete(ref);
    sweepAt = Math.max(64, 2 * caches.size);
  }
  caches.add(new WeakRef(cache));
}

/**
 * Sets how many compiled specs slaclock keeps for specs passed uncompiled (a calendar
 * spec given to `addBusinessTime` or in a request, a policy spec given to `evaluate`),
 * and returns the limits in force. Called without an argument it only returns them.
 *
 * This is process-wide state, shared by every caller in the process (and every
 * tenant of a multi-tenant service): set it once at start-up. Limits change speed and
 * memory only, never an answer. A lower limit drops the least recently used entries at
 * once (objects recognised by identity are held weakly and go with their objects); `0`
 * turns a cache off and forgets those too. Compiling once (`compileCalendar`,
 * `compilePolicy`) and passing the compiled value needs no cache at all.
 *
 * What is cached (docs/performance.md has the figures): a deep-frozen spec object is
 * recognised by identity; an unfrozen one seen before is recognised by identity plus a
 * check that it still reads exactly as it did (a mutated spec is read afresh, never
 * answered from the cache); any other spec by its content, in a least-recently-used
 * cache of `calendars` (per holiday source) or `policies` entries.
 *
 * @throws {SlaclockError} `invalid_option` for an unknown key or a limit that is not a
 *   whole number from 0 to 1,000,000.
 * @example
 * ```ts
 * import { configureCaches } from 'slaclock';
 * configureCaches({ calendars: 10_000 }); // { calendars: 10000, policies: 64 }
 * configureCaches();                      // the limits in force
 * ```
 */
export function configureCaches(options?: Partial<CacheLimits>): CacheLimits {
  const read = readOptions(options, LIMIT_KEYS);
  const next = { ...limits };
  for (const key of LIMIT_KEYS) {
    const value = read[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LIMIT) {
      throw new SlaclockError('invalid_option', messages.expected(`a whole number from 0 to ${MAX_LIMIT.toLocaleString('en-US')}`, value), ['options', key]);
    }
    next[key] = value;
  }
  limits = Object.freeze(next);
  for (const ref of caches) {
    const cache = ref.deref();
    if (cache === undefined) caches.delete(ref);
    else cache.trim();
  }
  return limits;
}

/** What a cache remembers of an input object it has seen. */
interface Seen<T> {
  readonly value: T;
  /** What it read as, to check it still does; `undefined` when it cannot change (deep-frozen data). */
  readonly snapshot: Snapshot | undefined;
}

/**
 * @internal A cache of values compiled from specs: by identity first (a deep-frozen
 * input as it is, an unfrozen one after {@link matchesSnapshot}), then by a key made
 * from the input's one snapshot, least recently used first out. The key and the value
 * both come from that snapshot, so an input that reads differently twice cannot file
 * one spec's value under another's key.
 */
export class SpecCache<T extends object> {
  readonly #kind: keyof CacheLimits;
  readonly #keep: (value: object) => boolean;
  #byIdentity = new WeakMap<object, Seen<T>>();
  readonly #byKey = new Map<string, T>();
  #seenOnce = new WeakSet<object>();

  constructor(kind: keyof CacheLimits, keep: (value: object) => boolean = () => false) {
    this.#kind = kind;
    this.#keep = keep;
    register(this as SpecCache<object>);
  }

  /**
   * The value compiled from `input`: cached, or `compile`d from its snapshot (taken here,
   * once) and remembered. `compile` may throw; nothing is remembered then.
   */
  get(input: unknown, compile: (snapshot: Snapshot) => T): T {
    const size = limits[this.#kind];
    const object = size > 0 && typeof input === 'object' && input !== null ? input : undefined;
    if (object !== undefined) {
      const seen = this.#byIdentity.get(object);
      if (seen !== undefined && (seen.snapshot === undefined || matchesSnapshot(object, seen.snapshot, this.#keep))) return seen.value;
    }
    const snapshot = snapshotInput(input, [], this.#keep);
    const key = size > 0 && snapshot.json ? JSON.stringify(snapshot.value) : undefined;
    let value = key === undefined ? undefined : this.#byKey.get(key);
    const hit = value !== undefined;
    if (value === undefined) {
      value = compile(snapshot);
      if (key !== undefined) this.#byKey.set(key, value);
      this.trim();
    } else {
      this.#byKey.delete(key as string);
      this.#byKey.set(key as string, value);
    }
    // A new object equal to a known spec is often made per call (read from a database):
    // it is remembered by identity only when it comes back, so a stream of one-off objects
    // costs a weak mark each, not a retained snapshot.
    if (object !== undefined && hit && !this.#seenOnce.has(object)) {
      this.#seenOnce.add(object);
    } else if (object !== undefined) {
      // Frozen now and still reading as the snapshot (a getter could have frozen it with other
      // data while it was read): then it can never read differently, and needs no check again.
      const frozen = isDeepFrozenData(object, this.#keep) && matchesSnapshot(object, snapshot, this.#keep);
      this.#byIdentity.set(object, { value, snapshot: frozen ? undefined : snapshot });
    }
    return value;
  }

  /** Drops the least recently used entries beyond the limit (all of them, identities included, at 0). */
  trim(): void {
    const size = limits[this.#kind];
    while (this.#byKey.size > size) this.#byKey.delete(this.#byKey.keys().next().value as string);
    if (size === 0) {
      this.#byIdentity = new WeakMap();
      this.#seenOnce = new WeakSet();
    }
  }
}
