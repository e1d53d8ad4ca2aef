// slaclock/compare: compare vendors' policies over many cases, as reports and charts.
// Loads date-holidays (through slaclock/regions) for the regions of DEFAULT_REGIONS.
export { DEFAULT_REGIONS, generateCases, parseCases, type SupportCase, type GenerateCasesOptions, type ParseCasesOptions } from './cases.js';
export { compare, type CompareEntry, type CompareOptions, type ComparisonReport, type ComparisonRow } from './compare.js';
export { formatReport, type ReportFormat } from './format.js';
export { renderDeadlineChart, type DeadlineChartOptions } from './chart.js';
