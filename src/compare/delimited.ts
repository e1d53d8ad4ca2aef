// Internal: CSV and TSV rows (papaparse) into cases, for a whole text or a stream.
import Papa from 'papaparse';
import { SlaclockError } from '../errors.js';
import type { SupportCase } from './cases.js';
import type { CaseReader } from './caseReader.js';

/**
 * @internal The delimiter of a file from its first non-blank line: whichever of
 * comma, semicolon and tab occurs most outside quotes (comma on a tie or none).
 * Done here rather than by papaparse's guess, which needs three columns to be sure.
 */
export function detectDelimiter(head: string): ',' | ';' | '\t' {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * @internal The rows of one delimited file: the first non-blank row is the header,
 * each later one a case. Rows are numbered as a spreadsheet numbers them (the header
 * is usually row 1), counting blank rows and keeping a quoted line break in its row.
 */
export class DelimitedRows {
  sawHeader = false;
  /** The first error, which stopped the parse. */
  failure: unknown = undefined;
  private row = 0;
  private cases = 0;
  private width = 0;

  constructor(
    private readonly reader: CaseReader,
    private readonly delimiter: string | undefined,
  ) {}

  /** Parses a whole text synchronously, calling `onCase` for every case. */
  parseText(text: string, onCase: (supportCase: SupportCase) => void): void {
    Papa.parse<string[]>(text, this.config(onCase, text.slice(0, 65_536)));
    if (this.failure !== undefined) throw this.failure;
  }

  /** papaparse options that feed this reader, for `Papa.parse(textOrStream, config)`. */
  config(onCase: (supportCase: SupportCase) => void, head: string): Papa.ParseConfig<string[]> {
    return {
      delimiter: this.delimiter ?? detectDelimiter(head),
      step: (results, parser) => {
        if (this.failure !== undefined) return;
        try {
          this.take(results, onCase);
        } catch (error) {
          this.failure = error;
          parser.abort();
        }
      },
    };
  }

  private take(results: Papa.ParseStepResult<string[]>, onCase: (supportCase: SupportCase) => void): void {
    this.row++;
    const cells = results.data;
    const problem = results.errors.find((error) => error.type === 'Quotes');
    if (problem !== undefined) {
      throw new SlaclockError('invalid_input', `Row ${this.row}: a quoted field is not closed (or a quote is stray inside an unquoted field): ${problem.code}`, [this.cases]);
    }
    // Blank rows, and rows of empty cells (",,," as spreadsheets end a sheet), are skipped.
    if (cells.every((cell) => cell.trim() === '')) return;
    if (!this.sawHeader) {
      const delimiter = results.meta.delimiter;
      const named = DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter);
      const hint = cells.length === 1 ? ` (read as one column: no comma, semicolon or tab found between the names)` : ` (delimiter: ${named})`;
      this.reader.header(cells, hint);
      this.sawHeader = true;
      this.width = cells.length;
      return;
    }
    if (cells.length !== this.width) {
      throw new SlaclockError('invalid_input', `Row ${this.row}: expected ${this.width} fields like the header, got ${cells.length} (a delimiter inside a value must be quoted)`, [this.cases]);
    }
    onCase(this.reader.readRow(cells, { label: `Row ${this.row}`, index: this.cases }));
    this.cases++;
  }
}
