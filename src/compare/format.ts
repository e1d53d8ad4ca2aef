import { SlaclockError } from '../errors.js';
import { quoteValue } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import type { ComparisonReport, ComparisonRow } from './compare.js';

/**
 * The text formats of {@link formatReport}.
 *
 * @example
 * ```ts
 * const format: ReportFormat = 'markdown';
 * ```
 */
export type ReportFormat = 'table' | 'markdown' | 'csv' | 'json';

const HEADERS = ['policy', 'plan', 'severity', 'cases', 'skipped', 'eligible', 'with target', 'median h', 'p90 h', 'worst h', 'next day+'] as const;
const CSV_HEADERS = ['policy', 'plan', 'severity', 'cases', 'skipped', 'eligible_pct', 'with_target', 'median_hours', 'p90_hours', 'worst_hours', 'next_day_or_later_pct'] as const;
// Text columns align left, numbers right.
const NUMERIC = [false, false, true, true, true, true, true, true, true, true, true] as const;

/**
 * Renders a {@link ComparisonReport} as text.
 *
 * - `'table'`: aligned plain-text columns with a rule under the header.
 * - `'markdown'`: a GitHub table.
 * - `'csv'`: a header line, then one line per row (`\n` line ends).
 * - `'json'`: `JSON.stringify(report, null, 2)`, unrounded.
 *
 * In the first three, hours have one decimal (`44.0`), shares are percentages with
 * one decimal (`66.7%`; a plain number in CSV), and a missing figure is `-` (empty
 * in CSV). Every output ends with a newline.
 *
 * @throws {SlaclockError} `invalid_option` for another format.
 * @example
 * ```ts
 * import { compare, formatReport } from 'slaclock/compare';
 * const report = compare([{ policy: 'jumpcloud', plan: 'premium' }], [{ severity: 1, at: Date.parse('2026-11-25T15:00-07:00'), region: 'US-CO' }]);
 * formatReport(report, 'markdown');
 * // | policy | plan | severity | cases | skipped | eligible | with target | median h | p90 h | worst h | next day+ |
 * // | --- | --- | ---: | ...
 * // | jumpcloud | premium | 1 | 1 | 0 | 100.0% | 1 | 1.0 | 1.0 | 1.0 | 0.0% |
 * ```
 */
export function formatReport(report: ComparisonReport, format: ReportFormat): string {
  report = snapshotInput(report, ['report']).value as ComparisonReport; // read once, within the size budget
  if (report === null || typeof report !== 'object' || !Array.isArray(report.rows)) throw new SlaclockError('invalid_input', 'Expected a comparison report', ['report']);
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return [CSV_HEADERS.join(','), ...report.rows.map((row) => csvCells(row).map(csvField).join(','))].map((line) => `${line}\n`).join('');
    case 'markdown': {
      const lines = [
        `| ${HEADERS.join(' | ')} |`,
        `| ${NUMERIC.map((numeric) => (numeric ? '---:' : '---')).join(' | ')} |`,
        ...report.rows.map((row) => `| ${textCells(row).map(markdownCell).join(' | ')} |`),
      ];
      return `${lines.join('\n')}\n`;
    }
    case 'table': {
      const body = report.rows.map(textCells);
      const widths = HEADERS.map((header, column) => Math.max(header.length, ...body.map((cells) => (cells[column] as string).length)));
      const line = (cells: readonly string[]) =>
        cells
          .map((cell, column) => (NUMERIC[column] ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
          .join('  ')
          .trimEnd();
      const rule = widths.map((width) => '-'.repeat(width)).join('  ');
      return `${[line(HEADERS), rule, ...body.map(line)].join('\n')}\n`;
    }
    default:
      throw new SlaclockError('invalid_option', `format must be 'table', 'markdown', 'csv' or 'json', got ${quoteValue(format)}`, ['format']);
  }
}

function hours(value: number | null): string {
  return value === null ? '-' : value.toFixed(1);
}

function percent(share: number | null): string {
  return share === null ? '-' : `${(share * 100).toFixed(1)}%`;
}

// The cells of a row; shares and hours are rendered by the caller's format.
function cellsOf(row: ComparisonRow, share: (value: number | null) => string, time: (value: number | null) => string): string[] {
  return [
    row.policy,
    row.plan,
    String(row.severity),
    String(row.cases),
    String(row.skipped),
    share(row.eligibleShare),
    String(row.withTarget),
    time(row.medianHours),
    time(row.p90Hours),
    time(row.worstHours),
    share(row.nextDayOrLaterShare),
  ];
}

function textCells(row: ComparisonRow): string[] {
  return cellsOf(row, percent, hours);
}

// CSV: plain numbers (percent without the sign), empty when there is no value.
function csvCells(row: ComparisonRow): string[] {
  const number = (scale: number) => (value: number | null) => (value === null ? '' : (value * scale).toFixed(1));
  return cellsOf(row, number(100), number(1));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
