import { Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { snapshotOptions } from '../util/options.js';
import { messages } from '../util/issues.js';
import { formatWallIso } from '../time/wallIso.js';
import { toEpochMs } from '../time/instant.js';
import { Zone } from '../zone/zone.js';
import type { SupportCase } from './cases.js';
import { decide, prepareEntries, RegionCalendars, type CompareEntry, type Interpretations, type PreparedEntry } from './engine.js';
import { visibleColumns, type LegendEntry } from './legend.js';
import { QuantileSketch } from './sketch.js';

export type { CompareEntry } from './engine.js';

/**
 * How a plan fared against the first replies the cases record (cases with a
 * `firstReplyAt` that got a deadline). The margin of a ticket is `deadline - first
 * reply` in hours: positive when the reply came early, negative when it came late.
 *
 * @example
 * ```ts
 * const outcomes: RowOutcomes = {
 *   tickets: 4, met: 3, metShare: 0.75, medianMarginHours: 1.5, p90MarginHours: -2,
 *   worst: [{ id: 'T-4', at: '2026-11-25T22:00:00.000Z', marginHours: -2 }],
 * };
 * ```
 */
export interface RowOutcomes {
  /** Cases with a recorded first reply and a deadline under this plan. */
  tickets: number;
  /** Of those, the replies at or before the deadline. */
  met: number;
  /** `met / tickets`; `null` without tickets. */
  metShare: number | null;
  /** Median margin in hours (nearest rank of the margins sorted ascending); `null` without tickets. */
  medianMarginHours: number | null;
  /** The margin 90% of the tickets met or beat: the 10th percentile (nearest rank) of the margins; `null` without tickets. */
  p90MarginHours: number | null;
  /** Up to five tickets with the smallest margins, smallest first. */
  worst: { id: string | null; at: string; marginHours: number }[];
}

/**
 * One policy, plan, policy version and severity of a {@link ComparisonReport}.
 *
 * @example
 * ```ts
 * const row: ComparisonRow = {
 *   policy: 'jumpcloud', vendor: 'JumpCloud', plan: 'standard', basePlan: null, planLabel: 'standard', version: 'support-tiers-2025',
 *   severity: 1, defined: true, cases: 3, eligibleShare: null, withTarget: 3,
 *   medianHours: 44, p90Hours: 68, worstHours: 68, nextDayOrLaterShare: 2 / 3, outcomes: null,
 * };
 * ```
 */
export interface ComparisonRow {
  /** The policy id. */
  policy: string;
  /** The policy's vendor. */
  vendor: string;
  plan: string;
  /** For an add-on plan, the base plan it is added to (its clock); `null` otherwise. */
  basePlan: string | null;
  /** `premier (on standard)` for an add-on, else the plan id. */
  planLabel: string;
  /** The policy version in force at the row's cases. */
  version: string;
  severity: number;
  /** `false` when this policy version has no such severity level: every figure below is then `null` or 0. */
  defined: boolean;
  /** Cases of this severity that fell under this version. */
  cases: number;
  /** Share (0..1) of the cases that carry an account status (`contract`) found eligible; `null` when no case carries one (each is then judged as an account in good standing, and the share would say nothing). */
  eligibleShare: number | null;
  /** Cases that got a first-response deadline (eligible, with a published target). */
  withTarget: number;
  /** Median wall-clock hours from opening to deadline (nearest rank); `null` without deadlines. */
  medianHours: number | null;
  /** 90th percentile of the hours (nearest rank); `null` without deadlines. */
  p90Hours: number | null;
  /** The longest time to deadline in hours; `null` without deadlines. */
  worstHours: number | null;
  /** Share (0..1) of the cases with a deadline whose deadline falls on a later local date, in the case region's zone, than the opening; `null` without deadlines. */
  nextDayOrLaterShare: number | null;
  /** Against the recorded first replies; `null` when no case of the workload records one. */
  outcomes: RowOutcomes | null;
}

/**
 * What {@link compare} returns: plain, serialisable data, with the legend of its
 * columns and the assumptions and policy interpretations that shaped the figures.
 *
 * @example
 * ```ts
 * const report: ComparisonReport = compare([{ policy: 'jumpcloud', plan: 'premium' }], generateCases({ year: 2026, seed: 1 }));
 * report.cases; // 2000
 * ```
 */
export interface ComparisonReport {
  /** How many cases the workload has. */
  cases: number;
  /** Entries in the order given; within one, versions oldest first, then severities ascending. */
  rows: ComparisonRow[];
  /** What each column means. */
  legend: readonly LegendEntry[];
  /** How the cases were judged, in words. */
  assumptions: string[];
  /** The policies' recorded interpretations behind the figures, once each. */
  interpretations: { policy: string; id: string; reading: string }[];
}

/**
 * Options of {@link compare} and {@link createComparison}.
 *
 * @example
 * ```ts
 * compare(entries, cases, { regions: { GB: weekdayHours('Europe/London', '08:00', '18:00', [{ region: 'GB-ENG' }]) } });
 * ```
 */
export interface CompareOptions {
  /** Region calendars by code, added to (and overriding) `DEFAULT_REGIONS` and the regions `date-holidays` knows. */
  regions?: Readonly<Record<string, CalendarSpec>>;
}

/**
 * A comparison fed one case at a time, for workloads read as a stream: memory grows
 * with the number of rows, not of cases.
 *
 * @example
 * ```ts
 * const comparison = createComparison([{ policy: 'jumpcloud', plan: 'premium' }]);
 * comparison.add({ severity: 1, at: Date.parse('2026-11-25T15:00-07:00'), region: 'US-CO' });
 * comparison.report().rows[0]?.medianHours; // 1
 * ```
 */
export interface Comparison {
  /** Judges one case under every entry. @throws {SlaclockError} for a malformed case, at `['cases', n]`. */
  add(supportCase: SupportCase): void;
  /** Cases added so far. */
  readonly count: number;
  /** The report of the cases added so far. */
  report(): ComparisonReport;
}

const MS_PER_HOUR = 3_600_000;
const WORST_KEPT = 5;
const CONTRACTS: readonly string[] = ['active', 'trial', 'lapsed', 'none'];
const CASE_KEYS = ['severity', 'at', 'region', 'id', 'firstReplyAt', 'contract'] as const;

interface RowState {
  readonly entry: PreparedEntry;
  readonly version: string;
  readonly severity: number;
  defined: boolean;
  interpreted: boolean;
  cases: number;
  accountCases: number;
  eligible: number;
  nextDay: number;
  readonly hours: QuantileSketch;
  readonly margins: QuantileSketch;
  met: number;
  readonly worst: { id: string | null; at: number; margin: number }[];
}

/**
 * Starts a comparison to feed case by case (see {@link Comparison}); {@link compare}
 * is this over an array. The entries and options are checked at once.
 *
 * @throws {SlaclockError} as {@link compare}.
 * @example
 * ```ts
 * import { createComparison } from 'slaclock/compare';
 * const comparison = createComparison([{ policy: 'one-identity', plan: 'premier', basePlan: '24x7' }]);
 * for (const supportCase of cases) comparison.add(supportCase);
 * console.log(comparison.report().rows);
 * ```
 */
export function createComparison(entries: readonly CompareEntry[], options: CompareOptions = {}): Comparison {
  options = snapshotOptions(options, ['regions'], Calendar.is);
  const prepared = prepareEntries(entries);
  const regions = new RegionCalendars(options.regions);
  const zones = new Map<string, Zone>();
  const states: RowState[] = [];
  // Per entry, per version, per severity: nested maps, so the hot path builds no key strings.
  const index = prepared.map(() => new Map<string, Map<number, RowState>>());
  const recorded = new Map<string, { policy: string; id: string; reading: string }>();
  let count = 0;
  let withReplies = false;
  let withAccounts = false;

  const stateOf = (entryIndex: number, version: string, severity: number, interpretations: Interpretations | undefined): RowState => {
    const byVersion = index[entryIndex] as Map<string, Map<number, RowState>>;
    let bySeverity = byVersion.get(version);
    if (bySeverity === undefined) byVersion.set(version, (bySeverity = new Map()));
    let state = bySeverity.get(severity);
    if (state === undefined) {
      state = {
        entry: prepared[entryIndex] as PreparedEntry, version, severity, defined: true, interpreted: false,
        cases: 0, accountCases: 0, eligible: 0, nextDay: 0,
        hours: new QuantileSketch(), margins: new QuantileSketch(), met: 0, worst: [],
      };
      bySeverity.set(severity, state);
      states.push(state);
    }
    // A row's interpretations are its version's, plan's and severity's: the same for every case of it.
    if (interpretations !== undefined && !state.interpreted) {
      state.interpreted = true;
      for (const interpretation of interpretations) {
        const key = `${state.entry.policy.id}\u0000${interpretation.id}`;
        if (!recorded.has(key)) recorded.set(key, { policy: state.entry.policy.id, id: interpretation.id, reading: interpretation.reading });
      }
    }
    return state;
  };

  return {
    get count() {
      return count;
    },
    add(input: SupportCase): void {
      const index = count;
      const supportCase = readCase(input, index);
      checkCase(supportCase, index);
      const calendar = regions.get(supportCase.region, ['cases', index, 'region']);
      let zone = zones.get(calendar.timezone);
      if (zone === undefined) zones.set(calendar.timezone, (zone = Zone.of(calendar.timezone)));
      const { severity, at, firstReplyAt, contract } = supportCase;
      if (firstReplyAt !== undefined) withReplies = true;
      if (contract !== undefined) withAccounts = true;
      count++;
      const account = contract === undefined ? undefined : { contract };
      const openedDay = zone.localDayOf(at);
      for (let e = 0; e < prepared.length; e++) {
        const outcome = decide(prepared[e] as PreparedEntry, severity, at, calendar, account);
        if (outcome.kind === 'no-plan') continue;
        const state = stateOf(e, outcome.version, severity, outcome.kind === 'undefined-severity' ? undefined : outcome.interpretations);
        state.cases++;
        if (outcome.kind === 'undefined-severity') {
          state.defined = false;
          continue;
        }
        if (contract !== undefined) {
          state.accountCases++;
          if (outcome.kind !== 'ineligible') state.eligible++;
        }
        if (outcome.kind !== 'deadline') continue;
        state.hours.add((outcome.deadlineMs - at) / MS_PER_HOUR);
        if (zone.localDayOf(outcome.deadlineMs) > openedDay) state.nextDay++;
        if (firstReplyAt !== undefined) {
          const margin = (outcome.deadlineMs - firstReplyAt) / MS_PER_HOUR;
          state.margins.add(margin);
          if (margin >= 0) state.met++;
          keepWorst(state.worst, { id: supportCase.id ?? null, at, margin });
        }
      }
    },
    report(): ComparisonReport {
      const rows = [...states]
        .sort((a, b) => prepared.indexOf(a.entry) - prepared.indexOf(b.entry) || versionOrder(a) - versionOrder(b) || a.severity - b.severity)
        .map((state) => toRow(state, withReplies));
      return {
        cases: count,
        rows,
        legend: visibleColumns(rows).map(({ column, field, meaning }) => ({ column, field, meaning })),
        assumptions: assumptionsOf(prepared, withAccounts),
        interpretations: [...recorded.values()],
      };
    },
  };
}

function versionOrder(state: RowState): number {
  return state.entry.policy.versions.findIndex((version) => version.spec.id === state.version);
}

// Cases are not snapshotted whole (a million rows would exceed the size budget); each
// field is read once instead, into a plain object, so a getter or Proxy cannot answer
// the check one way and the computation another.
function readCase(input: unknown, index: number): SupportCase {
  const path = ['cases', index];
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new SlaclockError('invalid_input', messages.expected('a case { severity, at, region, id?, firstReplyAt?, contract? }', input), path);
    }
    // A misspelt field (`contrct`, `firstReply`) would silently judge the case without it.
    for (const key of Object.keys(input)) if (!(CASE_KEYS as readonly string[]).includes(key)) throw new SlaclockError('invalid_input', messages.unknownKey(key, CASE_KEYS), path);
    const { severity, at, region, id, firstReplyAt, contract } = input as Record<string, unknown>;
    return { severity, at, region, id, firstReplyAt, contract } as SupportCase;
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    throw new SlaclockError('invalid_input', 'Expected a case { severity, at, region } of plain data; reading one of its fields threw', path);
  }
}

function checkCase(supportCase: SupportCase, index: number): void {
  const path = ['cases', index];
  const { severity, at, region, firstReplyAt, contract, id } = supportCase;
  if (!Number.isSafeInteger(severity)) throw new SlaclockError('invalid_input', messages.expected('a severity level (a whole number)', severity), [...path, 'severity']);
  if (!Number.isSafeInteger(at)) throw new SlaclockError('invalid_input', messages.expected('whole epoch milliseconds', at), [...path, 'at']);
  if (typeof region !== 'string') throw new SlaclockError('invalid_input', messages.expected('a region code such as "US" or "US-CA"', region), [...path, 'region']);
  if (firstReplyAt !== undefined && !Number.isSafeInteger(firstReplyAt)) {
    throw new SlaclockError('invalid_input', messages.expected('whole epoch milliseconds', firstReplyAt), [...path, 'firstReplyAt']);
  }
  // Instants as evaluate reads them (the supported years; no epoch seconds), before anything is computed from them.
  toEpochMs(at, [...path, 'at']);
  if (firstReplyAt !== undefined) toEpochMs(firstReplyAt, [...path, 'firstReplyAt']);
  if (firstReplyAt !== undefined && firstReplyAt < at) {
    throw new SlaclockError('invalid_input', messages.expectedGot(`a first reply at or after the case was opened (${formatWallIso(at)}Z)`, `${formatWallIso(firstReplyAt)}Z`), [...path, 'firstReplyAt']);
  }
  if (contract !== undefined && !CONTRACTS.includes(contract)) throw new SlaclockError('invalid_input', messages.oneOf(CONTRACTS, contract), [...path, 'contract']);
  if (id !== undefined && typeof id !== 'string') throw new SlaclockError('invalid_input', messages.expected('a string', id), [...path, 'id']);
}

function keepWorst(worst: { id: string | null; at: number; margin: number }[], ticket: { id: string | null; at: number; margin: number }): void {
  if (worst.length === WORST_KEPT && ticket.margin >= (worst[WORST_KEPT - 1] as { margin: number }).margin) return;
  let position = worst.findIndex((kept) => ticket.margin < kept.margin);
  if (position < 0) position = worst.length;
  worst.splice(position, 0, ticket);
  if (worst.length > WORST_KEPT) worst.pop();
}

function toRow(state: RowState, withReplies: boolean): ComparisonRow {
  const { entry, hours, margins } = state;
  const withTarget = hours.count;
  return {
    policy: entry.policy.id,
    vendor: entry.policy.vendor,
    plan: entry.plan,
    basePlan: entry.basePlan,
    planLabel: entry.planLabel,
    version: state.version,
    severity: state.severity,
    defined: state.defined,
    cases: state.cases,
    eligibleShare: state.accountCases === 0 ? null : state.eligible / state.accountCases,
    withTarget,
    medianHours: hours.quantile(50),
    p90Hours: hours.quantile(90),
    worstHours: hours.max,
    nextDayOrLaterShare: withTarget === 0 ? null : state.nextDay / withTarget,
    outcomes: withReplies
      ? {
          tickets: margins.count,
          met: state.met,
          metShare: margins.count === 0 ? null : state.met / margins.count,
          medianMarginHours: margins.quantile(50),
          p90MarginHours: margins.quantile(10),
          worst: state.worst.map((ticket) => ({ id: ticket.id, at: `${formatWallIso(ticket.at)}Z`, marginHours: ticket.margin })),
        }
      : null,
  };
}

function assumptionsOf(entries: readonly PreparedEntry[], withAccounts: boolean): string[] {
  const assumptions = [
    withAccounts
      ? 'Cases with a contract column are judged with that contract status; the others as an account in good standing.'
      : 'Every case is judged as an account in good standing (an administrator with an accepted contract status, holding the plan), so eligibility is not reported.',
    "Hours are wall-clock hours from the case's opening to its first-response deadline; percentiles are nearest-rank (every figure is an observed value).",
    "Plans that run on the customer's hours use the case region's calendar: Monday to Friday 09:00-17:00 in its zone, closed on its public holidays (date-holidays), unless the region is one of DEFAULT_REGIONS.",
  ];
  for (const entry of entries) {
    if (entry.basePlan !== null) assumptions.push(`${entry.policy.id} ${entry.planLabel}: the add-on runs on the clock of the ${entry.basePlan} plan it is added to.`);
  }
  return assumptions;
}

function readCases<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SlaclockError) throw error;
    throw new SlaclockError('invalid_input', 'Expected an array (or iterable) of support cases that can be read, got one that throws when read', ['cases']);
  }
}

// The iterator method of a caller's object, or undefined when reading it throws.
function readIterator(cases: object): unknown {
  try {
    return (cases as Iterable<SupportCase>)[Symbol.iterator];
  } catch {
    return undefined;
  }
}

/**
 * Runs a workload of support cases through several policies and plans and sums up
 * how fast each must answer, per policy version and severity, and, when the cases
 * record their first replies, how often each commitment would have been met.
 *
 * Each case is evaluated as a request on the entry's plan at the case's severity and
 * instant, with the case region's calendar as `calendar` (the clock of plans that run
 * on the customer's hours). The account is an administrator holding the entry's plan
 * (and, for an add-on, its base plan), with the case's `contract` status when it has
 * one, else the plan's first accepted status; a trial starts at the case.
 *
 * A case falls in the row of the policy version in force at its opening; when that
 * version does not define its severity the row says so (`defined: false`) and has no
 * figures; a version without the plan gets no row.
 *
 * Hours are wall-clock: `(deadline - at) / 3,600,000`. Percentiles are **nearest-rank**:
 * of the `n` values sorted ascending, the p-th percentile is the value at rank
 * `ceil(p / 100 * n)` (1-based), so the median of an even count is the lower middle
 * value and every figure is one of the observed values (to the minute beyond 65,536
 * values in one row; see {@link createComparison}).
 *
 * @throws {SlaclockError} `unknown_policy`, `unknown_plan` (a plan no version of the
 *   policy has, a base plan the add-on does not take), `unknown_region`,
 *   `invalid_input`, any policy or calendar error, with paths such as
 *   `['entries', 0, 'plan']`, `['cases', 12, 'region']`.
 * @example
 * ```ts
 * import { compare } from 'slaclock/compare';
 * const report = compare(
 *   [{ policy: 'jumpcloud', plan: 'standard' }, { policy: 'jumpcloud', plan: 'premium' }],
 *   [{ severity: 1, at: Date.parse('2026-11-25T15:00-07:00'), region: 'US-CO' }],
 * );
 * report.rows.map((row) => row.medianHours); // [44, 1] (Thanksgiving closes Standard's clock)
 * ```
 */
export function compare(entries: readonly CompareEntry[], cases: Iterable<SupportCase>, options: CompareOptions = {}): ComparisonReport {
  const comparison = createComparison(entries, options);
  if (cases === null || typeof cases !== 'object') throw new SlaclockError('invalid_input', messages.expected('an array (or iterable) of support cases', cases), ['cases']);
  if (typeof readIterator(cases) !== 'function') {
    throw new SlaclockError('invalid_input', 'Expected an array (or iterable) of support cases, got an object that is not iterable (or cannot be read)', ['cases']);
  }
  // An iterable that throws while read (a getter, a Proxy trap, a revoked Proxy) is the
  // caller's input problem, at `cases`; a case's own problem is a SlaclockError from add.
  const iterator = readCases(() => (cases as Iterable<SupportCase>)[Symbol.iterator]());
  for (let step = readCases(() => iterator.next()); step.done !== true; step = readCases(() => iterator.next())) comparison.add(step.value);
  return comparison.report();
}
