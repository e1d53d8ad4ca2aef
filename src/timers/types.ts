import type { Instant } from '../time/instant.js';
import type { Reason, SupportRequest } from '../policy/decision.js';

/** A ticket's status: the six every helpdesk has, or one a policy names in a metric's `pausedBy`. */
export type TicketStatus = 'open' | 'waiting-on-customer' | 'waiting-on-third-party' | 'on-hold' | 'resolved' | 'closed' | (string & {});

/** What every event carries. */
interface EventBase {
  /** When it happened. Events are taken in time order; equal instants keep their given order. */
  readonly at: Instant;
  /** The helpdesk's own id: two events with the same id are the same event (applied once). Without one, identical events are. */
  readonly id?: string | undefined;
}

/**
 * One thing that happened to a ticket.
 *
 * - `agent-reply`: a public reply by an agent (`public: false`, an internal note, changes no metric);
 * - `customer-reply`: a reply by the customer;
 * - `status`: the ticket enters `status` (a non-final status on a resolved or closed ticket reopens it);
 * - `severity-change`, `plan-change`: the terms change; `restart: true` starts the running cycles again at the change;
 * - `workaround`: an agent gives a workaround (stops the workaround metric);
 * - `reopened`: a resolved or closed ticket is reopened (into `open`).
 */
export type TicketEvent =
  | (EventBase & { readonly type: 'agent-reply'; readonly public?: boolean | undefined })
  | (EventBase & { readonly type: 'customer-reply' })
  | (EventBase & { readonly type: 'status'; readonly status: TicketStatus })
  | (EventBase & { readonly type: 'severity-change'; readonly severity: number; readonly restart?: boolean | undefined })
  | (EventBase & { readonly type: 'plan-change'; readonly plan: string; readonly restart?: boolean | undefined })
  | (EventBase & { readonly type: 'workaround' })
  | (EventBase & { readonly type: 'reopened' });

/** A ticket: the support request `evaluate` takes (`at` is when it was opened) and what happened since. */
export interface Ticket extends SupportRequest {
  /** @default [] */
  readonly events?: readonly TicketEvent[] | undefined;
}

/**
 * Options of the ticket timers.
 *
 * @example
 * ```ts
 * const options: TimerOptions = { warnings: [80], onChange: 'restart', reopenWindowDays: 14 };
 * ```
 */
export interface TimerOptions {
  /** Shares of a goal, in percent, at which `warningsAt` names an instant. @default [50, 75, 90] */
  readonly warnings?: readonly number[] | undefined;
  /** What a severity or plan change does to running cycles: keep their start and elapsed time, or start them again. @default 'keep' */
  readonly onChange?: 'keep' | 'restart' | undefined;
  /**
   * Days after the local date a ticket was resolved or closed within which reopening resumes it;
   * later, the reopened ticket is a new ticket. `null`: always resumes.
   * @default the policy version's `tickets.reopenWindow.days`, else null
   */
  readonly reopenWindowDays?: number | null | undefined;
}

/** Options of {@link trackTicket}: the timer options and the instant to report at. */
export interface TrackOptions extends TimerOptions {
  /** The instant the status is reported at (never read from the clock). No event may be later. */
  readonly now: Instant;
}

/** How a cycle stands: `running`, `paused` (a status stops its clock), `met`, `breached`, or `cancelled` (its metric lost its target, or a change restarted it). */
export type CycleOutcome = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** One cycle of a metric: the first response, each next response, each update interval, a resolution. */
export interface CycleStatus {
  readonly outcome: CycleOutcome;
  readonly startedAt: string;
  readonly startedAtMs: number;
  /** When the cycle stopped (a reply, a resolution, a restart); `null` while it runs. */
  readonly stoppedAt: string | null;
  readonly stoppedAtMs: number | null;
  /** The goal in business milliseconds (for a business-days target: the open time from the start to its deadline). */
  readonly goalMs: number;
  /** When the goal is used up; while paused, where it falls if the clock resumes at `now`. */
  readonly deadline: string;
  readonly deadlineMs: number;
  /** The instant the goal was used up, if it was before the cycle stopped (`deadline` then). */
  readonly breachedAt: string | null;
  readonly breachedAtMs: number | null;
  /** Counted business time, pauses excluded, up to the stop or `now`. */
  readonly elapsedMs: number;
  /** Business time that passed while paused. */
  readonly pausedMs: number;
  /** `goalMs - elapsedMs`: zero or negative once breached. */
  readonly remainingMs: number;
}

/** A metric's status at `now`: its latest cycle's figures, with every cycle in `cycles`. */
export interface MetricStatus {
  readonly metric: string;
  readonly name: string;
  /** `'none'`: no committed target, or not started (no next response before a customer reply). */
  readonly state: 'running' | 'paused' | 'met' | 'breached' | 'none';
  /** The target in words, e.g. `'4 hours'`; `null` when none. */
  readonly target: string | null;
  readonly clock: string | null;
  /** The zone the instants are shown in. */
  readonly timezone: string | null;
  readonly startedAt: string | null;
  readonly startedAtMs: number | null;
  readonly stoppedAt: string | null;
  readonly stoppedAtMs: number | null;
  readonly goalMs: number | null;
  readonly deadline: string | null;
  readonly deadlineMs: number | null;
  readonly breachedAt: string | null;
  readonly breachedAtMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number | null;
  /** The instants the latest cycle uses up each warning share of its goal (projected while it runs). */
  readonly warningsAt: readonly { readonly percent: number; readonly at: string; readonly atMs: number }[];
  readonly cycles: readonly CycleStatus[];
}

/** Something the timers did that the events alone do not show. */
export interface TicketNote {
  /** `'reopened_as_new'`: reopened after the window, tracked as a new ticket; `'not_resolved'`: a `reopened` event on a ticket that was not resolved or closed (no effect). */
  readonly code: 'reopened_as_new' | 'not_resolved';
  /** Index of the event in time order. */
  readonly event: number;
  readonly message: string;
}

/** Every metric of a ticket at `now`. Plain, serialisable data. */
export interface TicketSla {
  readonly policy: string;
  readonly version: string;
  readonly plan: string;
  readonly severity: number;
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
  /** When the ticket (as tracked: a reopened-as-new ticket's reopening) was opened. */
  readonly openedAt: string;
  readonly openedAtMs: number;
  readonly status: TicketStatus;
  readonly now: string;
  readonly nowMs: number;
  readonly metrics: Readonly<Record<string, MetricStatus>>;
  /** The earliest instant after `now` at which a metric changes state or crosses a warning, if no event comes first; `null` when none will. */
  readonly nextCheckAt: string | null;
  readonly nextCheckAtMs: number | null;
  readonly notes: readonly TicketNote[];
}

/**
 * The version of {@link TicketState}'s format: a state of another format is refused, never misread.
 *
 * @example
 * ```ts
 * import { TICKET_STATE_FORMAT } from 'slaclock/timers';
 * if (row.state.format !== TICKET_STATE_FORMAT) migrate(row); // 'slaclock.ticket/1'
 * ```
 */
export const TICKET_STATE_FORMAT = 'slaclock.ticket/1';

/** A ticket's tracking state: plain JSON (a database row, a queue message): the request, the options and the events so far. */
export interface TicketState {
  readonly format: typeof TICKET_STATE_FORMAT;
  /** The request, as JSON (instants as epoch ms, a compiled calendar as its spec). */
  readonly request: Readonly<Record<string, unknown>>;
  readonly options: { readonly warnings: readonly number[]; readonly onChange: 'keep' | 'restart'; readonly reopenWindowDays: number | null };
  /** Every event applied, in time order (equal instants in order of arrival), each once, `at` as an ISO-8601 UTC string. */
  readonly events: readonly TicketEvent[];
}

/** @internal An event as the fold takes it: checked, `at` in epoch ms, only its own fields. */
export interface StoredEvent {
  readonly at: number;
  readonly type: TicketEvent['type'];
  readonly id?: string;
  readonly public?: boolean;
  readonly status?: string;
  readonly severity?: number;
  readonly plan?: string;
  readonly restart?: boolean;
}

/** @internal One cycle as folded: instants in epoch ms; `gaps` are flat `[from, to, ...]` ranges it was stopped and then resumed. */
export interface CycleLog {
  start: number;
  /** Index (in time order) of the event that started it; -1 for the opening. Orders it among events at one instant. */
  startEvent: number;
  stop: number | null;
  stopEvent: number | null;
  /** Why it stopped: the metric's stop event, a restart at a change, or a reopening as a new ticket. */
  end: 'stopped' | 'restarted' | 'reset' | null;
  gaps: number[];
}

/** @internal The fold's record of a ticket: what the status at any `now` is computed from. */
export interface Ledger {
  openedAt: number;
  status: string;
  /** When the ticket was resolved or closed; `null` while it is not. */
  finishedAt: number | null;
  agentReplied: boolean;
  /** Index of the event being folded (-1 before any). */
  event: number;
  /** `[at, status]` in time order, from the opening. */
  statuses: [number, string][];
  /** `[at, plan, severity (null: the policy's default), openedAt, event index]` in time order. */
  terms: [number, string, number | null, number, number][];
  /** Cycles by timing rule. */
  cycles: Record<string, CycleLog[]>;
  notes: TicketNote[];
}
