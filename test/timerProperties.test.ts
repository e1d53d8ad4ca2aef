// Ticket timers against the minute-by-minute reference (test/reference/timers.ts), over random
// tickets: random event sequences, pauses across closed hours, holidays and DST, severity and
// plan changes (kept or restarted), reopenings within and after the window, repeated events.
// SLACLOCK_TIMER_RUNS raises the run count (the full suite runs the default).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, compileCalendar, compilePolicy, type CalendarSpec } from '../src/index.js';
import { applyEvent, slaAt, startTicket, trackTicket, type TicketEvent, type TicketSla } from '../src/timers/index.js';
import { refTrack, type RefEvent } from './reference/timers.js';
import { arbTicketCase, PAUSED_BY, policyOf, refTermsOf, type TicketCase } from './timerArbitraries.js';

const RUNS = Number(process.env.SLACLOCK_TIMER_RUNS ?? 60);

function ticketOf(ticket: TicketCase) {
  return { plan: ticket.plan, severity: ticket.severity, at: ticket.openedAt, events: ticket.events as TicketEvent[] };
}

function track(ticket: TicketCase, now = ticket.now, events = ticket.events): TicketSla {
  const options = { now, warnings: ticket.warnings, onChange: ticket.onChange, reopenWindowDays: ticket.reopenWindowDays };
  return trackTicket(compilePolicy(policyOf(ticket)), { ...ticketOf(ticket), events: events as TicketEvent[] }, options);
}

/** The fast result in the reference's shape. */
function shapeOf(sla: TicketSla) {
  const metrics: Record<string, unknown> = {};
  for (const [id, metric] of Object.entries(sla.metrics)) {
    metrics[id] = {
      state: metric.state,
      cycles: metric.cycles.map((cycle) => ({
        outcome: cycle.outcome,
        start: cycle.startedAtMs,
        stop: cycle.stoppedAtMs,
        goalMs: cycle.goalMs,
        deadline: cycle.deadlineMs,
        breachedAt: cycle.breachedAtMs,
        elapsedMs: cycle.elapsedMs,
        pausedMs: cycle.pausedMs,
      })),
      warningsAt: metric.warningsAt.map((warning) => warning.atMs),
    };
  }
  return { metrics, notes: sla.notes.map((note) => note.code) };
}

function reference(ticket: TicketCase) {
  return refTrack({
    openedAt: ticket.openedAt,
    plan: ticket.plan,
    severity: ticket.severity,
    events: ticket.events,
    terms: refTermsOf(ticket),
    now: ticket.now,
    warnings: ticket.warnings,
    onChange: ticket.onChange,
    reopenWindowDays: ticket.reopenWindowDays,
    zone: ticket.scenario.spec.timezone,
  });
}

/** What can change without an event: each metric's state and how many warning instants have passed. */
function signature(sla: TicketSla, at: number): string {
  return Object.values(sla.metrics)
    .map((metric) => `${metric.state}/${metric.warningsAt.filter((warning) => warning.atMs <= at).length}`)
    .join(' ');
}

describe('ticket timers equal the minute-by-minute reference', () => {
  it('every metric, cycle, deadline, breach, elapsed and paused time, warning and note', () => {
    fc.assert(
      fc.property(arbTicketCase, (ticket) => {
        expect(shapeOf(track(ticket))).toEqual(reference(ticket));
      }),
      { numRuns: RUNS },
    );
  });

  it('elapsed + remaining = goal; a running cycle has time left, a breached one none', () => {
    fc.assert(
      fc.property(arbTicketCase, (ticket) => {
        for (const metric of Object.values(track(ticket).metrics)) {
          for (const cycle of metric.cycles) {
            expect(cycle.elapsedMs + cycle.remainingMs).toBe(cycle.goalMs);
            if (cycle.outcome === 'running') expect(cycle.remainingMs).toBeGreaterThan(0);
            if (cycle.outcome === 'breached') expect(cycle.remainingMs).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('paused time never counts, and breachedAt = addBusinessTime(start, goal, { pauses })', () => {
    fc.assert(
      fc.property(
        // One set of terms and no reopening: the resolution's pauses are the statuses that pause it.
        arbTicketCase.map((ticket) => ({ ...ticket, plan: 'basic', events: ticket.events.filter((event) => !['severity-change', 'plan-change', 'reopened'].includes(event.type) && !(event.type === 'status' && ['resolved', 'closed'].includes(event.status))) })),
        (ticket) => {
          const resolution = track(ticket).metrics.resolution!.cycles[0]!;
          const calendar = compileCalendar(ticket.scenario.spec as CalendarSpec);
          const pauses = pausesOf(ticket.events, PAUSED_BY.resolution!, ticket.openedAt, ticket.now);
          // Counted + paused = the open time; what counts is the open time outside the pauses.
          expect(resolution.elapsedMs + resolution.pausedMs).toBe(businessTimeBetween(calendar, ticket.openedAt, ticket.now));
          expect(resolution.elapsedMs).toBe(businessTimeBetween(calendar, ticket.openedAt, ticket.now, { pauses }));
          if (resolution.breachedAtMs !== null) expect(resolution.breachedAtMs).toBe(addBusinessTime(calendar, ticket.openedAt, { minutes: resolution.goalMs / 60_000 }, { pauses }).getTime());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a metric never un-breaches: every cycle breached at one instant is breached, at the same instant, later', () => {
    fc.assert(
      fc.property(arbTicketCase, fc.double({ min: 0, max: 1, noNaN: true }), (ticket, share) => {
        const earlier = ticket.openedAt + Math.round(((ticket.now - ticket.openedAt) * share) / 60_000) * 60_000;
        const before = track(ticket, earlier, ticket.events.filter((event) => event.at <= earlier));
        const after = track(ticket);
        for (const [id, metric] of Object.entries(before.metrics)) {
          metric.cycles.forEach((cycle, index) => {
            if (cycle.outcome === 'breached') expect(after.metrics[id]!.cycles[index]!.breachedAtMs).toBe(cycle.breachedAtMs);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('replaying all events at once equals applying them one by one through JSON', () => {
    fc.assert(
      fc.property(arbTicketCase, (ticket) => {
        const policy = compilePolicy(policyOf(ticket));
        const options = { warnings: ticket.warnings, onChange: ticket.onChange, reopenWindowDays: ticket.reopenWindowDays };
        let state = JSON.parse(JSON.stringify(startTicket(policy, { ...ticketOf(ticket), events: [] }, options)));
        for (const event of ticket.events) state = JSON.parse(JSON.stringify(applyEvent(policy, state, event as TicketEvent)));
        expect(slaAt(policy, state, ticket.now)).toEqual(track(ticket));
      }),
      { numRuns: RUNS },
    );
  });

  it('nextCheckAt is the first instant at which a state changes or a warning passes', () => {
    fc.assert(
      fc.property(arbTicketCase, (ticket) => {
        const now = track(ticket);
        const next = now.nextCheckAtMs;
        if (next === null) {
          const far = ticket.now + 90 * 86_400_000;
          expect(signature(track(ticket, far), ticket.now)).toBe(signature(now, ticket.now));
          return;
        }
        expect(next).toBeGreaterThan(ticket.now);
        expect(signature(track(ticket, next - 1), next - 1)).toBe(signature(now, next - 1 > ticket.now ? ticket.now : next - 1));
        expect(signature(track(ticket, next), next)).not.toBe(signature(now, ticket.now));
      }),
      { numRuns: RUNS },
    );
  });
});

/** Flat intervals where the status (from the events, in time order) pauses the metric, within [from, to). */
function pausesOf(events: readonly RefEvent[], pausedBy: readonly string[], from: number, to: number): { start: number; end: number }[] {
  // Without ids, identical events are one event (the second changes nothing).
  const seen = new Set<string>();
  const sorted = events.filter((event) => !seen.has(JSON.stringify(event)) && seen.add(JSON.stringify(event))).sort((a, b) => a.at - b.at);
  const pauses: { start: number; end: number }[] = [];
  let status = 'open';
  let since = from;
  for (const event of [...sorted, { at: to, type: 'status', status: '(end)' } as RefEvent]) {
    if (event.type !== 'status' || event.status === status) continue;
    if (pausedBy.includes(status) && event.at > since) pauses.push({ start: since, end: event.at });
    status = event.status;
    since = event.at;
  }
  return pauses;
}
