import { SlaclockError } from '../errors.js';
import { explainBusinessTime, type Explanation, type ExplanationSegment } from '../ops/explain.js';
import type { CompiledPolicy } from '../policy/compile.js';
import type { PolicySpec } from '../policy/types.js';
import { quoteValue } from '../util/describe.js';
import { messages } from '../util/issues.js';
import { replay } from './track.js';
import { measuredCycles, outcomeOf, type Span } from './status.js';
import type { CycleOutcome, Ledger, Ticket, TrackOptions } from './types.js';

/** A paused stretch names the status that paused it (`'resolved'` for the time before a reopening). */
export type MetricSegment = ExplanationSegment & { readonly status?: string };

/** One cycle of a metric explained: each stretch under one set of terms, with its timeline. */
export interface CycleExplanation {
  readonly outcome: CycleOutcome;
  readonly startedAtMs: number;
  /** The stop, or `now` while it runs. */
  readonly endMs: number;
  readonly goalMs: number;
  readonly elapsedMs: number;
  readonly deadlineMs: number;
  readonly breachedAtMs: number | null;
  /** The terms in force, in time order (a severity or plan change starts a new one). */
  readonly stretches: readonly { readonly target: string; readonly clock: string; readonly explanation: Omit<Explanation, 'segments'> & { readonly segments: readonly MetricSegment[] } }[];
}

/** Why a metric stands where it does: every cycle's counted open time, closed hours, holidays by name and pauses by status. */
export interface MetricExplanation {
  readonly metric: string;
  readonly cycles: readonly CycleExplanation[];
}

/**
 * The timeline behind one metric of a ticket at `now`: for each cycle, the stretches it counted
 * (`open`), the ones it did not (`closed`, with the holiday's name or the hours; `paused`, with
 * the status), as `explainBusinessTime` gives them, so a breach can be read and checked.
 *
 * @throws {SlaclockError} as {@link trackTicket}; `invalid_input` for a metric the ticket's terms do not state.
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { explainMetric } from 'slaclock/timers';
 * const why = explainMetric(getPolicy('jumpcloud'), { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' }, 'firstResponse', { now: '2026-11-27T12:00-07:00' });
 * why.cycles[0]?.stretches[0]?.explanation.segments.find((segment) => segment.reason === 'holiday')?.name; // 'Thanksgiving Day'
 * ```
 */
export function explainMetric(policy: PolicySpec | CompiledPolicy, ticket: Ticket, metric: string, options: TrackOptions): MetricExplanation {
  const { tracker, ledger, now } = replay(policy, ticket, options);
  if (typeof metric !== 'string') throw new SlaclockError('invalid_input', messages.expected('a metric id such as "firstResponse"', metric), ['metric']);
  const { definition, spans } = measuredCycles(metric, ledger, tracker.termsOf, now);
  if (definition === undefined) {
    throw new SlaclockError('invalid_input', `The ticket's terms state no metric ${quoteValue(metric)}; they state ${Object.keys(tracker.initial.metrics).join(', ') || 'none'}`, ['metric']);
  }
  return {
    metric,
    cycles: spans.map(({ span, measure }) => ({
      outcome: outcomeOf(span.cycle, measure.breachedAt, span.terms, ledger, now),
      startedAtMs: (span.pieces[0] as Span['pieces'][number]).from,
      endMs: span.end,
      goalMs: measure.goal,
      elapsedMs: measure.elapsed,
      deadlineMs: measure.deadline,
      breachedAtMs: measure.breachedAt,
      stretches: span.pieces.map((piece, k) => {
        const terms = span.pieceTerms[k] as Span['pieceTerms'][number];
        const pauses = [];
        for (let p = 0; p < span.pauses.length; p += 2) pauses.push({ start: span.pauses[p] as number, end: span.pauses[p + 1] as number });
        const explanation = explainBusinessTime(terms.calendar, piece.from, piece.to, { pauses });
        return { target: terms.target, clock: terms.clock, explanation: { ...explanation, segments: explanation.segments.map((segment) => withStatus(segment, span, ledger)) } };
      }),
    })),
  };
}

// The status that paused a stretch: the last status entered at or before it, or 'resolved' in a gap before a reopening.
function withStatus(segment: ExplanationSegment, span: Span, ledger: Ledger): MetricSegment {
  if (segment.kind !== 'paused') return segment;
  for (let g = 0; g < span.cycle.gaps.length; g += 2) {
    if ((span.cycle.gaps[g] as number) <= segment.startMs && segment.startMs < (span.cycle.gaps[g + 1] as number)) return { ...segment, status: 'resolved' };
  }
  let status = 'open';
  for (const [at, entered] of ledger.statuses) if (at <= segment.startMs) status = entered;
  return { ...segment, status };
}
