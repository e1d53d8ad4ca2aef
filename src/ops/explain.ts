import { timelineOf, type Calendar } from '../calendar/calendar.js';
import { closureAt, type ClosureReason } from '../calendar/closure.js';
import type { ExplainingTimeline } from '../calendar/composite.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { MS_PER_DAY } from '../time/civil.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { quoteValue } from '../util/describe.js';
import { readOptions } from '../util/options.js';
import { formatZonedIso } from '../zone/isoFormat.js';
import { TZDB_VERSION } from '../zone/tzdb.js';
import type { BetweenOptions } from './options.js';
import { normalizePauses, type Pause } from './pauses.js';

/**
 * The default of {@link ExplainOptions.maxSegments}: about 40 years of a 9-to-5 week.
 *
 * @example
 * ```ts
 * explainBusinessTime(cal, a, b, { maxSegments: DEFAULT_MAX_SEGMENTS * 4 }); // allow a longer span
 * ```
 */
export const DEFAULT_MAX_SEGMENTS = 25_000;

/**
 * Options of {@link explainBusinessTime}.
 *
 * @example
 * ```ts
 * const options: ExplainOptions = { pauses: [], maxSegments: 500 };
 * ```
 */
export interface ExplainOptions extends BetweenOptions {
  /**
   * The most segments an explanation may have; a longer one throws `limit_exceeded` as soon as
   * it is known to be longer, without building the rest. Explain a shorter span, or raise it.
   * @default 25000
   */
  readonly maxSegments?: number;
}

/** One stretch of an {@link Explanation}'s timeline. */
export interface ExplanationSegment {
  /** `'open'` counts; `'closed'` and `'paused'` do not. */
  readonly kind: 'open' | 'closed' | 'paused';
  /** Why a closed stretch is closed. */
  readonly reason?: ClosureReason;
  /** The holiday's or partial day's name. */
  readonly name?: string;
  /** The member calendar the closure comes from, when it has a name. */
  readonly calendar?: string;
  /** Start, ISO-8601 with the calendar zone's offset in force then (UTC `Z` when that offset is not whole minutes); names `startMs` exactly. */
  readonly start: string;
  /** End (exclusive), formatted like `start`; names `endMs` exactly. */
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  /** `endMs - startMs`. */
  readonly durationMs: number;
}

/** The timeline behind a `businessTimeBetween` answer. */
export interface Explanation {
  readonly timezone: string;
  readonly from: string;
  readonly to: string;
  /** Equals `businessTimeBetween(calendar, a, b, options)`. */
  readonly totalMs: number;
  /** Consecutive stretches covering `[min(a, b), max(a, b))`, in time order. */
  readonly segments: readonly ExplanationSegment[];
  /** The tz database version whose rules produced it (`process.versions.tz`), `null` where the runtime does not say. */
  readonly tzdb: string | null;
}

/**
 * The timeline behind `businessTimeBetween(calendar, a, b)`: each counted stretch,
 * and each excluded one with its reason (outside hours, a break, a named holiday,
 * a partial day, a pause), with the UTC offsets in force. Closed stretches are
 * split at local midnights so each names one date's reason.
 *
 * The work is linear in the segments returned plus the local dates of closed time; at most
 * `options.maxSegments` (default {@link DEFAULT_MAX_SEGMENTS}) are returned, and a longer
 * explanation throws `limit_exceeded` before the rest is built.
 *
 * @throws {SlaclockError} `invalid_instant`, `invalid_option` (a bad `maxSegments`), `limit_exceeded`, `out_of_range`.
 * @example
 * ```ts
 * import { explainBusinessTime } from 'slaclock';
 * const cal = { timezone: 'America/Denver', week: { wed: [['09:00', '17:00']], thu: [['09:00', '17:00']] },
 *               holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }] };
 * explainBusinessTime(cal, '2026-11-25T16:00-07:00', '2026-11-26T12:00-07:00').segments.map((s) => s.reason ?? s.kind);
 * // ['open', 'outside-hours', 'holiday']
 * ```
 */
export function explainBusinessTime(calendar: Calendar | CalendarSpec, a: Instant, b: Instant, options?: ExplainOptions): Explanation {
  const timeline = timelineOf(calendar);
  const from = toEpochMs(a, ['a']);
  const to = toEpochMs(b, ['b']);
  const read = readOptions(options, ['pauses', 'maxSegments']);
  const pauses = normalizePauses(read.pauses as readonly Pause[] | undefined, ['options', 'pauses']);
  const drafts = new Drafts(readMaxSegments(read.maxSegments));
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  let cursor = lo;
  // Open ranges are read a year at a time, so a limit stops the work early.
  for (let chunkStart = lo; chunkStart < hi; ) {
    const chunkEnd = Math.min(hi, chunkStart + CHUNK_MS);
    const open = timeline.rangesWithin(chunkStart, chunkEnd);
    for (let k = 0; k < open.length; k += 2) {
      const openStart = open[k] as number;
      if (cursor < openStart) pushClosed(drafts, timeline, cursor, openStart);
      const openEnd = open[k + 1] as number;
      pushOpen(drafts, Math.max(cursor, openStart), openEnd, pauses);
      cursor = openEnd;
    }
    chunkStart = chunkEnd;
  }
  if (cursor < hi) pushClosed(drafts, timeline, cursor, hi);
  const segments = drafts.list.map((draft) => toSegment(timeline, draft));
  const counted = segments.reduce((sum, segment) => (segment.kind === 'open' ? sum + segment.durationMs : sum), 0);
  const totalMs = counted === 0 ? 0 : from <= to ? counted : -counted;
  return { timezone: timeline.zone.name, from: formatZonedIso(timeline.zone, from), to: formatZonedIso(timeline.zone, to), totalMs, segments, tzdb: TZDB_VERSION };
}

const CHUNK_MS = 366 * MS_PER_DAY;

function readMaxSegments(value: unknown): number {
  const max = value ?? DEFAULT_MAX_SEGMENTS;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
    throw new SlaclockError('invalid_option', `maxSegments must be a whole number >= 1, got ${quoteValue(max)}`, ['options', 'maxSegments']);
  }
  return max;
}

/** Segments under construction: alike neighbours merge as they come, and the count is checked on each new one. */
class Drafts {
  readonly list: Draft[] = [];
  constructor(readonly max: number) {}

  push(draft: Draft): void {
    const last = this.list[this.list.length - 1];
    if (last && last.end === draft.start && last.kind === draft.kind && last.reason === draft.reason && last.name === draft.name && last.calendar === draft.calendar) {
      last.end = draft.end;
      return;
    }
    if (this.list.length >= this.max) {
      throw new SlaclockError(
        'limit_exceeded',
        `The explanation has more than ${this.max} segments (options.maxSegments); explain a shorter span or raise the limit`,
        ['options', 'maxSegments'],
      );
    }
    this.list.push(draft);
  }
}

interface Draft {
  kind: ExplanationSegment['kind'];
  reason?: ClosureReason;
  name?: string;
  calendar?: string;
  start: number;
  end: number;
}

// Closed time, one local date at a time, each piece with the closure at its midpoint.
function pushClosed(out: Drafts, timeline: ExplainingTimeline, start: number, end: number): void {
  for (let pieceStart = start; pieceStart < end; ) {
    const nextMidnight = timeline.zone.dayStart(timeline.zone.dateOf(pieceStart) + 1);
    const pieceEnd = Math.min(end, nextMidnight > pieceStart ? nextMidnight : end);
    const closure = closureAt(timeline, pieceStart + Math.floor((pieceEnd - pieceStart) / 2));
    out.push({ kind: 'closed', ...closure, start: pieceStart, end: pieceEnd });
    pieceStart = pieceEnd;
  }
}

// Open time, with the paused parts cut out.
function pushOpen(out: Drafts, start: number, end: number, pauses: readonly number[]): void {
  let cursor = start;
  for (let k = 0; k < pauses.length; k += 2) {
    const pauseStart = Math.max(cursor, pauses[k] as number);
    const pauseEnd = Math.min(end, pauses[k + 1] as number);
    if (pauseEnd <= pauseStart) continue;
    if (cursor < pauseStart) out.push({ kind: 'open', start: cursor, end: pauseStart });
    out.push({ kind: 'paused', start: pauseStart, end: pauseEnd });
    cursor = pauseEnd;
  }
  if (cursor < end) out.push({ kind: 'open', start: cursor, end });
}

function toSegment(timeline: ExplainingTimeline, draft: Draft): ExplanationSegment {
  return {
    kind: draft.kind,
    ...(draft.reason === undefined ? {} : { reason: draft.reason }),
    ...(draft.name === undefined ? {} : { name: draft.name }),
    ...(draft.calendar === undefined ? {} : { calendar: draft.calendar }),
    start: formatZonedIso(timeline.zone, draft.start),
    end: formatZonedIso(timeline.zone, draft.end),
    startMs: draft.start,
    endMs: draft.end,
    durationMs: draft.end - draft.start,
  };
}
