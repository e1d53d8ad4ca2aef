import type { Zone } from '../zone/zone.js';
import { isFinished } from './events.js';
import { TIMING, type Trigger } from './rules.js';
import type { CycleLog, Ledger, StoredEvent } from './types.js';

/** What the fold needs beyond the events: the options, and the zone a reopen window counts local dates in. */
export interface FoldContext {
  readonly onChange: 'keep' | 'restart';
  readonly reopenWindowDays: number | null;
  readonly zone: Zone;
}

/** The ledger of a ticket opened at `openedAt` on `plan` at `severity`, before any event. */
export function openLedger(openedAt: number, plan: string, severity: number | null): Ledger {
  const ledger: Ledger = { openedAt, status: 'open', finishedAt: null, agentReplied: false, event: -1, statuses: [[openedAt, 'open']], terms: [[openedAt, plan, severity, openedAt, -1]], cycles: {}, notes: [] };
  for (const rule in TIMING) ledger.cycles[rule] = [];
  trigger(ledger, 'opened', openedAt);
  return ledger;
}

/** Folds one event (the latest so far, `index` in time order) into `ledger`, in place. */
export function foldEvent(ledger: Ledger, event: StoredEvent, index: number, context: FoldContext): void {
  const at = event.at;
  ledger.event = index;
  switch (event.type) {
    case 'agent-reply':
      if (event.public === false || isFinished(ledger.status)) return;
      ledger.agentReplied = true;
      trigger(ledger, 'agent-reply', at);
      return;
    case 'customer-reply':
      if (!isFinished(ledger.status)) trigger(ledger, 'customer-reply', at);
      return;
    case 'workaround':
      if (!isFinished(ledger.status)) trigger(ledger, 'workaround', at);
      return;
    case 'status':
      setStatus(ledger, event.status as string, at, index, context);
      return;
    case 'reopened':
      if (isFinished(ledger.status)) reopen(ledger, 'open', at, index, context);
      else ledger.notes.push({ code: 'not_resolved', event: index, message: `The ticket was ${ledger.status}, not resolved or closed: reopening it changes nothing` });
      return;
    default: {
      const [, plan, severity, openedAt] = ledger.terms[ledger.terms.length - 1] as Ledger['terms'][number];
      ledger.terms.push(event.type === 'plan-change' ? [at, event.plan as string, severity, openedAt, index] : [at, plan, event.severity as number, openedAt, index]);
      if (event.restart ?? context.onChange === 'restart') restartRunning(ledger, at);
    }
  }
}

function setStatus(ledger: Ledger, status: string, at: number, index: number, context: FoldContext): void {
  if (status === ledger.status) return;
  const wasFinished = isFinished(ledger.status);
  if (wasFinished && !isFinished(status)) {
    reopen(ledger, status, at, index, context);
    return;
  }
  ledger.statuses.push([at, status]);
  ledger.status = status;
  if (!wasFinished && isFinished(status)) {
    ledger.finishedAt = at;
    trigger(ledger, 'finished', at);
  }
}

function reopen(ledger: Ledger, status: string, at: number, index: number, context: FoldContext): void {
  const finishedAt = ledger.finishedAt as number;
  const days = context.reopenWindowDays;
  if (days !== null && context.zone.localDayOf(at) > context.zone.localDayOf(finishedAt) + days) {
    startNewTicket(ledger, status, at);
    ledger.notes.push({ code: 'reopened_as_new', event: index, message: `Reopened more than ${days} days after the local date it was resolved or closed: tracked as a new ticket opened at the reopening` });
    return;
  }
  ledger.statuses.push([at, status]);
  ledger.status = status;
  ledger.finishedAt = null;
  for (const rule in TIMING) {
    const cycles = ledger.cycles[rule] as CycleLog[];
    const last = cycles[cycles.length - 1];
    const onReopen = (TIMING[rule] as (typeof TIMING)[string]).onReopen;
    if (onReopen === 'resume' && last !== undefined && last.end === 'stopped' && last.stop === finishedAt) {
      last.gaps.push(finishedAt, at);
      last.stop = null;
      last.stopEvent = null;
      last.end = null;
    } else if (onReopen === 'new-cycle' && ledger.agentReplied) {
      cycles.push(newCycle(ledger, at));
    }
  }
}

// After the reopen window the ticket starts over: every running cycle ends, the opening metrics start again.
function startNewTicket(ledger: Ledger, status: string, at: number): void {
  for (const rule in ledger.cycles) {
    const last = (ledger.cycles[rule] as CycleLog[]).at(-1);
    if (last !== undefined && last.stop === null) endCycle(ledger, last, at, 'reset');
  }
  const [, plan, severity] = ledger.terms[ledger.terms.length - 1] as Ledger['terms'][number];
  ledger.terms.push([at, plan, severity, at, ledger.event]);
  ledger.openedAt = at;
  ledger.agentReplied = false;
  ledger.finishedAt = null;
  ledger.statuses.push([at, status]);
  ledger.status = status;
  trigger(ledger, 'opened', at);
}

function restartRunning(ledger: Ledger, at: number): void {
  for (const rule in ledger.cycles) {
    const cycles = ledger.cycles[rule] as CycleLog[];
    const last = cycles[cycles.length - 1];
    if (last === undefined || last.stop !== null || last.start === at) continue;
    endCycle(ledger, last, at, 'restarted');
    cycles.push(newCycle(ledger, at));
  }
}

const RULES = Object.entries(TIMING);

// Each rule's stops first, then its starts: the agent reply that ends an update interval begins the next.
function trigger(ledger: Ledger, what: Trigger, at: number): void {
  for (const [rule, timing] of RULES) {
    const cycles = ledger.cycles[rule] as CycleLog[];
    const last = cycles[cycles.length - 1];
    const running = last !== undefined && last.stop === null;
    if (running && timing.stops.includes(what)) endCycle(ledger, last, at, 'stopped');
    else if (running) continue;
    if (timing.starts.includes(what) && (!timing.afterAgentReply || ledger.agentReplied)) cycles.push(newCycle(ledger, at));
  }
}

function newCycle(ledger: Ledger, at: number): CycleLog {
  return { start: at, startEvent: ledger.event, stop: null, stopEvent: null, end: null, gaps: [] };
}

function endCycle(ledger: Ledger, cycle: CycleLog, at: number, end: NonNullable<CycleLog['end']>): void {
  cycle.stop = at;
  cycle.stopEvent = ledger.event;
  cycle.end = end;
}
