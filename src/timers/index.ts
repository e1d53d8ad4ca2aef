// slaclock/timers: ticket SLA timers. A ticket's events folded into the state of every metric
// its policy commits to (running, paused, met, breached), as a pure function of the events and `now`.
export { trackTicket, trackTickets, startTicket, applyEvent, slaAt } from './track.js';
export { explainMetric, type MetricExplanation, type CycleExplanation, type MetricSegment } from './explain.js';
export {
  TICKET_STATE_FORMAT,
  type Ticket,
  type TicketEvent,
  type TicketStatus,
  type TicketState,
  type TicketSla,
  type TicketNote,
  type MetricStatus,
  type CycleStatus,
  type CycleOutcome,
  type TimerOptions,
  type TrackOptions,
} from './types.js';
