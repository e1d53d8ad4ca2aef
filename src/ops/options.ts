import { SlaclockError, type IssuePath } from '../errors.js';
import { isArray } from '../util/describe.js';
import { messages } from '../validation.js';
import type { Pause } from './pauses.js';

/**
 * Which instant to return when several satisfy "this much open time has elapsed":
 * `'nearest'` to the start (adding lands on a close, "by 17:00 today"; subtracting
 * lands on an opening) or `'farthest'` (adding lands on the next opening, as
 * zendesk/biz does; subtracting on the previous close).
 */
export type Landing = 'nearest' | 'farthest';

/** Options of `addBusinessTime` and `subtractBusinessTime`. */
export interface BusinessTimeOptions {
  /** Windows in which the clock stops; paused time never counts. @default [] */
  readonly pauses?: readonly Pause[] | undefined;
  /** See {@link Landing}. @default 'nearest' */
  readonly landing?: Landing | undefined;
}

/** Options of `businessTimeBetween` and `explainBusinessTime`. */
export interface BetweenOptions {
  /** Windows in which the clock stops; paused time never counts. @default [] */
  readonly pauses?: readonly Pause[] | undefined;
}

const LANDINGS: readonly Landing[] = ['nearest', 'farthest'];
const NO_OPTIONS = Object.freeze({});

/** Reads `options.landing` (already read by {@link readOptions}), rejecting anything but the two landings. */
export function readLanding(options: { readonly landing?: unknown } | undefined): boolean {
  const landing = options?.landing;
  if (landing === undefined || landing === 'nearest') return false;
  if (landing === 'farthest') return true;
  throw new SlaclockError('invalid_option', messages.oneOf(LANDINGS, landing), ['options', 'landing']);
}

/**
 * An options argument read once: `undefined` or a plain object whose own keys are
 * among `known` (an unknown key is an `invalid_option` with a "did you mean"). The
 * result is a plain object of the known keys' values, each read exactly once.
 *
 * @example
 * ```ts
 * readOptions({ landing: 'farthest' }, ['pauses', 'landing']); // { landing: 'farthest' }
 * readOptions({ pause: [] }, ['pauses', 'landing']);           // throws: Unknown field "pause" (did you mean "pauses"?) (at options)
 * ```
 */
export function readOptions<K extends string>(
  options: unknown,
  known: readonly K[],
  path: IssuePath = ['options'],
  code: 'invalid_option' | 'invalid_input' = 'invalid_option',
): { readonly [P in K]?: unknown } {
  if (options === undefined) return NO_OPTIONS;
  if (options === null || typeof options !== 'object' || isArray(options)) {
    throw new SlaclockError(code, messages.expected(`an options object with ${known.join(', ')}`, options), path);
  }
  const result: { [P in K]?: unknown } = {};
  try {
    for (const key of Object.keys(options)) {
      if (!(known as readonly string[]).includes(key)) {
        throw new SlaclockError(code, messages.unknownKey(key, known), path);
      }
      const value = (options as Record<string, unknown>)[key];
      if (value !== undefined) result[key as K] = value;
    }
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    throw new SlaclockError(code, 'Expected an object that can be read, got one that throws when read', path);
  }
  return result;
}
