// Ticket timers: golden tickets on the built-in policies (every expected value worked out by hand
// in the comment beside it, from the seed text and the calendar), the semantics one by one, and
// bad input. The properties against the minute-by-minute reference are in timerProperties.test.ts.
import { describe, expect, it } from 'vitest';
import { getPolicy, SlaclockError, withContract, type PolicySpec } from '../src/index.js';
import { applyEvent, explainMetric, slaAt, startTicket, trackTicket, trackTickets, type Ticket, type TicketEvent } from '../src/timers/index.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const contract = { source: 'Customer contract', text: 'Schedule B: resolution within 16 business hours' };

/** JumpCloud with a contract that adds a resolution target (the catalog states first responses only). */
const jumpcloudWithResolution = withContract(getPolicy('jumpcloud'), {
  clause: contract,
  plans: { standard: { metrics: { resolution: { 1: { duration: 'PT16H', clause: contract } } } } },
});

/** Mon-Fri 09:00-17:00 New York, no holidays: the customer's hours for One Identity's customer clock. */
const newYork = {
  timezone: 'America/New_York',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
} as const;

describe('golden: JumpCloud Standard severity 1, opened the afternoon before Thanksgiving 2026, with a customer wait', () => {
  // "First Response Time SLA (Standard): Severity 1 4 hours" on JumpCloud business hours
  // ("Monday through Friday – 9am to 5pm Mountain Time (U.S.); U.S. Federal holidays excluded").
  // Opened Wed 2026-11-25 15:00 MST. The case waits on the customer from Wed 16:00 until the
  // customer replies Fri 09:30; the agent's first public reply is Fri 10:30.
  const ticket: Ticket = {
    plan: 'standard',
    severity: 1,
    at: '2026-11-25T15:00-07:00',
    events: [
      { at: '2026-11-25T16:00-07:00', type: 'status', status: 'waiting-on-customer' },
      { at: '2026-11-27T09:30-07:00', type: 'customer-reply' },
      { at: '2026-11-27T09:30-07:00', type: 'status', status: 'open' },
      { at: '2026-11-27T10:30-07:00', type: 'agent-reply' },
    ],
  };

  it('first response: not paused by the wait, met at Fri 10:30 against Fri 11:00', () => {
    const first = trackTicket(jumpcloudWithResolution, ticket, { now: '2026-11-27T12:00-07:00' }).metrics.firstResponse!;
    // 4 h: Wed 15:00-17:00 (2 h), Thanksgiving Thu 26 Nov closed, Fri 09:00-11:00 (2 h).
    expect(first.deadline).toBe('2026-11-27T11:00:00.000-07:00');
    expect(first.state).toBe('met');
    expect(first.stoppedAt).toBe('2026-11-27T10:30:00.000-07:00');
    // Counted: Wed 15:00-17:00 and Fri 09:00-10:30 = 3.5 h, the wait included (JSM's default).
    expect(first.elapsedMs).toBe(3.5 * HOUR);
    expect(first.pausedMs).toBe(0);
    expect(first.remainingMs).toBe(0.5 * HOUR);
    // 50% (2 h) used at Wed 17:00, 75% (3 h) at Fri 10:00; 90% (3 h 36 min) would be Fri 10:36, after the reply.
    expect(first.warningsAt.map((warning) => [warning.percent, warning.at])).toEqual([
      [50, '2026-11-25T17:00:00.000-07:00'],
      [75, '2026-11-27T10:00:00.000-07:00'],
    ]);
  });

  it('resolution (16 business hours by contract): paused while waiting, running at Fri noon, due Mon 16:30', () => {
    const sla = trackTicket(jumpcloudWithResolution, ticket, { now: '2026-11-27T12:00-07:00' });
    const resolution = sla.metrics.resolution!;
    expect(resolution.state).toBe('running');
    // Counted: Wed 15:00-16:00 (1 h), Fri 09:30-12:00 (2.5 h) = 3.5 h. Paused open time: Wed 16:00-17:00 and
    // Fri 09:00-09:30 = 1.5 h (Thursday is closed, so the wait costs nothing there).
    expect(resolution.elapsedMs).toBe(3.5 * HOUR);
    expect(resolution.pausedMs).toBe(1.5 * HOUR);
    expect(resolution.remainingMs).toBe(12.5 * HOUR);
    // By Fri 17:00: 1 + 7.5 = 8.5 h; Mon 30 Nov 09:00 + 7.5 h = 16:30.
    expect(resolution.deadline).toBe('2026-11-30T16:30:00.000-07:00');
    // Next change: the resolution's 50% (8 h) at Fri 09:30 + 7 h = 16:30 (the first response has stopped).
    expect(sla.nextCheckAt).toBe('2026-11-27T16:30:00.000-07:00');
  });

  it('explains the resolution: Thanksgiving by name, the wait by status', () => {
    const why = explainMetric(jumpcloudWithResolution, ticket, 'resolution', { now: '2026-11-27T12:00-07:00' });
    const segments = why.cycles[0]!.stretches[0]!.explanation.segments;
    expect(segments.find((segment) => segment.reason === 'holiday')?.name).toBe('Thanksgiving Day');
    const paused = segments.filter((segment) => segment.kind === 'paused');
    expect(paused.map((segment) => [segment.start, segment.end, segment.status])).toEqual([
      ['2026-11-25T16:00:00.000-07:00', '2026-11-25T17:00:00.000-07:00', 'waiting-on-customer'],
      ['2026-11-27T09:00:00.000-07:00', '2026-11-27T09:30:00.000-07:00', 'waiting-on-customer'],
    ]);
    expect(why.cycles[0]!.elapsedMs).toBe(3.5 * HOUR);
  });
});

describe('golden: One Identity 24x7 severity 1 downgraded to 2 over a weekend', () => {
  // "24x7 Support for severity level 1 issues only": severity 1 runs round the clock, "Within 1 hour";
  // severity 2 runs on the customer's local business hours, "Within 2 hours". Customer in New York,
  // Mon-Fri 09:00-17:00. Opened by phone Sat 2026-11-28 10:00 EST.
  const opened = { plan: '24x7', severity: 1, channel: 'phone', at: '2026-11-28T10:00-05:00', calendar: newYork };

  it('keeps the start and the half hour used, takes the new goal: due Mon 10:30, met at 10:15', () => {
    const events: TicketEvent[] = [
      { at: '2026-11-28T10:30-05:00', type: 'severity-change', severity: 2 },
      { at: '2026-11-30T10:15-05:00', type: 'agent-reply' },
    ];
    const first = trackTicket(getPolicy('one-identity'), { ...opened, events }, { now: '2026-11-30T12:00-05:00' }).metrics.firstResponse!;
    // 30 min round the clock (Sat 10:00-10:30), then 2 h - 30 min = 1.5 h of customer hours: Mon 09:00-10:30.
    expect(first.deadline).toBe('2026-11-30T10:30:00.000-05:00');
    expect(first.target).toBe('2 hours');
    expect(first.clock).toBe('customer');
    expect(first.state).toBe('met');
    // 30 min + Mon 09:00-10:15 = 1 h 45 min.
    expect(first.elapsedMs).toBe(105 * MINUTE);
    expect(first.cycles).toHaveLength(1);
  });

  it('with restart, a new cycle starts at the change: due Mon 11:00; the first is cancelled', () => {
    const events: TicketEvent[] = [
      { at: '2026-11-28T10:30-05:00', type: 'severity-change', severity: 2, restart: true },
      { at: '2026-11-30T10:15-05:00', type: 'agent-reply' },
    ];
    const first = trackTicket(getPolicy('one-identity'), { ...opened, events }, { now: '2026-11-30T12:00-05:00' }).metrics.firstResponse!;
    expect(first.cycles.map((cycle) => cycle.outcome)).toEqual(['cancelled', 'met']);
    // Sat 10:30 is closed on the customer's hours: 2 h from Mon 09:00 = 11:00; the reply at 10:15 used 1 h 15 min.
    expect(first.deadline).toBe('2026-11-30T11:00:00.000-05:00');
    expect(first.elapsedMs).toBe(75 * MINUTE);
  });

  it('a downgrade after the hour un-breaches nothing: breached at Sat 11:00 for good', () => {
    const events: TicketEvent[] = [{ at: '2026-11-28T11:30-05:00', type: 'severity-change', severity: 2 }];
    const first = trackTicket(getPolicy('one-identity'), { ...opened, events }, { now: '2026-11-30T09:00-05:00' }).metrics.firstResponse!;
    // One elapsed hour from Sat 10:00; the downgrade at 11:30 comes after it.
    expect(first.state).toBe('breached');
    expect(first.breachedAt).toBe('2026-11-28T11:00:00.000-05:00');
    expect(first.goalMs).toBe(HOUR);
  });
});

describe('golden: One Identity reopen window (tickets.reopenWindow, 30 days)', () => {
  // "You can now re-open Cases that have been closed within 30 days of the close date. If you attempt to
  // re-open a closed case after 30 days, a new case will be created with a link to the original case."
  // Standard severity 3 ("Within 4 hours", customer hours, New York). Opened Mon 2026-11-02 09:00 EST,
  // answered 10:00, resolved 15:00.
  const base = {
    plan: 'standard',
    severity: 3,
    at: '2026-11-02T09:00-05:00',
    calendar: newYork,
  };
  const life: TicketEvent[] = [
    { at: '2026-11-02T10:00-05:00', type: 'agent-reply' },
    { at: '2026-11-02T15:00-05:00', type: 'status', status: 'resolved' },
  ];

  it('reopened on the 30th day (Wed 2 Dec) it resumes: nothing starts again', () => {
    const sla = trackTicket(getPolicy('one-identity'), { ...base, events: [...life, { at: '2026-12-02T23:30-05:00', type: 'reopened' }] }, { now: '2026-12-03T09:00-05:00' });
    expect(sla.notes).toEqual([]);
    expect(sla.metrics.firstResponse!.state).toBe('met');
    expect(sla.openedAt).toBe('2026-11-02T09:00:00.000-05:00');
  });

  it('reopened on the 31st day (Thu 3 Dec) it is a new ticket: the first response runs again', () => {
    const sla = trackTicket(getPolicy('one-identity'), { ...base, events: [...life, { at: '2026-12-03T08:00-05:00', type: 'reopened' }] }, { now: '2026-12-03T10:00-05:00' });
    expect(sla.notes.map((note) => note.code)).toEqual(['reopened_as_new']);
    expect(sla.openedAt).toBe('2026-12-03T08:00:00.000-05:00');
    const first = sla.metrics.firstResponse!;
    expect(first.cycles.map((cycle) => cycle.outcome)).toEqual(['met', 'running']);
    // 4 h of customer hours from Thu 08:00 (closed until 09:00): 13:00; at 10:00, 1 h used.
    expect(first.deadline).toBe('2026-12-03T13:00:00.000-05:00');
    expect(first.elapsedMs).toBe(HOUR);
  });
});

/** A small round-the-clock policy (UTC) with every metric, for the semantics one at a time. */
const desk: PolicySpec = {
  id: 'desk',
  vendor: 'Test',
  name: 'Desk',
  versions: [
    {
      id: 'v1',
      source: 'test',
      timezone: 'UTC',
      severities: [
        { level: 1, name: 'Urgent', definition: 'urgent' },
        { level: 2, name: 'Normal', definition: 'normal' },
      ],
      plans: [
        {
          id: 'standard',
          name: 'Standard',
          tier: 1,
          channels: ['email'],
          coverage: { default: 'round-the-clock' },
          targets: { 1: { duration: 'PT1H', clause: contract }, 2: { duration: 'PT4H', clause: contract } },
          metrics: {
            nextResponse: { 1: { duration: 'PT2H', clause: contract }, 2: { duration: 'PT8H', clause: contract } },
            update: { 1: { duration: 'PT4H', clause: contract }, 2: { duration: 'PT24H', clause: contract } },
            resolution: { 1: { duration: 'PT24H', clause: contract }, 2: { duration: 'PT72H', clause: contract } },
          },
          clause: contract,
        },
      ],
    },
  ],
};

describe('semantics, one at a time (round the clock, UTC)', () => {
  // Opened 00:00; agent reply 01:00; customer reply 02:00; waiting on the customer 03:00-05:00 (the
  // customer replies at 05:00); agent reply 05:30. Reported at 10:00.
  const day = (time: string) => `2026-12-01T${time}Z`;
  const ticket: Ticket = {
    plan: 'standard',
    severity: 1,
    at: day('00:00'),
    events: [
      { at: day('01:00'), type: 'agent-reply' },
      { at: day('02:00'), type: 'customer-reply' },
      { at: day('03:00'), type: 'status', status: 'waiting-on-customer' },
      { at: day('05:00'), type: 'customer-reply' },
      { at: day('05:00'), type: 'status', status: 'open' },
      { at: day('05:30'), type: 'agent-reply' },
    ],
  };
  const sla = trackTicket(desk, ticket, { now: day('10:00') });

  it('next response: the customer reply after an agent reply starts it, waiting does not pause it', () => {
    // 02:00 + 2 h = 04:00; the agent answers at 05:30: breached at 04:00, 3.5 h used.
    const next = sla.metrics.nextResponse!;
    expect(next.cycles.map((cycle) => [cycle.startedAt, cycle.stoppedAt, cycle.outcome, cycle.breachedAt])).toEqual([
      ['2026-12-01T02:00:00.000+00:00', '2026-12-01T05:30:00.000+00:00', 'breached', '2026-12-01T04:00:00.000+00:00'],
    ]);
    expect(next.elapsedMs).toBe(3.5 * HOUR);
  });

  it('update: each agent reply starts the next interval; waiting on the customer pauses it', () => {
    // Interval 1 from 01:00: 01:00-03:00 counted, 03:00-05:00 paused, 05:00-05:30 counted: 2.5 h, met.
    // Interval 2 from 05:30: 4 h at 09:30, breached; at 10:00, 4.5 h used.
    const update = sla.metrics.update!;
    expect(update.cycles.map((cycle) => [cycle.outcome, cycle.elapsedMs, cycle.pausedMs])).toEqual([
      ['met', 2.5 * HOUR, 2 * HOUR],
      ['breached', 4.5 * HOUR, 0],
    ]);
    expect(update.breachedAt).toBe('2026-12-01T09:30:00.000+00:00');
    expect(update.remainingMs).toBe(-0.5 * HOUR);
  });

  it('resolution: paused while waiting; the next check is its 50% at 14:00', () => {
    // 10 h minus the 2 h wait = 8 h used; 24 h are used at 26:00 = 02:00 the next day.
    const resolution = sla.metrics.resolution!;
    expect(resolution.elapsedMs).toBe(8 * HOUR);
    expect(resolution.deadline).toBe('2026-12-02T02:00:00.000+00:00');
    // The first response is met (01:00), the next response and the update are breached: only the
    // resolution can change, at 12 h used = 14:00.
    expect(sla.nextCheckAt).toBe('2026-12-01T14:00:00.000+00:00');
  });

  it('a workaround metric the policy does not state is absent; one it does not commit to is none', () => {
    expect(Object.keys(sla.metrics)).toEqual(['firstResponse', 'nextResponse', 'update', 'resolution']);
  });

  it('a paused metric reports paused, and no next check of its own', () => {
    const waiting = trackTicket(desk, { ...ticket, events: ticket.events!.slice(0, 3) }, { now: day('04:00') });
    expect(waiting.metrics.resolution!.state).toBe('paused');
    // Paused from 03:00 with 3 h used: were the clock to resume at 04:00, 24 h would be used at 01:00 the next day.
    expect(waiting.metrics.resolution!.deadline).toBe('2026-12-02T01:00:00.000+00:00');
    // The next response (02:00 + 2 h) breaches at 04:00 = now; nothing else is running unpaused: no next check.
    expect(waiting.metrics.nextResponse!.state).toBe('breached');
    expect(waiting.nextCheckAt).toBeNull();
  });

  it('resolving stops every metric; reopening resumes the resolution, the time between not counted', () => {
    const resolved = [...ticket.events!, { at: day('06:00'), type: 'status', status: 'resolved' } as const, { at: day('08:00'), type: 'reopened' } as const];
    const resolution = trackTicket(desk, { ...ticket, events: resolved }, { now: day('10:00') }).metrics.resolution!;
    // 00:00-03:00 and 05:00-06:00 and 08:00-10:00 = 6 h; paused: the wait 2 h and the resolved 2 h.
    expect(resolution.cycles).toHaveLength(1);
    expect(resolution.elapsedMs).toBe(6 * HOUR);
    expect(resolution.pausedMs).toBe(4 * HOUR);
    expect(resolution.state).toBe('running');
  });

  it('the same event twice changes nothing, and internal notes are not replies', () => {
    const twice = trackTicket(desk, { ...ticket, events: [...ticket.events!, ticket.events![0]!, { at: day('06:00'), type: 'agent-reply', public: false }] }, { now: day('10:00') });
    expect(twice).toEqual(sla);
  });

  it('a reopened event on an open ticket changes nothing and says so', () => {
    const notes = trackTicket(desk, { ...ticket, events: [{ at: day('01:00'), type: 'reopened' }] }, { now: day('02:00') }).notes;
    expect(notes.map((note) => note.code)).toEqual(['not_resolved']);
  });

  it('incremental: a state through JSON, events one by one, equals the replay', () => {
    let state = startTicket(desk, { ...ticket, events: [] });
    for (const event of ticket.events!) state = JSON.parse(JSON.stringify(applyEvent(desk, state, event)));
    expect(slaAt(desk, state, day('10:00'))).toEqual(sla);
    expect(state.format).toBe('slaclock.ticket/1');
    // Applying an event already applied returns an equal state.
    expect(applyEvent(desk, state, ticket.events![2]!)).toEqual(state);
  });

  it('trackTickets: one result per ticket, in order, lazily', () => {
    const results = [...trackTickets(desk, [ticket, { ...ticket, severity: 2 }], { now: day('10:00') })];
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual(sla);
    expect(results[1]!.metrics.firstResponse!.target).toBe('4 hours');
  });

  it('never mutates its inputs', () => {
    const copy = structuredClone(ticket);
    const state = startTicket(desk, ticket);
    const stateCopy = structuredClone(state);
    trackTicket(desk, ticket, { now: day('10:00') });
    applyEvent(desk, state, { at: day('09:00'), type: 'agent-reply' });
    expect(ticket).toEqual(copy);
    expect(state).toEqual(stateCopy);
  });
});

describe('bad input is a SlaclockError with the path to the field', () => {
  const base = { plan: 'standard', severity: 1, at: '2026-12-01T00:00Z' };
  const now = { now: '2026-12-02T00:00Z' };
  const errorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(SlaclockError);
      return { code: (error as SlaclockError).code, path: (error as SlaclockError).path, message: (error as SlaclockError).message };
    }
    throw new Error('expected an error');
  };

  it.each([
    ['an unknown type', [{ at: '2026-12-01T01:00Z', type: 'agent-replied' }], ['events', 0, 'type'], /did you mean "agent-reply"/],
    ['an event before the opening', [{ at: '2026-11-30T23:00Z', type: 'agent-reply' }], ['events', 0, 'at'], /before the ticket was opened/],
    ['an unknown status', [{ at: '2026-12-01T01:00Z', type: 'agent-reply' }, { at: '2026-12-01T02:00Z', type: 'status', status: 'pending' }], ['events', 1, 'status'], /Expected one of "open"/],
    ['a field of another type', [{ at: '2026-12-01T01:00Z', type: 'customer-reply', status: 'open' }], ['events', 0, 'status'], /has no field "status"/],
    ['a missing field', [{ at: '2026-12-01T01:00Z', type: 'severity-change' }], ['events', 0, 'severity'], /Missing required severity/],
    ['a severity the policy lacks', [{ at: '2026-12-01T01:00Z', type: 'severity-change', severity: 7 }], ['events', 0, 'severity'], /severity/],
    ['a plan the policy lacks', [{ at: '2026-12-01T01:00Z', type: 'plan-change', plan: 'gold' }], ['events', 0, 'plan'], /gold/],
    ['a bad instant', [{ at: 'yesterday', type: 'agent-reply' }], ['events', 0, 'at'], /instant|ISO/],
    ['an unknown key', [{ at: '2026-12-01T01:00Z', type: 'agent-reply', pubic: false }], ['events', 0], /did you mean "public"/],
  ])('%s', (_name, events, path, message) => {
    const error = errorOf(() => trackTicket(desk, { ...base, events: events as TicketEvent[] }, now));
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(message);
  });

  // Replies and statuses take a shortcut with cheap checks; anything unusual is read field by field, with the same errors.
  it.each([
    ['a non-boolean public', { at: '2026-12-01T01:00Z', type: 'agent-reply', public: 'no' }, ['events', 0, 'public'], /Expected true or false/],
    ['an empty id', { at: '2026-12-01T01:00Z', type: 'customer-reply', id: '' }, ['events', 0, 'id'], /non-empty string/],
    ['a status of another case', { at: '2026-12-01T01:00Z', type: 'status', status: 'Open' }, ['events', 0, 'status'], /Expected one of "open"/],
    ['a number not in milliseconds', { at: 1.5, type: 'workaround' }, ['events', 0, 'at'], /whole epoch milliseconds/],
    ['a hidden field of another type', Object.defineProperty({ at: '2026-12-01T01:00Z', type: 'status', status: 'open' }, 'severity', { value: 2 }), ['events', 0, 'severity'], /has no field "severity"/],
    ['a getter that throws', { at: '2026-12-01T01:00Z', get type(): string { throw new Error('boom'); } }, ['events', 0], /throws when read/],
  ])('%s', (_name, event, path, message) => {
    const error = errorOf(() => trackTicket(desk, { ...base, events: [event as TicketEvent] }, now));
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(message);
  });

  it('events built in unusual ways read as their plain equivalents', () => {
    const plain: TicketEvent[] = [
      { at: '2026-12-01T01:00Z', type: 'customer-reply' },
      { at: '2026-12-01T02:00Z', type: 'agent-reply', id: 'a1' },
      { at: '2026-12-01T03:00Z', type: 'status', status: 'waiting-on-customer' },
      { at: '2026-12-01T04:00Z', type: 'status', status: 'open' },
    ];
    const odd = [
      Object.assign(Object.create(null) as object, plain[0]),
      Object.assign(Object.create({ id: 'a1' }) as object, { at: '2026-12-01T02:00Z', type: 'agent-reply' }),
      { ...plain[2], public: undefined },
      { ...plain[3], id: undefined },
      { at: Date.parse('2026-12-01T02:00Z'), type: 'agent-reply', id: 'a1' },
    ];
    expect(trackTicket(desk, { ...base, events: odd as TicketEvent[] }, now)).toEqual(trackTicket(desk, { ...base, events: plain }, now));
    expect(startTicket(desk, { ...base, events: odd as TicketEvent[] }).events).toEqual(startTicket(desk, { ...base, events: plain }).events);
  });

  it('an event after now, now before the opening, no now', () => {
    expect(errorOf(() => trackTicket(desk, { ...base, events: [{ at: '2026-12-03T00:00Z', type: 'agent-reply' }] }, now)).path).toEqual(['options', 'now']);
    expect(errorOf(() => trackTicket(desk, base, { now: '2026-11-30T00:00Z' })).path).toEqual(['options', 'now']);
    expect(errorOf(() => trackTicket(desk, base, {} as never)).code).toBe('invalid_instant');
  });

  it('options and states', () => {
    expect(errorOf(() => trackTicket(desk, base, { ...now, warnings: [120] })).path).toEqual(['options', 'warnings']);
    expect(errorOf(() => trackTicket(desk, base, { ...now, onChange: 'reset' as never })).path).toEqual(['options', 'onChange']);
    const throwing = new Proxy([50], { get: (target, key) => (key === 'length' ? 1 : (() => { throw new Error('boom'); })()) });
    expect(errorOf(() => trackTicket(desk, base, { ...now, warnings: throwing }))).toMatchObject({ code: 'invalid_option', path: ['options', 'warnings'] });
    expect(errorOf(() => slaAt(desk, { format: 'slaclock.ticket/0' } as never, '2026-12-02T00:00Z')).path).toEqual(['state', 'format']);
    const state = startTicket(desk, base);
    expect(errorOf(() => applyEvent(desk, state, { at: '2026-12-01T01:00Z', type: 'nope' } as never)).path).toEqual(['event', 'type']);
    expect(errorOf(() => slaAt(desk, { ...state, events: [{ at: 5, type: 'agent-reply' }] } as never, '2026-12-02T00:00Z')).path).toEqual(['state', 'events', 0, 'at']);
  });

  it('a bad ticket among many names its index', () => {
    const error = errorOf(() => [...trackTickets(desk, [base, { ...base, events: [{ at: '2026-12-01T01:00Z', type: 'x' }] as never }], now)]);
    expect(error.path).toEqual([1, 'events', 0, 'type']);
  });

  it('explainMetric names the metrics the terms state', () => {
    expect(errorOf(() => explainMetric(desk, base, 'workaround', now)).message).toMatch(/firstResponse, nextResponse, update, resolution/);
  });
});

describe('the README and TSDoc examples, as written', () => {
  it('README: One Identity 24x7 severity 1 downgraded at 10:30', () => {
    const sla = trackTicket(getPolicy('one-identity'), {
      plan: '24x7', severity: 1, channel: 'phone', at: '2026-11-28T10:00-05:00', calendar: newYork,
      events: [{ at: '2026-11-28T10:30-05:00', type: 'severity-change', severity: 2 }],
    }, { now: '2026-11-30T09:30-05:00' });
    expect(sla.metrics.firstResponse?.deadline).toBe('2026-11-30T10:30:00.000-05:00');
  });

  it('trackTicket, trackTickets, startTicket, applyEvent, slaAt, explainMetric', () => {
    const jumpcloud = getPolicy('jumpcloud');
    const sla = trackTicket(jumpcloud, { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00', events: [{ at: '2026-11-27T10:00-07:00', type: 'agent-reply' }] }, { now: '2026-11-30T09:00-07:00' });
    expect([sla.metrics.firstResponse?.state, sla.metrics.firstResponse?.deadline]).toEqual(['met', '2026-11-27T11:00:00.000-07:00']);
    const tickets = [{ plan: 'premium', severity: 2, at: '2026-11-28T10:00Z', events: [{ at: '2026-11-28T11:30Z', type: 'agent-reply' }] as TicketEvent[] }];
    expect([...trackTickets(jumpcloud, tickets, { now: '2026-12-01T00:00Z' })].map((result) => result.metrics.firstResponse?.state)).toEqual(['met']);
    let state = startTicket(jumpcloud, { plan: 'standard', severity: 2, at: '2026-11-30T09:00-07:00' });
    expect(state.format).toBe('slaclock.ticket/1');
    expect(slaAt(jumpcloud, state, '2026-11-30T12:00-07:00').nextCheckAt).toBe('2026-11-30T13:00:00.000-07:00');
    state = applyEvent(jumpcloud, state, { at: '2026-11-30T10:00-07:00', type: 'agent-reply' });
    expect(state.events).toHaveLength(1);
    const why = explainMetric(jumpcloud, { plan: 'standard', severity: 1, at: '2026-11-25T15:00-07:00' }, 'firstResponse', { now: '2026-11-27T12:00-07:00' });
    expect(why.cycles[0]?.stretches[0]?.explanation.segments.find((segment) => segment.reason === 'holiday')?.name).toBe('Thanksgiving Day');
  });
});

describe('a business-days target due at an opening (rule start-of-day)', () => {
  // JumpCloud business hours: Mon-Fri 09:00-17:00 Mountain Time, U.S. federal holidays excluded.
  // A contract makes resolution due "by the start of the next business day". Opened Tue
  // 2026-12-01 10:00 MST: due Wed 2026-12-02 09:00 MST (no holiday between). The open time
  // up to then is Tue 10:00-17:00, a goal of 7 hours, used up at Tue 17:00; the closed hours
  // from Tue 17:00 to Wed 09:00 still meet the target, as evaluate's deadline says.
  const clause = { source: 'Customer contract', text: 'Resolution by the start of the next business day' };
  const policy = withContract(getPolicy('jumpcloud'), {
    clause,
    plans: { standard: { metrics: { resolution: { 1: { businessDays: 1, rule: 'start-of-day', clause } } } } },
  });
  const opened = { plan: 'standard', severity: 1, at: '2026-12-01T10:00-07:00' } as const;

  it('is running, not breached, in the closed hours after its open time is used up', () => {
    const resolution = trackTicket(policy, { ...opened, events: [] }, { now: '2026-12-01T17:30-07:00' });
    expect(resolution.metrics.resolution).toMatchObject({
      state: 'running',
      goalMs: 7 * HOUR,
      elapsedMs: 7 * HOUR,
      remainingMs: 0,
      deadline: '2026-12-02T09:00:00.000-07:00',
      breachedAt: null,
    });
    expect(resolution.nextCheckAt).toBe('2026-12-02T09:00:00.000-07:00');
  });

  it('is met by a resolution before the opening, and breached at the opening otherwise', () => {
    const met = trackTicket(policy, { ...opened, events: [{ at: '2026-12-02T08:30-07:00', type: 'status', status: 'resolved' }] }, { now: '2026-12-02T12:00-07:00' });
    expect(met.metrics.resolution?.state).toBe('met');
    const late = trackTicket(policy, { ...opened, events: [] }, { now: '2026-12-02T09:30-07:00' });
    expect(late.metrics.resolution).toMatchObject({ state: 'breached', breachedAt: '2026-12-02T09:00:00.000-07:00', remainingMs: -30 * MINUTE });
  });
});
