// slaclock/compare: compare vendors' policies over many cases, as reports and charts.
// Loads date-holidays (through slaclock/regions) for region calendars, and papaparse for CSV.
export { DEFAULT_REGIONS, generateCases, parseCases, type SupportCase, type GenerateCasesOptions, type ParseCasesOptions, type CaseFormat } from './cases.js';
export { CASE_FIELDS, type CaseField, type CaseMapping } from './caseReader.js';
export {
  compare,
  createComparison,
  type Comparison,
  type CompareEntry,
  type CompareOptions,
  type ComparisonReport,
  type ComparisonRow,
  type RowOutcomes,
} from './compare.js';
export { planEntries } from './entries.js';
export { formatReport, type ReportFormat, type FormatReportOptions } from './format.js';
export type { LegendEntry } from './legend.js';
export { renderDeadlineChart, type DeadlineChartOptions } from './chart.js';
export { renderReportChart, type ReportChartView } from './reportChart.js';
export { listRegions, regionCalendarSpec, regionTimezones, type RegionInfo } from './regionCatalog.js';
