import { SlaclockError } from '../errors.js';
import { messages } from '../util/issues.js';
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

/** Reads `options.landing` (already read by `readOptions`), rejecting anything but the two landings. */
export function readLanding(options: { readonly landing?: unknown } | undefined): boolean {
  const landing = options?.landing;
  if (landing === undefined || landing === 'nearest') return false;
  if (landing === 'farthest') return true;
  throw new SlaclockError('invalid_option', messages.oneOf(LANDINGS, landing), ['options', 'landing']);
}
