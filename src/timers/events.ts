import { SlaclockError, type IssuePath } from '../errors.js';
import { toEpochMs, type Instant } from '../time/instant.js';
import { isArray } from '../util/describe.js';
import { messages } from '../util/issues.js';
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
  let sorted = true;
  for (let index = 0; index < events.length; index++) {
    const event = readEvent(events[index], openedAt, statuses, path, index, check);
    if (read.length > 0 && (read[read.length - 1] as StoredEvent).at > event.at) sorted = false;
    read.push(event);
  }
  // Stable: equal instants keep their given order, as if inserted one by one; then each event once.
  if (!sorted) read.sort((a, b) => a.at - b.at);
  const unique: StoredEvent[] = [];
  const ids = new Set<string>();
  for (const event of read) if (!isKnown(unique, ids, event)) unique.push(event);
  return unique;
}

/** A check of an event against the policy (a severity or plan it defines); throws at `path`. */
export type EventCheck = (event: StoredEvent, at: (...rest: (string | number)[]) => IssuePath) => void;

/** One event checked and in plain form; `path` and `index` name it in the caller's input (built only for an error). */
export function readEvent(event: unknown, openedAt: number, statuses: ReadonlySet<string>, path: IssuePath, index: number | null, check: EventCheck): StoredEvent {
  const common = commonEvent(event, openedAt, statuses);
  if (common !== null) return common;
  const at = (...rest: (string | number)[]): IssuePath => pathOf(path, index, rest);
  if (event === null || typeof event !== 'object' || isArray(event)) {
    throw new SlaclockError('invalid_input', messages.expected('a ticket event { at, type, ... }', event), at());
  }
  const fields = readFields(event as Record<string, unknown>, at);
  const type = fields.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type)) {
    throw new SlaclockError('invalid_input', type === undefined ? 'Missing required event type' : messages.oneOf(TYPES, type), at('type'));
  }
  const own = FIELDS[type as TicketEvent['type']];
  if (fields.at === undefined) throw new SlaclockError('invalid_instant', 'Missing required instant: when the event happened', at('at'));
  let ms: number;
  try {
    ms = toEpochMs(fields.at as Instant);
  } catch (error) {
    throw relocate(error, at('at'));
  }
  if (ms < openedAt) throw new SlaclockError('invalid_input', 'An event cannot come before the ticket was opened', at('at'));
  const stored: Record<string, unknown> = { at: ms, type };
  for (const key of ALL_KEYS) {
    if (key === 'at' || key === 'type' || fields[key] === undefined) continue;
    if (key !== 'id' && !(key in own)) throw new SlaclockError('invalid_input', `A "${type}" event has no field "${key}"`, at(key));
    stored[key] = checkField(key, fields[key], statuses, at);
  }
  for (const key in own) {
    if (own[key] === true && stored[key] === undefined) throw new SlaclockError('invalid_input', `Missing required ${key} of a "${type}" event`, at(key));
  }
  if (type === 'severity-change' || type === 'plan-change') check(stored as unknown as StoredEvent, at);
  return stored as unknown as StoredEvent;
}

/**
 * The common event read with cheap checks: a plain object with only `at`, `type`, an optional
 * `id` and its type's own fields (a reply, a status, a workaround or a reopening), every one
 * valid. `null` for anything else (a change of terms, an unknown key, a bad value, a getter that
 * throws): {@link readEvent} then reads it field by field and names what is wrong. Same result.
 */
function commonEvent(event: unknown, openedAt: number, statuses: ReadonlySet<string>): StoredEvent | null {
  if (event === null || typeof event !== 'object') return null;
  try {
    if (Array.isArray(event)) return null;
    const { at, type, id, public: isPublic, status, severity, plan, restart } = event as Record<string, unknown>;
    if (severity !== undefined || plan !== undefined || restart !== undefined) return null;
    let expected = id === undefined ? 2 : 3;
    if (id !== undefined && !(typeof id === 'string' && id.length > 0 && id.length <= 200)) return null;
    switch (type) {
      case 'agent-reply':
        if (isPublic !== undefined && typeof isPublic !== 'boolean') return null;
        if (isPublic !== undefined) expected++;
        break;
      case 'status':
        if (typeof status !== 'string' || !statuses.has(status)) return null;
        expected++;
        break;
      case 'customer-reply':
      case 'workaround':
      case 'reopened':
        break;
      default:
        return null;
    }
    let count = 0;
    for (const key in event) {
      if (!Object.prototype.hasOwnProperty.call(event, key)) return null;
      count++;
    }
    if (count !== expected) return null;
    const ms = typeof at === 'number' || typeof at === 'string' ? toEpochMs(at) : NaN;
    if (!(ms >= openedAt)) return null;
    if (type === 'status') return (id === undefined ? { at: ms, type, status } : { at: ms, type, id, status }) as StoredEvent;
    if (isPublic !== undefined) return (id === undefined ? { at: ms, type, public: isPublic } : { at: ms, type, id, public: isPublic }) as StoredEvent;
    return (id === undefined ? { at: ms, type } : { at: ms, type, id }) as StoredEvent;
  } catch {
    return null;
  }
}

function pathOf(path: IssuePath, index: number | null, rest: readonly (string | number)[]): IssuePath {
  return index === null ? [...path, ...rest] : [...path, index, ...rest];
}

// Each known field read once, directly (this runs for every event); the keys are enumerated
// only when their count says there is one not read. A getter that throws is bad input.
function readFields(event: Record<string, unknown>, at: (...rest: string[]) => IssuePath): Partial<Record<(typeof ALL_KEYS)[number], unknown>> {
  try {
    const fields = { at: event.at, type: event.type, id: event.id, public: event.public, status: event.status, severity: event.severity, plan: event.plan, restart: event.restart };
    let given = 0;
    for (const key of ALL_KEYS) if (fields[key] !== undefined) given++;
    let count = 0;
    for (const key in event) if (Object.prototype.hasOwnProperty.call(event, key)) count++;
    if (count !== given) {
      for (const key of Object.keys(event)) {
        if (!(ALL_KEYS as readonly string[]).includes(key)) throw new SlaclockError('invalid_input', messages.unknownKey(key, ALL_KEYS), at());
      }
    }
    return fields;
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    throw new SlaclockError('invalid_input', 'Expected an event that can be read, got one that throws when read', at());
  }
}

/** `error` (a SlaclockError) at `path` instead of its own. */
export function relocate(error: unknown, path: IssuePath): unknown {
  if (!(error instanceof SlaclockError)) return error;
  return new SlaclockError(error.code, (error.issues[0] as { message: string }).message, path);
}

function checkField(key: string, value: unknown, statuses: ReadonlySet<string>, at: (...rest: string[]) => IssuePath): unknown {
  switch (key) {
    case 'id':
    case 'plan':
      if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
      throw new SlaclockError('invalid_input', messages.expected('a non-empty string of at most 200 characters', value), at(key));
    case 'severity':
      if (Number.isInteger(value)) return value;
      throw new SlaclockError('invalid_input', messages.expected('a severity level (a whole number)', value), at(key));
    case 'status':
      if (typeof value === 'string' && statuses.has(value)) return value;
      throw new SlaclockError('invalid_input', messages.oneOf([...statuses], value), at(key));
    default:
      if (typeof value === 'boolean') return value;
      throw new SlaclockError('invalid_input', messages.expected('true or false', value), at(key));
  }
}

/**
 * Whether `event` is already among `known` (in time order; `ids` holds their ids): the same
 * helpdesk id, or, without ids, the same instant, type and fields. Compares only the events at
 * its instant, so a ticket's events are checked in linear time.
 */
function isKnown(known: readonly StoredEvent[], ids: Set<string>, event: StoredEvent): boolean {
  if (event.id !== undefined) {
    if (ids.has(event.id)) return true;
    ids.add(event.id);
    return false;
  }
  for (let k = known.length - 1; k >= 0 && (known[k] as StoredEvent).at === event.at; k--) if (sameFields(known[k] as StoredEvent, event)) return true;
  return false;
}

function sameFields(a: StoredEvent, b: StoredEvent): boolean {
  return a.id === undefined && a.type === b.type && a.status === b.status && a.severity === b.severity && a.plan === b.plan && a.restart === b.restart && a.public === b.public;
}

/**
 * `known` with `event` in time order: after every event at or before its instant (so equal
 * instants keep their order of arrival), and where; `null` when it is already known.
 */
export function insertEvent(known: readonly StoredEvent[], event: StoredEvent): { readonly events: StoredEvent[]; readonly position: number } | null {
  const ids = new Set(known.flatMap((other) => (other.id === undefined ? [] : [other.id])));
  let position = known.length;
  while (position > 0 && (known[position - 1] as StoredEvent).at > event.at) position--;
  if (isKnown(known.slice(0, position), ids, event)) return null;
  return { events: [...known.slice(0, position), event, ...known.slice(position)], position };
}
