import { Calendar } from '../calendar/calendar.js';
import type { CalendarSpec } from '../calendar/spec.js';
import { SlaclockError } from '../errors.js';
import { isArray } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { Zone } from '../zone/zone.js';
import type { SupportCase } from './cases.js';
import { compileRegions, decide, prepareEntries, regionCalendar, type CompareEntry } from './engine.js';

export type { CompareEntry } from './engine.js';

/**
 * One policy, plan and severity of a {@link ComparisonReport}.
 *
 * @example
 * ```ts
 * const row: ComparisonRow = {
 *   policy: 'jumpcloud', plan: 'standard', severity: 1, cases: 3, skipped: 0, eligibleShare: 1, withTarget: 3,
 *   medianHours: 44, p90Hours: 68, worstHours: 68, nextDayOrLaterShare: 2 / 3,
 * };
 * ```
 */
export interface ComparisonRow {
  /** The policy id. */
  policy: string;
  plan: string;
  severity: number;
  /** Cases of this severity in the workload. */
  cases: number;
  /** Of those, the cases the version of the policy in force at the case does not cover (it lacks the severity or the plan): left out of every figure below. */
  skipped: number;
  /** Share (0..1) of the evaluated cases (`cases - skipped`) that are eligible; `null` when none was evaluated. */
  eligibleShare: number | null;
  /** Evaluated cases that got a first-response deadline (eligible, with a published target). */
  withTarget: number;
  /** Median wall-clock hours from opening to deadline (nearest rank); `null` without deadlines. */
  medianHours: number | null;
  /** 90th percentile of the hours (nearest rank); `null` without deadlines. */
  p90Hours: number | null;
  /** The longest time to deadline in hours; `null` without deadlines. */
  worstHours: number | null;
  /** Share (0..1) of the cases with a deadline whose deadline falls on a later local date, in the case region's zone, than the opening; `null` without deadlines. */
  nextDayOrLaterShare: number | null;
}

/**
 * What {@link compare} returns: plain, serialisable data.
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
  /** One row per entry and severity (entries in the order given, severities ascending). */
  rows: ComparisonRow[];
}

/**
 * Options of {@link compare}.
 *
 * @example
 * ```ts
 * compare(entries, cases, { regions: { GB: weekdayHours('Europe/London', '08:00', '18:00', [{ region: 'GB-ENG' }]) } });
 * ```
 */
export interface CompareOptions {
  /** Region calendars by code, added to (and overriding) `DEFAULT_REGIONS`. */
  regions?: Readonly<Record<string, CalendarSpec>>;
}

const MS_PER_HOUR = 3_600_000;

/**
 * Runs a workload of support cases through several policies and plans and sums up
 * how fast each must answer, severity by severity.
 *
 * Each case is evaluated as a request on the entry's plan at the case's severity and
 * instant, with the case region's calendar as `calendar` (the clock of plans that run
 * on the customer's hours) and an account in good standing: `contract` is the plan's
 * first accepted contract status (`'active'` when it states none), `role` is
 * `'administrator'`, `plans` is every plan of the policy, and a trial starts at the
 * case (so trial plans are in force). A case whose severity (or the plan) the policy
 * version in force lacks is counted in `skipped` and nowhere else.
 *
 * Hours are wall-clock: `(deadline - at) / 3,600,000`. Percentiles are **nearest-rank**:
 * of the `n` hours sorted ascending, the p-th percentile is the value at rank
 * `ceil(p / 100 * n)` (1-based), so the median of an even count is the lower middle
 * value and every figure is one of the observed hours.
 *
 * Policies and region calendars are compiled once per call.
 *
 * @throws {SlaclockError} `unknown_policy`, `unknown_plan` (a plan no version of the
 *   policy has), `unknown_region`, `invalid_input`, any policy or calendar error,
 *   with paths such as `['entries', 0, 'plan']`, `['cases', 12, 'region']`.
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
export function compare(entries: readonly CompareEntry[], cases: readonly SupportCase[], options: CompareOptions = {}): ComparisonReport {
  if (options === null || typeof options !== 'object') throw new SlaclockError('invalid_option', 'Expected an options object { regions? }', ['options']);
  options = snapshotInput(options, ['options'], (value) => Calendar.is(value)).value as CompareOptions; // read once, within the size budget
  if (!isArray(cases)) throw new SlaclockError('invalid_input', 'Expected an array of support cases', ['cases']);
  const prepared = prepareEntries(entries);
  const regions = compileRegions(options.regions);
  if (!Array.isArray(cases)) throw new SlaclockError('invalid_input', 'Expected an array of support cases', ['cases']);
  const calendars = cases.map((supportCase, index) => {
    if (supportCase === null || typeof supportCase !== 'object') throw new SlaclockError('invalid_input', 'Expected a case { severity, at, region }', ['cases', index]);
    if (!Number.isSafeInteger(supportCase.severity)) throw new SlaclockError('invalid_input', 'severity must be an integer', ['cases', index, 'severity']);
    if (!Number.isSafeInteger(supportCase.at)) throw new SlaclockError('invalid_input', 'at must be whole epoch milliseconds', ['cases', index, 'at']);
    return regionCalendar(regions, supportCase.region, ['cases', index, 'region']);
  });
  const zones = calendars.map((calendar) => Zone.of(calendar.timezone));
  const severities = [...new Set(cases.map((supportCase) => supportCase.severity))].sort((a, b) => a - b);

  const rows: ComparisonRow[] = [];
  for (const entry of prepared) {
    for (const severity of severities) {
      let count = 0;
      let skipped = 0;
      let eligible = 0;
      let nextDay = 0;
      const hours: number[] = [];
      cases.forEach((supportCase, index) => {
        if (supportCase.severity !== severity) return;
        count++;
        const outcome = decide(entry, severity, supportCase.at, calendars[index] as (typeof calendars)[number]);
        if (outcome.kind === 'skipped') { skipped++; return; }
        if (outcome.kind === 'ineligible') return;
        eligible++;
        if (outcome.kind !== 'deadline') return;
        hours.push((outcome.deadlineMs - supportCase.at) / MS_PER_HOUR);
        const zone = zones[index] as Zone;
        if (zone.localDayOf(outcome.deadlineMs) > zone.localDayOf(supportCase.at)) nextDay++;
      });
      const evaluated = count - skipped;
      hours.sort((a, b) => a - b);
      const withTarget = hours.length;
      rows.push({
        policy: entry.policy.id,
        plan: entry.plan,
        severity,
        cases: count,
        skipped,
        eligibleShare: evaluated === 0 ? null : eligible / evaluated,
        withTarget,
        medianHours: nearestRank(hours, 50),
        p90Hours: nearestRank(hours, 90),
        worstHours: withTarget === 0 ? null : (hours[withTarget - 1] as number),
        nextDayOrLaterShare: withTarget === 0 ? null : nextDay / withTarget,
      });
    }
  }
  return { cases: cases.length, rows };
}

// Nearest-rank percentile of ascending values: the value at 1-based rank ceil(p/100 * n).
function nearestRank(sorted: readonly number[], percentile: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
