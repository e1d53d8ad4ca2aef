// Internal: the self-contained HTML report of formatReport(report, 'html').
import type { ComparisonReport } from './compare.js';
import type { FormatReportOptions } from './format.js';
import type { Column } from './legend.js';
import { renderReportChart } from './reportChart.js';
import { escapeXml as escape } from './xml.js';

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;margin:2rem;color:#222;max-width:72rem}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem}
td.num{text-align:right}th{background:#f3f3f3}dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}figure{margin:1rem 0}
.note{color:#8a4b00}`;

/** @internal One HTML page: table, legend, charts (inline SVG), assumptions, interpretations. */
export function formatHtml(report: ComparisonReport, columns: readonly Column[], options: FormatReportOptions): string {
  const title = options.title ?? 'Support policy comparison';
  const charts: string[] = [];
  if (report.rows.some((row) => row.medianHours !== null)) charts.push(renderReportChart(report, 'hours'));
  if (report.rows.some((row) => (row.outcomes?.tickets ?? 0) > 0)) charts.push(renderReportChart(report, 'attainment'));
  for (const chart of options.charts ?? []) charts.push(chart);
  const head = columns.map((column) => `<th scope="col">${escape(column.column)}</th>`).join('');
  const body = report.rows
    .map((row) => `<tr>${columns.map((column) => `<td${column.numeric ? ' class="num"' : column.field === 'note' ? ' class="note"' : ''}>${escape(column.cell(row, 'text'))}</td>`).join('')}</tr>`)
    .join('\n');
  const worst = report.rows.filter((row) => (row.outcomes?.worst.length ?? 0) > 0);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${report.cases} case${report.cases === 1 ? '' : 's'}.</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<h2>Legend</h2>
<dl>
${columns.map((column) => `<dt>${escape(column.column)}</dt><dd>${escape(column.meaning)}</dd>`).join('\n')}
</dl>
<h2>Charts</h2>
${charts.map((svg) => `<figure>${svg.replace(/^<\?xml[^>]*>\s*/, '').trim()}</figure>`).join('\n')}
${worst.length === 0 ? '' : `<h2>Latest first replies</h2>
<ul>
${worst.map((row) => `<li>${escape(`${row.policy} ${row.planLabel} severity ${row.severity}: ${(row.outcomes?.worst ?? []).map((ticket) => `${ticket.id ?? ticket.at} (${ticket.marginHours.toFixed(1)} h)`).join(', ')}`)}</li>`).join('\n')}
</ul>`}
<h2>Assumptions</h2>
<ul>
${(report.assumptions ?? []).map((text) => `<li>${escape(text)}</li>`).join('\n')}
</ul>
<h2>Interpretations of the published policies</h2>
<ul>
${(report.interpretations ?? []).map((entry) => `<li><strong>${escape(entry.policy)} ${escape(entry.id)}</strong>: ${escape(entry.reading)}</li>`).join('\n')}
</ul>
</main>
</body>
</html>
`;
}
