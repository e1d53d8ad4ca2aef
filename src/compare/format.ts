import { SlaclockError } from '../errors.js';
import type { ComparisonReport } from './compare.js';
import { formatHtml } from './html.js';
import { readReport, renderFromReport } from './reportInput.js';
import { visibleColumns, type Column } from './legend.js';
import { snapshotOptions } from '../util/options.js';
import { messages } from '../util/issues.js';

/**
 * The formats of {@link formatReport}.
 *
 * @example
 * ```ts
 * const format: ReportFormat = 'markdown';
 * ```
 */
export type ReportFormat = 'table' | 'markdown' | 'csv' | 'json' | 'html';

/**
 * Options of {@link formatReport}.
 *
 * @example
 * ```ts
 * const options: FormatReportOptions = { title: 'Support vendors on our 2026 tickets' };
 * ```
 */
export interface FormatReportOptions {
  /** The HTML document's title and heading. @default 'Support policy comparison' */
  title?: string;
  /** More SVG documents (e.g. from `renderDeadlineChart`) to embed in the HTML report. */
  charts?: readonly string[];
}

const FORMATS: readonly ReportFormat[] = ['table', 'markdown', 'csv', 'json', 'html'];

// Read once (a getter cannot answer the check one way and the page another); a typo is an error.
function readReportOptions(options: unknown): FormatReportOptions {
  const read = snapshotOptions(options as FormatReportOptions, ['title', 'charts']);
  const { title, charts } = read;
  if (title !== undefined && typeof title !== 'string') throw new SlaclockError('invalid_option', messages.expected('a string', title), ['options', 'title']);
  if (charts !== undefined && (!Array.isArray(charts) || !charts.every((chart) => typeof chart === 'string'))) {
    throw new SlaclockError('invalid_option', messages.expected('an array of SVG documents (strings)', charts), ['options', 'charts']);
  }
  return read as FormatReportOptions;
}

/**
 * Renders a {@link ComparisonReport}.
 *
 * - `'table'`: aligned plain-text columns with a rule under the header, then (when
 *   cases record first replies) each row's three latest first replies with their
 *   ids, the legend and the assumptions.
 * - `'markdown'`: a GitHub table, then the same as lists.
 * - `'csv'`: a header line, then one line per row (`\n` line ends); text cells that
 *   a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) are
 *   written with a leading `'`.
 * - `'json'`: `JSON.stringify(report, null, 2)`, unrounded, legend included.
 * - `'html'`: one self-contained page (no external resource): the table, the legend,
 *   bar charts as inline SVG, the assumptions and the policies' interpretations.
 *
 * Only the columns the report needs are shown: `version` when a policy spans
 * versions, `eligible` when cases carry a contract status, the outcome columns when
 * they record first replies, `note` when a severity is not defined by a policy.
 * Hours have one decimal (`44.0`), shares are percentages with one decimal (`66.7%`;
 * a plain number in CSV), and a missing figure is `-` (empty in CSV). Every output
 * ends with a newline.
 *
 * @throws {SlaclockError} `invalid_option` for another format.
 * @example
 * ```ts
 * import { compare, formatReport } from 'slaclock/compare';
 * const report = compare([{ policy: 'jumpcloud', plan: 'premium' }], [{ severity: 1, at: Date.parse('2026-11-25T15:00-07:00'), region: 'US-CO' }]);
 * formatReport(report, 'markdown');
 * // | vendor | policy | plan | sev | cases | with target | median h | p90 h | worst h | next day+ |
 * // | --- | --- | --- | ---: | ...
 * // | JumpCloud | jumpcloud | premium | 1 | 1 | 1 | 1.0 | 1.0 | 1.0 | 0.0% |
 * ```
 */
export function formatReport(report: ComparisonReport, format: ReportFormat, options: FormatReportOptions = {}): string {
  report = readReport(report);
  const read = readReportOptions(options);
  if (!FORMATS.includes(format)) throw new SlaclockError('invalid_option', messages.oneOf(FORMATS, format), ['format']);
  return renderFromReport(() => render(report, format, read));
}

function render(report: ComparisonReport, format: ReportFormat, options: FormatReportOptions): string {
  const columns = visibleColumns(report.rows);
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return [columns.map((column) => column.field), ...report.rows.map((row) => columns.map((column) => csvCell(column, column.cell(row, 'csv'))))]
        .map((cells) => `${cells.join(',')}\n`)
        .join('');
    case 'markdown':
      return `${[
        `| ${columns.map((column) => column.column).join(' | ')} |`,
        `| ${columns.map((column) => (column.numeric ? '---:' : '---')).join(' | ')} |`,
        ...report.rows.map((row) => `| ${columns.map((column) => markdownCell(column.cell(row, 'text'))).join(' | ')} |`),
        ...latestReplies(report).flatMap((lines, index) => (index === 0 ? ['', '**Latest first replies** (deadline minus first reply, hours)', ''] : []).concat(`- ${markdownCell(lines)}`)),
        '',
        '**Legend**',
        '',
        ...columns.map((column) => `- **${markdownCell(column.column)}**: ${column.meaning}`),
        '',
        '**Assumptions**',
        '',
        ...(report.assumptions ?? []).map((text) => `- ${markdownCell(text)}`),
      ].join('\n')}\n`;
    case 'table':
      return textTable(report, columns);
    case 'html':
      return formatHtml(report, columns, options);
  }
}

function textTable(report: ComparisonReport, columns: readonly Column[]): string {
  const body = report.rows.map((row) => columns.map((column) => oneLine(column.cell(row, 'text'))));
  const widths = columns.map((column, index) => Math.max(column.column.length, ...body.map((cells) => (cells[index] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => ((columns[index] as Column).numeric ? cell.padStart(widths[index] as number) : cell.padEnd(widths[index] as number)))
      .join('  ')
      .trimEnd();
  const legendWidth = Math.max(...columns.map((column) => column.column.length));
  return `${[
    line(columns.map((column) => column.column)),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...body.map(line),
    ...latestReplies(report).flatMap((text, index) => (index === 0 ? ['', 'Latest first replies (deadline minus first reply, hours):'] : []).concat(`  ${oneLine(text)}`)),
    '',
    'Legend:',
    ...columns.map((column) => `  ${column.column.padEnd(legendWidth)}  ${column.meaning}`),
    '',
    'Assumptions:',
    ...(report.assumptions ?? []).map((text) => `  - ${oneLine(text)}`),
  ].join('\n')}\n`;
}

// Per row with outcomes, its tickets with the smallest margins: `jumpcloud standard sev 1: T4 -1.0, T2 1.0`.
function latestReplies(report: ComparisonReport): string[] {
  return report.rows
    .filter((row) => (row.outcomes?.worst.length ?? 0) > 0)
    .map((row) => `${row.policy} ${row.planLabel} sev ${row.severity}: ${(row.outcomes?.worst ?? []).slice(0, 3).map((ticket) => `${ticket.id ?? ticket.at} ${ticket.marginHours.toFixed(1)}`).join(', ')}`);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

// A text cell a spreadsheet would evaluate gets a leading apostrophe; numbers stay numbers.
function csvCell(column: Column, value: string): string {
  const safe = !column.numeric && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}
