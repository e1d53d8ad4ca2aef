import { SlaclockError } from '../errors.js';
import { truncate } from '../util/describe.js';
import { snapshotInput } from '../util/snapshot.js';
import { messages } from '../util/issues.js';
import type { ComparisonReport } from './compare.js';

/** @internal A report as {@link formatReport} and {@link renderReportChart} read it: one snapshot of plain data, with rows. */
export function readReport(report: unknown): ComparisonReport {
  if (report === null || typeof report !== 'object') throw new SlaclockError('invalid_input', messages.expected('a comparison report (from compare)', report), ['report']);
  const read = snapshotInput(report, ['report']).value as ComparisonReport; // read once, within the size budget
  if (!Array.isArray(read.rows)) throw new SlaclockError('invalid_input', messages.expected('a comparison report (from compare) with rows', read), ['report']);
  return read;
}

/**
 * @internal Renders from a report {@link readReport} read. The report is plain data, so a
 * `TypeError` while rendering means a field of the wrong kind (a report not made by
 * `compare`, or edited): the caller's input, reported as such.
 */
export function renderFromReport<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new SlaclockError('invalid_input', `Expected a comparison report as compare returns it; a field of this one has the wrong kind (${truncate(error.message, 120)})`, ['report']);
  }
}
