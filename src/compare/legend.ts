// The columns of a comparison report: header, meaning and cell, in one place for every format.
import type { ComparisonRow } from './compare.js';

/**
 * One line of a report's legend: a column and what it means.
 *
 * @example
 * ```ts
 * const entry: LegendEntry = { column: 'median h', meaning: 'Median hours from opening to the first-response deadline (nearest rank).' };
 * ```
 */
export interface LegendEntry {
  /** The column's header in the table and markdown formats. */
  readonly column: string;
  /** Its header in CSV (and the row field in JSON). */
  readonly field: string;
  readonly meaning: string;
}

/** @internal When a column is shown. */
type Shown = 'always' | 'versions' | 'accounts' | 'outcomes' | 'undefined';

/** @internal A report column. */
export interface Column extends LegendEntry {
  readonly shown: Shown;
  readonly numeric: boolean;
  /** The cell: `kind` says how numbers print (text formats or CSV). */
  readonly cell: (row: ComparisonRow, kind: 'text' | 'csv') => string;
}

const hours = (value: number | null | undefined, kind: 'text' | 'csv'): string => (value === null || value === undefined ? (kind === 'csv' ? '' : '-') : value.toFixed(1));
const share = (value: number | null | undefined, kind: 'text' | 'csv'): string =>
  value === null || value === undefined ? (kind === 'csv' ? '' : '-') : kind === 'csv' ? (value * 100).toFixed(1) : `${(value * 100).toFixed(1)}%`;
const count = (value: number | undefined, kind: 'text' | 'csv'): string => (value === undefined ? (kind === 'csv' ? '' : '-') : String(value));

/** @internal Every column a report may show, in order. */
export const COLUMNS: readonly Column[] = [
  { column: 'vendor', field: 'vendor', shown: 'always', numeric: false, meaning: 'The vendor whose published policy is judged.', cell: (row) => row.vendor },
  { column: 'policy', field: 'policy', shown: 'always', numeric: false, meaning: 'The policy id (a built-in id or the id in your policy file).', cell: (row) => row.policy },
  { column: 'version', field: 'version', shown: 'versions', numeric: false, meaning: 'The policy version in force when the cases were opened (shown when the workload spans versions).', cell: (row) => row.version },
  { column: 'plan', field: 'plan', shown: 'always', numeric: false, meaning: 'The plan; an add-on plan shows the base plan whose clock it runs on: "premier (on 24x7)".', cell: (row) => row.planLabel },
  { column: 'sev', field: 'severity', shown: 'always', numeric: true, meaning: 'Severity level as the policy numbers it (1 is the most severe in the built-in catalog).', cell: (row) => String(row.severity) },
  { column: 'cases', field: 'cases', shown: 'always', numeric: true, meaning: 'Cases of this severity opened while this version was in force.', cell: (row) => String(row.cases) },
  { column: 'eligible', field: 'eligible_pct', shown: 'accounts', numeric: true, meaning: "Share of the cases with a contract column that the policy finds eligible for support.", cell: (row, kind) => share(row.eligibleShare, kind) },
  { column: 'with target', field: 'with_target', shown: 'always', numeric: true, meaning: 'Cases that get a first-response deadline (eligible, and the policy publishes a target).', cell: (row) => String(row.withTarget) },
  { column: 'median h', field: 'median_hours', shown: 'always', numeric: true, meaning: 'Median wall-clock hours from opening to the first-response deadline (nearest rank).', cell: (row, kind) => hours(row.medianHours, kind) },
  { column: 'p90 h', field: 'p90_hours', shown: 'always', numeric: true, meaning: '90% of the deadlines fall within this many hours of the opening.', cell: (row, kind) => hours(row.p90Hours, kind) },
  { column: 'worst h', field: 'worst_hours', shown: 'always', numeric: true, meaning: 'The longest time to a deadline, in hours.', cell: (row, kind) => hours(row.worstHours, kind) },
  { column: 'next day+', field: 'next_day_or_later_pct', shown: 'always', numeric: true, meaning: "Share of the deadlines on a later local date than the opening, in the customer's zone.", cell: (row, kind) => share(row.nextDayOrLaterShare, kind) },
  { column: 'tickets', field: 'tickets', shown: 'outcomes', numeric: true, meaning: 'Cases with a recorded first reply and a deadline.', cell: (row, kind) => count(row.outcomes?.tickets, kind) },
  { column: 'met', field: 'met_pct', shown: 'outcomes', numeric: true, meaning: 'Share of those tickets whose first reply came at or before the deadline.', cell: (row, kind) => share(row.outcomes?.metShare, kind) },
  { column: 'median margin h', field: 'median_margin_hours', shown: 'outcomes', numeric: true, meaning: 'Median of deadline minus first reply, in hours: positive is early, negative late.', cell: (row, kind) => hours(row.outcomes?.medianMarginHours, kind) },
  { column: 'p90 margin h', field: 'p90_margin_hours', shown: 'outcomes', numeric: true, meaning: '90% of the tickets were at least this early (negative: at most this late).', cell: (row, kind) => hours(row.outcomes?.p90MarginHours, kind) },
  { column: 'note', field: 'note', shown: 'undefined', numeric: false, meaning: '"not defined by this policy": the policy version has no such severity level, so it makes no commitment for these cases.', cell: (row) => (row.defined ? '' : 'not defined by this policy') },
];

/** @internal The columns a set of rows needs. */
export function visibleColumns(rows: readonly ComparisonRow[]): Column[] {
  const versionsByPolicy = new Map<string, Set<string>>();
  for (const row of rows) {
    const versions = versionsByPolicy.get(row.policy) ?? new Set<string>();
    versions.add(row.version);
    versionsByPolicy.set(row.policy, versions);
  }
  const shown: Record<Shown, boolean> = {
    always: true,
    versions: [...versionsByPolicy.values()].some((versions) => versions.size > 1),
    accounts: rows.some((row) => row.eligibleShare !== null),
    outcomes: rows.some((row) => row.outcomes !== null),
    undefined: rows.some((row) => !row.defined),
  };
  return COLUMNS.filter((column) => shown[column.shown]);
}
