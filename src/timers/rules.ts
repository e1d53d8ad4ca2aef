import type { MetricDefinition } from '../policy/metrics.js';

/** What starts or stops a cycle. */
export type Trigger = 'opened' | 'agent-reply' | 'customer-reply' | 'workaround' | 'finished';

/** When a metric's cycles start and stop: a new timing is an entry here, never another branch in the fold. */
export interface TimingRule {
  readonly starts: readonly Trigger[];
  readonly stops: readonly Trigger[];
  /** A start needs an agent to have replied before (a next response follows an agent reply). */
  readonly afterAgentReply: boolean;
  /** What a reopening within the window does: resume the last cycle (the time between does not count), start a new one, or nothing. */
  readonly onReopen: 'resume' | 'new-cycle' | 'none';
}

/**
 * The timing of each built-in metric. A metric a version declares takes the resolution's
 * timing (opening to resolution), or the update's when it recurs.
 */
export const TIMING: Readonly<Record<string, TimingRule>> = Object.freeze({
  // Opening to the first public agent reply; a ticket resolved before any reply stops it too.
  firstResponse: { starts: ['opened'], stops: ['agent-reply', 'finished'], afterAgentReply: false, onReopen: 'none' },
  // Zendesk's next reply time: a customer reply after an agent reply starts it, the next agent reply stops it.
  nextResponse: { starts: ['customer-reply'], stops: ['agent-reply', 'finished'], afterAgentReply: true, onReopen: 'none' },
  // Every agent public reply stops the running interval and starts the next.
  update: { starts: ['agent-reply'], stops: ['agent-reply', 'finished'], afterAgentReply: true, onReopen: 'new-cycle' },
  workaround: { starts: ['opened'], stops: ['workaround', 'finished'], afterAgentReply: false, onReopen: 'none' },
  resolution: { starts: ['opened'], stops: ['finished'], afterAgentReply: false, onReopen: 'resume' },
});

/** The timing rule id a metric runs by. */
export function timingOf(metric: MetricDefinition): string {
  if (Object.prototype.hasOwnProperty.call(TIMING, metric.id)) return metric.id;
  return metric.recurring ? 'update' : 'resolution';
}
