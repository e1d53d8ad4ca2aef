/**
 * Reference ticket timers: walks a ticket's life minute by minute, applying its events as
 * their instants come, and counts each running cycle's minutes one at a time: a minute counts
 * when its clock's calendar is open and the ticket's status does not pause the metric.
 * Independent of src/ (its own fold of the events, its own counting). Every instant is on the
 * minute grid; targets are whole minutes.
 */
import type { RefCalendar } from './clock.js';
import { localDateOf } from './businessDays.js';

const MINUTE = 60_000;
/** How far past its end a cycle is projected to find its deadline and warnings. */
const MAX_PROJECTION = 200 * 1440;

export type RefEvent =
  | { at: number; type: 'agent-reply'; public?: boolean }
  | { at: number; type: 'customer-reply' }
  | { at: number; type: 'workaround' }
  | { at: number; type: 'reopened' }
  | { at: number; type: 'status'; status: string }
  | { at: number; type: 'severity-change'; severity: number; restart?: boolean }
  | { at: number; type: 'plan-change'; plan: string; restart?: boolean };

/** What a plan and severity commit to: per metric, a goal in minutes on a calendar, and the statuses that pause it. */
export type RefTerms = Record<string, { calendar: RefCalendar; goalMinutes: number; pausedBy: readonly string[] }>;

export interface RefTicket {
  openedAt: number;
  plan: string;
  severity: number;
  events: RefEvent[];
  terms: (plan: string, severity: number) => RefTerms;
  now: number;
  warnings: readonly number[];
  onChange: 'keep' | 'restart';
  reopenWindowDays: number | null;
  /** The zone reopen windows count local dates in. */
  zone: string;
}

export interface RefCycle {
  outcome: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  start: number;
  stop: number | null;
  goalMs: number;
  deadline: number;
  breachedAt: number | null;
  elapsedMs: number;
  pausedMs: number;
}

export interface RefMetric {
  state: 'running' | 'paused' | 'met' | 'breached' | 'none';
  cycles: RefCycle[];
  warningsAt: number[];
}

/** Which metrics start and stop on what, read from docs/timers.md. */
const KINDS = ['firstResponse', 'nextResponse', 'update', 'workaround', 'resolution'] as const;
type Kind = (typeof KINDS)[number];

interface Cycle {
  kind: Kind;
  start: number;
  stop: number | null;
  end: 'stopped' | 'restarted' | 'reset' | null;
  goal: number; // minutes
  elapsed: number; // minutes counted
  paused: number; // open minutes paused
  gapOpen: number; // open minutes since a resolution stopped (paused if it resumes)
  /** reached[k - 1]: the instant the k-th minute was counted (its end). */
  reached: number[];
  deadline: number | null;
  breachedAt: number | null;
  calendar: RefCalendar;
  pausedBy: readonly string[];
  /** Changes while a resolution was stopped by the finish, applied if it resumes. */
  pending: { at: number; terms: RefTerms[string] }[];
}

// Keep: a goal used up at or before the change is breached for good; else the new goal, maybe used up already.
function retarget(cycle: Cycle, t: number, terms: RefTerms[string]): void {
  if (cycle.breachedAt === null && cycle.deadline !== null && cycle.deadline <= t) cycle.breachedAt = cycle.deadline;
  cycle.calendar = terms.calendar;
  cycle.pausedBy = terms.pausedBy;
  if (cycle.breachedAt !== null) return;
  cycle.goal = terms.goalMinutes;
  cycle.deadline = cycle.elapsed >= cycle.goal ? t : null;
  if (cycle.deadline !== null) cycle.breachedAt = t;
}

/** Every metric of the ticket at `now`, and the codes of the notes. */
export function refTrack(ticket: RefTicket): { metrics: Record<string, RefMetric>; notes: string[] } {
  // The same event twice is one event; then time order, equal instants as given.
  const seen = new Set<string>();
  const events = ticket.events.filter((event) => !seen.has(JSON.stringify(event)) && seen.add(JSON.stringify(event))).sort((a, b) => a.at - b.at);
  let plan = ticket.plan;
  let severity = ticket.severity;
  let status = 'open';
  let finishedAt: number | null = null;
  let agentReplied = false;
  const notes: string[] = [];
  const cycles: Cycle[] = [];
  const current = (kind: Kind) => cycles.filter((cycle) => cycle.kind === kind).at(-1);
  const running = (kind: Kind) => {
    const cycle = current(kind);
    return cycle !== undefined && cycle.stop === null ? cycle : undefined;
  };
  const termsNow = () => ticket.terms(plan, severity);
  const begin = (kind: Kind, at: number) => {
    const terms = termsNow()[kind]!;
    cycles.push({ kind, start: at, stop: null, end: null, goal: terms.goalMinutes, elapsed: 0, paused: 0, gapOpen: 0, reached: [], deadline: null, breachedAt: null, calendar: terms.calendar, pausedBy: terms.pausedBy, pending: [] });
  };
  const finish = (cycle: Cycle, at: number, end: 'stopped' | 'restarted' | 'reset') => {
    // Goal used up before the stop: breached then (a stop at the deadline meets it).
    if (cycle.breachedAt === null && cycle.deadline !== null && cycle.deadline < at) cycle.breachedAt = cycle.deadline;
    cycle.stop = at;
    cycle.end = end;
    cycle.gapOpen = 0;
  };
  const open = (at: number) => {
    for (const kind of ['firstResponse', 'workaround', 'resolution'] as const) begin(kind, at);
  };
  open(ticket.openedAt);

  const apply = (event: RefEvent, index: number) => {
    const t = event.at;
    const finished = status === 'resolved' || status === 'closed';
    switch (event.type) {
      case 'agent-reply': {
        if (event.public === false || finished) return;
        agentReplied = true;
        for (const kind of ['firstResponse', 'nextResponse'] as const) {
          const cycle = running(kind);
          if (cycle) finish(cycle, t, 'stopped');
        }
        const update = running('update');
        if (update) finish(update, t, 'stopped');
        begin('update', t);
        return;
      }
      case 'customer-reply':
        if (!finished && agentReplied && !running('nextResponse')) begin('nextResponse', t);
        return;
      case 'workaround': {
        const cycle = finished ? undefined : running('workaround');
        if (cycle) finish(cycle, t, 'stopped');
        return;
      }
      case 'reopened':
        if (finished) reopen('open', t, index);
        else notes.push('not_resolved');
        return;
      case 'status': {
        const next = event.status;
        if (next === status) return;
        const nextFinished = next === 'resolved' || next === 'closed';
        if (finished && !nextFinished) return reopen(next, t, index);
        status = next;
        if (!finished && nextFinished) {
          finishedAt = t;
          for (const kind of KINDS) {
            const cycle = running(kind);
            if (cycle) finish(cycle, t, 'stopped');
          }
        }
        return;
      }
      default: {
        if (event.type === 'plan-change') plan = event.plan;
        else severity = event.severity;
        const restart = event.restart ?? ticket.onChange === 'restart';
        for (const kind of KINDS) {
          const cycle = running(kind);
          if (!cycle) {
            // A resolution stopped by the finish takes the change if it resumes.
            const stopped = current(kind);
            if (kind === 'resolution' && stopped && stopped.end === 'stopped' && stopped.stop === finishedAt) stopped.pending.push({ at: t, terms: termsNow()[kind]! });
            continue;
          }
          if (restart && cycle.start !== t) {
            finish(cycle, t, 'restarted');
            begin(kind, t);
            continue;
          }
          retarget(cycle, t, termsNow()[kind]!);
        }
      }
    }
  };

  const reopen = (next: string, t: number, _index: number) => {
    const days = ticket.reopenWindowDays;
    if (days !== null && localDateOf(ticket.zone, t) > localDateOf(ticket.zone, finishedAt!) + days) {
      notes.push('reopened_as_new');
      for (const cycle of cycles) if (cycle.stop === null) finish(cycle, t, 'reset');
      agentReplied = false;
      finishedAt = null;
      status = next;
      open(t);
      return;
    }
    const resolution = current('resolution')!;
    if (resolution.end === 'stopped' && resolution.stop === finishedAt) {
      resolution.paused += resolution.gapOpen;
      resolution.stop = null;
      resolution.end = null;
      for (const change of resolution.pending) retarget(resolution, change.at, change.terms);
    }
    resolution.pending = [];
    if (agentReplied) begin('update', t);
    status = next;
    finishedAt = null;
  };

  // The walk: at each minute boundary, the events at that instant, then the minute that follows.
  let next = 0;
  for (let t = ticket.openedAt; ; t += MINUTE) {
    while (next < events.length && events[next]!.at === t) {
      apply(events[next]!, next);
      next++;
    }
    for (const cycle of cycles) {
      if (cycle.stop === null && cycle.breachedAt === null && cycle.deadline !== null && cycle.deadline <= t) cycle.breachedAt = cycle.deadline;
    }
    if (t >= ticket.now) break;
    const minute = t / MINUTE;
    for (const cycle of cycles) {
      if (cycle.stop !== null) {
        // The time a resolution waits for a reopening, on the calendar it would resume on.
        const calendar = cycle.pending.at(-1)?.terms.calendar ?? cycle.calendar;
        if (cycle.kind === 'resolution' && cycle.end === 'stopped' && calendar.openMinute(minute)) cycle.gapOpen++;
        continue;
      }
      if (!cycle.calendar.openMinute(minute)) continue;
      if (cycle.pausedBy.includes(status)) cycle.paused++;
      else count(cycle, t + MINUTE);
    }
  }
  return { metrics: report(cycles, status, ticket), notes };
}

function count(cycle: Cycle, end: number): void {
  cycle.elapsed++;
  cycle.reached.push(end);
  if (cycle.deadline === null && cycle.breachedAt === null && cycle.elapsed === cycle.goal) cycle.deadline = end;
}

function report(cycles: Cycle[], status: string, ticket: RefTicket): Record<string, RefMetric> {
  const metrics: Record<string, RefMetric> = {};
  for (const kind of KINDS) {
    const shown = cycles
      .filter((cycle) => cycle.kind === kind)
      .map((cycle) => {
        const needed = Math.max(cycle.goal, ...ticket.warnings.map((percent) => Math.ceil(Math.max(1, Math.ceil((cycle.goal * MINUTE * percent) / 100)) / MINUTE)));
        const projected = project(cycle, cycle.stop ?? ticket.now, needed);
        const outcome: RefCycle['outcome'] =
          cycle.breachedAt !== null ? 'breached' : cycle.stop !== null ? (cycle.end === 'stopped' ? 'met' : 'cancelled') : cycle.pausedBy.includes(status) ? 'paused' : 'running';
        const deadline = cycle.breachedAt ?? cycle.deadline ?? (projected[cycle.goal - 1] as number);
        const result: RefCycle = { outcome, start: cycle.start, stop: cycle.stop, goalMs: cycle.goal * MINUTE, deadline, breachedAt: cycle.breachedAt, elapsedMs: cycle.elapsed * MINUTE, pausedMs: cycle.paused * MINUTE };
        return { cycle, projected, result };
      });
    const last = shown.at(-1);
    if (last === undefined) {
      metrics[kind] = { state: 'none', cycles: [], warningsAt: [] };
      continue;
    }
    const goalMs = last.cycle.goal * MINUTE;
    const warningsAt = ticket.warnings
      .map((percent) => {
        const amount = Math.max(1, Math.ceil((goalMs * percent) / 100));
        const minutes = Math.ceil(amount / MINUTE);
        // The minute in which the amount is reached, and how far into it.
        return (last.projected[minutes - 1] as number) - MINUTE + (amount - (minutes - 1) * MINUTE);
      })
      .filter((at) => last.cycle.stop === null || at <= last.cycle.stop);
    metrics[kind] = { state: last.result.outcome === 'cancelled' ? 'none' : last.result.outcome, cycles: shown.map((entry) => entry.result), warningsAt };
  }
  return metrics;
}

/** The instants each counted minute ends, continued from `end` (no pause, the last calendar) until `minutes` are counted. */
function project(cycle: Cycle, end: number, minutes: number): number[] {
  const reached = [...cycle.reached];
  for (let t = end, steps = 0; reached.length < minutes; t += MINUTE, steps++) {
    if (steps > MAX_PROJECTION) throw new Error(`reference: ${cycle.kind} never reaches ${minutes} minutes`);
    if (cycle.calendar.openMinute(t / MINUTE)) reached.push(t + MINUTE);
  }
  return reached;
}
