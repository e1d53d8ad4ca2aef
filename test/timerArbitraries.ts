/**
 * Random tickets for the timer properties: a random desk calendar (DST zones, holidays, partial
 * days) and a test policy with two plans (the desk's hours, round the clock), three severities
 * and random whole-minute goals for the five metrics; random event sequences on the minute grid.
 */
import fc from 'fast-check';
import { arbInstant, arbScenario, MINUTE, type Scenario } from './arbitraries.js';
import { RefCalendar, type RefSpec } from './reference/index.js';
import type { RefEvent, RefTerms } from './reference/timers.js';
import type { PolicySpec } from '../src/index.js';

export const METRIC_IDS = ['firstResponse', 'nextResponse', 'update', 'workaround', 'resolution'] as const;
const PLANS = ['basic', 'plus'] as const;
const SEVERITIES = [1, 2, 3] as const;
const STATUSES = ['open', 'waiting-on-customer', 'waiting-on-third-party', 'on-hold', 'resolved', 'closed'] as const;
/** Which statuses pause each metric: the built-in defaults, and resolution also paused by on-hold (the test policy says so). */
export const PAUSED_BY: Record<string, readonly string[]> = {
  firstResponse: [],
  nextResponse: [],
  update: ['waiting-on-customer'],
  workaround: ['waiting-on-customer'],
  resolution: ['waiting-on-customer', 'on-hold'],
};

export interface TicketCase {
  scenario: Scenario;
  /** goals[plan][severity][metric], whole minutes. */
  goals: Record<string, Record<number, Record<string, number>>>;
  openedAt: number;
  plan: string;
  severity: number;
  events: RefEvent[];
  now: number;
  reopenWindowDays: number | null;
  onChange: 'keep' | 'restart';
  warnings: number[];
}

const target = (minutes: number) => ({ duration: `PT${minutes}M`, clause: { source: 'test', text: `${minutes} minutes` } });

/** The test policy of a case: plan basic on the desk's hours, plus round the clock. */
export function policyOf(ticket: TicketCase): PolicySpec {
  const clause = { source: 'test', text: 'test' };
  return {
    id: 'timers-test',
    vendor: 'Test',
    name: 'Timers test policy',
    versions: [
      {
        id: 'v1',
        source: 'test',
        timezone: ticket.scenario.spec.timezone,
        calendars: { desk: ticket.scenario.spec as never },
        metrics: { resolution: { name: 'Resolution', pausedBy: ['waiting-on-customer', 'on-hold'] } },
        severities: SEVERITIES.map((level) => ({ level, name: `S${level}`, definition: 'test' })),
        plans: PLANS.map((id, index) => ({
          id,
          name: id,
          tier: index + 1,
          channels: ['email'],
          coverage: { default: id === 'basic' ? 'desk' : 'round-the-clock' },
          targets: Object.fromEntries(SEVERITIES.map((severity) => [severity, target(ticket.goals[id]![severity]!.firstResponse!)])),
          metrics: Object.fromEntries(
            METRIC_IDS.filter((metric) => metric !== 'firstResponse').map((metric) => [metric, Object.fromEntries(SEVERITIES.map((severity) => [severity, target(ticket.goals[id]![severity]![metric]!)]))]),
          ),
          clause,
        })),
      },
    ],
  };
}

/** The reference's view of the same policy. */
export function refTermsOf(ticket: TicketCase): (plan: string, severity: number) => RefTerms {
  const desk = new RefCalendar(ticket.scenario.spec);
  const always: RefSpec = { timezone: 'UTC', week: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] } };
  const roundTheClock = new RefCalendar(always);
  return (plan, severity) =>
    Object.fromEntries(METRIC_IDS.map((metric) => [metric, { calendar: plan === 'basic' ? desk : roundTheClock, goalMinutes: ticket.goals[plan]![severity]![metric]!, pausedBy: PAUSED_BY[metric]! }]));
}

const arbEvent: fc.Arbitrary<(at: number) => RefEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.boolean().map((open) => (at: number): RefEvent => (open ? { at, type: 'agent-reply' } : { at, type: 'agent-reply', public: false })) },
  { weight: 5, arbitrary: fc.constant((at: number): RefEvent => ({ at, type: 'customer-reply' })) },
  { weight: 8, arbitrary: fc.constantFrom(...STATUSES).map((status) => (at: number): RefEvent => ({ at, type: 'status', status })) },
  { weight: 2, arbitrary: fc.constant((at: number): RefEvent => ({ at, type: 'workaround' })) },
  { weight: 2, arbitrary: fc.constant((at: number): RefEvent => ({ at, type: 'reopened' })) },
  {
    weight: 3,
    arbitrary: fc.record({ severity: fc.constantFrom(...SEVERITIES), restart: fc.constantFrom(undefined, true, false) }).map(({ severity, restart }) => (at: number): RefEvent =>
      restart === undefined ? { at, type: 'severity-change', severity } : { at, type: 'severity-change', severity, restart }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...PLANS).map((plan) => (at: number): RefEvent => ({ at, type: 'plan-change', plan })) },
);

/** A random ticket: calendar, goals, a life of up to 16 events (some at one instant, some repeated), and `now`. */
export const arbTicketCase: fc.Arbitrary<TicketCase> = arbScenario
  .filter((scenario) => scenario.weeklyOpenMinutes >= 240)
  .chain((scenario) => {
    const goal = fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: Math.min(2 * scenario.weeklyOpenMinutes, 4000) }));
    const perSeverity = fc.record(Object.fromEntries(METRIC_IDS.map((metric) => [metric, goal])) as Record<string, fc.Arbitrary<number>>);
    const perPlan = fc.tuple(perSeverity, perSeverity, perSeverity).map(([a, b, c]) => ({ 1: a, 2: b, 3: c }));
    return fc.record({ basic: perPlan, plus: perPlan }).chain((goals) => {
      // Gaps as long as a goal make stops land on deadlines (on round-the-clock plans, and in long open hours).
      const goalValues = [...new Set(Object.values(goals).flatMap((plan) => Object.values(plan).flatMap((metrics) => Object.values(metrics))))];
      const gap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 3 * 1440 }), fc.constantFrom(...goalValues));
      return fc.record({
        scenario: fc.constant(scenario),
        goals: fc.constant(goals),
        openedAt: arbInstant(scenario),
        plan: fc.constantFrom(...PLANS),
        severity: fc.constantFrom(...SEVERITIES),
        steps: fc.array(fc.tuple(gap, arbEvent), { maxLength: 16 }),
        repeat: fc.option(fc.nat(), { freq: 4 }),
        tail: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 1440 }), fc.constantFrom(...goalValues)),
        reopenWindowDays: fc.option(fc.integer({ min: 0, max: 3 })),
        onChange: fc.constantFrom('keep' as const, 'restart' as const),
        warnings: fc.constantFrom([50, 75, 90], [80], [33, 100]).map((shares) => [...shares]),
      });
    });
  })
  .map(({ scenario, goals, openedAt, plan, severity, steps, repeat, tail, reopenWindowDays, onChange, warnings }) => {
    let at = openedAt;
    const events = steps.map(([gap, make]) => make((at += gap * MINUTE)));
    // The same event twice changes nothing.
    if (repeat !== null && events.length > 0) events.push({ ...events[repeat % events.length]! });
    return { scenario, goals, openedAt, plan, severity, events, now: at + tail * MINUTE, reopenWindowDays, onChange, warnings };
  });
