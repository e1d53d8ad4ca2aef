import { SlaclockError, type IssuePath } from '../errors.js';
import { messages } from './issues.js';
import { isArray } from './describe.js';
import { snapshotInput } from './snapshot.js';

const NO_OPTIONS = Object.freeze({});

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

/**
 * An options object that is required and carries data (arrays, records of specs): one
 * snapshot of it (read once, within the size budget; values `keep` accepts, such as compiled
 * calendars, kept as they are), whose keys {@link readOptions} checks. Returns the snapshot.
 *
 * @example
 * ```ts
 * snapshotOptions({ year: 2026, seed: 1 }, ['year', 'seed']); // { year: 2026, seed: 1 } (a copy)
 * snapshotOptions({ yaer: 2026 }, ['year', 'seed']);          // throws: Unknown field "yaer" (did you mean "year"?) (at options)
 * ```
 */
export function snapshotOptions<T>(options: T, known: readonly string[], keep?: (value: object) => boolean): T {
  if (options === null || typeof options !== 'object') {
    throw new SlaclockError('invalid_option', messages.expected(`an options object with ${known.join(', ')}`, options), ['options']);
  }
  const copy = snapshotInput(options, ['options'], keep).value as T;
  readOptions(copy, known);
  return copy;
}
