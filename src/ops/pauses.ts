import { SlaclockError } from '../errors.js';
import { normalizeRanges, type Timeline } from '../calendar/timeline.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { isArray } from '../util/describe.js';
import { messages } from '../util/issues.js';
import { readOptions } from '../util/options.js';

/** A window `[start, end)` in which the SLA clock stops (the case waits on the customer). */
export interface Pause {
  readonly start: Instant;
  readonly end: Instant;
}

/** Pauses as sorted, merged epoch-ms ranges `[s0, e0, s1, e1, ...]`. */
export function normalizePauses(pauses: readonly Pause[] | undefined, path: readonly (string | number)[]): number[] {
  if (pauses === undefined) return [];
  if (!isArray(pauses)) throw new SlaclockError('invalid_input', messages.expected('an array of { start, end } pauses', pauses), path);
  if (pauses.length > MAX_PAUSES) throw new SlaclockError('input_too_large', `Expected at most ${MAX_PAUSES} pauses, got ${pauses.length}`, path);
  const ranges: (readonly [number, number])[] = [];
  for (let index = 0; index < pauses.length; index++) {
    const at = [...path, index];
    const pause = readPause(pauses[index], at);
    const start = toEpochMs(pause.start as Instant, [...at, 'start']);
    const end = toEpochMs(pause.end as Instant, [...at, 'end']);
    if (end < start) throw new SlaclockError('invalid_input', 'A pause cannot end before it starts', [...at, 'end']);
    ranges.push([start, end]);
  }
  return normalizeRanges(ranges.flat());
}

/** More pauses than any ticket has; a bound so a hostile list cannot make every call slow. */
const MAX_PAUSES = 10_000;

// Each field read once; an unknown key (a typo such as "stat") is an error, not ignored.
function readPause(pause: unknown, path: readonly (string | number)[]): { start: unknown; end: unknown } {
  if (pause === null || typeof pause !== 'object' || isArray(pause)) {
    throw new SlaclockError('invalid_input', messages.expected('a pause { start, end }', pause), path);
  }
  const fields = readOptions(pause, ['start', 'end'], path, 'invalid_input');
  return { start: fields.start, end: fields.end };
}

/** Open, unpaused milliseconds in `[a, b)` (a <= b). */
export function countedBetween(timeline: Timeline, a: number, b: number, pauses: readonly number[]): number {
  let total = timeline.openBetween(a, b);
  for (let k = 0; k < pauses.length; k += 2) {
    total -= timeline.openBetween(Math.max(a, pauses[k] as number), Math.min(b, pauses[k + 1] as number));
  }
  return total;
}

/** The earliest instant after `t` at which `amount` > 0 of open, unpaused time has elapsed. */
export function addCounted(timeline: Timeline, t: number, amount: number, pauses: readonly number[]): number {
  let position = t;
  let remaining = amount;
  for (let k = 0; k < pauses.length; k += 2) {
    const pauseStart = pauses[k] as number;
    const pauseEnd = pauses[k + 1] as number;
    if (pauseEnd <= position) continue;
    if (pauseStart > position) {
      const available = timeline.openBetween(position, pauseStart);
      if (available >= remaining) break;
      remaining -= available;
    }
    position = pauseEnd;
  }
  return timeline.addOpen(position, remaining, false);
}

/** The latest instant before `t` with exactly `amount` > 0 of open, unpaused time up to `t`. */
export function subtractCounted(timeline: Timeline, t: number, amount: number, pauses: readonly number[]): number {
  let position = t;
  let remaining = amount;
  for (let k = pauses.length - 2; k >= 0; k -= 2) {
    const pauseStart = pauses[k] as number;
    const pauseEnd = pauses[k + 1] as number;
    if (pauseStart >= position) continue;
    if (pauseEnd < position) {
      const available = timeline.openBetween(pauseEnd, position);
      if (available >= remaining) break;
      remaining -= available;
    }
    position = pauseStart;
  }
  return timeline.subtractOpen(position, remaining, false);
}

/** `t` when the clock runs at `t`, else the next instant it starts running; `null` if never. */
export function nextCounting(timeline: Timeline, t: number, pauses: readonly number[]): number | null {
  let position: number | null = t;
  for (;;) {
    position = timeline.nextOpen(position);
    if (position === null) return null;
    const pauseEnd = pauseEndAt(pauses, position);
    if (pauseEnd === undefined) return position;
    position = pauseEnd;
  }
}

/** `t` when the clock ran just before `t`, else the last instant before `t` it stopped; `null` if never. */
export function previousCountingEnd(timeline: Timeline, t: number, pauses: readonly number[]): number | null {
  let position: number | null = t;
  for (;;) {
    position = timeline.previousClose(position);
    if (position === null) return null;
    const pauseStart = pauseStartBefore(pauses, position);
    if (pauseStart === undefined) return position;
    position = pauseStart;
  }
}

// End of the pause containing t ([start, end) semantics), if any.
function pauseEndAt(pauses: readonly number[], t: number): number | undefined {
  for (let k = 0; k < pauses.length; k += 2) {
    if ((pauses[k] as number) <= t && t < (pauses[k + 1] as number)) return pauses[k + 1] as number;
  }
  return undefined;
}

// Start of the pause that covers the time just before t (start < t <= end), if any.
function pauseStartBefore(pauses: readonly number[], t: number): number | undefined {
  for (let k = 0; k < pauses.length; k += 2) {
    if ((pauses[k] as number) < t && t <= (pauses[k + 1] as number)) return pauses[k] as number;
  }
  return undefined;
}
