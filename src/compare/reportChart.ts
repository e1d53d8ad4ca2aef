import { SlaclockError } from '../errors.js';
import type { ComparisonReport, ComparisonRow } from './compare.js';
import { visibleColumns } from './legend.js';
import { readReport, renderFromReport } from './reportInput.js';
import { messages } from '../util/issues.js';
import { escapeXml } from './xml.js';

/**
 * What {@link renderReportChart} draws: `'hours'`, the median and 90th-percentile
 * hours to the deadline; `'attainment'`, the share of tickets whose first reply met
 * the deadline (cases must record `firstReplyAt`).
 *
 * @example
 * ```ts
 * const view: ReportChartView = 'attainment';
 * ```
 */
export type ReportChartView = 'hours' | 'attainment';

const WIDTH = 960;
const ROW = 22;
const LABEL = 380;
const TOP = 56;
const RIGHT = 80;

/**
 * Draws a report as a horizontal bar chart, one bar per row with figures (rows the
 * policy does not define, or without deadlines or tickets, are left out), as an SVG
 * document 960 px wide with a `<title>`; each bar is a `<rect data-row="...">`.
 *
 * @throws {SlaclockError} `invalid_option` for another view, `invalid_input` for a
 *   report without rows to draw (`'attainment'` on cases without first replies).
 * @example
 * ```ts
 * import { compare, renderReportChart } from 'slaclock/compare';
 * const report = compare([{ policy: 'jumpcloud', plan: 'standard' }], [
 *   { id: 'T-1', severity: 1, at: Date.parse('2026-11-23T09:00-07:00'), firstReplyAt: Date.parse('2026-11-23T10:00-07:00'), region: 'US-CO' },
 * ]);
 * renderReportChart(report, 'attainment').includes('100%'); // true
 * ```
 */
export function renderReportChart(report: ComparisonReport, view: ReportChartView): string {
  const read = readReport(report);
  if (view !== 'hours' && view !== 'attainment') throw new SlaclockError('invalid_option', messages.oneOf(['hours', 'attainment'], view), ['view']);
  return renderFromReport(() => drawReport(read, view));
}

function drawReport(report: ComparisonReport, view: ReportChartView): string {
  const rows = report.rows.filter((row) => (view === 'hours' ? row.medianHours !== null : (row.outcomes?.tickets ?? 0) > 0));
  if (rows.length === 0) {
    throw new SlaclockError('invalid_input', view === 'hours' ? 'The report has no deadlines to draw' : 'The report has no outcomes to draw: the cases record no first replies (first_reply_at)', ['report']);
  }
  const versioned = visibleColumns(report.rows).some((column) => column.field === 'version');
  const labelOf = (row: ComparisonRow) => `${row.policy} ${row.planLabel}${versioned ? ` [${row.version}]` : ''} sev ${row.severity}`;
  const height = TOP + rows.length * ROW + 40;
  const plot = WIDTH - LABEL - RIGHT;
  const top = view === 'hours' ? Math.max(...rows.map((row) => row.p90Hours ?? 0), 1) : 1;
  const scale = (value: number) => (Math.max(0, value) / top) * plot;
  const title = view === 'hours' ? 'Hours to first response: median (dark) and 90th percentile (light)' : 'First replies that met the deadline';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold" fill="#222222">${escapeXml(title)}</text>`,
  ];
  rows.forEach((row, index) => {
    const y = TOP + index * ROW;
    out.push(`<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end" fill="#222222">${escapeXml(labelOf(row))}</text>`);
    if (view === 'hours') {
      out.push(`<rect data-row="${escapeXml(labelOf(row))}" x="${LABEL}" y="${y + 3}" width="${round(scale(row.p90Hours ?? 0))}" height="${ROW - 6}" fill="#a0cbe8"/>`);
      out.push(`<rect x="${LABEL}" y="${y + 3}" width="${round(scale(row.medianHours ?? 0))}" height="${ROW - 6}" fill="#4e79a7"/>`);
      out.push(`<text x="${round(LABEL + scale(row.p90Hours ?? 0) + 6)}" y="${y + 15}" fill="#222222">${(row.medianHours ?? 0).toFixed(1)} / ${(row.p90Hours ?? 0).toFixed(1)} h</text>`);
    } else {
      const share = row.outcomes?.metShare ?? 0;
      out.push(`<rect x="${LABEL}" y="${y + 3}" width="${plot}" height="${ROW - 6}" fill="#f1ce63"/>`);
      out.push(`<rect data-row="${escapeXml(labelOf(row))}" x="${LABEL}" y="${y + 3}" width="${round(scale(share))}" height="${ROW - 6}" fill="#59a14f"/>`);
      out.push(`<text x="${LABEL + plot + 6}" y="${y + 15}" fill="#222222">${Math.round(share * 100)}%</text>`);
    }
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
