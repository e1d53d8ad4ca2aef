// Reading the CLI's small input files: policies, contracts, mappings.
import { readFileSync, statSync } from 'node:fs';
import { InputError, shown } from './errors.js';

/** Policy, contract and mapping files are small; a larger one is refused before it is read. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** Reads a UTF-8 text file (a byte-order mark dropped); refuses binary and oversized files. */
export function readTextFile(file: string, what: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot read ${what} ${shown(file)}: it is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${what} ${shown(file)}: ${(error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : 'not readable'}`);
  }
  if (size > MAX_JSON_BYTES) throw new InputError(`${what} ${shown(file)} is ${size} bytes; at most ${MAX_JSON_BYTES} are read`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new InputError(`${what} ${shown(file)} is not a text file (it contains NUL bytes)`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Reads and parses a JSON file; a syntax error names the file and the position. */
export function readJsonFile(file: string, what: string): unknown {
  const text = readTextFile(file, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unreadable';
    throw new InputError(`${what} ${shown(file)} is not valid JSON: ${message.length > 160 ? `${message.slice(0, 160)}…` : message}`);
  }
}

/** Whether an argument names a file rather than an id. */
export function looksLikePath(argument: string): boolean {
  return /[\\/]/.test(argument) || /\.json$/i.test(argument);
}
