// Reading a ticket export as a stream: CSV/TSV (papaparse), JSON Lines, JSON.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { SlaclockError } from '../errors.js';
import { forEachJsonLine, parseCases, type ParseCasesOptions, type SupportCase } from '../compare/cases.js';
import { CaseReader } from '../compare/caseReader.js';
import { DelimitedRows } from '../compare/delimited.js';
import { InputError, shown, UsageError } from './errors.js';
import { readTextFile } from './files.js';
import type { Progress } from './progress.js';

/** The file formats `--cases` reads, by extension. */
export const CASE_EXTENSIONS: Readonly<Record<string, 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet'>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

/** A JSON array is read whole; past this size, JSON Lines (read as a stream) is the way. */
const MAX_JSON_ARRAY_BYTES = 16 * 1024 * 1024;

function formatOf(file: string): 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet' {
  const match = /\.[A-Za-z]+$/.exec(file);
  const format = match ? CASE_EXTENSIONS[match[0].toLowerCase()] : undefined;
  if (format === undefined) throw new UsageError(`--cases must be a ${Object.keys(CASE_EXTENSIONS).join(', ')} file, got ${shown(file)}`);
  return format;
}

function sizeOf(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot read --cases ${shown(file)}: it is a directory`);
    return stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read --cases ${shown(file)}: ${(error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : 'not readable'}`);
  }
}

// Binary junk (a spreadsheet saved as .xlsx, an image) fails here with one line, not a parse error deep inside.
// Returns the file's first 64 KB as text, for the CSV delimiter.
function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(65_536);
    const read = readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, read).includes(0)) throw new InputError(`--cases ${shown(file)} is not a text file (it contains NUL bytes); export the tickets as CSV, TSV or JSON Lines`);
    return head.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const [QUOTE, NEWLINE, RETURN, COMMA, SEMICOLON, TAB] = ['"', '\n', '\r', ',', ';', '\t'].map((char) => char.charCodeAt(0));

/** No row of a delimited file may be longer: an unclosed quote otherwise swallows the rest of the file. */
const MAX_ROW_CHARS = 1024 * 1024;

/**
 * Passes a delimited file through unchanged while tracking quotes and rows, and fails
 * as soon as one row (an unclosed quote, usually) runs over {@link MAX_ROW_CHARS}:
 * papaparse would otherwise rescan the growing field at every chunk.
 */
function guardRows(): Transform {
  let quoted = false;
  let closing = false; // a quote seen inside a quoted field: the end, or the first of ""
  let fieldStart = true;
  let rowLength = 0;
  let row = 1;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string, _encoding, done) {
      for (let i = 0; i < chunk.length; i++) {
        const char = chunk.charCodeAt(i);
        if (closing) {
          closing = false;
          if (char !== QUOTE) quoted = false;
        } else if (quoted && char === QUOTE) {
          closing = true;
        }
        if (!quoted) {
          // A quote opens a field only at its start; elsewhere (5" monitor) it is text.
          if (char === QUOTE && fieldStart) quoted = true;
          else if (char === NEWLINE) {
            row++;
            rowLength = 0;
            fieldStart = true;
            continue;
          }
          fieldStart = char === COMMA || char === SEMICOLON || char === TAB || char === RETURN;
        }
        if (++rowLength > MAX_ROW_CHARS) {
          done(new SlaclockError('invalid_input', `Row ${row}: ${quoted ? 'a quoted field is not closed' : 'the row'} runs over ${MAX_ROW_CHARS} characters (is a quote missing?)`, []));
          return;
        }
      }
      done(null, chunk);
    },
  });
}

/**
 * Streams the cases of a file to `onCase`, in bounded memory for CSV, TSV and JSON
 * Lines; returns how many were read.
 */
export async function readCasesFile(file: string, options: ParseCasesOptions, onCase: (supportCase: SupportCase) => void, progress: Progress): Promise<number> {
  const format = formatOf(file);
  const size = sizeOf(file);
  if (format === 'parquet') return readParquet(file, new CaseReader(options, options.regions ?? {}), onCase, progress);
  const head = readHead(file);
  let count = 0;
  const take = (supportCase: SupportCase) => {
    onCase(supportCase);
    count++;
  };
  const reader = new CaseReader(options, options.regions ?? {});
  if (format === 'json') {
    if (size > MAX_JSON_ARRAY_BYTES) throw new InputError(`--cases ${shown(file)} is a ${size}-byte JSON array; write it as JSON Lines (.jsonl) to stream it`);
    for (const supportCase of parseCases(readTextFile(file, '--cases'), 'json', options)) take(supportCase);
    return count;
  }
  const stream = createReadStream(file, { encoding: 'utf8' });
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += Buffer.byteLength(chunk as string);
    progress.update(bytes, count);
  });
  if (format === 'jsonl') {
    let line = 0;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      forEachJsonLine(text.replace(/^\uFEFF/, ''), (value) => take(reader.readObject(value, { label: `Line ${line}`, index: count })), line);
    }
    if (count === 0) throw new SlaclockError('invalid_input', 'The file has no cases: expected one JSON object a line', []);
    return count;
  }
  const rows = new DelimitedRows(reader, format === 'tsv' ? '\t' : options.delimiter);
  const guarded = stream.pipe(guardRows());
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    guarded.on('error', reject);
    // papaparse reads a Node readable stream chunk by chunk (its types only name browser inputs).
    const parse = Papa.parse as unknown as (input: NodeJS.ReadableStream, config: Papa.ParseConfig<string[]>) => void;
    parse(guarded, { ...rows.config(take, head), complete: () => resolve(), error: (error: unknown) => reject(error) } as Papa.ParseConfig<string[]>);
  });
  stream.destroy();
  if (rows.failure !== undefined) throw rows.failure;
  if (!rows.sawHeader) throw new SlaclockError('invalid_input', 'The file is empty: expected a header row naming the columns severity, at and region', []);
  return count;
}

/**
 * A Parquet file (a warehouse export), read with hyparquet (pure JavaScript, loaded
 * only for such files) one row group at a time; columns are matched as in CSV, and
 * timestamps may be Parquet timestamps, epoch milliseconds or ISO-8601 strings.
 */
async function readParquet(file: string, reader: CaseReader, onCase: (supportCase: SupportCase) => void, progress: Progress): Promise<number> {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const magic = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    readSync(fd, tail, 0, 4, Math.max(0, size - 4));
    if (size < 12 || magic.toString('latin1') !== 'PAR1' || tail.toString('latin1') !== 'PAR1') {
      throw new InputError(`--cases ${shown(file)} is not a Parquet file (no PAR1 marks at its start and end)`);
    }
  } finally {
    closeSync(fd);
  }
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const buffer = await asyncBufferFromFile(file);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new InputError(`--cases ${shown(file)}: unreadable Parquet metadata (${error instanceof Error ? error.message.slice(0, 120) : 'unknown'})`);
  }
  const total = Number(metadata.num_rows);
  let count = 0;
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
    for (const row of rows) {
      onCase(reader.readObject(row, { label: `Row ${count + 1}`, index: count }));
      count++;
    }
    progress.update(total === 0 ? 0 : Math.round((rowEnd / total) * statSync(file).size), count);
    rowStart = rowEnd;
  }
  if (count === 0) throw new SlaclockError('invalid_input', 'The Parquet file has no rows', []);
  return count;
}
