import { timelineOf } from '../calendar/calendar.js';
import { normalizeRanges } from '../calendar/timeline.js';
import { deadlineMs, type MetricTerms, type ResolvedTerms } from '../policy/terms.js';
import { countedBetween } from '../ops/pauses.js';
import { formatZonedIso } from '../zone/isoFormat.js';
import type { Zone } from '../zone/zone.js';
import { instantOfElapsed, measureCycle, type Measure, type Piece } from './cycle.js';
import { timingOf } from './rules.js';
import type { CycleLog, CycleOutcome, CycleStatus, Ledger, MetricStatus, TicketSla } from './types.js';

/** The terms of the ledger's `[at, plan, severity, openedAt]` entry, resolved once per call. */
export type TermsOf = (entry: Ledger['terms'][number]) => ResolvedTerms;

/** A cycle with the terms in force over it: `pieces[k]` counts on `pieceTerms[k]`, and `terms` are the last. */
export interface Span {
  readonly cycle: CycleLog;
  readonly end: number;
  readonly pieces: readonly Piece[];
  readonly pieceTerms: readonly MetricTerms[];
  readonly terms: MetricTerms;
  readonly pauses: number[];
}

/** A metric's cycles measured: the first terms that state it (its definition), and each cycle that counts. */
export function measuredCycles(id: string, ledger: Ledger, termsOf: TermsOf, now: number): { definition: MetricTerms | undefined; spans: { span: Span; measure: Measure }[] } {
  let definition: MetricTerms | undefined;
  for (const entry of ledger.terms) definition ??= termsOf(entry).metrics[id] ?? undefined;
  const spans: { span: Span; measure: Measure }[] = [];
  for (const cycle of definition === undefined ? [] : (ledger.cycles[timingOf(definition.metric)] ?? [])) {
    const span = spanOf(cycle, id, ledger, termsOf, now);
    if (span !== null) spans.push({ span, measure: measureCycle(span.pieces, span.pauses, cycle.stop !== null) });
  }
  return { definition, spans };
}

/** Every metric of the ledger at `now` (no event is later than `now`). */
export function ticketStatus(ledger: Ledger, termsOf: TermsOf, now: number, warnings: readonly number[], fallbackZone: Zone): TicketSla {
  const current = termsOf(ledger.terms[ledger.terms.length - 1] as Ledger['terms'][number]);
  const metrics: Record<string, MetricStatus> = {};
  let next: number | null = null;
  const iso = isoMemo();
  for (const id of metricIds(ledger, termsOf)) {
    const { status, check } = metricStatus(id, ledger, termsOf, now, warnings, iso);
    metrics[id] = status;
    if (check !== null && (next === null || check < next)) next = check;
  }
  const zone = firstZone(current) ?? fallbackZone;
  return {
    policy: current.policy,
    version: current.version,
    plan: current.plan,
    severity: current.severity,
    eligible: current.eligible,
    reasons: current.reasons,
    openedAt: iso(zone, ledger.openedAt),
    openedAtMs: ledger.openedAt,
    status: ledger.status,
    now: iso(zone, now),
    nowMs: now,
    metrics,
    nextCheckAt: next === null ? null : iso(zone, next),
    nextCheckAtMs: next,
    notes: ledger.notes,
  };
}

/** Formats an instant in a zone as ISO text. */
type Iso = (zone: Zone, ms: number) => string;

// Each instant formatted once per report: a cycle's start is often another metric's start or stop.
function isoMemo(): Iso {
  let memoZone: Zone | null = null;
  const memo = new Map<number, string>();
  return (zone, ms) => {
    if (zone !== memoZone) {
      memo.clear();
      memoZone = zone;
    }
    let text = memo.get(ms);
    if (text === undefined) {
      text = formatZonedIso(zone, ms);
      memo.set(ms, text);
    }
    return text;
  };
}

function firstZone(terms: ResolvedTerms): Zone | undefined {
  for (const id in terms.metrics) {
    const metric = terms.metrics[id];
    if (metric) return metric.zone;
  }
  return undefined;
}

// Every metric any of the ticket's terms states, in the order the terms list them.
function metricIds(ledger: Ledger, termsOf: TermsOf): string[] {
  const ids = new Set<string>();
  for (const entry of ledger.terms) for (const id in termsOf(entry).metrics) ids.add(id);
  return [...ids];
}

function metricStatus(id: string, ledger: Ledger, termsOf: TermsOf, now: number, warnings: readonly number[], iso: Iso): { status: MetricStatus; check: number | null } {
  const { definition, spans } = measuredCycles(id, ledger, termsOf, now);
  const cycles = spans.map(({ span, measure }) => cycleStatus(span, measure, ledger, now, iso));
  const latest = spans[spans.length - 1];
  const last = cycles[cycles.length - 1];
  const committed = termsOf(ledger.terms[ledger.terms.length - 1] as Ledger['terms'][number]).metrics[id];
  if (latest === undefined || last === undefined || !committed) return { status: noneStatus(id, definition, cycles), check: null };
  const { span, measure } = latest;
  const zone = span.terms.zone;
  // A stopped cycle lists the shares it used; a running or paused one projects the rest.
  const shares = [];
  for (const percent of warnings) {
    const atMs = instantOfElapsed(span.pieces, span.pauses, Math.max(1, Math.ceil((measure.goal * percent) / 100)));
    if (span.cycle.stop === null || atMs <= span.cycle.stop) shares.push({ percent, at: iso(zone, atMs), atMs });
  }
  let check: number | null = null;
  if (last.outcome === 'running') {
    for (const at of [measure.deadline, ...shares.map((share) => share.atMs)]) if (at > now && (check === null || at < check)) check = at;
  }
  const state = last.outcome === 'cancelled' ? 'none' : last.outcome;
  return {
    status: {
      metric: id,
      name: span.terms.metric.name,
      state,
      target: span.terms.target,
      clock: span.terms.clock,
      timezone: span.terms.timezone,
      startedAt: last.startedAt,
      startedAtMs: last.startedAtMs,
      stoppedAt: last.stoppedAt,
      stoppedAtMs: last.stoppedAtMs,
      goalMs: last.goalMs,
      deadline: last.deadline,
      deadlineMs: last.deadlineMs,
      breachedAt: last.breachedAt,
      breachedAtMs: last.breachedAtMs,
      elapsedMs: last.elapsedMs,
      pausedMs: last.pausedMs,
      remainingMs: last.remainingMs,
      warningsAt: shares,
      cycles,
    },
    check,
  };
}

function noneStatus(id: string, definition: MetricTerms | undefined, cycles: CycleStatus[]): MetricStatus {
  return {
    metric: id,
    name: definition?.metric.name ?? id,
    state: 'none',
    target: null,
    clock: null,
    timezone: null,
    startedAt: null,
    startedAtMs: null,
    stoppedAt: null,
    stoppedAtMs: null,
    goalMs: null,
    deadline: null,
    deadlineMs: null,
    breachedAt: null,
    breachedAtMs: null,
    elapsedMs: 0,
    pausedMs: 0,
    remainingMs: null,
    warningsAt: [],
    cycles,
  };
}

/**
 * The pieces of a cycle: the terms in force from its start, each change inside it a new piece
 * (two changes at one instant make a piece of no length: its goal still counts). Stretches without a target for the
 * metric do not count: the cycle counts from the first stretch with one. `null` when it never has one.
 */
function spanOf(cycle: CycleLog, id: string, ledger: Ledger, termsOf: TermsOf, now: number): Span | null {
  const end = cycle.stop ?? now;
  const changes: { from: number; terms: MetricTerms | null }[] = [];
  for (const entry of ledger.terms) {
    // Events at one instant count in their order: a change before the cycle's start is in force
    // at its start; one after its start and before its stop is a piece of its own.
    if (!before(entry[0], entry[4], cycle.stop ?? Number.POSITIVE_INFINITY, cycle.stopEvent ?? 0)) break;
    if (!before(cycle.start, cycle.startEvent, entry[0], entry[4])) changes.length = 0;
    changes.push({ from: Math.max(entry[0], cycle.start), terms: termsOf(entry).metrics[id] ?? null });
  }
  const counting = changes.findIndex((change) => change.terms !== null);
  const lastTerms = changes[changes.length - 1]?.terms;
  if (counting < 0 || lastTerms === null || lastTerms === undefined) return null;
  const start = (changes[counting] as (typeof changes)[number]).from;
  const pauses = pausesOf(cycle, ledger, lastTerms.metric.pausedBy, start, end);
  const pieces: Piece[] = [];
  const pieceTerms: MetricTerms[] = [];
  for (let k = counting; k < changes.length; k++) {
    const { from, terms } = changes[k] as { from: number; terms: MetricTerms | null };
    if (terms === null) continue;
    const to = (changes[k + 1] as (typeof changes)[number] | undefined)?.from ?? end;
    pieces.push({ from, to, timeline: timelineOf(terms.calendar), ...goalOf(terms, start) });
    pieceTerms.push(terms);
  }
  return { cycle, end, pieces, pieceTerms, terms: lastTerms, pauses };
}

// Whether (at, event) comes strictly before (otherAt, otherEvent) in time order.
function before(at: number, event: number, otherAt: number, otherEvent: number): boolean {
  return at < otherAt || (at === otherAt && event < otherEvent);
}

/**
 * A target's goal in business milliseconds for a cycle starting at `start`, and whether it is
 * due at the opening after that goal is used up. A business-days target's goal is the open time
 * up to its deadline (as `evaluate` gives it); it is due at an opening when that deadline lies
 * past the instant its open time runs out, as rule `start-of-day` puts it at the next business
 * day's opening instead of the close before.
 */
function goalOf(terms: MetricTerms, start: number): { readonly goal: number; readonly dueAtOpening: boolean } {
  const target = terms.compiled;
  if (target.kind === 'duration') return { goal: target.ms, dueAtOpening: false };
  const timeline = timelineOf(terms.calendar);
  const deadline = deadlineMs(terms, start);
  const goal = countedBetween(timeline, start, deadline, []);
  return { goal, dueAtOpening: goal > 0 && deadline > timeline.addOpen(start, goal, false) };
}

/** Flat sorted ranges in `[start, end)` during which the cycle does not count: statuses in `pausedBy`, and the gaps before a resumption. */
export function pausesOf(cycle: CycleLog, ledger: Ledger, pausedBy: readonly string[], start: number, end: number): number[] {
  const flat: number[] = [...cycle.gaps];
  const statuses = ledger.statuses;
  // From the status in force at the start (statuses are in time order): linear in the cycle's own statuses.
  let first = 0;
  for (let high = statuses.length - 1; first < high; ) {
    const middle = (first + high + 1) >> 1;
    if ((statuses[middle] as [number, string])[0] <= start) first = middle;
    else high = middle - 1;
  }
  for (let k = first; k < statuses.length && (statuses[k] as [number, string])[0] < end; k++) {
    const [from, status] = statuses[k] as [number, string];
    if (!pausedBy.includes(status)) continue;
    const to = (statuses[k + 1] as [number, string] | undefined)?.[0] ?? end;
    if (Math.min(to, end) > Math.max(from, start)) flat.push(Math.max(from, start), Math.min(to, end));
  }
  // Status pauses alone are in time order and disjoint; gaps before a resumption may interleave with them.
  return cycle.gaps.length === 0 ? flat : normalizeRanges(flat);
}

function cycleStatus(span: Span, measure: Measure, ledger: Ledger, now: number, iso: Iso): CycleStatus {
  const zone = span.terms.zone;
  const { cycle } = span;
  const start = (span.pieces[0] as Piece).from;
  return {
    outcome: outcomeOf(cycle, measure.breachedAt, span.terms, ledger, now),
    startedAt: iso(zone, start),
    startedAtMs: start,
    stoppedAt: cycle.stop === null ? null : iso(zone, cycle.stop),
    stoppedAtMs: cycle.stop,
    goalMs: measure.goal,
    deadline: iso(zone, measure.deadline),
    deadlineMs: measure.deadline,
    breachedAt: measure.breachedAt === null ? null : iso(zone, measure.breachedAt),
    breachedAtMs: measure.breachedAt,
    elapsedMs: measure.elapsed,
    pausedMs: measure.paused,
    remainingMs: measure.goal - measure.elapsed,
  };
}

/** @internal */
export function outcomeOf(cycle: CycleLog, breachedAt: number | null, terms: MetricTerms, ledger: Ledger, now: number): CycleOutcome {
  if (breachedAt !== null) return 'breached';
  if (cycle.stop !== null) return cycle.end === 'stopped' ? 'met' : 'cancelled';
  const status = ledger.statuses[ledger.statuses.length - 1] as [number, string];
  return status[0] <= now && terms.metric.pausedBy.includes(status[1]) ? 'paused' : 'running';
}
