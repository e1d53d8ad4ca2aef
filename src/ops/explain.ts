import { timelineOf, type Calendar } from '../calendar/calendar.js';
import type { ClosureReason } from '../calendar/closure.js';
import type { ExplainingTimeline } from '../calendar/composite.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { readOptions } from '../util/options.js';
import type { BetweenOptions } from './options.js';
import { normalizePauses, type Pause } from './pauses.js';

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
  /** Start, ISO-8601 with the calendar zone's offset in force then. */
  readonly start: string;
  /** End (exclusive), ISO-8601 with the calendar zone's offset in force then. */
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
}

/**
 * The timeline behind `businessTimeBetween(calendar, a, b)`: each counted stretch,
 * and each excluded one with its reason (outside hours, a break, a named holiday,
 * a partial day, a pause), with the UTC offsets in force. Closed stretches are
 * split at local midnights so each names one date's reason.
 *
 * @example
 * ```ts
 * import { explainBusinessTime } from 'slaclock';
 * const cal = { timezone: 'America/Denver', week: { wed: [['09:00', '17:00']], thu: [['09:00', '17:00']] },
 *               holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }] };
 * explainBusinessTime(cal, '2026-11-25T16:00-07:00', '2026-11-26T12:00-07:00').segments.map((s) => s.reason ?? s.kind);
 * // ['open', 'outside-hours', 'holiday']
 * ```
 */
export function explainBusinessTime(calendar: Calendar | CalendarSpec, a: Instant, b: Instant, options?: BetweenOptions): Explanation {
  const timeline = timelineOf(calendar);
  const from = toEpochMs(a, ['a']);
  const to = toEpochMs(b, ['b']);
  const pauses = normalizePauses(readOptions(options, ['pauses']).pauses as readonly Pause[] | undefined, ['options', 'pauses']);
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const raw: Draft[] = [];
  let cursor = lo;
  const open = timeline.rangesWithin(lo, hi);
  for (let k = 0; k <= open.length; k += 2) {
    const openStart = k < open.length ? (open[k] as number) : hi;
    if (cursor < openStart) pushClosed(raw, timeline, cursor, openStart);
    if (k < open.length) {
      const openEnd = open[k + 1] as number;
      pushOpen(raw, openStart, openEnd, pauses);
      cursor = openEnd;
    }
  }
  const segments = mergeAlike(raw).map((draft) => toSegment(timeline, draft));
  const counted = segments.reduce((sum, segment) => (segment.kind === 'open' ? sum + segment.durationMs : sum), 0);
  const totalMs = counted === 0 ? 0 : from <= to ? counted : -counted;
  return { timezone: timeline.zone.name, from: timeline.zone.formatIso(from), to: timeline.zone.formatIso(to), totalMs, segments };
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
function pushClosed(out: Draft[], timeline: ExplainingTimeline, start: number, end: number): void {
  for (let pieceStart = start; pieceStart < end; ) {
    const nextMidnight = timeline.zone.toInstant(timeline.zone.localDayOf(pieceStart) + 1, 0);
    const pieceEnd = Math.min(end, nextMidnight > pieceStart ? nextMidnight : end);
    const closure = timeline.closureAt(pieceStart + Math.floor((pieceEnd - pieceStart) / 2));
    out.push({ kind: 'closed', ...closure, start: pieceStart, end: pieceEnd });
    pieceStart = pieceEnd;
  }
}

// Open time, with the paused parts cut out.
function pushOpen(out: Draft[], start: number, end: number, pauses: readonly number[]): void {
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

function mergeAlike(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const last = out[out.length - 1];
    if (last && last.end === draft.start && last.kind === draft.kind && last.reason === draft.reason && last.name === draft.name && last.calendar === draft.calendar) {
      last.end = draft.end;
    } else {
      out.push({ ...draft });
    }
  }
  return out;
}

function toSegment(timeline: ExplainingTimeline, draft: Draft): ExplanationSegment {
  return {
    kind: draft.kind,
    ...(draft.reason === undefined ? {} : { reason: draft.reason }),
    ...(draft.name === undefined ? {} : { name: draft.name }),
    ...(draft.calendar === undefined ? {} : { calendar: draft.calendar }),
    start: timeline.zone.formatIso(draft.start),
    end: timeline.zone.formatIso(draft.end),
    startMs: draft.start,
    endMs: draft.end,
    durationMs: draft.end - draft.start,
  };
}
