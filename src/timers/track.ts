import { SlaclockError, type IssuePath } from '../errors.js';
import type { CompiledPolicy } from '../policy/compile.js';
import type { PolicySpec } from '../policy/types.js';
import { formatWallIso } from '../time/wallIso.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { isArray } from '../util/describe.js';
import { readOptions } from '../util/options.js';
import { messages } from '../util/issues.js';
import { insertEvent, readEvent, readEvents } from './events.js';
import { foldEvent, openLedger } from './fold.js';
import { ticketStatus } from './status.js';
import { makeTracker, readTimerOptions, splitTicket, type ReadOptions, type Tracker } from './tracker.js';
import { TICKET_STATE_FORMAT, type Ledger, type StoredEvent, type Ticket, type TicketEvent, type TicketSla, type TicketState, type TimerOptions, type TrackOptions } from './types.js';

const TIMER_KEYS = ['warnings', 'onChange', 'reopenWindowDays'] as const;
const TRACK_KEYS = [...TIMER_KEYS, 'now'] as const;

/**
 * Replays a ticket's events under a policy and reports every metric at `now`: running,
 * paused, met, breached or none, with its deadline, elapsed, paused and remaining business
 * time, warning instants and cycles, and the next instant anything changes (`nextCheckAt`).
 * Pure: `now` is an argument, never the clock.
 *
 * @throws {SlaclockError} as `evaluate` for the request; `invalid_input` for an event that is
 *   malformed, of an unknown type, before the opening (its index in the path) or after `now`.
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { trackTicket } from 'slaclock/timers';
 * const sla = trackTicket(getPolicy('jumpcloud'), {
 *   plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00',
 *   events: [{ at: '2026-11-27T10:00-07:00', type: 'agent-reply' }],
 * }, { now: '2026-11-30T09:00-07:00' });
 * sla.metrics.firstResponse?.state;    // 'met'
 * sla.metrics.firstResponse?.deadline; // '2026-11-27T11:00:00.000-07:00'
 * ```
 */
export function trackTicket(policy: PolicySpec | CompiledPolicy, ticket: Ticket, options: TrackOptions): TicketSla {
  const { tracker, ledger, now } = replay(policy, ticket, options);
  return ticketStatus(ledger, tracker.termsOf, now, tracker.options.warnings, tracker.fold.zone);
}

/** @internal A ticket folded up to `options.now`, as {@link trackTicket} and `explainMetric` read it. */
export function replay(policy: PolicySpec | CompiledPolicy, ticket: Ticket, options: TrackOptions): { tracker: Tracker; ledger: Ledger; now: number } {
  const read = readOptions(options, TRACK_KEYS);
  const now = readNow(read.now, ['options', 'now']);
  return foldTicket(policy, ticket, readTimerOptions(read, ['options']), now, []);
}

/**
 * {@link trackTicket} over many tickets (a year of history), lazily: one result per ticket, in order.
 * A bad ticket throws with its index first in the path.
 *
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { trackTickets } from 'slaclock/timers';
 * const tickets = [{ plan: 'premium', severity: 2, at: '2026-11-28T10:00Z', events: [{ at: '2026-11-28T11:30Z', type: 'agent-reply' }] }];
 * for (const sla of trackTickets(getPolicy('jumpcloud'), tickets, { now: '2026-12-01T00:00Z' })) sla.metrics.firstResponse?.state; // 'met'
 * ```
 */
export function* trackTickets(policy: PolicySpec | CompiledPolicy, tickets: Iterable<Ticket>, options: TrackOptions): Generator<TicketSla, void, undefined> {
  const read = readOptions(options, TRACK_KEYS);
  const now = readNow(read.now, ['options', 'now']);
  const timerOptions = readTimerOptions(read, ['options']);
  const iterator = iteratorOf(tickets);
  for (let index = 0; ; index++) {
    const next = readNext(iterator, index);
    if (next.done === true) return;
    yield trackOne(policy, next.value, timerOptions, now, [index]);
  }
}

// An iterable read defensively: one that throws while read (a Proxy trap, a revoked Proxy) is bad input, not a crash.
function iteratorOf(tickets: unknown): Iterator<unknown> {
  try {
    const method = tickets !== null && typeof tickets === 'object' ? (tickets as { [Symbol.iterator]?: unknown })[Symbol.iterator] : undefined;
    if (typeof method === 'function') return (method as () => Iterator<unknown>).call(tickets);
  } catch {
    throw new SlaclockError('invalid_input', 'Expected an iterable of tickets that can be read, got one that throws when read', ['tickets']);
  }
  throw new SlaclockError('invalid_input', messages.expected('an iterable of tickets', tickets), ['tickets']);
}

function readNext(iterator: Iterator<unknown>, index: number): IteratorResult<unknown> {
  try {
    return iterator.next();
  } catch {
    throw new SlaclockError('invalid_input', 'Expected an iterable of tickets that can be read, got one that throws when read', [index]);
  }
}

/**
 * A ticket's tracking state before any event, to keep between two calls (a database row, a queue
 * message): plain JSON with a format version. Events the ticket already has are applied.
 *
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { startTicket } from 'slaclock/timers';
 * const state = startTicket(getPolicy('jumpcloud'), { plan: 'standard', severity: 2, at: '2026-11-30T09:00-07:00' });
 * state.format; // 'slaclock.ticket/1'
 * ```
 */
export function startTicket(policy: PolicySpec | CompiledPolicy, ticket: Ticket, options?: TimerOptions): TicketState {
  const timerOptions = readTimerOptions(readOptions(options, TIMER_KEYS), ['options']);
  const { request, events } = splitTicket(ticket, []);
  const tracker = makeTracker(policy, request, timerOptions, []);
  const stored = readEvents(events, tracker.openedAt, tracker.statuses, ['events'], tracker.check);
  foldAll(tracker, stored);
  return stateOf(tracker, stored);
}

/**
 * The state after one more event: the same state when the event was applied before, else the
 * event in time order among the others. Never changes `state`.
 *
 * @throws {SlaclockError} `invalid_input` for a malformed state or event (path `['event', ...]`).
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { applyEvent, startTicket } from 'slaclock/timers';
 * const policy = getPolicy('jumpcloud');
 * let state = startTicket(policy, { plan: 'standard', severity: 2, at: '2026-11-30T09:00-07:00' });
 * state = applyEvent(policy, state, { at: '2026-11-30T10:00-07:00', type: 'agent-reply' });
 * state.events.length; // 1
 * ```
 */
export function applyEvent(policy: PolicySpec | CompiledPolicy, state: TicketState, event: TicketEvent): TicketState {
  const { tracker, events } = readState(policy, state);
  const added = readEvent(event, tracker.openedAt, tracker.statuses, ['event'], null, tracker.check);
  const inserted = insertEvent(events, added);
  if (inserted === null) return stateOf(tracker, events);
  foldAll(tracker, inserted.events);
  return stateOf(tracker, inserted.events);
}

/**
 * Every metric of a tracked ticket at `now`, as {@link trackTicket} reports it.
 *
 * @example
 * ```ts
 * import { getPolicy } from 'slaclock';
 * import { slaAt, startTicket } from 'slaclock/timers';
 * const policy = getPolicy('jumpcloud');
 * const state = startTicket(policy, { plan: 'standard', severity: 2, at: '2026-11-30T09:00-07:00' });
 * slaAt(policy, state, '2026-11-30T12:00-07:00').nextCheckAt; // '2026-11-30T13:00:00.000-07:00' (50% of 8 hours)
 * ```
 */
export function slaAt(policy: PolicySpec | CompiledPolicy, state: TicketState, now: Instant): TicketSla {
  const at = readNow(now, ['now']);
  const { tracker, events } = readState(policy, state);
  return report(tracker, events, at, ['now']);
}

function trackOne(policy: PolicySpec | CompiledPolicy, ticket: unknown, options: ReadOptions, now: number, path: IssuePath): TicketSla {
  const { tracker, ledger } = foldTicket(policy, ticket, options, now, path);
  return ticketStatus(ledger, tracker.termsOf, now, tracker.options.warnings, tracker.fold.zone);
}

function foldTicket(policy: PolicySpec | CompiledPolicy, ticket: unknown, options: ReadOptions, now: number, path: IssuePath): { tracker: Tracker; ledger: Ledger; now: number } {
  const { request, events } = splitTicket(ticket, path);
  const tracker = makeTracker(policy, request, options, path);
  const stored = readEvents(events, tracker.openedAt, tracker.statuses, [...path, 'events'], tracker.check);
  return { tracker, ledger: foldUntil(tracker, stored, now, path.length > 0 ? path : ['options', 'now']), now };
}

function report(tracker: Tracker, events: readonly StoredEvent[], now: number, nowPath: IssuePath): TicketSla {
  return ticketStatus(foldUntil(tracker, events, now, nowPath), tracker.termsOf, now, tracker.options.warnings, tracker.fold.zone);
}

// No event may be later than `now`: the status at `now` cannot know it yet.
function foldUntil(tracker: Tracker, events: readonly StoredEvent[], now: number, nowPath: IssuePath): Ledger {
  const last = events[events.length - 1];
  if (last !== undefined && last.at > now) {
    throw new SlaclockError('invalid_input', `Expected now at or after the last event (${formatWallIso(last.at)}Z), got ${formatWallIso(now)}Z`, nowPath);
  }
  if (now < tracker.openedAt) throw new SlaclockError('invalid_input', 'Expected now at or after the ticket was opened', nowPath);
  return foldAll(tracker, events);
}

/** @internal The ledger of `events` (checked, in time order). */
export function foldAll(tracker: Tracker, events: readonly StoredEvent[]): Ledger {
  const plan = tracker.request.plan as string;
  const severity = typeof tracker.request.severity === 'number' ? tracker.request.severity : null;
  const ledger = openLedger(tracker.openedAt, plan, severity);
  for (let index = 0; index < events.length; index++) foldEvent(ledger, events[index] as StoredEvent, index, tracker.fold);
  return ledger;
}

function stateOf(tracker: Tracker, events: readonly StoredEvent[]): TicketState {
  return {
    format: TICKET_STATE_FORMAT,
    request: tracker.toJson(),
    options: { warnings: [...tracker.options.warnings], onChange: tracker.options.onChange, reopenWindowDays: tracker.options.reopenWindowDays },
    events: events.map((event) => ({ ...event, at: `${formatWallIso(event.at)}Z` }) as TicketEvent),
  };
}

function readState(policy: PolicySpec | CompiledPolicy, state: unknown): { tracker: Tracker; events: StoredEvent[] } {
  if (state === null || typeof state !== 'object' || isArray(state)) throw new SlaclockError('invalid_input', messages.expected('a ticket state from startTicket', state), ['state']);
  const fields = readOptions(state, ['format', 'request', 'options', 'events'], ['state'], 'invalid_input');
  if (fields.format !== TICKET_STATE_FORMAT) throw new SlaclockError('invalid_input', messages.oneOf([TICKET_STATE_FORMAT], fields.format), ['state', 'format']);
  const { request } = splitTicket(fields.request, ['state', 'request']);
  const timerOptions = readTimerOptions(readOptions(fields.options, TIMER_KEYS, ['state', 'options'], 'invalid_input'), ['state', 'options']);
  const tracker = makeTracker(policy, request, timerOptions, ['state', 'request']);
  const events = readEvents(fields.events, tracker.openedAt, tracker.statuses, ['state', 'events'], tracker.check);
  return { tracker, events };
}

function readNow(now: unknown, path: IssuePath): number {
  if (now === undefined) throw new SlaclockError('invalid_instant', 'Missing required instant: now (the timers never read the clock)', path);
  return toEpochMs(now as Instant, path);
}
