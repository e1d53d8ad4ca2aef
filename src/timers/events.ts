import { SlaclockError, type IssuePath } from '../errors.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { isArray } from '../util/describe.js';
import { readOptions } from '../util/options.js';
import { messages } from '../validation.js';
import type { StoredEvent, TicketEvent } from './types.js';

/** The statuses every ticket may take; a policy adds those its metrics' `pausedBy` name. */
export const STATUSES: readonly string[] = Object.freeze(['open', 'waiting-on-customer', 'waiting-on-third-party', 'on-hold', 'resolved', 'closed']);

/** Statuses that end the work on a ticket. */
export function isFinished(status: string): boolean {
  return status === 'resolved' || status === 'closed';
}

/** The fields each event type may carry beyond `at`, `type` and `id`, and whether each is required. */
const FIELDS: Readonly<Record<TicketEvent['type'], Readonly<Record<string, boolean>>>> = {
  'agent-reply': { public: false },
  'customer-reply': {},
  status: { status: true },
  'severity-change': { severity: true, restart: false },
  'plan-change': { plan: true, restart: false },
  workaround: {},
  reopened: {},
};
const TYPES = Object.keys(FIELDS);
const ALL_KEYS = ['at', 'type', 'id', 'public', 'status', 'severity', 'plan', 'restart'] as const;

/** Most events one ticket may have: more than any ticket, a bound so a hostile list cannot make a call slow. */
export const MAX_EVENTS = 100_000;

/** Reads a ticket's events: each checked, in time order (stable), duplicates dropped, none before `openedAt`. */
export function readEvents(events: unknown, openedAt: number, statuses: ReadonlySet<string>, path: IssuePath, check: EventCheck): StoredEvent[] {
  if (events === undefined) return [];
  if (!isArray(events)) throw new SlaclockError('invalid_input', messages.expected('an array of ticket events', events), path);
  if (events.length > MAX_EVENTS) throw new SlaclockError('input_too_large', `Expected at most ${MAX_EVENTS} events, got ${events.length}`, path);
  const read: StoredEvent[] = [];
  const keys = new Set<string>();
  for (let index = 0; index < events.length; index++) {
    const event = readEvent(events[index], openedAt, statuses, [...path, index], check);
    const key = eventKey(event);
    if (keys.has(key)) continue;
    keys.add(key);
    read.push(event);
  }
  // Stable: equal instants keep their given order, as if inserted one by one.
  return read.sort((a, b) => a.at - b.at);
}

/** A check of an event against the policy (a severity or plan it defines); throws at `path`. */
export type EventCheck = (event: StoredEvent, path: IssuePath) => void;

/** One event checked and in plain form; `path` names it in the caller's input. */
export function readEvent(event: unknown, openedAt: number, statuses: ReadonlySet<string>, path: IssuePath, check: EventCheck): StoredEvent {
  if (event === null || typeof event !== 'object' || isArray(event)) {
    throw new SlaclockError('invalid_input', messages.expected('a ticket event { at, type, ... }', event), path);
  }
  const fields = readOptions(event, ALL_KEYS, path, 'invalid_input');
  const type = fields.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type)) {
    throw new SlaclockError('invalid_input', type === undefined ? 'Missing required event type' : messages.oneOf(TYPES, type), [...path, 'type']);
  }
  const own = FIELDS[type as TicketEvent['type']];
  if (fields.at === undefined) throw new SlaclockError('invalid_instant', 'Missing required instant: when the event happened', [...path, 'at']);
  const at = toEpochMs(fields.at as Instant, [...path, 'at']);
  if (at < openedAt) throw new SlaclockError('invalid_input', 'An event cannot come before the ticket was opened', [...path, 'at']);
  const stored: Record<string, unknown> = { at, type };
  for (const key of ALL_KEYS) {
    if (key === 'at' || key === 'type' || fields[key] === undefined) continue;
    if (key !== 'id' && !(key in own)) throw new SlaclockError('invalid_input', `A "${type}" event has no field "${key}"`, [...path, key]);
    stored[key] = checkField(key, fields[key], statuses, [...path, key]);
  }
  for (const key in own) {
    if (own[key] === true && stored[key] === undefined) throw new SlaclockError('invalid_input', `Missing required ${key} of a "${type}" event`, [...path, key]);
  }
  check(stored as unknown as StoredEvent, path);
  return stored as unknown as StoredEvent;
}

function checkField(key: string, value: unknown, statuses: ReadonlySet<string>, path: IssuePath): unknown {
  switch (key) {
    case 'id':
    case 'plan':
      if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
      throw new SlaclockError('invalid_input', messages.expected('a non-empty string of at most 200 characters', value), path);
    case 'severity':
      if (Number.isInteger(value)) return value;
      throw new SlaclockError('invalid_input', messages.expected('a severity level (a whole number)', value), path);
    case 'status':
      if (typeof value === 'string' && statuses.has(value)) return value;
      throw new SlaclockError('invalid_input', messages.oneOf([...statuses], value), path);
    default:
      if (typeof value === 'boolean') return value;
      throw new SlaclockError('invalid_input', messages.expected('true or false', value), path);
  }
}

/** What makes two events the same: the helpdesk's id, else every field. */
export function eventKey(event: StoredEvent): string {
  return event.id === undefined ? JSON.stringify(event) : `#${event.id}`;
}

/**
 * `known` with `event` in time order: after every event at or before its instant (so equal
 * instants keep their order of arrival), and where; `null` when it is already known.
 */
export function insertEvent(known: readonly StoredEvent[], event: StoredEvent): { readonly events: StoredEvent[]; readonly position: number } | null {
  const key = eventKey(event);
  if (known.some((other) => eventKey(other) === key)) return null;
  let position = known.length;
  while (position > 0 && (known[position - 1] as StoredEvent).at > event.at) position--;
  return { events: [...known.slice(0, position), event, ...known.slice(position)], position };
}
