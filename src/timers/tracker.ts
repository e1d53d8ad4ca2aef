import { Calendar, compileCalendar, timelineOf } from '../calendar/calendar.js';
import type { HolidayRegions } from '../calendar/holidays/provider.js';
import { SlaclockError, type IssuePath } from '../errors.js';
import { compilePolicy, type CompiledPolicy } from '../policy/compile.js';
import type { CompiledVersion } from '../policy/compileVersion.js';
import type { SupportRequest } from '../policy/decision.js';
import { resolveTerms, type ResolvedTerms } from '../policy/terms.js';
import type { PolicySpec } from '../policy/types.js';
import { isArray } from '../util/describe.js';
import { messages } from '../util/issues.js';
import type { Zone } from '../zone/zone.js';
import { relocate, STATUSES, type EventCheck } from './events.js';
import type { FoldContext } from './fold.js';
import type { TermsOf } from './status.js';
import type { Ledger, StoredEvent, TicketState, TimerOptions } from './types.js';

/** Everything one call needs to fold and report a ticket: the policy, the request, the options, and terms resolved once. */
export interface Tracker {
  readonly policy: CompiledPolicy;
  /** The request as the caller gave it (the ticket without its events). */
  readonly request: Readonly<Record<string, unknown>>;
  /** The request as JSON, for the state. */
  readonly toJson: () => Record<string, unknown>;
  readonly openedAt: number;
  readonly initial: ResolvedTerms;
  readonly options: TicketState['options'];
  readonly fold: FoldContext;
  readonly statuses: ReadonlySet<string>;
  readonly termsOf: TermsOf;
  readonly check: EventCheck;
}

/** A tracker for `request` (JSON or as the caller gave it, `calendar` compiled or not) under `policy`. */
export function makeTracker(policy: PolicySpec | CompiledPolicy, request: Record<string, unknown>, options: ReadOptions, path: IssuePath): Tracker {
  const compiled = compilePolicy(policy);
  // One compiled calendar for every resolution (the state keeps its spec).
  const live: Record<string, unknown> = request.calendar !== undefined && !Calendar.is(request.calendar) ? { ...request, calendar: compileAt(request.calendar, compiled.holidayRegions, [...path, 'calendar']) } : request;
  const cache = new Map<string, ResolvedTerms>();
  const byEntry = new Map<Ledger['terms'][number], ResolvedTerms>();
  const resolve = (plan: string, severity: number | null, at: number): ResolvedTerms => {
    const key = `${plan}\u0000${severity}\u0000${at}`;
    let terms = cache.get(key);
    if (terms === undefined) {
      const asked: Record<string, unknown> = { ...live, plan, at };
      if (severity === null) delete asked.severity;
      else asked.severity = severity;
      terms = withPath(path, () => resolveTerms(compiled, asked as unknown as SupportRequest));
      cache.set(key, terms);
    }
    return terms;
  };
  const initial = withPath(path, () => resolveTerms(compiled, live as unknown as SupportRequest));
  const openedAt = initial.at;
  const askedSeverity = typeof request.severity === 'number' ? request.severity : null;
  cache.set(`${String(request.plan)}\u0000${askedSeverity}\u0000${openedAt}`, initial);
  const version = compiled.versions.find((candidate) => candidate.spec.id === initial.version) ?? (compiled.versions[0] as CompiledVersion);
  const statuses = statusesOf(version);
  // Reopen windows count local dates in the customer's zone when known, else the policy's.
  const zone: Zone = live.calendar === undefined ? version.zone : timelineOf(live.calendar as Calendar).zone;
  const reopenWindowDays = options.reopenWindowDays === undefined ? (version.spec.tickets?.reopenWindow?.days ?? null) : options.reopenWindowDays;
  return {
    policy: compiled,
    request,
    toJson: () => toJson(request, path),
    openedAt,
    initial,
    options: { warnings: options.warnings, onChange: options.onChange, reopenWindowDays },
    fold: { onChange: options.onChange, reopenWindowDays, zone },
    statuses,
    termsOf: (entry: Ledger['terms'][number]) => {
      // The status looks each entry up many times: once by its key, then by the entry itself.
      let terms = byEntry.get(entry);
      if (terms === undefined) byEntry.set(entry, (terms = resolve(entry[1], entry[2], entry[3])));
      return terms;
    },
    check: (event: StoredEvent, at: (...rest: (string | number)[]) => IssuePath) => {
      try {
        if (event.type === 'severity-change') resolve(String(request.plan), event.severity as number, openedAt);
        else if (event.type === 'plan-change') resolve(event.plan as string, askedSeverity, openedAt);
      } catch (error) {
        throw relocate(error, at(event.type === 'plan-change' ? 'plan' : 'severity'));
      }
    },
  };
}

// The statuses a version's tickets may take: the six, and those its metrics' pausedBy name (computed once per version).
const statusCache = new WeakMap<CompiledVersion, ReadonlySet<string>>();
function statusesOf(version: CompiledVersion): ReadonlySet<string> {
  let statuses = statusCache.get(version);
  if (statuses === undefined) {
    const all = new Set(STATUSES);
    for (const definition of version.metrics.values()) for (const status of definition.pausedBy) all.add(status);
    statusCache.set(version, (statuses = all));
  }
  return statuses;
}

function compileAt(calendar: unknown, holidayRegions: HolidayRegions | undefined, path: IssuePath): Calendar {
  return withPath(path, () => compileCalendar(calendar, holidayRegions === undefined ? undefined : { holidayRegions }));
}

/** The request as plain JSON (instants as ISO strings, a compiled calendar as its spec). */
function toJson(request: Record<string, unknown>, path: IssuePath): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(request)) as Record<string, unknown>;
  } catch {
    throw new SlaclockError('invalid_input', 'Expected a ticket whose fields can be written as JSON (no cycles, no bigint, nothing that throws when read)', path);
  }
}

// Errors of the request are reported under the caller's path to the ticket.
function withPath<T>(path: IssuePath, run: () => T): T {
  if (path.length === 0) return run();
  try {
    return run();
  } catch (error) {
    if (!(error instanceof SlaclockError)) throw error;
    throw new SlaclockError(error.code, (error.issues[0] as { message: string }).message, [...path, ...error.path]);
  }
}

/** A ticket split into the request and its events, each field read once. */
export function splitTicket(ticket: unknown, path: IssuePath): { request: Record<string, unknown>; events: unknown } {
  if (ticket === null || typeof ticket !== 'object' || isArray(ticket)) {
    throw new SlaclockError('invalid_input', messages.expected('a ticket { plan, severity, at, events, ... }', ticket), path);
  }
  const request: Record<string, unknown> = {};
  let events: unknown;
  try {
    for (const key of Object.keys(ticket)) {
      const value = (ticket as Record<string, unknown>)[key];
      if (key === 'events') events = value;
      else if (value !== undefined) request[key] = value;
    }
  } catch {
    throw new SlaclockError('invalid_input', 'Expected a ticket that can be read, got one that throws when read', path);
  }
  return { request, events };
}

const DEFAULT_WARNINGS = [50, 75, 90];

/** The warning percentages, copied once (a getter or Proxy is read one time) and checked on the copy. */
function readWarnings(given: unknown, path: IssuePath): number[] {
  const expected = 'an array of at most 20 percentages above 0 and at most 100';
  if (!isArray(given) || given.length > 20) throw new SlaclockError('invalid_option', messages.expected(expected, given), path);
  let copy: unknown[];
  try {
    copy = Array.from(given as readonly unknown[]);
  } catch {
    throw new SlaclockError('invalid_option', 'Expected an array that can be read, got one that throws when read', path);
  }
  if (!copy.every((value) => typeof value === 'number' && value > 0 && value <= 100)) throw new SlaclockError('invalid_option', messages.expected(expected, copy), path);
  return copy as number[];
}

export type ReadOptions = Omit<TicketState['options'], 'reopenWindowDays'> & { readonly reopenWindowDays: number | null | undefined };

/** Timer options read and checked (`reopenWindowDays` undefined: the policy's). */
export function readTimerOptions(options: { readonly [key: string]: unknown }, path: IssuePath): ReadOptions {
  const warnings = readWarnings(options.warnings ?? DEFAULT_WARNINGS, [...path, 'warnings']);
  const onChange = options.onChange ?? 'keep';
  if (onChange !== 'keep' && onChange !== 'restart') throw new SlaclockError('invalid_option', messages.oneOf(['keep', 'restart'], onChange), [...path, 'onChange']);
  const days = options.reopenWindowDays;
  if (days !== undefined && days !== null && !(Number.isInteger(days) && (days as number) >= 0 && (days as number) <= 36_500)) {
    throw new SlaclockError('invalid_option', messages.expected('a whole number of days from 0 to 36500, or null', days), [...path, 'reopenWindowDays']);
  }
  return { warnings: warnings.sort((a, b) => a - b), onChange, reopenWindowDays: days as number | null | undefined };
}
